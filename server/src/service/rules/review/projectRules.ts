import { t } from '../../i18n/l10n';
import { parseAmount } from '../../amount/amount';
import { comparePrinted, Dec } from '../../amount/rounding';
import { formatLike, show } from '../../amount/format';
import { convert, MoneyUnit } from '../../amount/units';
import type { Indicator, Row, Table } from '../../model/types';
import type { Span } from '../../yaml/ast';
import type { Rule, RuleContext, RuleRun } from '../ruleTypes';
import { contextKey, memoizedEach, nodeOfRow } from '../memo';
import { piecesOf, prosePieces } from './textPieces';

/**
 * What a reviewer reads in the project tables (项目支出表, 绩效目标表) beyond their sums: codes
 * of one format, indicators listed once, cost indicators and goals that agree with the project
 * amount. The seeds carry each of these slips.
 */

/** 项目编码 are long (the provinces' formats run from 15 to 22 digits); 功能/经济 codes are at most 7. */
const PROJECT_CODE_MIN_DIGITS = 12;

function projectRows(context: RuleContext): Array<{ table: Table; row: Row }> {
  const rows: Array<{ table: Table; row: Row }> = [];
  for (const table of context.report.tables.values()) {
    for (const row of table.rows) if (row.code && row.code.digits.length >= PROJECT_CODE_MIN_DIGITS) rows.push({ table, row });
  }
  return rows;
}

function projectName(row: Row): string {
  return (row.item ?? row.name)?.value.trim() || row.code?.value || '';
}

export const projectCodeLength: Rule = {
  id: 'review/project-code-length',
  area: 'review',
  severity: 'warning',
  title: '项目编码位数一致（与本报告其他项目编码位数不同的，疑多写或漏写一位）',
  run(context, run) {
    const rows = projectRows(context);
    // The report's own format: the length most of its distinct project codes have.
    const byLength = new Map<number, Set<string>>();
    for (const { row } of rows) {
      const digits = row.code!.digits;
      const codes = byLength.get(digits.length) ?? new Set<string>();
      codes.add(digits);
      byLength.set(digits.length, codes);
    }
    const distinct = [...byLength.values()].reduce((n, codes) => n + codes.size, 0);
    const [usual, usualCodes] = [...byLength.entries()].sort((a, b) => b[1].size - a[1].size)[0] ?? [0, new Set<string>()];
    // Without a clear majority there is no format to hold the others to.
    if (usualCodes.size < 3 || usualCodes.size * 2 <= distinct) return;
    for (const { row } of rows) {
      run.checked();
      const code = row.code!;
      if (code.digits.length === usual) continue;
      run.report({
        span: code.span,
        message: t('Project code {0} has {1} digits; the other {2} project codes of the report have {3}', code.digits, code.digits.length, usualCodes.size, usual),
      });
    }
  },
};

function indicatorName(indicator: Indicator): string {
  return indicator.level3?.value.trim() ?? '';
}

export const indicatorDuplicate: Rule = {
  id: 'review/indicator-duplicate',
  area: 'review',
  severity: 'warning',
  title: '同一项目的绩效指标不重复列出，同一指标的指标值不矛盾',
  run(context, run) {
    for (const table of context.report.tables.values()) {
      for (const row of table.rows) {
        if (row.indicators.length < 2) continue;
        // The same indicator is the same 一级, 二级 and 三级 with the same description: 执行年度
        // under 时效指标 and under 可持续影响指标 are two indicators.
        const seen = new Map<string, Indicator>();
        for (const indicator of row.indicators) {
          const name = indicatorName(indicator);
          if (!name) continue;
          run.checked();
          const key = [indicator.level1?.value, indicator.level2?.value, name, indicator.description?.value].map((v) => (v ?? '').trim()).join('\u0000');
          const first = seen.get(key);
          if (!first) {
            seen.set(key, indicator);
            continue;
          }
          const before = first.value?.value.trim() ?? '';
          const now = indicator.value?.value.trim() ?? '';
          run.report({
            span: indicator.level3!.span,
            message: before === now
              ? t('Indicator "{0}" is listed twice in {1}', name, projectName(row))
              : t('Indicator "{0}" is listed twice in {1} with different values: {2} and {3}', name, projectName(row), before, now),
          });
        }
      }
    }
  },
};

/** An amount bound as printed in an indicator value: "≤20.4 万元", "＜3万元", "18万元" (not rates such as "500元/天"). */
const AMOUNT_BOUND = /^(?:[≤<＜≦]|不超过|不高于)?\s*([0-9０-９][0-9０-９,，.．]*)\s*(万元|元)$/;

function rowTotal(row: Row): { value: Dec; text: string; span: Span } | undefined {
  const cell = row.cells.get('total');
  if (!cell || cell.amount.blank) return undefined;
  return { value: cell.amount.value, text: cell.amount.text, span: cell.span };
}

export const indicatorCost: Rule = {
  id: 'review/indicator-cost',
  area: 'review',
  severity: 'warning',
  title: '成本指标的金额上限不超过项目金额',
  run(context, run) {
    for (const table of context.report.tables.values()) {
      for (const row of table.rows) {
        const total = row.indicators.length ? rowTotal(row) : undefined;
        if (!total) continue;
        for (const indicator of row.indicators) {
          if (!/成本/.test(`${indicator.level1?.value ?? ''}${indicator.level2?.value ?? ''}`) || !indicator.value) continue;
          const match = AMOUNT_BOUND.exec(indicator.value.value.trim());
          const parsed = match ? parseAmount(match[1]) : undefined;
          if (!match || !parsed?.ok) continue;
          run.checked();
          const unit = match[2] as MoneyUnit;
          const bound = convert(parsed.amount.value, unit, table.unit);
          if (bound.lte(total.value)) continue;
          run.report({
            span: indicator.value.span,
            message: t('The cost indicator "{0}" allows {1} {2}, more than the project amount {3} {4} of {5}', indicatorName(indicator), match[1], unit, total.text.trim(), table.unit, projectName(row)),
            data: { computed: `${show(convert(total.value, table.unit, unit), unit === '元' ? 0 : 2)}${unit}` },
          });
        }
      }
    }
  },
};

/** "预算资金总额为27.1万元", "资金总额：15万元" in a 绩效目标's goal text. */
const GOAL_AMOUNT = /(?:预算资金总额|项目资金总额|资金总额|预算总额|预算金额)\s*(?:为|是|：|:)?\s*([0-9０-９][0-9０-９,，.．]*)\s*(万元|元)/g;

export const goalAmount: Rule = {
  id: 'review/goal-amount',
  area: 'review',
  severity: 'warning',
  title: '绩效目标文字中的项目资金总额与表中项目金额一致',
  run(context, run) {
    const ctx = contextKey(context);
    for (const table of context.report.tables.values()) {
      // Rows unchanged since the last check are replayed a block at a time (rules/memo.ts).
      memoizedEach(run, table.rows, nodeOfRow, `review/goal-amount|${table.key}|${table.unit}|${ctx}`, (r, row) => checkGoal(context, r, table, row));
    }
  },
};

/** A 文号 that names a project (“豫财社2023-244号”) and the year written soon after it in the name. */
const DOCUMENT_NUMBER = /[\u4e00-\u9fa5]{1,8}\d{4}[-－—]\d+号/g;
const YEAR_AFTER = /^[^。；，,;]{0,8}?(20\d\d)年/;

export const projectNameYear: Rule = {
  id: 'review/project-name-year',
  area: 'review',
  severity: 'warning',
  title: '说明中按文号提到的项目，年份与项目表中的项目名称一致',
  run(context, run) {
    // The year each 文号 has in the project names of the tables.
    const years = new Map<string, { year: string; name: string }>();
    for (const table of context.report.tables.values()) {
      for (const row of table.rows) {
        const name = row.item?.value;
        if (!name) continue;
        for (const match of name.matchAll(DOCUMENT_NUMBER)) {
          const year = YEAR_AFTER.exec(name.slice(match.index! + match[0].length))?.[1];
          if (year && !years.has(match[0])) years.set(match[0], { year, name: name.trim() });
        }
      }
    }
    if (years.size === 0) return;
    for (const piece of prosePieces(context.report, context.text)) {
      for (const match of piece.value.matchAll(DOCUMENT_NUMBER)) {
        const project = years.get(match[0]);
        if (!project) continue;
        const after = match.index! + match[0].length;
        const found = YEAR_AFTER.exec(piece.value.slice(after));
        if (!found) continue;
        run.checked();
        if (found[1] === project.year) continue;
        const start = after + found[0].length - found[1].length - 1;
        const span = piece.spanOf(start, start + found[1].length);
        run.report({
          span,
          message: t('The text names project {0} with the year {1}; the project table names it "{2}"', match[0], found[1], project.name),
          data: { computed: project.year, fixes: [{ title: t('Replace with {0}', project.year), edits: [{ span, newText: project.year }], certain: true }] },
        });
      }
    }
  },
};

function checkGoal(context: RuleContext, run: RuleRun, table: Table, row: Row): void {
  const goal = row.texts.get('goal');
  const total = rowTotal(row);
  if (!goal || !total) return;
  for (const piece of piecesOf(goal, context.text, 'cell', { table: table.key })) {
    for (const match of piece.value.matchAll(GOAL_AMOUNT)) {
      const parsed = parseAmount(match[1]);
      if (!parsed.ok) continue;
      run.checked();
      const unit = match[2] as MoneyUnit;
      const expected = convert(total.value, table.unit, unit);
      if (comparePrinted(parsed.amount.value, parsed.amount.decimals, expected, context.settings.tolerance) !== 'mismatch') continue;
      const start = match.index! + match[0].lastIndexOf(match[1]);
      const span = piece.spanOf(start, start + match[1].length);
      const corrected = unit === table.unit ? total.text.trim() : formatLike(expected, match[1].includes('.') ? match[1] : '0.00');
      run.report({
        span,
        message: t('The goal of {0} states a project amount of {1} {2}; the table gives {3} {4}', projectName(row), match[1], unit, total.text.trim(), table.unit),
        // The fix copies the table's figure: not offered when that figure is itself in question (rules/evidence).
        data: { computed: corrected, related: [{ span: total.span, message: t('compared with this figure') }], fixes: [{ title: t('Replace with {0}', corrected), edits: [{ span, newText: corrected }], certain: true }] },
      });
    }
  }
}
