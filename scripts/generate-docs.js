#!/usr/bin/env node
// Regenerates the README sections that list every rule id and every key of the report format,
// from the rule registry and the JSON Schema (the sources of truth), and the table of section
// topics in docs/format.md from data/labels/sections.json. `npm run docs` writes them;
// server/test/docs.test.ts fails when the README is out of date.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const readmePath = path.join(root, 'README.md');

function load(relative) {
  return require(path.join(root, 'out', 'server', 'src', relative));
}

function escape(text) {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function rulesSection() {
  const { RULES, COMPANION_RULES } = load('service/rules/registry.js');
  const areas = { yaml: 'YAML', schema: '结构 Structure', amount: '金额 Amounts', label: '词汇 Vocabulary', code: '科目编码 Codes', sum: '表内合计 Sums', xref: '表间勾稽 Cross-table', text: '说明文字 Prose', review: '审核要点 Review' };
  const severity = { error: '错误', warning: '警告', information: '提示', hint: '提示' };
  const rows = [...RULES, ...COMPANION_RULES.map((r) => ({ ...r, area: 'sum' }))];
  const lines = ['| rule id | 类别 | 默认级别 | 检查内容 |', '|---|---|---|---|'];
  for (const rule of rows) lines.push(`| \`${rule.id}\` | ${areas[rule.area] ?? rule.area} | ${severity[rule.severity]} | ${escape(rule.title)} |`);
  return lines.join('\n');
}

function formatSection() {
  const { REPORT_SCHEMA, schemaAtPath, resolveRef } = load('service/schema/schemaInfo.js');
  const props = (schema) => {
    const resolved = resolveRef(schema) ?? {};
    const out = { ...(resolved.properties ?? {}) };
    for (const b of [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) Object.assign(out, props(b));
    return out;
  };
  const title = (s) => escape(s?.title ?? resolveRef(s)?.title ?? '');
  const lines = [];
  lines.push('**Top level**', '', '| key | 中文 |', '|---|---|');
  for (const [key, s] of Object.entries(props(REPORT_SCHEMA))) lines.push(`| \`${key}\` | ${title(s)} |`);
  lines.push('', '**Tables** (`tables:`)', '', '| table key | 中文 |', '|---|---|');
  const tables = props(schemaAtPath(['tables']));
  for (const [key, s] of Object.entries(tables)) lines.push(`| \`${key}\` | ${title(s)} |`);
  lines.push('', '**Row keys and amount columns** (rows of every row table)', '', '| key | 中文 |', '|---|---|');
  for (const [key, s] of Object.entries(props(schemaAtPath(['tables', 'expense', 'rows', 0])))) lines.push(`| \`${key}\` | ${title(s)} |`);
  const extra = [
    ['summary', '收支总表 / 财政拨款收支总表 keys'], ['fiscal_summary', null], ['three_public', '“三公”经费表 keys'], ['projects', null],
    ['performance', '项目绩效目标表 keys'], ['overall_performance', '整体绩效目标表 keys'], ['procurement', '政府采购表 keys'], ['assets', '国有资产表 keys'], ['catalog', '公开报表目录 keys'],
  ];
  for (const [table, heading] of extra) {
    if (!heading) continue;
    lines.push('', `**${heading}** (\`${table}\`)`, '', '| key | 中文 |', '|---|---|');
    const keys = props(schemaAtPath(['tables', table]));
    if (table === 'summary') Object.assign(keys, props(schemaAtPath(['tables', 'fiscal_summary'])));
    for (const [key, s] of Object.entries(keys)) lines.push(`| \`${key}\` | ${title(s)} |`);
  }
  const item = props(schemaAtPath(['tables', 'performance', 'rows', 0, 'indicators', 0]));
  lines.push('', '**Indicators** (`indicators:` of 绩效目标表)', '', '| key | 中文 |', '|---|---|');
  for (const [key, s] of Object.entries(item)) lines.push(`| \`${key}\` | ${title(s)} |`);
  const section = props(schemaAtPath(['narrative', 0]));
  lines.push('', '**Narrative sections** (`narrative:`)', '', '| key | 中文 |', '|---|---|');
  for (const [key, s] of Object.entries(section)) lines.push(`| \`${key}\` | ${title(s)} |`);
  const previous = props(schemaAtPath(['previous']));
  lines.push('', '**Last year\'s figures** (`previous:`)', '', '| key | 中文 |', '|---|---|');
  for (const [key, s] of Object.entries(previous)) lines.push(`| \`${key}\` | ${title(s)} |`);
  const items = JSON.parse(fs.readFileSync(path.join(root, 'data', 'labels', 'items.json'), 'utf8')).items;
  lines.push('', '**Standard items** of the 收支总表 / 财政拨款收支总表 income side (printed labels the checker understands; `data/labels/items.json`)', '', '| id | printed labels |', '|---|---|');
  for (const [id, def] of Object.entries(items)) lines.push(`| \`${id}\` | ${escape(def.labels.join('、'))} |`);
  return lines.join('\n');
}

/** The section topics of data/labels/sections.json, for docs/format.md. */
function topicsSection() {
  const topics = JSON.parse(fs.readFileSync(path.join(root, 'data', 'labels', 'sections.json'), 'utf8')).topics;
  const lines = ['| topic | 中文 | recognised in titles containing |', '|---|---|---|'];
  for (const topic of topics) lines.push(`| \`${topic.id}\` | ${escape(topic.title)} | ${escape((topic.patterns ?? []).join('、'))} |`);
  return lines.join('\n');
}

/**
 * What each template requires a report to publish (review/missing-table, review/missing-section),
 * for docs/format.md: the same for a 部门 and a 单位 report of the template.
 */
function requirementsSection() {
  const { requiredTables } = load('service/rules/review/tableRules.js');
  const { REQUIRED_TOPICS, TOPICS, templateRequirements } = load('service/rules/review/reviewData.js');
  const { tableTitle } = load('service/schema/schemaInfo.js');
  const { skeletonTemplates } = load('service/skeleton/skeleton.js');
  const templates = JSON.parse(fs.readFileSync(path.join(root, 'data', 'review', 'templates.json'), 'utf8')).templates;
  const lines = ['| template | tables (`tables:`) | sections of the 情况说明 (by topic) | not required |', '|---|---|---|---|'];
  const row = (name, id) => {
    const { required, exempt } = requiredTables(id);
    const topics = [...new Set([...REQUIRED_TOPICS, ...templateRequirements(id).sections])];
    const tables = required.map((key) => `\`${key}\` ${tableTitle(key)}`).join('、');
    const sections = topics.map((topic) => TOPICS.get(topic)?.title ?? topic).join('、');
    const exempted = [...exempt].map(([key, why]) => `\`${key}\`: ${why}`).join('；') || '—';
    lines.push(`| ${name} | ${escape(tables)} | ${escape(sections)} | ${escape(exempted)} |`);
  };
  for (const { id } of skeletonTemplates()) row(`\`${id}\` ${templates[id]?.title ?? ''}`, id);
  row('any other (or none)', undefined);
  return lines.join('\n');
}

function generateFormat(text) {
  return replaceBetween(replaceBetween(text, 'topics', topicsSection()), 'requirements', requirementsSection());
}

function replaceBetween(text, name, content) {
  const begin = `<!-- BEGIN generated:${name} -->`;
  const end = `<!-- END generated:${name} -->`;
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < 0) throw new Error(`the document lacks the markers for ${name}`);
  return text.slice(0, start + begin.length) + '\n' + content + '\n' + text.slice(stop);
}

function generate(text) {
  return replaceBetween(replaceBetween(text, 'rules', rulesSection()), 'format', formatSection());
}

module.exports = { generate, generateFormat };

if (require.main === module) {
  for (const [file, regenerate] of [[readmePath, generate], [path.join(root, 'docs', 'format.md'), generateFormat]]) {
    const before = fs.readFileSync(file, 'utf8');
    const after = regenerate(before);
    if (after !== before) fs.writeFileSync(file, after);
    console.log(`${path.relative(root, file)} ${after === before ? 'is up to date' : 'updated'}`);
  }
}
