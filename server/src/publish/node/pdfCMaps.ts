import * as fs from 'fs';
import * as path from 'path';

/**
 * The predefined CMaps of pdf.js (Adobe-GB1 and the other CJK character collections, 169 files
 * in pdfjs-dist/cmaps): a PDF that prints Chinese with a font it does not embed (STSong-Light with
 * UniGB-UCS2-H, common in generated reports) needs them to know which characters it prints. In a
 * checkout they are read from node_modules; the packaged extension carries them as one file,
 * `dist/pdf-cmaps.json` (name → base64 of the binary CMap), written by scripts/build.mjs.
 */

/** File name of the packed CMaps beside the bundles. */
export const PACKED_CMAPS = 'pdf-cmaps.json';

let packed: Record<string, string> | null | undefined;

function moduleDirectory(): string | undefined {
  try {
    const dir = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
    return fs.existsSync(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

function packedCMaps(): Record<string, string> | null {
  if (packed === undefined) {
    const file = path.join(__dirname, PACKED_CMAPS);
    try {
      packed = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : null;
    } catch {
      packed = null;
    }
  }
  return packed;
}

/** The binary (.bcmap) data of a predefined CMap, or undefined when it is not available. */
export function readCMap(name: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return undefined;
  const dir = moduleDirectory();
  const file = dir ? path.join(dir, `${name}.bcmap`) : undefined;
  if (file && fs.existsSync(file)) return new Uint8Array(fs.readFileSync(file));
  const data = packedCMaps()?.[name];
  return data ? new Uint8Array(Buffer.from(data, 'base64')) : undefined;
}

/** pdf.js's CMap reader interface, served from readCMap (no URL, no fetch). */
export class CMapReader {
  constructor(_options: { baseUrl?: string | null; isCompressed?: boolean }) {}

  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const cMapData = readCMap(name);
    if (!cMapData) throw new Error(`the CMap ${name} is not available`);
    return { cMapData, isCompressed: true };
  }
}
