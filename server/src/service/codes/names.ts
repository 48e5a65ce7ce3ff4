/**
 * Names are compared after normalising what publishers vary without meaning anything:
 * half- and full-width brackets and quotes, spaces, and a trailing 支出 on 类 labels where
 * stated by the caller.
 */
export function normalizeName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[“”"「」]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[，]/g, ',')
    .replace(/[：]/g, ':');
}

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}
