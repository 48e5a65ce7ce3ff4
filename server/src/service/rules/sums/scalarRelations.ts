import { t } from '../../i18n/l10n';
import { scalarUnreadable } from '../../figures/figurePaths';
import { columnTitle, tableTitle } from '../../schema/schemaInfo';
import type { Rule } from '../ruleTypes';
import { cellTerm, checkSum } from './sumCheck';

export const scalarTotals: Rule = {
  id: 'sum/scalars',
  area: 'sum',
  severity: 'error',
  title: '“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；政府采购合计 = 货物 + 工程 + 服务 …',
  companions: ['sum/rounding'],
  run(context, run) {
    for (const table of context.report.tables.values()) {
      const relations = table.def.relations ?? [];
      for (const relation of relations) {
        if ([relation.whole, ...relation.parts].some((k) => scalarUnreadable(table, k))) {
          run.couldNotCheck(t('{0}: a cell is not an amount', tableTitle(table.key)));
          continue;
        }
        const whole = table.scalars.get(relation.whole);
        // A layout that prints none of the parts does not print the relation (absent is not 0).
        if (relation.parts.every((p) => !table.scalars.has(p))) continue;
        const terms = relation.parts.map((p) => cellTerm(columnTitle(p), table.scalars.get(p)));
        if ((!whole || whole.amount.blank) && terms.every((x) => x.blank)) {
          run.checked();
          continue;
        }
        checkSum(context, run, { wholeLabel: `${tableTitle(table.key)} ${columnTitle(relation.whole)}`, whole, span: whole?.span ?? table.keySpan, terms, kind: relation.kind ?? 'sum', relation: relation.id, unit: table.unit });
      }
    }
  },
};
