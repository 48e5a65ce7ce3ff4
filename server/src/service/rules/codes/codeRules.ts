import { t } from '../../i18n/l10n';
import { systemOfCode, levelsOf, CodeSystem } from '../../codes/codeTables';
import { sameName } from '../../codes/names';
import { tableTitle } from '../../schema/schemaInfo';
import type { CodeRef, Row, Table, TextValue } from '../../model/types';
import type { Rule, RuleContext, RuleRun } from '../ruleTypes';
import { contextKey, memoizedEach, nodeOfRow } from '../memo';


/** A code written in a classified table, with the name printed beside it. */
interface CodedCell {
  readonly table: Table;
  readonly row: Row;
  readonly code: CodeRef;
  readonly name?: TextValue;
  /** The system the column expects. */
  readonly expected: CodeSystem;
}

/** The coded cells of one row: its code, and its 政府经济分类 code when printed. */
function rowCells(table: Table, row: Row): CodedCell[] {
  const classification = table.def.classification;
  if (!classification || row.kind !== 'code' || !row.code) return [];
  const cells: CodedCell[] = [{ table, row, code: row.code, name: row.name, expected: classification === 'function' ? 'function' : 'economic-department' }];
  if (row.govCode) cells.push({ table, row, code: row.govCode, name: row.govName, expected: 'economic-government' });
  return cells;
}

function year(context: RuleContext): number | undefined {
  return context.settings.codeYear ?? context.report.year;
}

const SYSTEM_NAMES: Record<CodeSystem, string> = {
  'function': '支出功能分类',
  'economic-department': '部门预算支出经济分类',
  'economic-government': '政府预算支出经济分类',
};

/** Digits of a length of the expected classification, and of some classification (2xx, 3xx, 5xx). */
function isWellFormed(cell: CodedCell): boolean {
  return /^\d+$/.test(cell.code.digits) && levelsOf(cell.expected).includes(cell.code.digits.length) && systemOfCode(cell.code.digits) !== undefined;
}

function codeRule(id: string, severity: Rule['severity'], title: string, check: (context: RuleContext, run: RuleRun, cell: CodedCell) => void): Rule {
  return {
    id,
    area: 'code',
    severity,
    title,
    run(context, run) {
      const ctx = contextKey(context);
      for (const table of context.report.tables.values()) {
        if (!table.def.classification) continue;
        const key = `${id}|${table.key}|${ctx}`;
        // Every row is walked (a row without a code records nothing): a list of the code rows
        // would be built again on every check, while unchanged blocks of rows replay for the
        // price of a pointer comparison per row (rules/memo.ts).
        memoizedEach(run, table.rows, nodeOfRow, key, (r, row) => {
          for (const cell of rowCells(table, row)) check(context, r, cell);
        });
      }
    },
  };
}

export const malformedCode = codeRule('code/malformed', 'error', '科目编码格式错误（功能分类 3/5/7 位，经济分类 3/5 位数字）', (context, run, cell) => {
  run.checked();
  if (isWellFormed(cell) || (systemOfCode(cell.code.digits) && systemOfCode(cell.code.digits) !== cell.expected)) return;
  const lengths = levelsOf(cell.expected).join('/');
  run.report({ span: cell.code.span, message: t('"{0}" is not a {1} code: write {2} digits (类/款/项 may be separated by spaces)', cell.code.value, SYSTEM_NAMES[cell.expected], lengths) });
});

export const wrongClassification = codeRule('code/wrong-classification', 'error', '科目体系用错：功能分类表中填了经济分类科目，或反之', (context, run, cell) => {
  const system = systemOfCode(cell.code.digits);
  run.checked();
  if (!system || system === cell.expected) return;
  run.report({
    span: cell.code.span,
    message: t('{0} is a {1} code, but this column of {2} takes {3} codes', cell.code.digits, SYSTEM_NAMES[system], tableTitle(cell.table.key), SYSTEM_NAMES[cell.expected]),
  });
});

export const unknownCode = codeRule('code/unknown', 'warning', '科目编码不在内置（或用户提供的）科目表中', (context, run, cell) => {
  if (!isWellFormed(cell) || systemOfCode(cell.code.digits) !== cell.expected) return;
  run.checked();
  const y = year(context);
  if (context.codes.lookup(cell.code.digits, y) || context.codes.knownYears(cell.code.digits).length > 0) return;
  const digits = cell.code.digits;
  if (cell.expected === 'function' && digits.length === 7 && context.codes.lookup(digits.slice(0, 5), y)) {
    // The bundled 项 are a part of the official table: a 项 under a known 款 is likely real.
    run.report({ span: cell.code.span, severity: 'information', message: t('{0} is not in the bundled {1} 支出功能分类 table, which lists only some 项 of 款 {2}; the code is probably right (add your province\'s complete table in the settings to check it)', digits, y ?? '', digits.slice(0, 5)) });
    return;
  }
  const message = cell.expected === 'function'
    ? t('{0} is not in the bundled {1} 支出功能分类 table (the bundled table is partial: add your province\'s complete table in the settings)', digits, y ?? '')
    : t('{0} is not a {1} code', digits, SYSTEM_NAMES[cell.expected]);
  run.report({ span: cell.code.span, message });
});

export const codeYear = codeRule('code/year', 'warning', '科目编码在报告年度的科目表中不存在（只在其他年度有效）', (context, run, cell) => {
  if (!isWellFormed(cell)) return;
  const y = year(context);
  const known = context.codes.knownYears(cell.code.digits);
  if (known.length === 0 || y === undefined) return;
  run.checked();
  if (context.codes.lookup(cell.code.digits, y)) return;
  const ranges = known.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join('、');
  run.report({ span: cell.code.span, message: t('{0} is not valid in {1}; the code table has it for {2}', cell.code.digits, y, ranges) });
});

export const nameMismatch = codeRule('code/name-mismatch', 'warning', '科目名称与官方名称不一致', (context, run, cell) => {
  if (!cell.name || !isWellFormed(cell)) return;
  const entry = context.codes.lookup(cell.code.digits, year(context));
  if (!entry || entry.system !== cell.expected) return;
  run.checked();
  if (sameName(cell.name.value, entry.name)) return;
  if (context.codes.retiredName(cell.code.digits, cell.name.value, year(context))) return; // code/retired-name
  run.report({
    span: cell.name.span,
    message: t('The official name of {0} is "{1}"; the table prints "{2}"', cell.code.digits, entry.name, cell.name.value.trim()),
    data: { computed: entry.name, fixes: [{ title: t('Replace with the official name "{0}"', entry.name), edits: [{ span: cell.name.span, newText: entry.name }], certain: true }] },
  });
});

export const retiredName = codeRule('code/retired-name', 'warning', '科目名称是已停用的旧名称（如 210 医疗卫生与计划生育支出 自 2019 年起为 卫生健康支出）', (context, run, cell) => {
  if (!cell.name || !isWellFormed(cell)) return;
  run.checked();
  const rename = context.codes.retiredName(cell.code.digits, cell.name.value, year(context));
  if (!rename) return;
  run.report({
    span: cell.name.span,
    message: t('"{0}" is the name {1} had before {2}; since {2} it is "{3}"', cell.name.value.trim(), cell.code.digits, rename.year, rename.newName),
    data: { computed: rename.newName, fixes: [{ title: t('Replace with the official name "{0}"', rename.newName), edits: [{ span: cell.name.span, newText: rename.newName }], certain: true }] },
  });
});

export const pairNotAllowed: Rule = {
  id: 'code/pair-not-allowed',
  area: 'code',
  severity: 'warning',
  title: '部门预算经济分类与政府预算经济分类的对应关系不符合对照表（如 30101 只能对应 50101 或 50501）',
  run(context, run) {
    const key = `code/pair-not-allowed|${contextKey(context)}`;
    for (const table of context.report.tables.values()) {
      if (table.def.classification !== 'economic') continue;
      memoizedEach(run, table.rows, nodeOfRow, key, (r, row) => {
        if (row.code && row.govCode) checkPair(context, r, row);
      });
    }
  },
};

function checkPair(context: RuleContext, run: RuleRun, row: Row): void {
  const department = row.code!.digits;
  const government = row.govCode!.digits;
  if (department.length !== 5 || government.length !== 5) return;
  if (!context.codes.hasPairsFor(department)) {
    run.couldNotCheck(t('no pairs known for {0}', department));
    return;
  }
  run.checked();
  if (context.codes.isPairAllowed(department, government)) return;
  const allowed = [...new Set(context.codes.pairsFor(department).map((p) => p.government))].join('、');
  run.report({ span: row.govCode!.span, message: t('{0} may not be paired with {1}; the 对照表 allows {2}', department, government, allowed) });
}

/** 部门经济分类 classes that are 人员经费 by definition; the others are 公用经费. */
const PERSONNEL_CLASSES = new Set(['301', '303']);

export const economicNature: Rule = {
  id: 'code/economic-nature',
  area: 'code',
  severity: 'warning',
  title: '经济科目列错栏：301、303 属人员经费，302、310 等属公用经费',
  run(context, run) {
    const key = `code/economic-nature|${contextKey(context)}`;
    for (const table of context.report.tables.values()) {
      if (table.def.classification !== 'economic' || !table.columns.has('personnel') || !table.columns.has('public')) continue;
      memoizedEach(run, table.rows, nodeOfRow, key, (r, row) => {
        if (row.kind === 'code' && row.code && /^\d{5}$/.test(row.code.digits)) checkNature(r, row);
      });
    }
  },
};

function checkNature(run: RuleRun, row: Row): void {
  const digits = row.code!.digits;
  const isPersonnel = PERSONNEL_CLASSES.has(digits.slice(0, 3));
  const wrong = row.cells.get(isPersonnel ? 'public' : 'personnel');
  run.checked();
  if (!wrong || wrong.amount.blank || wrong.amount.value.isZero()) return;
  run.report({
    span: wrong.span,
    message: isPersonnel
      ? t('{0} {1} is 人员经费 (class {2}), but {3} is printed under 公用经费', digits, row.name?.value ?? '', digits.slice(0, 3), wrong.amount.text)
      : t('{0} {1} is 公用经费 (class {2}), but {3} is printed under 人员经费', digits, row.name?.value ?? '', digits.slice(0, 3), wrong.amount.text),
  });
}

export const codeRules: Rule[] = [malformedCode, wrongClassification, unknownCode, codeYear, nameMismatch, retiredName, pairNotAllowed, economicNature];
