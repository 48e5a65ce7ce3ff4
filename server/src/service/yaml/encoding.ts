/**
 * Which text encoding a report file is in. Reports are UTF-8 (a UTF-8 byte order mark is fine);
 * offices often save UTF-16 ("Unicode" in Windows' Notepad) or GBK/GB18030 (the Chinese ANSI
 * code page) instead. Such a file is recognised from its bytes and gets one clear finding
 * instead of pages of findings about garbled text.
 *
 * Pure: bytes and text in, a name out (TextDecoder is part of the JavaScript runtime).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'unknown';

export interface DecodedReport {
  readonly encoding: TextEncodingName;
  /** The text: exact for UTF-8 (without its byte order mark); a best-effort decoding otherwise. */
  readonly text: string;
}

/** How the encoding is named to a person. */
export const ENCODING_LABELS: Readonly<Record<Exclude<TextEncodingName, 'utf-8'>, string>> = {
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GBK/GB18030',
  unknown: '',
};

/** How much of the file the UTF-16 test looks at. */
const SAMPLE = 8192;

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // Not this encoding (or a runtime without this decoder).
    return undefined;
  }
}

function lenientDecode(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }
}

/**
 * UTF-16 without a byte order mark: the ASCII of the YAML keys leaves a zero byte in every other
 * position (odd positions for little endian, even ones for big endian).
 */
function utf16ByZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.2 && even <= odd * 0.05) return 'utf-16le';
  if (even >= pairs * 0.2 && odd <= even * 0.05) return 'utf-16be';
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Decodes a report file's bytes and says which encoding they are in. */
export function decodeReport(bytes: Uint8Array): DecodedReport {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    return text === undefined ? { encoding: 'unknown', text: lenientDecode('utf-8', bytes.subarray(3)) } : { encoding: 'utf-8', text };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', text: lenientDecode('utf-16le', bytes.subarray(2)) };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', text: lenientDecode('utf-16be', bytes.subarray(2)) };
  const utf16 = utf16ByZeros(bytes);
  if (utf16) return { encoding: utf16, text: lenientDecode(utf16, bytes) };
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== undefined) return { encoding: 'utf-8', text: utf8 };
  const gb = strictDecode('gb18030', bytes);
  if (gb !== undefined) return { encoding: 'gb18030', text: gb };
  return { encoding: 'unknown', text: lenientDecode('utf-8', bytes) };
}

/**
 * The marks a wrongly decoded file leaves in its text, for front ends that get text rather than
 * bytes (an editor decodes the file itself): U+FFFD where bytes were not UTF-8 (GBK opened as
 * UTF-8), NUL characters between the letters (UTF-16 opened as UTF-8). Neither occurs in a real
 * report; a stray U+FFFD pasted from a PDF is told apart by being rare among the Chinese text.
 */
export function misdecodedText(text: string): 'not-utf-8' | 'utf-16' | undefined {
  const hasNul = text.indexOf('\u0000') >= 0;
  const hasReplacement = text.indexOf('\uFFFD') >= 0;
  if (!hasNul && !hasReplacement) return undefined;
  let nul = 0;
  let replacement = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if (c > 0x7f) {
      nonAscii++;
      if (c === 0xfffd) replacement++;
    }
  }
  if (nul >= 4 && nul >= text.length * 0.1) return 'utf-16';
  if (replacement > 0 && replacement >= nonAscii * 0.2) return 'not-utf-8';
  return undefined;
}
