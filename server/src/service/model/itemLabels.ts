/** Ordinals of printed item labels and what level they mark. */
const ORDINALS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^[一二三四五六七八九十百]+[、．.]\s*/, 1],
  [/^[（(][一二三四五六七八九十百]+[）)]\s*/, 2],
  [/^\d+\s*[、．.]\s*/, 2],
  [/^[（(]\d+[）)]\s*/, 3],
];

const OF_WHICH = /^其中[：:]\s*/;

export interface ParsedLabel {
  readonly bare: string;
  readonly ordinalLevel: number;
  readonly isOfWhich: boolean;
  /** Length of the ordinal/其中 prefix in the label. */
  readonly prefixLength: number;
}

export function parseItemLabel(label: string): ParsedLabel {
  const trimmed = label.trim();
  for (const [pattern, level] of ORDINALS) {
    const match = pattern.exec(trimmed);
    if (match) return { bare: trimmed.slice(match[0].length).replace(/[：:]$/, '').trim(), ordinalLevel: level, isOfWhich: false, prefixLength: match[0].length };
  }
  const ofWhich = OF_WHICH.exec(trimmed);
  if (ofWhich) return { bare: trimmed.slice(ofWhich[0].length).trim(), ordinalLevel: 0, isOfWhich: true, prefixLength: ofWhich[0].length };
  return { bare: trimmed.replace(/[：:]$/, ''), ordinalLevel: 0, isOfWhich: false, prefixLength: 0 };
}
