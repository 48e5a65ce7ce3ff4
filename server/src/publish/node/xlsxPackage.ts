import * as zlib from 'zlib';
import { t } from '../../service/i18n/l10n';
import { PlainError } from '../../service/i18n/plainError';

/**
 * Looks into an .xlsx file (a zip package) before exceljs loads it. exceljs holds the whole
 * unpacked workbook in memory several times over: a 316 KB file whose one cell holds 300 MB of
 * text unpacks to 300 MB and took 1.3 GB to load. So the zip's central directory is read first
 * and a workbook that unpacks to more than MAX_UNPACKED_BYTES is refused with a plain message.
 * The sizes the directory states are not trusted either: every part is inflated with that size
 * as the limit (zlib's maxOutputLength), so a part that unpacks to more than it says is refused
 * too, and memory stays bounded by the limit.
 *
 * Measured with exceljs 4.4 on this project's machine (peak RSS of a load): 10 MB unpacked →
 * 136 MB, 50 MB → 369 MB, 100 MB → 524 MB, 300 MB → 1330 MB for one huge cell; for dense
 * tables 5.8 MB (20,000 rows × 7 columns, the size of a large 汇总 report) → 175 MB and
 * 30 MB (100,000 rows) → 485 MB. 32 MiB keeps a load within about 500 MB and is five times the
 * largest real budget workbook.
 */

export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** More parts than any workbook of published tables has (a part per sheet, drawing, style …). */
export const MAX_PARTS = 10000;

export interface XlsxPart {
  readonly name: string;
  readonly size: number;
}

export interface XlsxPackage {
  readonly parts: readonly XlsxPart[];
  readonly unpacked: number;
  /** External workbooks the workbook links to (xl/externalLinks/…), with their targets where stated. */
  readonly externalLinks: ReadonlyArray<{ part: string; target?: string }>;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(): PlainError {
  return new PlainError(t('the workbook cannot be read: the file is damaged or not an .xlsx workbook'));
}

function tooLarge(unpacked: number): PlainError {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(0);
  return new PlainError(t('the workbook unpacks to {0} MB, more than the {1} MB that can be imported; a sheet or cell holds far more than a budget table (save the tables alone in a new workbook)', mb(unpacked), mb(MAX_UNPACKED_BYTES)));
}

class Reader {
  constructor(private readonly data: Buffer) {}
  u16(at: number): number {
    if (at < 0 || at + 2 > this.data.length) throw damaged();
    return this.data.readUInt16LE(at);
  }
  u32(at: number): number {
    if (at < 0 || at + 4 > this.data.length) throw damaged();
    return this.data.readUInt32LE(at);
  }
  u64(at: number): number {
    if (at < 0 || at + 8 > this.data.length) throw damaged();
    const value = this.data.readBigUInt64LE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged();
    return Number(value);
  }
  slice(at: number, length: number): Buffer {
    if (at < 0 || length < 0 || at + length > this.data.length) throw damaged();
    return this.data.subarray(at, at + length);
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function endOfCentralDirectory(data: Buffer, reader: Reader): { count: number; offset: number; size: number } {
  const lowest = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= lowest; at--) {
    if (data.readUInt32LE(at) !== EOCD) continue;
    let count = reader.u16(at + 10);
    let size = reader.u32(at + 12);
    let offset = reader.u32(at + 16);
    if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && at >= 20 && reader.u32(at - 20) === ZIP64_LOCATOR) {
      const record = reader.u64(at - 20 + 8);
      if (reader.u32(record) !== ZIP64_EOCD) throw damaged();
      count = reader.u64(record + 32);
      size = reader.u64(record + 40);
      offset = reader.u64(record + 48);
    }
    return { count, offset, size };
  }
  throw damaged();
}

function centralDirectory(data: Buffer): Entry[] {
  const reader = new Reader(data);
  const end = endOfCentralDirectory(data, reader);
  if (end.count > MAX_PARTS) throw damaged();
  const entries: Entry[] = [];
  let at = end.offset;
  for (let i = 0; i < end.count; i++) {
    if (reader.u32(at) !== CENTRAL) throw damaged();
    const method = reader.u16(at + 10);
    let compressedSize = reader.u32(at + 20);
    let size = reader.u32(at + 24);
    const nameLength = reader.u16(at + 28);
    const extraLength = reader.u16(at + 30);
    const commentLength = reader.u16(at + 32);
    let localOffset = reader.u32(at + 42);
    const name = reader.slice(at + 46, nameLength).toString('utf8');
    // ZIP64: the sizes and offset that do not fit 32 bits are in the extra field 0x0001, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = reader.u16(extra);
      const length = reader.u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) { size = reader.u64(field); field += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = reader.u64(field); field += 8; }
        if (localOffset === 0xffffffff) localOffset = reader.u64(field);
      }
      extra += 4 + length;
    }
    entries.push({ name, method, compressedSize, size, localOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The bytes of a part, inflated with its stated size as the limit. */
function partBytes(data: Buffer, entry: Entry): Buffer {
  const reader = new Reader(data);
  if (reader.u32(entry.localOffset) !== LOCAL) throw damaged();
  const start = entry.localOffset + 30 + reader.u16(entry.localOffset + 26) + reader.u16(entry.localOffset + 28);
  const raw = reader.slice(start, entry.compressedSize);
  if (entry.method === 0) {
    if (raw.length !== entry.size) throw damaged();
    return raw;
  }
  if (entry.method !== 8) throw damaged();
  let inflated: Buffer;
  try {
    inflated = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    // More than the directory says (a part that lies about its size: ERR_BUFFER_TOO_LARGE), or not deflate data.
    throw damaged();
  }
  if (inflated.length !== entry.size) throw damaged();
  return inflated;
}

/**
 * Reads the package's directory and checks its unpacked size. Throws a PlainError for a file that
 * is not a zip package or that unpacks to more than `limit` bytes.
 */
export function inspectXlsxPackage(data: Buffer, limit = MAX_UNPACKED_BYTES): XlsxPackage {
  const entries = centralDirectory(data);
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > limit) throw tooLarge(unpacked);
  const externalLinks: Array<{ part: string; target?: string }> = [];
  const rels = new Map<string, string>();
  for (const entry of entries) {
    const bytes = partBytes(data, entry);
    if (/^xl\/externalLinks\/_rels\/[^/]+\.rels$/i.test(entry.name)) rels.set(entry.name, bytes.toString('utf8'));
  }
  for (const entry of entries) {
    const match = /^xl\/externalLinks\/([^/]+\.xml)$/i.exec(entry.name);
    if (!match) continue;
    const rel = rels.get(`xl/externalLinks/_rels/${match[1]}.rels`);
    const target = rel ? /Target="([^"]*)"/.exec(rel)?.[1] : undefined;
    externalLinks.push({ part: entry.name, target: target ? decodeXml(target) : undefined });
  }
  return { parts: entries.map((e) => ({ name: e.name, size: e.size })), unpacked, externalLinks };
}

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '');
}
