// @ts-check
// What budget-check says about a file: the reference the editor is compared with.
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');

/**
 * @typedef {{ rule: string, severity: 'error' | 'warning' | 'information' | 'hint', message: string,
 *   range: { start: { line: number, character: number }, end: { line: number, character: number } } }} CliDiagnostic
 */

/**
 * Runs `node bin/budget-check.js --format json FILE` (Chinese messages, the default).
 * @returns {CliDiagnostic[]}
 */
function cliDiagnostics(file) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'budget-check.js'), '--format', 'json', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`budget-check --format json ${file} exited ${result.status ?? result.signal}: ${result.stderr}`);
  const json = JSON.parse(result.stdout);
  return json.files[0].diagnostics;
}

/** Counts by severity. */
function counts(diagnostics) {
  const c = { errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') c.errors++;
    else if (d.severity === 'warning') c.warnings++;
    else if (d.severity === 'information') c.information++;
    else c.hints++;
  }
  return c;
}

/**
 * 1-based lines a diagnostic underlines: from its start line to its end line (an end at
 * character 0 of a later line does not underline that line).
 * @param {CliDiagnostic} d
 */
function underlinedLines(d) {
  const first = d.range.start.line;
  let last = d.range.end.line;
  if (last > first && d.range.end.character === 0) last--;
  const lines = [];
  for (let line = first; line <= last; line++) lines.push(line + 1);
  return lines;
}

module.exports = { cliDiagnostics, counts, underlinedLines };
