import type { OffsetEdit } from '../findings';
import type { Section } from '../model/types';

/**
 * The edit that replaces a section's text with new lines: only the content lines of its
 * `text: |` block (the header, its indentation and everything outside the block stay). A
 * section written with a plain or quoted `text:` becomes a literal block; a section without
 * `text:` gets one after its title.
 */
export function textBlockEdit(documentText: string, section: Section, lines: readonly string[]): OffsetEdit | undefined {
  const text = section.text;
  if (text && text.style === 'literal' && text.lineStarts && text.lineStarts.length > 0) {
    const valueLines = text.value.split('\n');
    let last = valueLines.length - 1;
    while (last >= 0 && valueLines[last].length === 0) last -= 1;
    if (last >= 0 && text.lineStarts[0] <= documentText.length) {
      const firstStart = text.lineStarts[0];
      const lineBegin = documentText.lastIndexOf('\n', firstStart - 1) + 1;
      const indent = documentText.slice(lineBegin, firstStart);
      if (/^ *$/.test(indent)) {
        const end = text.lineStarts[last] + valueLines[last].length;
        return { span: { start: lineBegin, end }, newText: indented(lines, indent) };
      }
    }
  }
  if (text && text.style === 'literal') {
    // An empty block: the lines go after the header line.
    const headerEnd = lineEnd(documentText, text.span.start);
    const indent = ' '.repeat(keyColumn(documentText, text.span.start) + 2);
    return { span: { start: headerEnd, end: headerEnd }, newText: '\n' + indented(lines, indent) };
  }
  if (text) {
    const indent = ' '.repeat(keyColumn(documentText, text.span.start) + 2);
    return { span: text.span, newText: '|\n' + indented(lines, indent) };
  }
  if (!section.title) return undefined;
  const titleLineBegin = documentText.lastIndexOf('\n', section.title.span.start - 1) + 1;
  const titleLine = documentText.slice(titleLineBegin, lineEnd(documentText, titleLineBegin));
  const column = titleLine.indexOf('title:');
  // A flow mapping ({ title: … }) or a multi-line title cannot take a block after it.
  if (column < 0 || titleLine.trimStart().startsWith('{') || lineEnd(documentText, section.title.span.start) < section.title.span.end) return undefined;
  const keyIndent = ' '.repeat(column);
  const at = lineEnd(documentText, section.title.span.end);
  return { span: { start: at, end: at }, newText: `\n${keyIndent}text: |\n` + indented(lines, keyIndent + '  ') };
}

function indented(lines: readonly string[], indent: string): string {
  return lines.map((line) => (line.length > 0 ? indent + line : '')).join('\n');
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** Column of the key whose value starts at `offset` (“text:” or “- text:”). */
function keyColumn(text: string, offset: number): number {
  const begin = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(begin, offset);
  const key = /^(\s*(?:-\s+)?)[^\s]/.exec(line);
  return key ? key[1].length : 0;
}

/** Applies non-overlapping offset edits to a text. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}
