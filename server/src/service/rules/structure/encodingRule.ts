import { misdecodedText } from '../../yaml/encoding';
import { encodingMessage } from '../../yaml/problemMessages';
import type { Span } from '../../yaml/ast';
import type { Rule } from '../ruleTypes';

/**
 * yaml/encoding: the file is not UTF-8. A file in another encoding (UTF-16, GBK/GB18030) is one
 * finding at the start of the file — the other rules would only report its garbled text, so
 * they are not run and the ledger says why ("could not check", never "passed").
 *
 * The command line knows the encoding from the file's bytes (yaml/encoding.ts); an editor
 * decodes files itself and hands over text, where a wrong decoding leaves its marks.
 */

export const ENCODING_RULE_ID = 'yaml/encoding';

/** The start of the file: its first line, at most a few characters into it. */
export function startSpan(text: string): Span {
  const lineEnd = text.search(/[\r\n]/);
  return { start: 0, end: Math.min(lineEnd < 0 ? text.length : lineEnd, 40) };
}

export const encodingRule: Rule = {
  id: ENCODING_RULE_ID,
  area: 'yaml',
  severity: 'error',
  title: '文件不是 UTF-8 编码（如 GBK、UTF-16），请另存为 UTF-8',
  run(context, run) {
    run.checked();
    const found = misdecodedText(context.text);
    if (found) run.report({ span: startSpan(context.text), message: encodingMessage(found === 'utf-16' ? 'UTF-16' : undefined) });
  },
};
