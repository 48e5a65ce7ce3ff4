import { CompletionItem, CompletionItemKind, CompletionList, InsertTextFormat, MarkupKind, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../document';
import type { CodeSystem, CodeTables } from '../codes/codeTables';
import { isTableKey, TABLE_DEFS } from '../model/tableDefs';
import { ITEM_IDS } from '../model/itemLists';
import { schemaAtPath, resolveRef, JsonSchema } from '../schema/schemaInfo';
import { t } from '../i18n/l10n';
import { candidates, match } from './codeIndex';
import { lineContext, LineContext } from './lineContext';

const MAX_ITEMS = 100;

/** Completion at a position: codes and names, item labels, keys and enum values. */
export function complete(textDocument: TextDocument, parsed: ParsedDocument, position: Position, codes: CodeTables, codeYear?: number): CompletionList {
  const text = textDocument.getText();
  const offset = textDocument.offsetAt(position);
  const context = lineContext(text, offset);
  if (isInBlockScalar(text, offset)) return CompletionList.create([], false);
  const year = codeYear ?? parsed.report.year ?? yearFromText(text);
  if (!context.atKey && context.key) {
    const system = codeSystemAt(context);
    if (system && (context.key === 'code' || context.key === 'gov_code' || context.key === 'name' || context.key === 'gov_name')) {
      return codeCompletions(textDocument, context, system, codes, year);
    }
    if (context.key === 'item') {
      const items = itemCompletions(textDocument, context, codes, year);
      if (items) return items;
    }
    return valueCompletions(textDocument, context);
  }
  if (context.atKey) return keyCompletions(textDocument, context);
  return CompletionList.create([], false);
}

function yearFromText(text: string): number | undefined {
  const m = /^year:\s*(\d{4})/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Whether the offset is inside a literal/folded block (the prose): no completion there. */
function isInBlockScalar(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  const indent = line.length - line.trimStart().length;
  let end = lineStart - 1;
  for (let n = 0; end > 0 && n < 2000; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const previous = text.slice(start, end);
    end = start - 1;
    if (!previous.trim()) continue;
    const previousIndent = previous.length - previous.trimStart().length;
    if (previousIndent < indent) return /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(previous);
  }
  return false;
}

/** Which classification the code column under the cursor takes. */
function codeSystemAt(context: LineContext): CodeSystem | undefined {
  const [root, tableKey, section] = context.path;
  if (root !== 'tables' || typeof tableKey !== 'string' || !isTableKey(tableKey)) return undefined;
  if (section !== 'rows') return undefined;
  const classification = TABLE_DEFS.get(tableKey)!.classification;
  if (!classification) return undefined;
  if (context.key === 'gov_code' || context.key === 'gov_name') return 'economic-government';
  return classification === 'function' ? 'function' : 'economic-department';
}

function rangeOf(document: TextDocument, start: number, end: number): Range {
  return Range.create(document.positionAt(start), document.positionAt(end));
}

function codeCompletions(document: TextDocument, context: LineContext, system: CodeSystem, codes: CodeTables, year: number | undefined): CompletionList {
  const text = document.getText();
  const typingCode = context.key === 'code' || context.key === 'gov_code';
  const partnerKey = context.key === 'code' ? 'name' : context.key === 'name' ? 'code' : context.key === 'gov_code' ? 'gov_name' : 'gov_code';
  const matches = [];
  for (const candidate of candidates(codes, system, year)) {
    const m = match(candidate, context.prefix);
    if (m) matches.push({ candidate, m });
  }
  matches.sort((a, b) => a.m.rank - b.m.rank || a.candidate.entry.code.localeCompare(b.candidate.entry.code));
  const lineEnd = text.indexOf('\n', context.lineStart) < 0 ? text.length : text.indexOf('\n', context.lineStart);
  const closingQuote = context.quote && text[context.valueEnd] === context.quote;
  const items: CompletionItem[] = matches.slice(0, MAX_ITEMS).map(({ candidate, m }, index) => {
    const { code, name } = candidate.entry;
    const value = typingCode ? code : name;
    const quoted = typingCode ? (context.quote ? value + context.quote : `"${value}"`) : value;
    const item: CompletionItem = {
      label: `${code} ${name}`,
      kind: CompletionItemKind.Value,
      detail: candidate.path,
      documentation: { kind: MarkupKind.Markdown, value: `**${code}** ${name}\n\n${candidate.path}\n\n${t('source: {0}', candidate.entry.source)}` },
      filterText: `${context.prefix} ${code} ${name} ${candidate.initials}`,
      sortText: String(index).padStart(4, '0'),
      textEdit: TextEdit.replace(rangeOf(document, context.prefixStart, context.valueEnd + (closingQuote ? 1 : 0)), quoted),
      additionalTextEdits: partnerEdits(document, context, partnerKey, typingCode ? name : code, lineEnd),
    };
    void m;
    return item;
  });
  return CompletionList.create(items, true);
}

/** Sets the partner field (name beside code, or code beside name) in the same row. */
function partnerEdits(document: TextDocument, context: LineContext, key: string, value: string, lineEnd: number): TextEdit[] {
  const text = document.getText();
  const written = key.endsWith('code') ? `"${value}"` : value;
  if (context.inFlow) {
    const line = text.slice(context.lineStart, lineEnd);
    const pattern = new RegExp(`([{,]\\s*)${key}\\s*:\\s*`);
    const found = pattern.exec(line);
    if (found) {
      const valueStart = context.lineStart + found.index + found[0].length;
      let end = valueStart;
      if (text[end] === '"' || text[end] === "'") {
        const close = text.indexOf(text[end], end + 1);
        end = close < 0 || close > lineEnd ? lineEnd : close + 1;
      } else {
        while (end < lineEnd && text[end] !== ',' && text[end] !== '}') end++;
        while (end > valueStart && text[end - 1] === ' ') end--;
      }
      return [TextEdit.replace(rangeOf(document, valueStart, end), written)];
    }
    // Insert after the value being typed.
    let insertAt = context.valueEnd;
    if (context.quote && text[insertAt] === context.quote) insertAt += 1;
    return [TextEdit.insert(document.positionAt(insertAt), `, ${key}: ${written}`)];
  }
  if (context.siblingKeys.includes(key)) {
    const siblingLine = findBlockSibling(text, context, key);
    if (siblingLine) return [TextEdit.replace(rangeOf(document, siblingLine.start, siblingLine.end), written)];
    return [];
  }
  return [TextEdit.insert(document.positionAt(lineEnd), `\n${' '.repeat(context.indent)}${key}: ${written}`)];
}

function findBlockSibling(text: string, context: LineContext, key: string): { start: number; end: number } | undefined {
  const pattern = new RegExp(`^(\\s*-\\s+|\\s{${context.indent}})${key}\\s*:[ \\t]*`, 'm');
  const windowStart = Math.max(0, context.lineStart - 4000);
  const slice = text.slice(windowStart, context.lineStart + 4000);
  let best: { start: number; end: number } | undefined;
  for (const m of slice.matchAll(new RegExp(pattern.source, 'gm'))) {
    const start = windowStart + (m.index ?? 0) + m[0].length;
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (!best || Math.abs(start - context.lineStart) < Math.abs(best.start - context.lineStart)) best = { start, end };
  }
  return best;
}

/** Item labels of 收支总表 / 财政拨款收支总表 lists: standard income items and 类 names. */
function itemCompletions(document: TextDocument, context: LineContext, codes: CodeTables, year: number | undefined): CompletionList | undefined {
  const [root, tableKey, list] = context.path;
  if (root !== 'tables' || (tableKey !== 'summary' && tableKey !== 'fiscal_summary')) return undefined;
  const range = rangeOf(document, context.prefixStart, context.valueEnd);
  const labels: Array<{ label: string; detail: string }> = [];
  if (list === 'income') {
    for (const [id, def] of ITEM_IDS) labels.push({ label: def.labels[0], detail: id });
  } else if (list === 'expense') {
    for (const entry of codes.entries('function', year)) if (entry.code.length === 3) labels.push({ label: entry.name, detail: entry.code });
  } else {
    return undefined;
  }
  const items = labels.filter((l) => !context.prefix || l.label.includes(context.prefix)).map((l, i) => ({
    label: l.label,
    kind: CompletionItemKind.EnumMember,
    detail: l.detail,
    sortText: String(i).padStart(4, '0'),
    textEdit: TextEdit.replace(range, l.label),
  }));
  return CompletionList.create(items, false);
}

function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  const resolved = resolveRef(schema);
  if (!resolved) return {};
  const result: Record<string, JsonSchema> = { ...(resolved.properties ?? {}) };
  for (const branch of [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) Object.assign(result, propertiesOf(branch));
  return result;
}

function keyCompletions(document: TextDocument, context: LineContext): CompletionList {
  const schema = schemaAtPath(context.path);
  const properties = propertiesOf(schema);
  const range = rangeOf(document, context.prefixStart, context.prefixStart + context.prefix.length);
  const items: CompletionItem[] = [];
  for (const [key, property] of Object.entries(properties)) {
    if (context.siblingKeys.includes(key) || !key.startsWith(context.prefix)) continue;
    const resolved = resolveRef(property) ?? property;
    const title = property.title ?? resolved.title ?? '';
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: title,
      documentation: property.description ?? resolved.description ? { kind: MarkupKind.Markdown, value: String(property.description ?? resolved.description) } : undefined,
      filterText: `${key} ${title}`,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: TextEdit.replace(range, `${key}: `),
    });
  }
  return CompletionList.create(items, false);
}

function valueCompletions(document: TextDocument, context: LineContext): CompletionList {
  const schema = resolveRef(schemaAtPath([...context.path, context.key!]));
  const values = (schema?.enum ?? (schema?.examples as unknown[] | undefined) ?? []).map(String);
  const range = rangeOf(document, context.prefixStart, context.valueEnd);
  const items = values.filter((v) => v.startsWith(context.prefix)).map((value) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    detail: schema?.title,
    textEdit: TextEdit.replace(range, value),
  }));
  return CompletionList.create(items, false);
}
