import { parseYaml, ParsedYaml } from './yaml/parseYaml';
import { buildReport, ModelProblem } from './model/buildReport';
import type { Report } from './model/types';

/** Everything the features need about one version of a document, computed once. */
export interface ParsedDocument {
  readonly text: string;
  readonly yaml: ParsedYaml;
  readonly report: Report;
  readonly modelProblems: readonly ModelProblem[];
}

export function parseBudgetDocument(text: string): ParsedDocument {
  const yaml = parseYaml(text);
  const { report, problems } = buildReport(yaml.root);
  return { text, yaml, report, modelProblems: problems };
}
