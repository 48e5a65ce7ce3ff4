import { getLocale } from '../i18n/l10n';
import type { ReportedFinding, RuleContext, RuleRun } from './ruleTypes';

/**
 * Results of a rule on one YAML node (a table row), recorded once and replayed while the node
 * is unchanged: an edit re-checks the rows it touched, not the whole table. Recorded findings
 * keep their spans, which are the nodes' own and follow them when the text above moves
 * (yaml/nodes.ts). The key must contain everything else the result depends on.
 */
interface Recording {
  checks: number;
  readonly reasons: string[];
  readonly reports: ReportedFinding[];
}

const recordings = new WeakMap<object, Map<string, Recording>>();
const ids = new WeakMap<object, number>();
let nextId = 1;

export function idOf(object: object): number {
  let id = ids.get(object);
  if (id === undefined) {
    id = nextId++;
    ids.set(object, id);
  }
  return id;
}

/** What every recorded result depends on besides the node: locale, settings, code tables, year. */
export function contextKey(context: RuleContext): string {
  return `${getLocale()}|${idOf(context.settings)}|${idOf(context.codes)}|${context.settings.codeYear ?? context.report.year ?? ''}`;
}

export function memoized(run: RuleRun, node: object, key: string, compute: (run: RuleRun) => void): void {
  let perNode = recordings.get(node);
  let recording = perNode?.get(key);
  if (!recording) {
    const fresh: Recording = { checks: 0, reasons: [], reports: [] };
    compute({
      checked(count = 1) { fresh.checks += count; },
      couldNotCheck(reason) { fresh.reasons.push(reason); },
      report(finding) { fresh.reports.push(finding); },
    });
    recording = fresh;
    if (!perNode) {
      perNode = new Map();
      recordings.set(node, perNode);
    }
    if (perNode.size > 16) perNode.clear();
    perNode.set(key, recording);
  }
  if (recording.checks) run.checked(recording.checks);
  for (const reason of recording.reasons) run.couldNotCheck(reason);
  for (const finding of recording.reports) run.report(finding);
}
