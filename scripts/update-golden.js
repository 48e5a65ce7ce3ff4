#!/usr/bin/env node
// Rewrites samples/expected/<sample>.json from the checker's current findings, keeping the
// reviewer's verdict and justification of every finding that is still reported (matched by rule,
// line and the text it covers). New findings arrive as "unreviewed": the golden test fails until
// someone reviews them against the seed and writes why each is a real slip.
// Usage: npm run build && node scripts/update-golden.js
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..');
const { goldenFindings } = require(path.join(root, 'out', 'server', 'test', 'goldenFindings.js'));

const dir = path.join(root, 'samples', 'expected');
fs.mkdirSync(dir, { recursive: true });
for (const sample of goldenFindings()) {
  const file = path.join(dir, sample.sample.replace(/\.budget\.ya?ml$/, '.json').replace(/\//g, '__'));
  const old = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { findings: [], missed: [] };
  const key = (f) => `${f.rule}|${f.line}|${f.text}|${f.message}`;
  const place = (f) => `${f.rule}|${f.line}|${f.text}`;
  const reviewed = new Map(old.findings.map((f) => [key(f), f]));
  // A finding whose wording changed keeps its verdict (same rule, line and text; several at one
  // place are paired in order, never two with one verdict); the change is printed so that the
  // reviewer reads the new message.
  const byPlace = new Map();
  const current = new Set(sample.findings.map(key));
  for (const f of old.findings) {
    if (current.has(key(f))) continue;
    byPlace.set(place(f), [...(byPlace.get(place(f)) ?? []), f]);
  }
  const findings = sample.findings.map((f) => {
    let previous = reviewed.get(key(f));
    if (!previous && byPlace.get(place(f))?.length) {
      previous = byPlace.get(place(f)).shift();
      console.log(`  reworded ${place(f)}:\n    was ${previous.message}\n    now ${f.message}`);
    }
    return { ...f, verdict: previous?.verdict ?? 'unreviewed', why: previous?.why ?? '' };
  });
  const next = { sample: sample.sample, claims: sample.claims, findings, missed: old.missed ?? [] };
  fs.writeFileSync(file, JSON.stringify(next, null, 2) + '\n');
  const unreviewed = findings.filter((f) => f.verdict === 'unreviewed').length;
  console.log(`${path.relative(root, file)}: ${findings.length} findings, ${unreviewed} unreviewed`);
}
