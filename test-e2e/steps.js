// @ts-check
// The checks of the end-to-end test, in order. Each reads the page only (DOM, keyboard, mouse)
// and compares it with `budget-check` on the same file. A step returns a short detail, or
// { skip: reason } when it cannot apply; it throws on a failure.
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { cliDiagnostics, counts, underlinedLines } = require('./expected');
const { waitUntil } = require('./workbench');

/**
 * @typedef {{ workbench: import('./workbench').Workbench, workspace: string, root: string, screenshotDir: string, log: (line: string) => void }} Context
 * @typedef {{ name: string, run(context: Context): Promise<string | { skip: string } | void>, cleanup?(context: Context): Promise<void> }} Step
 */

/** Sample with errors, warnings and information on many lines. */
const DIAGNOSTICS_SAMPLE = '002-qinyang-2022.budget.yaml';
/** The sample of the protocol tests for completion and hover (row `code: "221 02 01"`, code `210 15 01`). */
const EDITING_SAMPLE = '000-jiyuan-2022-unit.budget.yaml';
/** Sample with code/name-mismatch findings (quick fix: the official name). */
const QUICK_FIX_SAMPLE = '003-jiyuan-2024.budget.yaml';
/** Sample whose print preview is opened (every table of the publication, 三公 with figures). */
const PREVIEW_SAMPLE = '003-jiyuan-2024.budget.yaml';
/** Sample whose narrative the generator rewrites. */
const NARRATIVE_SAMPLE = 'teaching/clean.budget.yaml';
/** Sample whose numbers disagree with its tables where the data say what they should be (refresh). */
const REFRESH_SAMPLE = '006-putuo-justice-2026-unit.budget.yaml';

const SCREENSHOTS = { hover: 'e2e-hover.png', completion: 'e2e-completion.png', problems: 'e2e-problems.png', narrative: 'e2e-narrative.png', preview: 'e2e-preview.png', refresh: 'e2e-refresh.png' };

function expectedCounts(diagnostics) {
  const c = counts(diagnostics);
  return { errors: c.errors, warnings: c.warnings, information: c.information };
}

/** Opens a sample and waits until the status bar shows budget-check's counts for it. */
async function openChecked(context, relative) {
  const file = path.join(context.workspace, relative);
  const expected = cliDiagnostics(file);
  await context.workbench.openFile(relative);
  await context.workbench.waitForStatusProblems(expectedCounts(expected), 90_000);
  return { file, expected };
}

/** 1-based line of the first line of `text` containing `marker`. */
function lineOf(text, marker) {
  const index = text.split('\n').findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`the sample no longer contains ${JSON.stringify(marker)}`);
  return index + 1;
}

/**
 * The command palette label of a contributed command, in Chinese as the test's editor shows it
 * ("预算公开报告: 生成说明文字"); undefined when package.json does not contribute it.
 */
function commandLabel(root, id) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const command = (manifest.contributes?.commands ?? []).find((c) => c.command === id);
  if (!command) return undefined;
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8'));
  const localized = (value) => (typeof value === 'string' && /^%.+%$/.test(value) ? nls[value.slice(1, -1)] : value);
  const title = localized(command.title);
  return { title, label: command.category ? `${localized(command.category)}: ${title}` : title };
}

/**
 * The frame of the print preview's webview (code-server nests the page in two iframes): the
 * frame whose document has the publication's 目录 and tables.
 * @param {import('playwright-core').Page} page
 */
async function previewFrame(page) {
  for (const frame of page.frames()) {
    const tables = await frame.evaluate(() => (document.querySelector('[id^="table-"]') ? document.querySelectorAll('table').length : 0)).catch(() => 0);
    if (tables > 0) return frame;
  }
  return undefined;
}

/** Writes a picture taken during a step, once the step has passed. */
function saveScreenshot(context, name, png) {
  fs.mkdirSync(context.screenshotDir, { recursive: true });
  fs.writeFileSync(path.join(context.screenshotDir, name), png);
}

async function closeEditors(context) {
  const { workbench } = context;
  await workbench.revertActive();
  await workbench.runCommand('View: Close All Editors');
  await waitUntil('all editors to close', async () => (await workbench.page.locator('.part.editor .tab').count()) === 0, { timeout: 10_000 });
}

/** @type {Step[]} */
const STEPS = [
  {
    name: `squiggles appear on the lines budget-check reports (${DIAGNOSTICS_SAMPLE})`,
    async run(context) {
      const { workbench } = context;
      const { expected } = await openChecked(context, DIAGNOSTICS_SAMPLE);
      assert.ok(expected.length > 0, 'the sample has findings');
      // Lines each severity underlines, and the lines where a finding starts.
      /** @type {Map<string, Set<number>>} */
      const underlined = new Map();
      for (const d of expected) for (const line of underlinedLines(d)) (underlined.get(d.severity) ?? underlined.set(d.severity, new Set()).get(d.severity))?.add(line);
      const starts = [...new Set(expected.map((d) => d.range.start.line + 1))].sort((a, b) => a - b);
      let checkedLines = 0;
      let covered = -1;
      for (const line of starts) {
        const wanted = new Set(expected.filter((d) => d.range.start.line + 1 === line).map((d) => d.severity));
        if (line > covered) await workbench.gotoLine(line, 1);
        const seen = await waitUntil(`squiggles of ${[...wanted].join(', ')} on line ${line}`, async () => {
          const s = await workbench.squiggles();
          const here = new Set(s.squiggles.filter((q) => q.line === line).map((q) => q.severity));
          return [...wanted].every((severity) => here.has(severity)) ? s : undefined;
        }, { timeout: 15_000, last: () => 'see the editor lines below' });
        // No squiggle where budget-check reports nothing: every squiggle of the rendered lines is expected.
        for (const q of seen.squiggles) {
          if (q.severity === 'hint') continue;
          assert.ok(underlined.get(q.severity)?.has(q.line), `a ${q.severity} squiggle on line ${q.line}, where budget-check reports no ${q.severity}`);
        }
        covered = seen.last - 1;
        checkedLines++;
      }
      return `${expected.length} findings on ${checkedLines} lines, each with its squiggle; no other squiggle`;
    },
  },
  {
    name: `the Problems panel lists what budget-check reports (${DIAGNOSTICS_SAMPLE})`,
    async run(context) {
      const { workbench } = context;
      const { expected } = await openChecked(context, DIAGNOSTICS_SAMPLE);
      const c = counts(expected);
      await workbench.openProblems();
      const badge = await waitUntil('the Problems badge', async () => (await workbench.problemsBadge()) || undefined, { timeout: 15_000 });
      // The picture: the editor at the last error, above the panel's first rows.
      const shown = expected.filter((d) => d.severity === 'error').pop() ?? expected[0];
      await workbench.gotoLine(shown.range.start.line + 1, shown.range.start.character + 1);
      await workbench.page.mouse.move(1, 400);
      const png = await workbench.capture();
      const rows = await waitUntil(`${expected.length} rows in the Problems panel`, async () => {
        const r = await workbench.problemsRows();
        return r.markers.length === expected.length ? r : undefined;
      }, { timeout: 30_000, last: () => 'see the problems panel below' });
      const listed = { errors: rows.markers.filter((m) => m.severity === 'error').length, warnings: rows.markers.filter((m) => m.severity === 'warning').length };
      assert.equal(listed.errors + listed.warnings, c.errors + c.warnings, `errors + warnings in the Problems panel (${listed.errors} + ${listed.warnings}) vs budget-check (${c.errors} + ${c.warnings})`);
      assert.deepEqual(listed, { errors: c.errors, warnings: c.warnings });
      assert.equal(badge, expected.length, 'the Problems badge counts every finding (information included)');
      const key = (m) => `${m.severity} ${m.line}:${m.character} ${m.message}`;
      const panel = rows.markers.map(key).sort();
      const cli = expected.map((d) => key({ severity: d.severity, line: d.range.start.line + 1, character: d.range.start.character + 1, message: d.message })).sort();
      assert.deepEqual(panel, cli, 'the Problems panel shows budget-check\'s findings (severity, position, message)');
      assert.ok(rows.markers.every((m) => m.source === 'budget'), 'every problem comes from the budget extension');
      saveScreenshot(context, SCREENSHOTS.problems, png);
      return `badge ${badge}; ${c.errors} errors + ${c.warnings} warnings (+ ${c.information} information) with budget-check's positions and messages`;
    },
    async cleanup(context) {
      const { workbench } = context;
      await workbench.escape();
      await workbench.hidePanel();
      await closeEditors(context);
    },
  },
  {
    name: `hover on a code shows its path (${EDITING_SAMPLE})`,
    async run(context) {
      const { workbench } = context;
      const { file } = await openChecked(context, EDITING_SAMPLE);
      const text = fs.readFileSync(file, 'utf8');
      const line = lineOf(text, 'code: "210 15 01"');
      const column = text.split('\n')[line - 1].indexOf('code: "210 15 01"') + 'code: "210 1'.length + 1;
      await workbench.gotoLine(line, column);
      const hover = await workbench.hoverAtCursor('2101501 行政运行');
      assert.match(hover.replace(/\s+/g, ' '), /210 [^›]+ › 21015 [^›]+ › 2101501 行政运行/, 'the 类 › 款 › 项 path of 2101501');
      return hover.split('\n').find((l) => l.includes('›'))?.trim();
    },
    async cleanup(context) {
      await context.workbench.escape();
    },
  },
  {
    name: `typing a code prefix and invoking suggest offers 行政运行 (${EDITING_SAMPLE})`,
    async run(context) {
      const { workbench, log } = context;
      const { file } = await openChecked(context, EDITING_SAMPLE);
      const text = fs.readFileSync(file, 'utf8');
      const line = lineOf(text, 'code: "221 02 01"') + 1;
      // A new row under 支出表 on the blank line after the last row (typing a newline would
      // bring YAML's list continuation "- " with it), then the code prefix typed key by key.
      assert.equal(text.split('\n')[line - 1].trim(), '', `line ${line} of the sample is blank`);
      await workbench.gotoLine(line, 1);
      await workbench.page.keyboard.insertText('      - { code: "" }');
      await waitUntil('the new row', async () => (await workbench.lineText(line)) === '      - { code: "" }', { timeout: 10_000 });
      await workbench.gotoLine(line, '      - { code: "'.length + 1);
      await workbench.page.keyboard.type('21015', { delay: 40 });
      await waitUntil('the typed prefix', async () => (await workbench.lineText(line)) === '      - { code: "21015" }', { timeout: 10_000 });
      const labels = await workbench.suggest('行政运行');
      log(`suggest: ${labels.slice(0, 6).join(' | ')}`);
      const item = labels.find((l) => l.includes('2101501') && l.includes('行政运行'));
      assert.ok(item, `2101501 行政运行 among ${labels.join(' | ')}`);
      // Select it with the arrow keys (its details open beside the list) and accept it with
      // Enter: code and name are written, the closing quote is kept.
      await workbench.selectSuggestion('2101501');
      await workbench.showSuggestionDetails();
      const png = await workbench.capture();
      await workbench.page.keyboard.press('Enter');
      await waitUntil('the accepted completion', async () => (await workbench.lineText(line)) === '      - { code: "2101501", name: 行政运行 }', {
        timeout: 10_000,
        last: () => 'see the editor lines below',
      });
      saveScreenshot(context, SCREENSHOTS.completion, png);
      return `${labels.length} suggestions; accepted: "2101501", name: 行政运行`;
    },
    async cleanup(context) {
      await closeEditors(context);
    },
  },
  {
    name: `a quick fix removes its diagnostic (${QUICK_FIX_SAMPLE})`,
    async run(context) {
      const { workbench } = context;
      const { expected } = await openChecked(context, QUICK_FIX_SAMPLE);
      const target = expected.find((d) => d.rule === 'code/name-mismatch');
      assert.ok(target, 'the sample has a code/name-mismatch finding');
      const line = target.range.start.line + 1;
      await workbench.gotoLine(line, target.range.start.character + 1);
      // The squiggle, and on hover budget-check's message.
      await waitUntil(`a ${target.severity} squiggle on line ${line}`, async () => (await workbench.squiggles()).squiggles.some((q) => q.line === line && q.severity === target.severity), { timeout: 15_000 });
      await workbench.hoverAtCursor(target.message);
      const png = await workbench.capture();
      await workbench.escape();
      const before = await workbench.lineText(line);
      const titles = await workbench.quickFixes();
      await workbench.applyQuickFix(titles[0]);
      const after = expectedCounts(expected.filter((d) => d !== target));
      await workbench.waitForStatusProblems(after, 30_000);
      await waitUntil(`the squiggle on line ${line} to go`, async () => !(await workbench.squiggles()).squiggles.some((q) => q.line === line && q.severity === target.severity), { timeout: 15_000 });
      const fixed = await workbench.lineText(line);
      assert.notEqual(fixed, before, 'the line was edited');
      saveScreenshot(context, SCREENSHOTS.hover, png);
      return `"${titles[0]}" applied; the status bar went from ${counts(expected).warnings} to ${after.warnings} warnings, the squiggle on line ${line} went`;
    },
    async cleanup(context) {
      await context.workbench.escape();
      await closeEditors(context);
    },
  },
  {
    name: '"生成说明文字" rewrites the narrative as budget-check generate does',
    async run(context) {
      const { workbench, root } = context;
      const command = commandLabel(root, 'budget.generateNarrative');
      assert.ok(command, 'package.json contributes budget.generateNarrative');
      assert.equal(command.title, '生成说明文字', 'the Chinese title of budget.generateNarrative');
      const { label } = command;

      const { file } = await openChecked(context, NARRATIVE_SAMPLE);
      const original = fs.readFileSync(file, 'utf8');
      const generated = spawnSync(process.execPath, [path.join(root, 'bin', 'budget-check.js'), 'generate', file], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(generated.status, 0, `budget-check generate: ${generated.stderr}`);
      assert.notEqual(generated.stdout, original, 'budget-check generate changes the sample');
      const firstChanged = original.split('\n').findIndex((l, i) => l !== generated.stdout.split('\n')[i]) + 1;

      // The cursor in the first section that changes (the command rewrites them all).
      await workbench.gotoLine(firstChanged, 1);
      await workbench.runCommand(label);
      // Text edited by hand is only replaced after a confirmation (a diff and a modal dialog).
      const dialog = workbench.page.locator('.monaco-dialog-box');
      const applied = await waitUntil('the narrative to be rewritten or a confirmation', async () => {
        if (await dialog.isVisible()) return 'dialog';
        return (await workbench.page.locator('.part.editor .tab.active.dirty').count()) ? 'edited' : undefined;
      }, { timeout: 30_000 });
      /** @type {Buffer | undefined} */
      let narrativePng;
      if (applied === 'dialog') {
        narrativePng = await workbench.capture();
        await dialog.locator('.monaco-button', { hasText: '应用' }).first().click();
        await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      }
      await waitUntil(`${path.basename(file)} to be edited`, async () => (await workbench.page.locator('.part.editor .tab.dirty').count()) > 0, { timeout: 30_000 });
      // Save (the workspace is a copy) and compare the whole file with budget-check generate.
      await workbench.openFile(NARRATIVE_SAMPLE);
      await workbench.page.keyboard.press('Control+S');
      await waitUntil('the file to be saved', async () => (await workbench.page.locator('.part.editor .tab.active.dirty').count()) === 0, { timeout: 15_000 });
      const saved = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, original);
      assert.notEqual(saved, original, 'the command changed the narrative');
      assert.equal(saved, generated.stdout, 'the editor\'s result equals budget-check generate');
      if (narrativePng) saveScreenshot(context, SCREENSHOTS.narrative, narrativePng);
      const originalLines = original.split('\n');
      const changedLines = saved.split('\n').filter((l, i) => l !== originalLines[i]).length;
      return `${changedLines} lines of the narrative rewritten, from line ${firstChanged}; the file equals budget-check generate`;
    },
    async cleanup(context) {
      await context.workbench.escape();
      await closeEditors(context).catch(() => undefined);
    },
  },
  {
    name: `"按数据更新说明中的数字" rewrites the numbers as budget-check refresh does (${REFRESH_SAMPLE})`,
    async run(context) {
      const { workbench, root } = context;
      const command = commandLabel(root, 'budget.refreshNumbers');
      assert.ok(command, 'package.json contributes budget.refreshNumbers');
      assert.equal(command.title, '按数据更新说明中的数字', 'the Chinese title of budget.refreshNumbers');
      const { file } = await openChecked(context, REFRESH_SAMPLE);
      const original = fs.readFileSync(file, 'utf8');
      const refreshed = spawnSync(process.execPath, [path.join(root, 'bin', 'budget-check.js'), 'refresh', file], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(refreshed.status, 0, `budget-check refresh: ${refreshed.stderr}`);
      assert.notEqual(refreshed.stdout, original, 'budget-check refresh changes the sample');
      const originalLines = original.split('\n');
      const changed = refreshed.stdout.split('\n').map((l, i) => (l !== originalLines[i] ? i + 1 : 0)).filter((n) => n > 0);
      // The cursor on the last changed line (the 购房补贴 item, whose change turns from 增加 to 减少).
      await workbench.gotoLine(changed[changed.length - 1], 1);
      await workbench.runCommand(command.label);
      await waitUntil(`${path.basename(file)} to be edited`, async () => (await workbench.page.locator('.part.editor .tab.active.dirty').count()) > 0, { timeout: 30_000 });
      // The notification says what was done; the picture shows the rewritten line and it.
      await waitUntil('the notification', async () => (await workbench.page.locator('.notifications-toasts .notification-list-item').count()) > 0, { timeout: 15_000 });
      const png = await workbench.capture();
      await workbench.page.keyboard.press('Control+S');
      await waitUntil('the file to be saved', async () => (await workbench.page.locator('.part.editor .tab.active.dirty').count()) === 0, { timeout: 15_000 });
      const saved = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, original);
      assert.equal(saved, refreshed.stdout, 'the editor\'s result equals budget-check refresh');
      saveScreenshot(context, SCREENSHOTS.refresh, png);
      return `${changed.length} lines with numbers rewritten; the file equals budget-check refresh`;
    },
    async cleanup(context) {
      await context.workbench.escape();
      await closeEditors(context).catch(() => undefined);
    },
  },
  {
    name: `the print preview opens beside the report and follows the cursor (${PREVIEW_SAMPLE})`,
    async run(context) {
      const { workbench, root } = context;
      const command = commandLabel(root, 'budget.previewPublication');
      assert.ok(command, 'package.json contributes budget.previewPublication');
      const { file } = await openChecked(context, PREVIEW_SAMPLE);
      const text = fs.readFileSync(file, 'utf8');
      // The cursor in the 三公 table: the preview opens there.
      await workbench.gotoLine(lineOf(text, '  three_public:') + 2, 5);
      await workbench.runCommand(command.label);
      const frame = await waitUntil('the preview to show the publication', () => previewFrame(workbench.page), { timeout: 60_000 });
      const current = () => frame.evaluate(() => {
        const marked = document.querySelector('.current');
        return marked ? { id: marked.id, top: Math.round(marked.getBoundingClientRect().top) } : undefined;
      });
      const tables = await frame.evaluate(() => document.querySelectorAll('table').length);
      assert.ok(tables >= 10, `the preview shows the tables (${tables})`);
      // Every page, landscape table pages too, is zoomed to fit the panel: nothing to scroll sideways.
      await waitUntil('the pages to fit the width of the preview', () => frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), {
        timeout: 10_000,
        last: () => frame.evaluate(() => `page width ${document.documentElement.scrollWidth}, panel ${window.innerWidth}`),
      });
      const atTable = await waitUntil('the preview to scroll to the 三公 table', async () => {
        const marked = await current();
        return marked?.id === 'table-three_public' && Math.abs(marked.top) < 120 ? marked : undefined;
      }, { timeout: 30_000, last: async () => JSON.stringify(await current()) });
      const png = await workbench.capture();
      // The cursor in the narrative: the preview follows to the section there.
      const lines = text.split('\n');
      const narrative = lineOf(text, 'narrative:');
      const firstText = lines.findIndex((l, i) => i >= narrative && /^\s+text: [|>]/.test(l)) + 2;
      await workbench.gotoLine(firstText, 5);
      const atSection = await waitUntil('the preview to follow the cursor into the narrative', async () => {
        const marked = await current();
        return marked && marked.id.startsWith('sec-') && Math.abs(marked.top) < 120 ? marked : undefined;
      }, { timeout: 30_000, last: async () => JSON.stringify(await current()) });
      saveScreenshot(context, SCREENSHOTS.preview, png);
      return `${tables} tables; the cursor in three_public shows #${atTable.id}, in the narrative #${atSection.id}`;
    },
    async cleanup(context) {
      await context.workbench.escape();
      await closeEditors(context).catch(() => undefined);
    },
  },
];

module.exports = { STEPS, SCREENSHOTS };
