import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { REPORT_SCHEMA, schemaAtPath } from './schemaInfo';
import { nodeAtPointer, toJson } from '../yaml/toJson';
import type { Span, YNode } from '../yaml/ast';

export type SchemaProblemKind = 'unknown-key' | 'type' | 'required' | 'enum' | 'invalid';

export interface SchemaProblem {
  readonly kind: SchemaProblemKind;
  readonly span: Span;
  /** JSON pointer of the offending value. */
  readonly path: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  /** Chinese title of the property, from the schema. */
  readonly title?: string;
  readonly allowed?: readonly unknown[];
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    compiled = ajv.compile(REPORT_SCHEMA as object);
  }
  return compiled;
}

/** Amount cells are checked by the model (amount/invalid) with a clearer message. */
function isAmountError(error: ErrorObject): boolean {
  return error.schemaPath.includes('/definitions/amount/');
}

const KINDS: Record<string, SchemaProblemKind> = {
  additionalProperties: 'unknown-key',
  type: 'type',
  required: 'required',
  enum: 'enum',
};

function pathSegments(pointer: string): Array<string | number> {
  return pointer.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** Validates the document against the report schema; each error is mapped to the range of its node. */
export function validateSchema(root: YNode | null, textLength: number): SchemaProblem[] {
  const validate = validator();
  const json = toJson(root);
  if (validate(json)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (isAmountError(error)) continue;
    const kind = KINDS[error.keyword] ?? 'invalid';
    // oneOf/anyOf wrappers repeat what their branches say.
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const dedupe = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const located = nodeAtPointer(root, error.instancePath);
    let span: Span = located.node ?? located.keySpan ?? { start: 0, end: Math.min(textLength, 1) };
    let title = schemaAtPath(pathSegments(error.instancePath))?.title;
    if (kind === 'unknown-key' && located.node?.kind === 'map') {
      const key = String((error.params as { additionalProperty?: string }).additionalProperty);
      const pair = located.node.pairs.find((p) => p.key.value === key);
      if (pair) span = pair.key;
    } else if (kind === 'required') {
      const missing = String((error.params as { missingProperty?: string }).missingProperty);
      title = schemaAtPath([...pathSegments(error.instancePath), missing])?.title;
      span = located.keySpan ?? firstLine(located.node, textLength);
    } else if (located.node && located.node.kind !== 'scalar') {
      span = located.keySpan ?? firstLine(located.node, textLength);
    }
    problems.push({
      kind,
      span: { start: span.start, end: span.end },
      path: error.instancePath,
      keyword: error.keyword,
      params: error.params as Record<string, unknown>,
      title,
      allowed: kind === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : undefined,
    });
  }
  return problems;
}

function firstLine(node: YNode | null, textLength: number): Span {
  if (!node) return { start: 0, end: Math.min(textLength, 1) };
  return { start: node.start, end: Math.min(node.end, node.start + 1) };
}
