import * as crypto from 'crypto';

/**
 * A tiny PDF writer for the tests: pages with text (any Unicode, through simple fonts whose
 * ToUnicode CMap maps one-byte codes to the characters, Chinese at 1 em, Latin and digits at
 * half an em), ruling lines, clipped text, images, and an optional password. Positions are in
 * points from the top left corner of the page, like the importer's.
 */

export interface TextItem {
  readonly x: number;
  /** Baseline, from the top of the page. */
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

export interface Clip {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly texts: readonly TextItem[];
}

export interface PageSpec {
  readonly width?: number;
  readonly height?: number;
  readonly texts?: readonly TextItem[];
  /** Lines drawn as 0.5 pt filled rectangles. */
  readonly rules?: ReadonlyArray<{ x1: number; y1: number; x2: number; y2: number }>;
  /** Text drawn inside a clip rectangle (what lies outside is not printed). */
  readonly clips?: readonly Clip[];
  /** A grey image over the page (a scanned page). */
  readonly image?: boolean;
  /**
   * Text in a CJK font the PDF does not embed (STSong-Light, predefined CMap UniGB-UCS2-H, no
   * ToUnicode): readable only with the Adobe-GB1 CMaps.
   */
  readonly unembedded?: readonly TextItem[];
}

export interface PdfSpec {
  readonly pages: readonly PageSpec[];
  /** Encrypts the document (RC4 40-bit, standard handler R2) with this user password. */
  readonly userPassword?: string;
}

const HALF_WIDTH = /^[\x20-\x7e]$/;

/** Character widths in 1/1000 em. */
function widthOf(ch: string): number {
  if (ch === ' ') return 250;
  return HALF_WIDTH.test(ch) ? 500 : 1000;
}

/** Codes a font gives out (WinAnsiEncoding): 0x20 is the space; 0x7f–0xa0 and the soft hyphen 0xad are left alone. */
const CODES = [...Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => 0x21 + i), ...Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => 0xa1 + i).filter((c) => c !== 0xad)];

class Fonts {
  /** One font per 188 distinct characters; every font maps 0x20 to the space. */
  readonly fonts: Array<Map<string, number>> = [];

  encode(text: string): Array<{ font: number; hex: string; chars: string }> {
    const runs: Array<{ font: number; hex: string; chars: string }> = [];
    for (const ch of Array.from(text)) {
      let font = ch === ' ' ? Math.max(0, runs.length ? runs[runs.length - 1].font : 0) : this.fonts.findIndex((f) => f.has(ch));
      if (this.fonts.length === 0) this.fonts.push(new Map([[' ', 0x20]]));
      if (font < 0) {
        font = this.fonts.findIndex((f) => f.size < CODES.length + 1);
        if (font < 0) { this.fonts.push(new Map([[' ', 0x20]])); font = this.fonts.length - 1; }
        const map = this.fonts[font];
        map.set(ch, CODES[map.size - 1]);
      }
      const code = this.fonts[font].get(ch)!;
      const last = runs[runs.length - 1];
      const hex = code.toString(16).padStart(2, '0');
      if (last && last.font === font) { last.hex += hex; last.chars += ch; } else runs.push({ font, hex, chars: ch });
    }
    return runs;
  }
}

function toUnicodeCMap(map: Map<string, number>): string {
  const entries = [...map].map(([ch, code]) => `<${code.toString(16).padStart(2, '0')}> <${Buffer.from(ch, 'utf16le').swap16().toString('hex')}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<00> <ff>', 'endcodespacerange',
    ...blocks,
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
}

const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);
}

function md5(...parts: Buffer[]): Buffer {
  return crypto.createHash('md5').update(Buffer.concat(parts)).digest();
}

function textOps(fonts: Fonts, items: readonly TextItem[], height: number): string {
  const ops: string[] = [];
  for (const item of items) {
    let x = item.x;
    for (const run of fonts.encode(item.text)) {
      ops.push(`BT /F${run.font + 1} ${item.size} Tf 1 0 0 1 ${x.toFixed(2)} ${(height - item.y).toFixed(2)} Tm <${run.hex}> Tj ET`);
      x += Array.from(run.chars).reduce((w, ch) => w + (widthOf(ch) * item.size) / 1000, 0);
    }
  }
  return ops.join('\n');
}

/** The width a text takes at a size, as this writer lays it out. */
export function textWidth(text: string, size: number): number {
  return Array.from(text).reduce((w, ch) => w + (widthOf(ch) * size) / 1000, 0);
}

export function buildPdf(spec: PdfSpec): Buffer {
  const fonts = new Fonts();
  const pageContents = spec.pages.map((page) => {
    const width = page.width ?? 842;
    const height = page.height ?? 595;
    const ops: string[] = [];
    if (page.image) ops.push(`q ${width - 40} 0 0 ${height - 40} 20 20 cm /Im1 Do Q`);
    for (const rule of page.rules ?? []) {
      const horizontal = Math.abs(rule.y1 - rule.y2) < 0.01;
      const x = Math.min(rule.x1, rule.x2) - (horizontal ? 0 : 0.25);
      const y = height - Math.max(rule.y1, rule.y2) - (horizontal ? 0.25 : 0);
      const w = horizontal ? Math.abs(rule.x2 - rule.x1) : 0.5;
      const h = horizontal ? 0.5 : Math.abs(rule.y2 - rule.y1);
      ops.push(`${x.toFixed(2)} ${y.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)} re f`);
    }
    ops.push(textOps(fonts, page.texts ?? [], height));
    for (const item of page.unembedded ?? []) {
      const hex = Buffer.from(item.text, 'utf16le').swap16().toString('hex');
      ops.push(`BT /F0 ${item.size} Tf 1 0 0 1 ${item.x.toFixed(2)} ${(height - item.y).toFixed(2)} Tm <${hex}> Tj ET`);
    }
    for (const clip of page.clips ?? []) {
      ops.push(`q ${clip.x} ${height - clip.y - clip.height} ${clip.width} ${clip.height} re W n`);
      ops.push(textOps(fonts, clip.texts, height));
      ops.push('Q');
    }
    return { width, height, content: ops.join('\n'), image: page.image === true };
  });

  const objects: string[] = [];
  const add = (body: string): number => { objects.push(body); return objects.length; };
  const catalog = add('');
  const pagesObj = add('');
  const fontObjects = fonts.fonts.map((map) => {
    const cmap = toUnicodeCMap(map);
    const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`);
    const widths: number[] = [];
    const byCode = new Map([...map].map(([ch, code]) => [code, ch]));
    for (let code = 0x20; code <= 0xff; code++) widths.push(byCode.has(code) ? widthOf(byCode.get(code)!) : 500);
    return add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 /Widths [${widths.join(' ')}] /ToUnicode ${toUnicode} 0 R >>`);
  });
  const image = pageContents.some((p) => p.image) ? add(`<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x90\xa0\xb0\nendstream`) : 0;
  let unembedded = 0;
  if (pageContents.some((_, i) => spec.pages[i].unembedded?.length)) {
    const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
    const cid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 /FontDescriptor ${descriptor} 0 R >>`);
    unembedded = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  }
  const fontDict = `<< ${fontObjects.map((o, i) => `/F${i + 1} ${o} 0 R`).join(' ')}${unembedded ? ` /F0 ${unembedded} 0 R` : ''} >>`;
  const pageIds = pageContents.map((page) => {
    const content = add(`<< /Length ${Buffer.byteLength(page.content, 'latin1')} >>\nstream\n${page.content}\nendstream`);
    const resources = `<< /Font ${fontDict}${image ? ` /XObject << /Im1 ${image} 0 R >>` : ''} >>`;
    return add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources ${resources} /Contents ${content} 0 R >>`);
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;

  let trailerExtra = '';
  if (spec.userPassword !== undefined) {
    const id = crypto.createHash('md5').update('budget-check test').digest();
    const owner = rc4(md5(padded('owner')).subarray(0, 5), padded(spec.userPassword));
    const permissions = Buffer.alloc(4);
    permissions.writeInt32LE(-4);
    const key = md5(padded(spec.userPassword), owner, permissions, id).subarray(0, 5);
    const user = rc4(key, PADDING);
    const encrypt = add(`<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -4 >>`);
    trailerExtra = ` /Encrypt ${encrypt} 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`;
  }

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A ruled table: rows of cell texts on a grid of column boundaries, one rule per boundary. */
export function ruledTable(options: { x: number[]; top: number; rowHeight: number; rows: ReadonlyArray<ReadonlyArray<string>>; size?: number; merges?: ReadonlyArray<{ row: number; col: number; cols: number }> }): { texts: TextItem[]; rules: Array<{ x1: number; y1: number; x2: number; y2: number }> } {
  const size = options.size ?? 9;
  const texts: TextItem[] = [];
  const rules: Array<{ x1: number; y1: number; x2: number; y2: number }> = [];
  const { x, top, rowHeight, rows } = options;
  const left = x[0];
  const right = x[x.length - 1];
  rows.forEach((row, r) => {
    const y = top + r * rowHeight;
    rules.push({ x1: left, y1: y, x2: right, y2: y });
    const merge = (col: number) => options.merges?.find((m) => m.row === r && col > m.col && col < m.col + m.cols);
    for (let c = 0; c < x.length; c++) {
      if (c > 0 && c < x.length - 1 && merge(c)) continue;
      rules.push({ x1: x[c], y1: y, x2: x[c], y2: y + rowHeight });
    }
    row.forEach((text, c) => {
      if (!text) return;
      texts.push({ x: x[c] + 2, y: y + rowHeight - (rowHeight - size) / 2 - size * 0.15, size, text });
    });
  });
  rules.push({ x1: left, y1: top + rows.length * rowHeight, x2: right, y2: top + rows.length * rowHeight });
  return { texts, rules };
}

/** Chinese printed with a font the PDF does not embed: only the predefined Adobe-GB1 CMaps tell the characters. */
export function unembeddedFontReport(): Buffer {
  return buildPdf({
    pages: [{
      width: 595,
      height: 842,
      unembedded: [
        { x: 230, y: 80, size: 18, text: '部门预算编制说明' },
        { x: 84, y: 120, size: 12, text: '本部门一般公共预算支出合计100.00万元。' },
      ],
    }],
  });
}
