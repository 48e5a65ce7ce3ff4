#!/usr/bin/env node
// `npm start`: checks the bundled samples with budget-check, after saying what they are — real
// published reports transcribed with their slips on purpose, so most findings are real slips,
// not faults of the checker. Ends with budget-check's total line. Exits 0 when the check ran
// (findings are expected here); 2 when it could not run.
const path = require('path');

const root = path.join(__dirname, '..');
const { main } = require(path.join(root, 'out', 'server', 'src', 'cli.js'));

const intro = [
  '样例说明：samples/ 中的报告是各地真实公开的部门预算、单位预算，按原文转录，原文中的差错',
  '（合计不符、比例算错、说明文字与表格不一致、年份写错等）有意照原样保留；下面的错误和警告大多就是',
  '这些真实差错，经人工核对的结果见 samples/expected/。samples/teaching/ 是教学样例：clean 没有差错，',
  'mistakes 是故意写错的。检查自己的报告：npx budget-check <文件或文件夹>',
  '',
  'About the samples: samples/ holds real published budget reports transcribed with their slips on',
  'purpose (totals that do not add up, wrong percentages, prose that disagrees with its table, last',
  "year's year number), so most findings below are those real slips; samples/expected/ has the",
  'reviewed findings. Check your own reports with: npx budget-check <file|folder>',
  '',
];

process.stdout.write(intro.join('\n') + '\n');
main([path.relative(process.cwd(), path.join(root, 'samples')) || '.', ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code === 2 ? 2 : 0;
});
