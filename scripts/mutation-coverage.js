#!/usr/bin/env node
// Changes every printed amount of the given reports' tables by +1, one at a time, and counts the
// changes the checker does not report (by table). The test suite tries every fifth cell; this
// script tries them all. Usage: npm run build && node scripts/mutation-coverage.js samples/*.budget.yaml
const { createBudgetService } = require(require('path').join(__dirname, '..', 'out', 'server', 'src', 'service', 'budgetService'));
const { createCodeTables } = require(require('path').join(__dirname, '..', 'out', 'server', 'src', 'node', 'dataFiles'));
const fs = require('fs');
const s = createBudgetService({ codeTables: createCodeTables().tables });
const files = process.argv.slice(2);
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const base = s.parse(text);
  const baseKeys = new Set(s.validate(base).findings.map(x => x.rule + x.span.start + x.message));
  const cells = [];
  for (const table of base.report.tables.values()) {
    const recs = [...(table.total ? [table.total] : []), ...table.rows, ...table.groups.values(), ...[...table.lists.values()].flat()];
    for (const r of recs) for (const c of r.cells.values()) if (!c.amount.blank && c.span.end > c.span.start) cells.push([table.key, c]);
    for (const c of table.scalars.values()) if (!c.amount.blank && c.span.end > c.span.start) cells.push([table.key, c]);
  }
  const missed = {};
  let n = 0;
  for (const [key, c] of cells) {
    const v = c.amount.value.plus(1).toFixed(c.amount.decimals);
    const t2 = text.slice(0, c.span.start) + v + text.slice(c.span.end);
    const d = s.parse(t2, base);
    const fs2 = s.validate(d).findings;
    const reported = fs2.some(x => !baseKeys.has(x.rule + x.span.start + x.message) );
    n++;
    if (!reported) { missed[key] = (missed[key] || 0) + 1; }
  }
  console.log(f, 'cells', n, 'unreported', JSON.stringify(missed));
}
