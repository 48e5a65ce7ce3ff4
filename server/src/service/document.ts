import { parseYaml, IncrementalParse, ChunkedParseOptions } from './yaml/incremental';
import { DEFAULT_LIMITS } from './yaml/parseYaml';
import type { ChunkSplits } from './yaml/chunks';
import { buildReport, ModelProblem } from './model/buildReport';
import type { Report } from './model/types';

/** Everything the features need about one version of a document, computed once. */
export interface ParsedDocument {
  readonly text: string;
  readonly yaml: IncrementalParse;
  readonly report: Report;
  readonly modelProblems: readonly ModelProblem[];
}

/**
 * Where a report's text is split into chunks parsed apart (the YAML layer knows no report
 * format): each section of `narrative:`, each table of `tables:` and each row of a table's `rows:`.
 */
export const REPORT_CHUNK_SPLITS: ChunkSplits = { sequences: ['narrative'], mappings: { tables: 'rows' } };

/** How a report's text is parsed: the default limits, split at the report's chunks. */
export const REPORT_PARSE: ChunkedParseOptions = { ...DEFAULT_LIMITS, splits: REPORT_CHUNK_SPLITS };

/**
 * Parses a document; with the previous version of the same document, only the chunks
 * (rows, table heads, sections) whose text changed are parsed again.
 */
export function parseBudgetDocument(text: string, previous?: ParsedDocument): ParsedDocument {
  const yaml = parseYaml(text, REPORT_PARSE, previous?.yaml.cache);
  const { report, problems } = buildReport(yaml.root);
  return { text, yaml, report, modelProblems: problems };
}
