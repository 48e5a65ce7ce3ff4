import { t } from '../i18n/l10n';
import { yamlSyntaxText } from './syntaxMessages';
import { DEFAULT_LIMITS, YamlProblem } from './parseYaml';

/**
 * What a person is told about a file that cannot be read as it should: a YAML problem of the
 * parse (yaml/* rules, the export's list of problems) and a file that is not UTF-8 encoded
 * (yaml/encoding, the command line's reading of files). Messages only, next to the syntax
 * messages: the rules report them, the command line and the server show them too, without
 * reaching into rule modules.
 */

/** The plain message of a YAML problem, as its rule reports it (also for the export's list of problems). */
export function yamlProblemText(problem: YamlProblem, text: string): string {
  return MESSAGES[problem.kind](problem, text);
}

const MESSAGES: Readonly<Record<YamlProblem['kind'], (p: YamlProblem, text: string) => string>> = {
  syntax: (p) => t('YAML syntax error: {0}', yamlSyntaxText(p.code)),
  'duplicate-key': () => t('Duplicate key: only one value is used'),
  alias: (p, text) => t('YAML aliases are not used in reports and are not expanded ({0})', text.slice(p.start, p.end)),
  tag: (p) => t('Custom YAML tags are ignored ({0})', /^tag (.+) is ignored$/.exec(p.message)?.[1] ?? ''),
  'too-deep': () => t('The document is nested too deeply to be read; the deeper part is ignored'),
  'too-large': (_p, text) => t('The document is too large to be checked ({0})', t('{0} characters; the limit is {1}', text.length, DEFAULT_LIMITS.maxLength)),
  'multi-document': () => t('Only the first YAML document of the file is read'),
};

/** The message of yaml/encoding: the file is not UTF-8; `label` names the encoding when it is known. */
export function encodingMessage(label?: string): string {
  return label
    ? t('The file is not UTF-8 encoded; save it as UTF-8 (it looks like {0})', label)
    : t('The file is not UTF-8 encoded; save it as UTF-8');
}
