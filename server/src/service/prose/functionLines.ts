/**
 * The item-by-item list of 财政拨款支出 names each amount by its 功能分类 path, in the words of
 * every province:
 *
 *   1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元
 *   1. “一般公共服务支出（类）财政事务（款）行政运行（项）”科目123.45万元
 *   “一般公共服务支出-人大事务-行政运行”科目1,202.95万元
 *
 * Pure text work: the names and codes as written, with their offsets; which row they mean is
 * decided against the code tables and the report's own tables (checks).
 */

export type FunctionLevel = '类' | '款' | '项';

export interface FunctionLinePart {
  readonly level: FunctionLevel;
  /** The name as written, and where (section-text offsets). */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** The code written in the bracket (204, 06, 01), when there is one. */
  readonly code?: string;
}

export interface FunctionLine {
  /** 类, then 款, then 项: as many as printed (at least 类 and 款). */
  readonly parts: readonly FunctionLinePart[];
}

const LEVELS: readonly FunctionLevel[] = ['类', '款', '项'];
/** An ordinal, opening quotes and spaces before the path. */
const LEAD = /^[\s\u3000]*(?:[（(]?[0-9０-９一二三四五六七八九十]+[）)、.．]?)?[\s\u3000]*[“"「]?[\s\u3000]*/;
/** What may stand between the path and its amount: a closing quote, 科目, 支出 …, 为. */
const TRAIL = /[\s\u3000]*[”"」]?[\s\u3000]*(?:科目)?[\s\u3000]*(?:支出|预算|安排|预算安排|预算数|共计|合计)?[\s\u3000]*(?:为|是|[:：])?[\s\u3000]*$/;
const BRACKETED = /([\s\u3000]*)([^（()）“”"「」\s\u3000、，,；;：:。]+?)[\s\u3000]*[（(][\s\u3000]*(\d{0,3})[\s\u3000]*(类|款|项)[\s\u3000]*[）)]/gy;
const DASHED = /^([^-－—“”"「」\s\u3000、，,；;：:。]+)[-－—]([^-－—“”"「」\s\u3000、，,；;：:。]+)(?:[-－—]([^-－—“”"「」\s\u3000、，,；;：:。]+))?$/;

/** The 功能分类 path written in text[from, to), right before an amount; undefined when there is none. */
export function functionLineBefore(text: string, from: number, to: number): FunctionLine | undefined {
  const segment = text.slice(from, to);
  const lead = LEAD.exec(segment)?.[0].length ?? 0;
  const trail = TRAIL.exec(segment.slice(lead))?.[0].length ?? 0;
  const body = segment.slice(lead, segment.length - trail);
  const base = from + lead;
  if (!body) return undefined;
  return bracketed(body, base) ?? dashed(body, base, segment);
}

function bracketed(body: string, base: number): FunctionLine | undefined {
  const parts: FunctionLinePart[] = [];
  BRACKETED.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = BRACKETED.exec(body))) {
    const level = match[4] as FunctionLevel;
    if (level !== LEVELS[parts.length]) return undefined;
    const name = match[2];
    const start = base + match.index + match[1].length;
    parts.push({ level, name, start, end: start + name.length, code: match[3] || undefined });
    if (BRACKETED.lastIndex === body.length) break;
  }
  if (parts.length < 2 || BRACKETED.lastIndex !== body.length) return undefined;
  return { parts };
}

function dashed(body: string, base: number, segment: string): FunctionLine | undefined {
  // Only a quoted path or one followed by 科目 is a path: 2025-2026 or a 文号 is not.
  if (!/[“"「]/.test(segment) && !/科目/.test(segment)) return undefined;
  const match = DASHED.exec(body);
  if (!match) return undefined;
  const names = [match[1], match[2], match[3]].filter((n): n is string => !!n);
  if (names.some((n) => !/[\u4e00-\u9fa5]/.test(n))) return undefined;
  const parts: FunctionLinePart[] = [];
  let at = 0;
  names.forEach((name, i) => {
    const index = body.indexOf(name, at);
    parts.push({ level: LEVELS[i], name, start: base + index, end: base + index + name.length });
    at = index + name.length;
  });
  return { parts };
}

/** The 7-, 5- or 3-digit code the printed codes make (204 + 06 + 01 → 2040601), when all are printed. */
export function writtenCode(line: FunctionLine): string | undefined {
  if (line.parts.some((p) => !p.code)) return undefined;
  const [cls, kuan, xiang] = line.parts.map((p) => p.code!);
  if (cls.length !== 3 || (kuan && kuan.length !== 2) || (xiang && xiang.length !== 2)) return undefined;
  return cls + (kuan ?? '') + (xiang ?? '');
}
