import * as fs from 'fs';
import { parseArgs } from 'util';
import { CommandIO, usageOr } from './args';
import { readReportText } from '../node/reportFiles';
import { describeError } from '../service/i18n/plainError';
import { createCodeTables } from '../node/dataFiles';
import { parseBudgetDocument } from '../service/document';
import { setFrontEndLocale, t } from '../service/i18n/l10n';
import { DocumentAnalysis } from '../service/analysis/documentAnalysis';
import { toCheckSettings } from '../service/settings';
import { applyEdits, normalizeTitle, templateFor, unknownTemplateReason } from '../service/narrative';
import type { NarrativeSectionInfo, SectionGeneration } from '../service/narrative';

/**
 * budget-check generate <file> [--section TITLE] [--in-place] [--locale zh-cn|en]
 *
 * Prints the whole document with every generatable section of the 情况说明 regenerated from the
 * tables (or only the section titled TITLE); --in-place writes the file instead. Sections that
 * cannot be generated are left as they are and named on stderr. Exit 0 when done, 2 for usage
 * errors, an unreadable file or a --section that names no section.
 */
export const GENERATE_USAGE = 'usage: budget-check generate <file> [--section TITLE] [--in-place] [--locale zh-cn|en]';

interface GenerateOptions {
  file?: string;
  sections: string[];
  inPlace: boolean;
  locale?: string;
}

function readOptions(argv: readonly string[]): GenerateOptions | string {
  const parsed = usageOr(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      section: { type: 'string', multiple: true, default: [] },
      'in-place': { type: 'boolean', default: false },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
  if (typeof parsed === 'string') return parsed;
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) return GENERATE_USAGE;
  if (values.section.some((title) => !title)) return '--section takes a section title';
  return { file: positionals[0], sections: values.section, inPlace: values['in-place'], locale: values.locale };
}

export async function runGenerate(argv: readonly string[], io: CommandIO): Promise<number> {
  const options = readOptions(argv);
  if (typeof options === 'string') {
    io.stderr(options + '\n');
    return 2;
  }
  const messages = setFrontEndLocale(options.locale ?? 'zh-cn');
  const file = options.file!;
  const read = readReportText(file);
  if ('message' in read) {
    io.stderr(read.message + '\n');
    return 2;
  }
  const text = read.text;
  const codes = createCodeTables().tables;
  const document = parseBudgetDocument(text);
  if (!templateFor(document.report.template?.value)) {
    // Never another province's sentences in this report: nothing is written.
    io.stderr(t('generate: {0}', unknownTemplateReason(document.report.template?.value)) + '\n');
    return 2;
  }
  // The analysis the editor uses: the same sections, and the same refusal to write a figure in question.
  const analysis = new DocumentAnalysis(document, { codes, settings: toCheckSettings(), messages });
  const known = analysis.generatableSections();
  let targets: readonly NarrativeSectionInfo[] = known;
  if (options.sections.length > 0) {
    const wantedSections: NarrativeSectionInfo[] = [];
    targets = wantedSections;
    for (const wanted of options.sections) {
      const matching = matchTitle(known, wanted);
      if (matching.length === 0) {
        io.stderr(t('generate: no section titled {0} can be generated', wanted) + '\n');
        return 2;
      }
      wantedSections.push(...matching.filter((m) => !wantedSections.includes(m)));
    }
  }
  const generations: SectionGeneration[] = [];
  for (const info of targets) {
    if (!info.generatable) {
      io.stderr(t('generate: left as written: {0} ({1})', info.title, info.reason ?? '') + '\n');
      continue;
    }
    const generation = analysis.sectionGeneration(info.path);
    if (!generation) continue;
    const blocker = generation.changed ? analysis.regenerationBlocker(info.path) : undefined;
    if (blocker) {
      io.stderr(t('generate: left as written: {0} ({1})', info.title, blocker) + '\n');
      continue;
    }
    if (generation.changed) generations.push(generation);
    io.stderr((generation.changed ? t('generate: regenerated: {0}', info.title) : t('generate: unchanged: {0}', info.title)) + '\n');
  }
  const output = applyEdits(text, generations.map((g) => g.edit));
  if (options.inPlace) {
    try {
      if (output !== text) fs.writeFileSync(file, output, 'utf8');
    } catch (error) {
      io.stderr(t('budget-check: cannot write {0}: {1}', file, describeError('budget-check generate', error)) + '\n');
      return 2;
    }
  } else io.stdout(output);
  return 0;
}

/** Sections whose title is the one given: exactly, or without ordinals and spacing. */
function matchTitle(sections: readonly NarrativeSectionInfo[], wanted: string): NarrativeSectionInfo[] {
  const exact = sections.filter((s) => s.title.trim() === wanted.trim());
  if (exact.length > 0) return exact;
  const normalized = normalizeTitle(wanted);
  const same = sections.filter((s) => normalizeTitle(s.title) === normalized);
  if (same.length > 0) return same;
  return normalized.length >= 2 ? sections.filter((s) => normalizeTitle(s.title).includes(normalized)) : [];
}
