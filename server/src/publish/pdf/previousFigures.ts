import { isMoneyUnit, MoneyUnit } from '../../service/amount/units';

/**
 * Last year's 执行数 of the function codes the narrative states item by item, for `previous:
 * executed: functions` — the Shanghai 编制说明 writes each item as
 * "公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。…2025年当年预算执行数为1690.69万元，…".
 * A paragraph gives a figure only when it names exactly one code (its 类/款/项 chain) and states
 * exactly one 执行数 of the year before the report's; the figure is written as printed.
 */

export interface ExecutedFigures {
  /** The unit the sentences print (万元 or 元), when they all print the same. */
  readonly unit?: MoneyUnit;
  /** Code (7 or 5 digits) → figure as printed, in paragraph order. */
  readonly functions: ReadonlyArray<readonly [string, string]>;
}

const CHAIN = /（\s*(\d{3})\s*类\s*）(?:[^（]*（\s*(\d{2})\s*款\s*）)?(?:[^（]*（\s*(\d{2})\s*项\s*）)?/g;

export function executedFunctions(paragraphs: readonly string[], year: number): ExecutedFigures {
  const executed = new RegExp(`${year - 1}\\s*年(?:当年)?(?:预算)?执行数为\\s*([0-9０-９][0-9０-９.,，．]*)\\s*(万元|元)`, 'g');
  const functions: Array<[string, string]> = [];
  const units = new Set<string>();
  const seen = new Set<string>();
  for (const paragraph of paragraphs) {
    const codes = [...paragraph.matchAll(CHAIN)].map((m) => m[1] + (m[2] ?? '') + (m[2] && m[3] ? m[3] : ''));
    const figures = [...paragraph.matchAll(executed)];
    if (codes.length !== 1 || figures.length !== 1 || seen.has(codes[0])) continue;
    seen.add(codes[0]);
    functions.push([codes[0], figures[0][1]]);
    units.add(figures[0][2]);
  }
  const [unit] = units;
  return { unit: units.size === 1 && isMoneyUnit(unit) ? unit : undefined, functions: units.size <= 1 ? functions : [] };
}
