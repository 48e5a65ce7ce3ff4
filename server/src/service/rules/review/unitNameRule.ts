import { t } from '../../i18n/l10n';
import { tableTitle } from '../../schema/schemaInfo';
import type { UnitEntry } from '../../model/types';
import type { Rule } from '../ruleTypes';

/**
 * The same unit is named the same everywhere: a unit subtotal row of a table names a unit of the
 * 预算单位构成 list. The list may write the 部门's own row as “…局本级（机关）” where the tables
 * print “…局”: those qualifiers are not part of the name.
 */
function comparable(name: string): string {
  return name.replace(/\s+/g, '').replace(/[（(](?:机关|本级|部门本级)[)）]$/, '').replace(/(?:本级|机关)$/, '');
}

/** The listed name sharing the longest start with `name`: what the author most likely meant. */
function closest(name: string, listed: readonly UnitEntry[]): UnitEntry | undefined {
  let best: UnitEntry | undefined;
  let bestLength = 0;
  for (const entry of listed) {
    const other = entry.name?.value ?? '';
    let i = 0;
    while (i < name.length && i < other.length && name[i] === other[i]) i++;
    if (i > bestLength) {
      best = entry;
      bestLength = i;
    }
  }
  return best;
}

export const unitName: Rule = {
  id: 'review/unit-name',
  area: 'review',
  severity: 'warning',
  title: '表中单位名称与预算单位构成一致',
  run(context, run) {
    const listed = context.report.units.filter((u) => u.name?.value.trim());
    if (listed.length === 0) return;
    const byCode = new Map(listed.filter((u) => u.code).map((u) => [u.code!.digits, u]));
    const names = new Set(listed.map((u) => comparable(u.name!.value)));
    for (const table of context.report.tables.values()) {
      for (const row of table.rows) {
        if (row.kind !== 'unit' || !row.name?.value.trim()) continue;
        run.checked();
        const name = comparable(row.name.value);
        const sameCode = row.unit ? byCode.get(row.unit.digits) : undefined;
        // A code of the list decides which name is meant; otherwise any listed name will do
        // (a 部门 row coded 707 above its units 707001… names the 部门 itself).
        if (sameCode ? comparable(sameCode.name!.value) === name : names.has(name)) continue;
        const meant = sameCode ?? closest(row.name.value.trim(), listed);
        run.report({
          span: row.name.span,
          message: meant
            ? t('{0} names the unit "{1}"; the list of budget units has "{2}"', tableTitle(table.key), row.name.value.trim(), meant.name!.value.trim())
            : t('{0} names the unit "{1}", which is not in the list of budget units', tableTitle(table.key), row.name.value.trim()),
        });
      }
    }
  },
};
