import schemaJson from '../../../../schemas/budget-report.schema.json';

/**
 * Read access to the JSON Schema, the single source of truth for structure and for the
 * Chinese titles of keys (hovers, messages, completion details).
 */
export type JsonSchema = {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  examples?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  required?: string[];
  [key: string]: unknown;
};

export const REPORT_SCHEMA = schemaJson as unknown as JsonSchema;

export function resolveRef(schema: JsonSchema | undefined, root: JsonSchema = REPORT_SCHEMA): JsonSchema | undefined {
  let current = schema;
  for (let i = 0; i < 10 && current?.$ref; i++) {
    const path = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = root;
    for (const segment of path) target = (target as Record<string, unknown>)?.[segment];
    current = target as JsonSchema | undefined;
  }
  return current;
}

/** The schema of a property of an object schema, following $refs and allOf/anyOf/oneOf branches. */
export function propertySchema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  const resolved = resolveRef(schema);
  if (!resolved) return undefined;
  const direct = resolved.properties?.[key];
  if (direct) return resolveRef(direct) && { ...resolveRef(direct), ...pickText(direct) };
  for (const [pattern, sub] of Object.entries(resolved.patternProperties ?? {})) if (new RegExp(pattern).test(key)) return resolveRef(sub);
  for (const branch of [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) {
    const found = propertySchema(branch, key);
    if (found) return found;
  }
  if (typeof resolved.additionalProperties === 'object') return resolveRef(resolved.additionalProperties);
  return undefined;
}

function pickText(schema: JsonSchema): Partial<JsonSchema> {
  const text: Partial<JsonSchema> = {};
  if (schema.title) text.title = schema.title;
  if (schema.description) text.description = schema.description;
  return text;
}

export function itemSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  const resolved = resolveRef(schema);
  if (!resolved) return undefined;
  if (resolved.items) return resolveRef(resolved.items);
  for (const branch of [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) {
    const found = itemSchema(branch);
    if (found) return found;
  }
  return undefined;
}

/** Schema for a path of keys/indices from the document root. */
export function schemaAtPath(path: ReadonlyArray<string | number>): JsonSchema | undefined {
  let schema: JsonSchema | undefined = REPORT_SCHEMA;
  for (const segment of path) {
    schema = typeof segment === 'number' ? itemSchema(schema) : propertySchema(schema, segment);
    if (!schema) return undefined;
  }
  return schema;
}

const tableTitles = new Map<string, string>();
const columnTitles = new Map<string, string>();

/** Chinese title of a table key (`expense` → 支出总表). */
export function tableTitle(key: string): string {
  let title = tableTitles.get(key);
  if (title === undefined) {
    title = schemaAtPath(['tables', key])?.title ?? key;
    tableTitles.set(key, title);
  }
  return title;
}

/** Chinese title of an amount column (`basic` → 基本支出) or of a scalar of 三公/收支总表. */
export function columnTitle(column: string): string {
  let title = columnTitles.get(column);
  if (title === undefined) {
    title = schemaAtPath(['tables', 'expense', 'rows', 0, column])?.title
      ?? schemaAtPath(['tables', 'three_public', column])?.title
      ?? schemaAtPath(['tables', 'procurement', column])?.title
      ?? schemaAtPath(['tables', 'summary', column])?.title
      ?? column;
    columnTitles.set(column, title);
  }
  return title;
}

/** Chinese title of a key inside a table (`expense_total` of summary → 支出总计). */
export function tableKeyTitle(table: string, key: string): string {
  return schemaAtPath(['tables', table, key])?.title ?? columnTitle(key);
}

/** The keys an object schema allows (its properties and those of its allOf/anyOf/oneOf branches). */
export function objectKeys(schema: JsonSchema | undefined, depth = 0): string[] {
  const resolved = resolveRef(schema);
  if (!resolved || depth > 6) return [];
  const keys = new Set(Object.keys(resolved.properties ?? {}));
  for (const branch of [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) for (const key of objectKeys(branch, depth + 1)) keys.add(key);
  return [...keys];
}
