#!/usr/bin/env node
// Checks the code tables in this folder and compares them with the seed reports.
// Usage: node scripts/verify-codes.mjs [seed-dir] [report-dir]
//   (defaults: /work/shared/seeds and /work/shared/reports)
// Prints counts and problems; exits 1 if a structural check fails.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'codes');
const seedDir = process.argv[2] ?? '/work/shared/seeds';
const reportDir = process.argv[3] ?? '/work/shared/reports';
let failures = 0;
const fail = (msg) => { failures++; console.log('FAIL ' + msg); };

// ---------------------------------------------------------------- CSV
function parseCsv(text) {
  const rows = []; let row = []; let field = ''; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (q) throw new Error('unterminated quote');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
function load(name, header) {
  const text = readFileSync(join(here, name), 'utf8');
  if (text.charCodeAt(0) === 0xfeff) fail(`${name}: has a BOM`);
  const rows = parseCsv(text);
  const h = rows.shift();
  if (h.join(',') !== header.join(',')) fail(`${name}: header ${h.join(',')} != ${header.join(',')}`);
  rows.forEach((r, i) => { if (r.length !== header.length) fail(`${name}:${i + 2}: ${r.length} fields`); });
  return rows.map((r) => Object.fromEntries(header.map((k, i) => [k, r[i]])));
}
const norm = (s) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
const SRC = /^(mof|inferred|mof-notice:[^;]+|seed:00[0-4]|report:putuo-2026-(department|unit)|shared:(function-codes-202[45]|economic-codes-department|economic-codes-government|economic-mapping))$/;
function checkSources(file, rows) {
  rows.forEach((r, i) => {
    const parts = r.source.split(';');
    if (!parts.length || parts.some((p) => !SRC.test(p))) fail(`${file}:${i + 2}: bad source "${r.source}"`);
    if (new Set(parts).size !== parts.length) fail(`${file}:${i + 2}: duplicate source token`);
  });
}

// ---------------------------------------------------------------- function codes
const fn = load('function-codes.csv', ['code', 'name', 'from', 'to', 'source']);
checkSources('function-codes.csv', fn);
const YEARS = [2022, 2023, 2024, 2025, 2026];
const fnByYear = new Map(YEARS.map((y) => [y, new Map()]));
fn.forEach((r, i) => {
  const where = `function-codes.csv:${i + 2} ${r.code}`;
  if (!/^(\d{3}|\d{5}|\d{7})$/.test(r.code) || r.code[0] !== '2') fail(`${where}: code must be 3/5/7 digits starting with 2`);
  if (!r.name || r.name !== r.name.trim()) fail(`${where}: empty or padded name`);
  if (/[()]/.test(r.name)) fail(`${where}: half-width bracket in name`);
  const a = Number(r.from), b = Number(r.to);
  if (!YEARS.includes(a) || !YEARS.includes(b) || a > b) fail(`${where}: bad from/to ${r.from}-${r.to}`);
  for (let y = a; y <= b; y++) {
    if (fnByYear.get(y).has(r.code)) fail(`${where}: two rows valid in ${y}`);
    fnByYear.get(y).set(r.code, r.name);
  }
});
for (const [y, m] of fnByYear) {
  for (const code of m.keys()) {
    const parent = code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : null;
    if (parent && !m.has(parent)) fail(`function ${code} (${y}): parent ${parent} missing`);
  }
}
const EXPECTED_CLASSES = ['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212', '213', '214',
  '215', '216', '217', '219', '220', '221', '222', '223', '224', '227', '229', '230', '231', '232', '233', '234'];
for (const [y, m] of fnByYear) {
  const cls = [...m.keys()].filter((c) => c.length === 3).sort();
  const miss = EXPECTED_CLASSES.filter((c) => !cls.includes(c));
  const extra = cls.filter((c) => !EXPECTED_CLASSES.includes(c));
  if (miss.length || extra.length) fail(`类 ${y}: missing ${miss} extra ${extra}`);
}
const lv = (n) => fn.filter((r) => r.code.length === n).length;
console.log(`function-codes.csv: ${fn.length} rows (类 ${lv(3)}, 款 ${lv(5)}, 项 ${lv(7)}); ` +
  YEARS.map((y) => `${y}: ${fnByYear.get(y).size} codes / ${[...fnByYear.get(y).keys()].filter((c) => c.length === 3).length} 类`).join(', '));

// ---------------------------------------------------------------- economic codes
function econ(file, first) {
  const rows = load(file, ['code', 'name', 'source']);
  checkSources(file, rows);
  const m = new Map();
  rows.forEach((r, i) => {
    const where = `${file}:${i + 2} ${r.code}`;
    if (!/^(\d{3}|\d{5})$/.test(r.code) || !first.includes(r.code[0])) fail(`${where}: bad code`);
    if (m.has(r.code)) fail(`${where}: duplicate`);
    if (!r.name || /[()]/.test(r.name)) fail(`${where}: empty name or half-width bracket`);
    m.set(r.code, r.name);
  });
  for (const c of m.keys()) if (c.length === 5 && !m.has(c.slice(0, 3))) fail(`${file}: ${c} parent ${c.slice(0, 3)} missing`);
  console.log(`${file}: ${rows.length} rows (类 ${rows.filter((r) => r.code.length === 3).length}, 款 ${rows.filter((r) => r.code.length === 5).length})`);
  return m;
}
const dep = econ('economic-department.csv', '3');
const gov = econ('economic-government.csv', '5');
for (const c of ['301', '302', '303', '307', '309', '310', '311', '312', '313', '399']) if (!dep.has(c)) fail(`部门 类 ${c} missing`);
for (const c of ['501', '502', '503', '504', '505', '506', '507', '508', '509', '510', '511', '512', '513', '514', '599']) if (!gov.has(c)) fail(`政府 类 ${c} missing`);

// ---------------------------------------------------------------- pairs
const pairs = load('economic-pairs.csv', ['department_code', 'government_code', 'side', 'source']);
checkSources('economic-pairs.csv', pairs);
const allowed = new Map(); // "d|g" -> [{side, source}]
const seenPair = new Set();
pairs.forEach((r, i) => {
  const where = `economic-pairs.csv:${i + 2}`;
  if (!dep.has(r.department_code) || r.department_code.length !== 5) fail(`${where}: unknown 部门 款 ${r.department_code}`);
  if (!gov.has(r.government_code) || r.government_code.length !== 5) fail(`${where}: unknown 政府 款 ${r.government_code}`);
  if (!['机关', '事业单位'].includes(r.side)) fail(`${where}: bad side ${r.side}`);
  const g3 = r.government_code.slice(0, 3);
  if (['501', '502', '503', '504'].includes(g3) && r.side !== '机关') fail(`${where}: ${g3} is a 机关 class`);
  if (['505', '506'].includes(g3) && r.side !== '事业单位') fail(`${where}: ${g3} is a 事业单位 class`);
  const k = `${r.department_code}|${r.government_code}|${r.side}`;
  if (seenPair.has(k)) fail(`${where}: duplicate pair`);
  seenPair.add(k);
  const kk = `${r.department_code}|${r.government_code}`;
  if (!allowed.has(kk)) allowed.set(kk, []);
  allowed.get(kk).push(r);
});
const uncovered = [...dep.keys()].filter((c) => c.length === 5 && !pairs.some((p) => p.department_code === c));
if (uncovered.length) fail(`部门 款 without any pair: ${uncovered}`);
const sideCount = (s) => pairs.filter((p) => p.side === s).length;
console.log(`economic-pairs.csv: ${pairs.length} rows (机关 ${sideCount('机关')}, 事业单位 ${sideCount('事业单位')}; ` +
  `source mof ${pairs.filter((p) => p.source.startsWith('mof')).length}, inferred ${pairs.filter((p) => p.source.startsWith('inferred')).length}); ` +
  `部门 款 covered ${[...dep.keys()].filter((c) => c.length === 5).length - uncovered.length}/${[...dep.keys()].filter((c) => c.length === 5).length}`);

// ---------------------------------------------------------------- aliases
const aliases = load('function-class-aliases.csv', ['name', 'code']);
const aliasNames = new Set();
aliases.forEach((r, i) => {
  if (aliasNames.has(r.name)) fail(`function-class-aliases.csv:${i + 2}: duplicate name ${r.name}`);
  aliasNames.add(r.name);
  if (r.code === '') return; // documented: label that is not a 功能分类 类 (人行科目)
  if (!/^\d{3}$/.test(r.code) || !YEARS.some((y) => fnByYear.get(y).has(r.code))) fail(`function-class-aliases.csv:${i + 2}: unknown 类 ${r.code}`);
});
console.log(`function-class-aliases.csv: ${aliases.length} rows (${aliases.filter((r) => r.code === '').length} without code)`);

// ---------------------------------------------------------------- renames
// function-renames.csv: a 类/款/项 whose name changed; year = first budget year of the new name. The code must be in
// function-codes.csv with the new name in every year of the table from that year on, and the old name must differ.
const renames = load('function-renames.csv', ['code', 'old_name', 'new_name', 'year', 'source']);
checkSources('function-renames.csv', renames);
const renameKeys = new Set();
renames.forEach((r, i) => {
  const where = `function-renames.csv:${i + 2} ${r.code}`;
  if (!/^(\d{3}|\d{5}|\d{7})$/.test(r.code) || r.code[0] !== '2') fail(`${where}: bad code`);
  if (!r.old_name || !r.new_name || /[()]/.test(r.old_name + r.new_name)) fail(`${where}: empty name or half-width bracket`);
  if (norm(r.old_name) === norm(r.new_name)) fail(`${where}: old and new name are the same`);
  const y = Number(r.year);
  if (!Number.isInteger(y) || y < 2000 || y > YEARS[YEARS.length - 1]) fail(`${where}: year ${r.year} not in 2000–${YEARS[YEARS.length - 1]}`);
  const key = `${r.code}|${norm(r.old_name)}`;
  if (renameKeys.has(key)) fail(`${where}: duplicate`);
  renameKeys.add(key);
  const years = YEARS.filter((yy) => yy >= y && fnByYear.get(yy).has(r.code));
  if (!years.length) fail(`${where}: code not in function-codes.csv in any year from ${r.year}`);
  for (const yy of years) {
    const name = fnByYear.get(yy).get(r.code);
    if (name !== r.new_name) fail(`${where}: new name "${r.new_name}" but the table has "${name}" in ${yy}`);
  }
});
if (renames.map((r) => r.code).join() !== renames.map((r) => r.code).sort().join()) fail('function-renames.csv: rows not sorted by code');
console.log(`function-renames.csv: ${renames.length} rows (类 ${renames.filter((r) => r.code.length === 3).length}, 款 ${renames.filter((r) => r.code.length === 5).length}, 项 ${renames.filter((r) => r.code.length === 7).length}); years ${[...new Set(renames.map((r) => r.year))].sort().join(', ')}`);
/** The rename whose old name a printed name is, if the report year is on or after the rename. */
const retired = (code, name, year) => renames.find((r) => r.code === code && norm(r.old_name) === norm(name) && year >= Number(r.year));

// ---------------------------------------------------------------- seeds
const SEED_YEAR = { '000': 2022, '001': 2023, '002': 2022, '003': 2024, '004': 2022 };
const fnAny = new Map(); for (const r of fn) if (!fnAny.has(r.code)) fnAny.set(r.code, r.name);
const printed = []; // {seed, line, kind: F|D|G, code, name, gcode?, gname?}
const seedPairs = [];
const isAmount = (s) => /^[\d,.]+$/.test(s);
for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()) {
  const seed = file.slice(0, 3);
  const lines = readFileSync(join(seedDir, file), 'utf8').split('\n');
  if (seed === '001') { // one table cell per line
    const cells = lines.map((l) => l.trim());
    cells.forEach((c, i) => {
      if (!/^(2\d{2}|2\d{4}|2\d{6}|3\d{2}|3\d{4})$/.test(c)) return;
      let j = i + 1; while (j < cells.length && cells[j] === '') j++;
      printed.push({ seed, line: i + 1, kind: c[0] === '2' ? 'F' : 'D', code: c, name: cells[j] ?? '' });
    });
    continue;
  }
  lines.forEach((line, n) => {
    const f = line.split('\t').map((x) => x.trim());
    const at = n + 1;
    if (f.length >= 5 && /^2\d{2}$/.test(f[0]) && /^\d{2}$/.test(f[1]) && /^\d{2}$/.test(f[2])) {
      printed.push({ seed, line: at, kind: 'F', code: f[0] + f[1] + f[2], name: f.slice(3).find((x) => x && !isAmount(x)) ?? '' });
    } else if (f.length >= 6 && /^3\d{2}$/.test(f[0]) && /^\d{2}$/.test(f[1]) && /^5\d{2}$/.test(f[3]) && /^\d{2}$/.test(f[4])) {
      seedPairs.push({ seed, line: at, d: f[0] + f[1], g: f[3] + f[4] });
      printed.push({ seed, line: at, kind: 'D', code: f[0] + f[1], name: f[2] }, { seed, line: at, kind: 'G', code: f[3] + f[4], name: f[5] });
    } else if (f.length >= 4 && /^3\d{4}$/.test(f[0]) && /^5\d{4}$/.test(f[2])) {
      seedPairs.push({ seed, line: at, d: f[0], g: f[2] });
      printed.push({ seed, line: at, kind: 'D', code: f[0], name: f[1] }, { seed, line: at, kind: 'G', code: f[2], name: f[3] });
    } else if (f.length >= 2 && /^(3\d{2}|3\d{4})$/.test(f[0]) && f[1] && !isAmount(f[1])) {
      printed.push({ seed, line: at, kind: 'D', code: f[0], name: f[1] });
    } else if (f.length >= 2 && /^(2\d{2}|2\d{4}|2\d{6})$/.test(f[0]) && f[1] && !isAmount(f[1])) {
      printed.push({ seed, line: at, kind: 'F', code: f[0], name: f[1] });
    } else {
      for (const m of line.matchAll(/([\u4e00-\u9fff]+?)[（(]((?:2\d{2}|3\d{2}|5\d{2})(?:\d{2}){0,2})[）)]/g)) {
        printed.push({ seed, line: at, kind: { 2: 'F', 3: 'D', 5: 'G' }[m[2][0]], code: m[2], name: m[1] });
      }
    }
  });
}
let missing = 0, exact = 0, formatOnly = 0; const conflicts = [];
for (const p of printed) {
  const table = p.kind === 'F' ? (fnByYear.get(SEED_YEAR[p.seed]) ?? fnAny) : p.kind === 'D' ? dep : gov;
  if (!table.has(p.code)) { missing++; fail(`seed ${p.seed}:${p.line}: ${p.code} ${p.name} not in table`); continue; }
  const official = table.get(p.code);
  if (p.name === official) exact++;
  else if (norm(p.name) === norm(official)) formatOnly++;
  else {
    const old = p.kind === 'F' && retired(p.code, p.name, SEED_YEAR[p.seed]);
    conflicts.push(`seed ${p.seed} line ${p.line}: ${p.code} printed "${p.name}", official "${official}"` + (old ? ` (RETIRED NAME: renamed in ${old.year})` : ''));
  }
}
const distinct = (k) => new Set(printed.filter((p) => p.kind === k).map((p) => p.code)).size;
console.log(`seeds: ${printed.length} code occurrences (distinct 功能 ${distinct('F')}, 部门经济 ${distinct('D')}, 政府经济 ${distinct('G')}); ` +
  `missing from tables ${missing}; name exact ${exact}, whitespace/bracket-only differences ${formatOnly}, name conflicts ${conflicts.length}`);
conflicts.forEach((c) => console.log('  CONFLICT ' + c));
let pairBad = 0, pairInferred = 0;
for (const p of seedPairs) {
  const rows = allowed.get(`${p.d}|${p.g}`);
  if (!rows) { pairBad++; console.log(`  PAIR NOT ALLOWED seed ${p.seed} line ${p.line}: ${p.d} -> ${p.g}`); }
  else if (rows.every((r) => r.source.startsWith('inferred'))) { pairInferred++; console.log(`  PAIR ONLY INFERRED seed ${p.seed} line ${p.line}: ${p.d} -> ${p.g}`); }
}
console.log(`seed pairs: ${seedPairs.length} printed (${new Set(seedPairs.map((p) => p.d + '>' + p.g)).size} distinct); not allowed ${pairBad}; allowed only by inferred rows ${pairInferred}`);
// ---------------------------------------------------------------- reports
// Real reports in /work/shared/reports/*.txt (pdftotext -layout of the PDFs). The Shanghai 区级 layout prints
// codes split in columns separated by spaces ("204   06   01   行政运行   16726725.44 …", "301   01    基本工资 …")
// and 类/款/项 chains in the prose ("公共安全支出（204类）司法（06款）行政运行（01项）"). The year is the one in the
// file name; the source token of a file is report:<district>-<year>-<department|unit>.
const reportToken = (file) => {
  const m = file.match(/^[a-z]+-([a-z]+)-[a-z]+-(\d{4})-(department|unit)\.txt$/);
  return m ? `report:${m[1]}-${m[2]}-${m[3]}` : null;
};
const reportPrinted = []; // {file, token, year, line, kind, code, name, where: 'table'|'prose'}
let reportFiles = [];
try { reportFiles = readdirSync(reportDir).filter((f) => f.endsWith('.txt')).sort(); } catch { console.log(`reports: no folder ${reportDir}`); }
for (const file of reportFiles) {
  const token = reportToken(file);
  const year = Number((file.match(/(20\d\d)/) ?? [])[1]);
  if (!token || !YEARS.includes(year)) { fail(`report ${file}: cannot tell its source token or year (${year})`); continue; }
  const text = readFileSync(join(reportDir, file), 'utf8');
  const lines = text.split('\n');
  lines.forEach((line, n) => {
    const t = line.trim().split(/\s+/);
    if (!/^[235]\d{2}$/.test(t[0] ?? '')) return;
    const max = t[0][0] === '2' ? 7 : 5;
    let code = t[0]; let i = 1;
    while (i < t.length && /^\d{2}$/.test(t[i]) && code.length < max) code += t[i++];
    const name = t[i];
    if (!name || isAmount(name) || !/[\u4e00-\u9fff]/.test(name)) return;
    reportPrinted.push({ file, token, year, line: n + 1, kind: { 2: 'F', 3: 'D', 5: 'G' }[code[0]], code, name, where: 'table' });
  });
  // Prose: join the lines (PDF wraps) and keep a map from offsets to line numbers.
  const starts = []; let joined = '';
  lines.forEach((line) => { starts.push(joined.length); joined += line.trim(); });
  const lineAt = (off) => { let lo = 0, hi = starts.length - 1; while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= off) lo = mid; else hi = mid - 1; } return lo + 1; };
  const chain = /([\u4e00-\u9fff]+)[（(](2\d{2})类[）)](?:([\u4e00-\u9fff]+)[（(](\d{2})款[）)](?:([\u4e00-\u9fff]+)[（(](\d{2})项[）)])?)?/g;
  for (const m of joined.matchAll(chain)) {
    const line = lineAt(m.index);
    const push = (code, name) => reportPrinted.push({ file, token, year, line, kind: 'F', code, name, where: 'prose' });
    push(m[2], m[1]);
    if (m[4]) push(m[2] + m[4], m[3]);
    if (m[6]) push(m[2] + m[4] + m[6], m[5]);
  }
}
let rMissing = 0, rExact = 0, rFormat = 0, rUntagged = 0; const rConflicts = [];
for (const p of reportPrinted) {
  const table = p.kind === 'F' ? fnByYear.get(p.year) : p.kind === 'D' ? dep : gov;
  if (!table.has(p.code)) { rMissing++; fail(`report ${p.file}:${p.line}: ${p.code} ${p.name} not in table for ${p.year}`); continue; }
  const official = table.get(p.code);
  if (p.name === official) rExact++;
  else if (norm(p.name) === norm(official)) rFormat++;
  else { rConflicts.push(p); continue; }
  if (p.kind === 'F') {
    const row = fn.find((r) => r.code === p.code && Number(r.from) <= p.year && p.year <= Number(r.to));
    if (!row.source.split(';').includes(p.token)) { rUntagged++; fail(`report ${p.file}:${p.line}: ${p.code} is printed there but its row lacks ${p.token}`); }
  }
}
const rDistinct = (k) => new Set(reportPrinted.filter((p) => p.kind === k).map((p) => p.code)).size;
console.log(`reports: ${reportFiles.length} files, ${reportPrinted.length} code occurrences (${reportPrinted.filter((p) => p.where === 'table').length} in tables, ` +
  `${reportPrinted.filter((p) => p.where === 'prose').length} in prose; distinct 功能 ${rDistinct('F')}, 部门经济 ${rDistinct('D')}, 政府经济 ${rDistinct('G')}); ` +
  `missing from tables ${rMissing}; name exact ${rExact}, whitespace/bracket-only differences ${rFormat}, name conflicts ${rConflicts.length}; rows without the report token ${rUntagged}`);
for (const p of rConflicts) {
  const official = (p.kind === 'F' ? fnByYear.get(p.year) : p.kind === 'D' ? dep : gov).get(p.code);
  const old = p.kind === 'F' && retired(p.code, p.name, p.year);
  console.log(`  CONFLICT ${p.file} line ${p.line} (${p.where}): ${p.code} printed "${p.name}", official ${p.year} "${official}"` + (old ? ` (RETIRED NAME: renamed in ${old.year})` : ''));
}
console.log(failures ? `FAILED: ${failures} problem(s)` : 'OK: all structural checks passed');
process.exit(failures ? 1 : 0);
