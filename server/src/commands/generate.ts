import * as fs from 'fs';
import { createCodeTables } from '../node/dataFiles';
import { parseBudgetDocument } from '../service/document';
import { setLocale, t } from '../service/i18n/l10n';
import { applyEdits, generatableSections, generateSection, normalizeTitle } from '../service/narrative';
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

function parseArgs(argv: readonly string[]): GenerateOptions | string {
  const options: GenerateOptions = { sections: [], inPlace: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (name) {
      case '--section': {
        const v = value();
        if (!v) return '--section takes a section title';
        options.sections.push(v);
        break;
      }
      case '--in-place': options.inPlace = true; break;
      case '--locale': options.locale = value(); break;
      case '-h': case '--help': return GENERATE_USAGE;
      default:
        if (arg.startsWith('-')) return `unknown option ${arg}`;
        if (options.file) return GENERATE_USAGE;
        options.file = arg;
    }
  }
  return options.file ? options : GENERATE_USAGE;
}

export async function runGenerate(argv: readonly string[], io: { stdout(s: string): void; stderr(s: string): void }): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.stderr(options + '\n');
    return 2;
  }
  setLocale(options.locale ?? 'zh-cn');
  const file = options.file!;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    io.stderr(t('budget-check: cannot read {0}', file) + '\n');
    return 2;
  }
  const codes = createCodeTables().tables;
  const document = parseBudgetDocument(text);
  const known = generatableSections(document, codes);
  let targets: NarrativeSectionInfo[] = known;
  if (options.sections.length > 0) {
    targets = [];
    for (const wanted of options.sections) {
      const matching = matchTitle(known, wanted);
      if (matching.length === 0) {
        io.stderr(t('generate: no section titled {0} can be generated', wanted) + '\n');
        return 2;
      }
      targets.push(...matching.filter((m) => !targets.includes(m)));
    }
  }
  const generations: SectionGeneration[] = [];
  for (const info of targets) {
    if (!info.generatable) {
      io.stderr(t('generate: left as written: {0} ({1})', info.title, info.reason ?? '') + '\n');
      continue;
    }
    const generation = generateSection(document, codes, info.path);
    if (!generation) continue;
    if (generation.changed) generations.push(generation);
    io.stderr((generation.changed ? t('generate: regenerated: {0}', info.title) : t('generate: unchanged: {0}', info.title)) + '\n');
  }
  const output = applyEdits(text, generations.map((g) => g.edit));
  if (options.inPlace) {
    try {
      if (output !== text) fs.writeFileSync(file, output, 'utf8');
    } catch {
      io.stderr(t('budget-check: cannot write {0}', file) + '\n');
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
