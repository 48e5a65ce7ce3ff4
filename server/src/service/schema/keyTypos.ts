import { REPORT_SCHEMA, JsonSchema } from './schemaInfo';

/**
 * Misspelt keys (`totl`, `basc`, `exepnse`): the report format's keys are ASCII words, and a
 * key the format does not know is almost always one of them mistyped. The nearest known key is
 * the quick fix of schema/unknown-key, and the model reads a row with such a key as one whose
 * misspelt column cannot be read (never as a row whose column is blank).
 */

/** Edit distance with adjacent transpositions (optimal string alignment), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

/**
 * The one known key a mistyped key most likely stands for: the closest by edit distance (case
 * ignored), at most 1 edit for keys of up to 4 letters and 2 for longer ones; undefined when
 * none is that close or two are equally close.
 */
export function nearestKey(key: string, candidates: Iterable<string>): string | undefined {
  const typed = key.trim().toLowerCase();
  if (!typed) return undefined;
  const limit = typed.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    if (candidate === key) return undefined;
    const distance = editDistance(typed, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && candidate !== best) {
      tie = true;
    }
  }
  return best !== undefined && !tie && bestDistance <= limit ? best : undefined;
}

let schemaKeys: Set<string> | undefined;

/** Every key the report format knows somewhere (the property names of the JSON Schema). */
export function knownKeys(): ReadonlySet<string> {
  if (!schemaKeys) {
    const keys = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      if (Array.isArray(node)) {
        for (const item of node) walk(item);
        return;
      }
      const schema = node as JsonSchema;
      for (const name of Object.keys(schema.properties ?? {})) keys.add(name);
      for (const value of Object.values(schema)) walk(value);
    };
    walk(REPORT_SCHEMA);
    schemaKeys = keys;
  }
  return schemaKeys;
}
