import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { setFrontEndLocale, t } from '../service/i18n/l10n';
import { parseBudgetDocument } from '../service/document';
import { reportToXlsx } from '../publish/node/workbooks';
import { renderHtml } from '../publish/html/renderHtml';
import { findChromium, printPdf } from '../publish/node/printPdf';
import { parseArgs } from 'util';
import { CommandIO, usageOr } from './args';
import { readReportText } from '../node/reportFiles';
import { describeError } from '../service/i18n/plainError';
import { yamlProblemText } from '../service/yaml/problemMessages';

/**
 * budget-check export — the report's tables as the official Excel workbook, and the whole
 * publication as HTML or PDF.
 *
 *   budget-check export <report.budget.yaml> [--xlsx out.xlsx] [--html out.html] [--pdf out.pdf] [--locale zh-cn|en]
 *
 * --pdf prints the HTML with Debian's chromium (headless --print-to-pdf); BUDGET_CHROMIUM names
 * another binary. Exit 0 when everything was written, 1 when the report has YAML errors or
 * figures that could not be read (the output shows what could be read, such figures blank),
 * 2 for usage, unreadable input, no chromium for --pdf, or a failed write.
 */

const USAGE = 'usage: budget-check export <report.budget.yaml> [--xlsx out.xlsx] [--html out.html] [--pdf out.pdf] [--locale zh-cn|en]';

interface Options {
  input?: string;
  xlsx?: string;
  html?: string;
  pdf?: string;
  locale?: string;
}

function readOptions(argv: readonly string[]): Options | string {
  const parsed = usageOr(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      xlsx: { type: 'string' },
      html: { type: 'string' },
      pdf: { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 1) return 'export takes one report';
  for (const name of ['xlsx', 'html', 'pdf'] as const) if (values[name] === '') return `--${name} takes the file to write`;
  if (values.help || positionals.length === 0 || (!values.xlsx && !values.html && !values.pdf)) return USAGE;
  return { input: positionals[0], xlsx: values.xlsx, html: values.html, pdf: values.pdf, locale: values.locale };
}

export async function runExport(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = readOptions(argv);
  if (typeof parsed === 'string') {
    io.stderr(parsed + '\n');
    return 2;
  }
  setFrontEndLocale(parsed.locale ?? 'zh-cn');
  const read = readReportText(parsed.input!);
  if ('message' in read) {
    io.stderr(read.message + '\n');
    return 2;
  }
  const text = read.text;
  const document = parseBudgetDocument(text);
  if (!document.report.root) {
    io.stderr(t('budget-check export: {0} is not a report (no YAML mapping)', parsed.input!) + '\n');
    return 2;
  }
  let problems = 0;
  for (const problem of document.yaml.problems) {
    const line = text.slice(0, problem.start).split('\n').length;
    io.stderr(t('{0}:{1}: {2}; the export shows what could be read', parsed.input!, line, yamlProblemText(problem, text)) + '\n');
    problems += 1;
  }
  for (const problem of document.modelProblems) {
    const line = text.slice(0, problem.span.start).split('\n').length;
    io.stderr(t('{0}:{1}: "{2}" is not an amount; it is left blank in the export', parsed.input!, line, problem.text) + '\n');
    problems += 1;
  }
  if (document.report.tables.size === 0) io.stderr(t('budget-check export: {0} has no tables', parsed.input!) + '\n');
  const write = async (file: string, data: string | Buffer): Promise<boolean> => {
    try {
      await fs.promises.writeFile(file, data);
      io.stdout(t('Wrote {0}', file) + '\n');
      return true;
    } catch (error) {
      io.stderr(t('budget-check export: cannot write {0}: {1}', file, describeError('budget-check export', error)) + '\n');
      return false;
    }
  };
  if (parsed.xlsx && !(await write(parsed.xlsx, await reportToXlsx(document.report)))) return 2;
  if (parsed.html || parsed.pdf) {
    const html = renderHtml(document.report);
    if (parsed.html && !(await write(parsed.html, html))) return 2;
    if (parsed.pdf) {
      const chromium = findChromium();
      if (!chromium) {
        io.stderr(t('budget-check export: --pdf needs chromium (Debian package chromium, or BUDGET_CHROMIUM=/path/to/chromium); use --html and print it instead') + '\n');
        return 2;
      }
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'budget-export-'));
      try {
        const source = parsed.html ?? path.join(dir, 'publication.html');
        if (!parsed.html) await fs.promises.writeFile(source, html);
        await printPdf(source, parsed.pdf, chromium);
        io.stdout(t('Wrote {0}', parsed.pdf) + '\n');
      } catch (error) {
        io.stderr(t('budget-check export: chromium could not print {0}: {1}', parsed.pdf, describeError('budget-check export', error)) + '\n');
        return 2;
      } finally {
        await fs.promises.rm(dir, { recursive: true, force: true });
      }
    }
  }
  return problems > 0 ? 1 : 0;
}
