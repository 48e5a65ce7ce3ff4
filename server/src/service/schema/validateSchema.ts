import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { REPORT_SCHEMA, schemaAtPath, JsonSchema } from './schemaInfo';
import { nodeAtPointer, SkipRule, toJson } from '../yaml/toJson';
import type { Span, YNode } from '../yaml/ast';
import { BLOCK_SIZE, NodeBlockCache } from '../yaml/nodeBlocks';

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
  /** For an unknown key: the keys written beside it (a rename must not repeat one). */
  readonly siblings?: readonly string[];
}

let compiled: ValidateFunction | undefined;
let ajv: Ajv | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
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

export function pathSegments(pointer: string): Array<string | number> {
  return pointer.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/**
 * Validates the document against the report schema; each error is mapped to the range of its
 * node. The rows of the tables are validated one by one against their table's row schema and
 * the result is kept per row node, so an edit re-validates the rows it touched and the small
 * rest of the document (whose `rows` lists are validated as empty lists).
 */
export function validateSchema(root: YNode | null, textLength: number): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const validate = validator();
  if (!validate(toJson(root, skipRows))) collect(validate.errors ?? [], root, '', root, textLength, problems);
  const tables = root?.kind === 'map' ? root.pairs.find((p) => p.key.value === 'tables')?.value : undefined;
  if (tables?.kind === 'map') {
    for (const table of tables.pairs) {
      const rows = table.value?.kind === 'map' ? table.value.pairs.find((p) => p.key.value === 'rows')?.value : undefined;
      if (rows?.kind !== 'seq') continue;
      const validateRows = rowsValidator(table.key.value);
      if (!validateRows) continue;
      const tableKey = table.key.value;
      const items = rows.items;
      // Unchanged blocks of rows give back their rows with errors without a look-up per row.
      const blocks = ROW_ERROR_BLOCKS.values(items.length, (i) => items[i], () => tableKey, (start, end) => {
        const failing: Array<{ readonly index: number; readonly errors: ErrorObject[] }> = [];
        for (let i = start; i < end; i++) {
          const errors = rowErrors(validateRows, tableKey, items[i]);
          if (errors.length) failing.push({ index: i - start, errors });
        }
        return failing;
      });
      blocks.forEach((failing, block) => {
        for (const { index, errors } of failing) {
          const at = block * BLOCK_SIZE + index;
          collect(errors, items[at], `/tables/${escapePointer(tableKey)}/rows/${at}`, root, textLength, problems);
        }
      });
    }
  }
  return problems;
}

/** toJson() filter: the rows of tables are validated separately. */
const skipRows: SkipRule = {
  skips: (path) => path.length === 3 && path[0] === 'tables' && path[2] === 'rows',
  nothingBelow: (path) => path.length > 3 || (path.length > 0 && path[0] !== 'tables') || (path.length === 3 && path[2] !== 'rows'),
};

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

const rowsValidators = new Map<string, ValidateFunction | null>();

/** The validator of a table's `rows` list (its definition in the schema), or null for unknown tables. */
function rowsValidator(tableKey: string): ValidateFunction | null {
  if (rowsValidators.has(tableKey)) return rowsValidators.get(tableKey)!;
  validator();
  const definitions = (REPORT_SCHEMA as { definitions?: Record<string, JsonSchema> }).definitions ?? {};
  const tableSchema = definitions.tables?.properties?.[tableKey];
  const ref = tableSchema ? findRef(tableSchema) : undefined;
  let result: ValidateFunction | null = null;
  if (ref && ajv) {
    const pointer = `${REPORT_SCHEMA.$id ?? ''}${ref}/properties/rows`;
    try {
      result = ajv.getSchema(pointer) ?? null;
    } catch {
      result = null;
    }
  }
  rowsValidators.set(tableKey, result);
  return result;
}

function findRef(schema: JsonSchema): string | undefined {
  if (typeof schema.$ref === 'string') return schema.$ref;
  for (const branch of [...(schema.allOf ?? []), ...(schema.anyOf ?? [])]) {
    const ref = findRef(branch);
    if (ref) return ref;
  }
  return undefined;
}

/** The rows with errors of each block of a table's rows (yaml/nodeBlocks.ts). */
const ROW_ERROR_BLOCKS = new NodeBlockCache<ReadonlyArray<{ readonly index: number; readonly errors: ErrorObject[] }>>();

const ROW_ERRORS = new WeakMap<object, Map<string, ErrorObject[]>>();

/** The errors of one row, with paths relative to the row; kept per row node. */
function rowErrors(validateRows: ValidateFunction, tableKey: string, row: YNode): ErrorObject[] {
  let perNode = ROW_ERRORS.get(row);
  let errors = perNode?.get(tableKey);
  if (!errors) {
    errors = validateRows([toJson(row)]) ? [] : (validateRows.errors ?? []).map((e) => ({ ...e, instancePath: e.instancePath.replace(/^\/0/, '') }));
    if (!perNode) {
      perNode = new Map();
      ROW_ERRORS.set(row, perNode);
    }
    perNode.set(tableKey, errors);
  }
  return errors;
}

/** Turns ajv errors about `node` (paths relative to it, reported under `prefix`) into problems. */
function collect(errors: readonly ErrorObject[], node: YNode | null, prefix: string, root: YNode | null, textLength: number, problems: SchemaProblem[]): void {
  const seen = new Set<string>();
  for (const error of errors) {
    if (isAmountError(error)) continue;
    const kind = KINDS[error.keyword] ?? 'invalid';
    // oneOf/anyOf wrappers repeat what their branches say.
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    const dedupe = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const path = prefix + error.instancePath;
    const located = nodeAtPointer(node, error.instancePath);
    let span: Span = located.node ?? located.keySpan ?? { start: 0, end: Math.min(textLength, 1) };
    let title = schemaAtPath(pathSegments(path))?.title;
    let siblings: string[] | undefined;
    if (kind === 'unknown-key' && located.node?.kind === 'map') {
      const key = String((error.params as { additionalProperty?: string }).additionalProperty);
      const pair = located.node.pairs.find((p) => p.key.value === key);
      if (pair) span = pair.key;
      siblings = located.node.pairs.map((p) => p.key.value);
    } else if (kind === 'required') {
      const missing = String((error.params as { missingProperty?: string }).missingProperty);
      title = schemaAtPath([...pathSegments(path), missing])?.title;
      span = located.keySpan ?? firstLine(located.node, textLength);
    } else if (located.node && located.node.kind !== 'scalar') {
      span = located.keySpan ?? firstLine(located.node, textLength);
    }
    problems.push({
      kind,
      span,
      path,
      keyword: error.keyword,
      params: error.params as Record<string, unknown>,
      title,
      allowed: kind === 'enum' ? (error.params as { allowedValues?: unknown[] }).allowedValues : undefined,
      siblings,
    });
  }
  void root;
}

function firstLine(node: YNode | null, textLength: number): Span {
  if (!node) return { start: 0, end: Math.min(textLength, 1) };
  return { start: node.start, end: Math.min(node.end, node.start + 1) };
}
