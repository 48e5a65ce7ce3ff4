import type { OffsetEdit } from '../../service/findings';
import { lineContext } from '../../service/completion/lineContext';

/**
 * Edits that write a picked code and its official name into the row at `offset` (the code
 * picker of the editor). A flow row `{ code: …, name: … }` gets both values replaced or added;
 * a block row gets its `code:` and `name:` lines; elsewhere a new flow row is inserted. Economic
 * tables' `gov_code`/`gov_name` are used when the cursor is in one of them.
 */
export function codeInsertionEdits(text: string, offset: number, code: string, name: string): OffsetEdit[] {
  const context = lineContext(text, offset);
  const government = context.key === 'gov_code' || context.key === 'gov_name';
  const codeKey = government ? 'gov_code' : 'code';
  const nameKey = government ? 'gov_name' : 'name';
  const codeText = `"${code}"`;
  const nameText = yamlFlowScalar(name);

  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd -= 1;
  const line = text.slice(lineStart, lineEnd);

  const open = line.indexOf('{');
  if (open >= 0 && line.indexOf('}', open) >= 0) {
    const close = line.lastIndexOf('}');
    const codeValue = flowValue(line, codeKey);
    const nameValue = flowValue(line, nameKey);
    const at = (i: number) => lineStart + i;
    const edits: OffsetEdit[] = [];
    if (codeValue) edits.push({ span: { start: at(codeValue.start), end: at(codeValue.end) }, newText: nameValue ? codeText : `${codeText}, ${nameKey}: ${nameText}` });
    if (nameValue) edits.push({ span: { start: at(nameValue.start), end: at(nameValue.end) }, newText: nameText });
    if (!codeValue) {
      const inner = line.slice(open + 1, close);
      if (!inner.trim()) return [{ span: { start: at(open + 1), end: at(close) }, newText: ` ${codeKey}: ${codeText}, ${nameKey}: ${nameText} ` }];
      let insertAt = open + 1;
      while (line[insertAt] === ' ') insertAt++;
      edits.push({ span: { start: at(insertAt), end: at(insertAt) }, newText: nameValue ? `${codeKey}: ${codeText}, ` : `${codeKey}: ${codeText}, ${nameKey}: ${nameText}, ` });
    }
    return edits;
  }

  const block = /^(\s*)(-\s+)?([A-Za-z_]\w*)\s*:[ \t]*(.*)$/.exec(line);
  if (block && (block[3] === codeKey || block[3] === nameKey)) {
    const keyIndent = block[1].length + (block[2]?.length ?? 0);
    const valueStart = lineStart + line.length - block[4].length;
    const here = block[3] === codeKey;
    const value = here ? codeText : nameText;
    const partnerKey = here ? nameKey : codeKey;
    const partnerValue = here ? nameText : codeText;
    const partner = blockSibling(text, lineStart, keyIndent, partnerKey);
    if (partner) return [{ span: { start: valueStart, end: lineEnd }, newText: value }, { span: partner, newText: partnerValue }];
    // One edit, so that no editor has to order two insertions at the same place.
    return [{ span: { start: valueStart, end: lineEnd }, newText: `${value}\n${' '.repeat(keyIndent)}${partnerKey}: ${partnerValue}` }];
  }

  const before = text.slice(lineStart, offset);
  const row = `{ ${codeKey}: ${codeText}, ${nameKey}: ${nameText} }`;
  if (/^\s*-\s*$/.test(before)) return [{ span: { start: offset, end: offset }, newText: before.endsWith(' ') ? row : ' ' + row }];
  if (/^\s*$/.test(before)) return [{ span: { start: offset, end: offset }, newText: `- ${row}` }];
  return [{ span: { start: offset, end: offset }, newText: `${code} ${name}` }];
}

/** The value span of `key` in a one-line flow mapping (empty span when the value is blank). */
function flowValue(line: string, key: string): { start: number; end: number } | undefined {
  const found = new RegExp(`([{,]\\s*)${key}\\s*:[ \\t]*`).exec(line);
  if (!found) return undefined;
  const start = found.index + found[0].length;
  let end = start;
  if (line[end] === '"' || line[end] === "'") {
    const close = line.indexOf(line[end], end + 1);
    end = close < 0 ? line.length : close + 1;
  } else {
    while (end < line.length && line[end] !== ',' && line[end] !== '}') end++;
    while (end > start && line[end - 1] === ' ') end--;
  }
  return { start, end };
}

/** The value span of a sibling `key:` line of the same block mapping, if there is one. */
function blockSibling(text: string, lineStart: number, keyIndent: number, key: string): { start: number; end: number } | undefined {
  const lines: Array<{ start: number; text: string }> = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ start, text: part.replace(/\r$/, '') });
    start += part.length + 1;
  }
  const index = lines.findIndex((l) => l.start === lineStart);
  const belongs = (l: string) => {
    const m = /^(\s*)(-\s+)?/.exec(l)!;
    return { indent: m[1].length + (m[2]?.length ?? 0), item: !!m[2], blank: !l.trim() || l.trim().startsWith('#') };
  };
  const match = (l: { start: number; text: string }) => {
    const m = new RegExp(`^(\\s*)(-\\s+)?${key}\\s*:[ \\t]*`).exec(l.text);
    return m && belongs(l.text).indent === keyIndent ? { start: l.start + m[0].length, end: l.start + l.text.length } : undefined;
  };
  const current = belongs(lines[index].text);
  // Forward: until the mapping ends (less indent, or the next item of the same sequence).
  for (let i = index + 1; i < lines.length; i++) {
    const b = belongs(lines[i].text);
    if (b.blank) continue;
    if (b.indent < keyIndent || (b.item && b.indent <= keyIndent)) break;
    const found = match(lines[i]);
    if (found) return found;
  }
  // Backward: up to the line that starts this item (or the mapping's first key).
  if (current.item) return undefined;
  for (let i = index - 1; i >= 0; i--) {
    const b = belongs(lines[i].text);
    if (b.blank) continue;
    if (b.indent < keyIndent) break;
    const found = match(lines[i]);
    if (found) return found;
    if (b.item && b.indent === keyIndent) break;
  }
  return undefined;
}

/** A name as a flow-safe YAML scalar: plain when that is unambiguous, double-quoted otherwise. */
export function yamlFlowScalar(value: string): string {
  const plain = value !== '' && !/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) && !/[,[\]{}]|: | #|\s$/.test(value) && !/^(true|false|null|~|[-+]?\d)/i.test(value);
  return plain ? value : JSON.stringify(value);
}
