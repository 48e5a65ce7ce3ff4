#!/usr/bin/env node
// Lists the messages of server/src passed to t(…) that have no Chinese translation yet, as a
// JSON object to paste into the right l10n/zh-cn/<area>.json (values to be translated).
// Usage: node scripts/l10n-missing.js [path-filter]
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const root = path.join(__dirname, '..');
const filter = process.argv[2] ?? '';
const zh = {};
for (const f of fs.readdirSync(path.join(root, 'l10n', 'zh-cn'))) Object.assign(zh, JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'zh-cn', f), 'utf8')));
const missing = {};
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.ts') && full.includes(filter)) {
      const src = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.ES2022, true);
      const visit = (n) => {
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 't' && n.arguments.length && (ts.isStringLiteral(n.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(n.arguments[0]))) {
          const key = n.arguments[0].text;
          if (!(key in zh)) missing[key] = key;
        }
        ts.forEachChild(n, visit);
      };
      visit(src);
    }
  }
};
walk(path.join(root, 'server', 'src'));
process.stdout.write(JSON.stringify(missing, null, 2) + '\n');
