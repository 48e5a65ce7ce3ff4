// @ts-check
// The VS Code workbench in the page, seen and driven only through its DOM, the keyboard and the
// mouse, as a person would: no VS Code API. Every wait is for a DOM condition with a deadline.
const fs = require('fs');
const path = require('path');

const STEP_TIMEOUT_MS = 60_000;

/**
 * Polls `probe` until it returns something truthy; fails after `timeout` with what it last saw.
 * @template T
 * @param {string} description
 * @param {() => Promise<T>} probe
 * @param {{ timeout?: number, interval?: number, last?: (value: T | undefined) => string }} [options]
 * @returns {Promise<T>}
 */
async function waitUntil(description, probe, options = {}) {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const interval = options.interval ?? 150;
  const deadline = Date.now() + timeout;
  /** @type {T | undefined} */
  let value;
  /** @type {unknown} */
  let error;
  for (;;) {
    try {
      value = await probe();
      error = undefined;
      if (value) return value;
    } catch (e) {
      error = e;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  const seen = error ? `error: ${error instanceof Error ? error.message : String(error)}` : options.last ? await options.last(value) : JSON.stringify(value);
  throw new Error(`timed out after ${timeout / 1000} s waiting for ${description} (last seen: ${seen})`);
}

const SEVERITY_CLASSES = { 'squiggly-error': 'error', 'squiggly-warning': 'warning', 'squiggly-info': 'information', 'squiggly-hint': 'hint' };

class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   */
  constructor(page) {
    this.page = page;
    /** Lines of the browser console (errors and warnings), for failure reports. */
    this.console = /** @type {string[]} */ ([]);
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') this.console.push(`${message.type()}: ${message.text().split('\n')[0].slice(0, 300)}`);
      if (this.console.length > 200) this.console.splice(0, this.console.length - 200);
    });
    page.on('pageerror', (error) => this.console.push(`pageerror: ${error.message.split('\n')[0]}`));
  }

  /** Loads the workbench with `folder` open and waits until the explorer shows the folder's files. */
  async load(url) {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: STEP_TIMEOUT_MS });
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 90_000 });
  }

  // ---------------------------------------------------------------------------------------------
  // Files and commands

  /** Opens a workspace file by clicking through the explorer ("teaching/clean.budget.yaml"). */
  async openFile(relativePath) {
    const parts = relativePath.split('/');
    for (const [i, part] of parts.entries()) {
      const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${part}"]`).first();
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      const isFolder = i < parts.length - 1;
      if (isFolder) {
        if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
        await waitUntil(`folder ${part} to expand`, async () => (await row.getAttribute('aria-expanded')) === 'true');
      } else {
        await row.click();
      }
    }
    const name = parts[parts.length - 1];
    await this.page.locator(`.part.editor .tab.active[aria-label^="${name}"]`).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await this.activeEditor().locator('.view-lines .view-line').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await this.focusEditor();
  }

  /** The text editor of the active editor group. */
  activeEditor() {
    return this.page.locator('.part.editor .editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** Puts the keyboard focus into the active text editor (without moving its cursor). */
  async focusEditor() {
    const editor = this.activeEditor();
    await editor.locator('textarea.inputarea, .native-edit-context').first().focus();
    await waitUntil('the editor to have the keyboard focus', () => editor.evaluate((e) => e.classList.contains('focused')));
  }

  /** Closes whatever popup is open (quick input, hover, suggest, action list). */
  async escape() {
    for (let i = 0; i < 2; i++) await this.page.keyboard.press('Escape');
  }

  /** Opens the quick input with `key` (F1, Control+G …), retrying while the workbench starts up. */
  async openQuickInput(key) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await waitUntil(`the quick input to open with ${key}`, async () => {
      if (await input.isVisible()) return true;
      await this.page.keyboard.press(key);
      await input.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
      return input.isVisible();
    });
    return input;
  }

  /** Runs a command from the command palette by its exact label (e.g. "预算报告: 生成说明文字"). */
  async runCommand(label) {
    const input = await this.openQuickInput('F1');
    await input.fill(`>${label}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: label }) }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
    await input.waitFor({ state: 'hidden', timeout: 15_000 });
  }

  /** Labels of the command palette entries matching `filter`. */
  async commandPaletteLabels(filter) {
    const input = await this.openQuickInput('F1');
    await input.fill(`>${filter}`);
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    // The list settles after the filter is applied: wait until two reads agree.
    let previous = '';
    const labels = await waitUntil('the command palette list to settle', async () => {
      const now = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? ''));
      const key = JSON.stringify(now);
      const settled = key === previous && now.length > 0;
      previous = key;
      return settled ? now : undefined;
    }, { timeout: 5_000 }).catch(() => (previous ? JSON.parse(previous) : []));
    await this.escape();
    return /** @type {string[]} */ (labels);
  }

  /** Moves the cursor to a 1-based line and column with "Go to Line" and checks the status bar. */
  async gotoLine(line, column = 1) {
    await this.focusEditor();
    const input = await this.openQuickInput('Control+G');
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    await waitUntil(`the cursor at Ln ${line}, Col ${column}`, async () => (await this.cursorText()) === `Ln ${line}, Col ${column}`, { timeout: 10_000, last: () => 'see the status bar' });
  }

  async cursorText() {
    return ((await this.page.locator('[id="status.editor.selection"]').textContent()) ?? '').trim();
  }

  /**
   * The text of a rendered line (undefined when it is not rendered). Rows of a wrapped line are
   * joined as shown, so their wrap indentation is included: compare short lines only.
   */
  async lineText(line) {
    return this.activeEditor().evaluate((editor, wanted) => {
      const margin = [...editor.querySelectorAll('.margin-view-overlays > div')]
        .map((div) => ({ top: parseFloat(/** @type {HTMLElement} */ (div).style.top), line: Number(div.querySelector('.line-numbers')?.textContent?.trim()) }))
        .filter((m) => m.line > 0)
        .sort((a, b) => a.top - b.top);
      const start = margin.find((m) => m.line === wanted);
      if (!start) return undefined;
      const next = margin.find((m) => m.top > start.top);
      const rows = [...editor.querySelectorAll('.view-lines > .view-line')]
        .map((div) => ({ top: parseFloat(/** @type {HTMLElement} */ (div).style.top), text: div.textContent ?? '' }))
        .filter((r) => r.top >= start.top && (!next || r.top < next.top))
        .sort((a, b) => a.top - b.top);
      return rows.map((r) => r.text).join('').replace(/\u00a0/g, ' ');
    }, line);
  }

  // ---------------------------------------------------------------------------------------------
  // Diagnostics as the page shows them

  /**
   * The squiggles of the rendered lines of the active editor: [{ line (1-based), severity }],
   * and the range of lines rendered. A wrapped line's squiggles belong to the line whose number
   * the margin shows at or above them.
   */
  async squiggles() {
    return this.activeEditor().evaluate((editor, classes) => {
      const margin = [...editor.querySelectorAll('.margin-view-overlays > div')]
        .map((div) => ({ top: parseFloat(/** @type {HTMLElement} */ (div).style.top), line: Number(div.querySelector('.line-numbers')?.textContent?.trim()) }))
        .filter((m) => m.line > 0)
        .sort((a, b) => a.top - b.top);
      // Rows above the first numbered one continue the (wrapped) line before it.
      const lineAt = (top) => {
        let line = margin.length ? margin[0].line - 1 : undefined;
        for (const m of margin) if (m.top <= top + 0.5) line = m.line;
        return line;
      };
      const found = [];
      for (const row of editor.querySelectorAll('.view-overlays > div')) {
        const top = parseFloat(/** @type {HTMLElement} */ (row).style.top);
        for (const [cls, severity] of Object.entries(classes)) {
          if (row.querySelector(`.${cls}`)) found.push({ line: lineAt(top), severity });
        }
      }
      const lines = margin.map((m) => m.line);
      return { squiggles: found, first: Math.min(...lines), last: Math.max(...lines) };
    }, SEVERITY_CLASSES);
  }

  /** The status bar's problem counts ("Errors: 3, Warnings: 1, Infos: 4"). */
  async statusProblems() {
    const label = (await this.page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
    const count = (name) => Number(new RegExp(`${name}: (\\d+)`).exec(label)?.[1] ?? 0);
    return { errors: count('Errors'), warnings: count('Warnings'), information: count('Infos'), label };
  }

  /** Waits until the status bar shows these counts. */
  async waitForStatusProblems(expected, timeout = STEP_TIMEOUT_MS) {
    let last;
    return waitUntil(`the status bar to show ${JSON.stringify(expected)}`, async () => {
      last = await this.statusProblems();
      return last.errors === expected.errors && last.warnings === expected.warnings && last.information === expected.information ? last : undefined;
    }, { timeout, last: () => JSON.stringify(last) });
  }

  /** Opens the Problems panel (its rows are read by scrolling, see problemsRows). */
  async openProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.runCommand('View: Focus Problems');
      await panel.waitFor({ state: 'visible', timeout: 15_000 });
    }
  }

  async hidePanel() {
    if (await this.page.locator('.part.panel').isVisible()) {
      await this.runCommand('View: Toggle Panel Visibility');
      await this.page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 10_000 });
    }
  }

  /** The Problems tab's badge (the number VS Code shows on the panel tab). */
  async problemsBadge() {
    const tab = this.page.locator('.part.panel .composite-bar .action-item').filter({ hasText: 'Problems' }).first();
    const text = ((await tab.locator('.badge-content').textContent().catch(() => '')) ?? '').trim();
    return text === '' ? 0 : Number(text);
  }

  /**
   * Every row of the Problems tree, parsed from its accessible label, scrolling through the
   * (virtualised) list so that rows below the fold are read too.
   * @returns {Promise<{ files: string[], markers: { severity: string, message: string, line: number, character: number, source: string }[] }>}
   */
  async problemsRows() {
    const list = this.page.locator('.markers-panel .monaco-list').first();
    await list.waitFor({ state: 'visible', timeout: 15_000 });
    /** @type {Map<number, string>} */
    const byIndex = new Map();
    const read = () =>
      list.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-index')), r.getAttribute('aria-label') ?? '']));
    const box = await list.boundingBox();
    for (let round = 0; round < 200; round++) {
      const rows = /** @type {[number, string][]} */ (await read());
      const before = byIndex.size;
      for (const [index, label] of rows) byIndex.set(index, label);
      const bottom = await list.evaluate((l) => {
        const s = l.querySelector('.monaco-scrollable-element');
        const bar = s?.querySelector('.scrollbar.vertical .slider');
        if (!bar) return true;
        const track = /** @type {HTMLElement} */ (bar.parentElement);
        const b = /** @type {HTMLElement} */ (bar);
        return b.offsetTop + b.offsetHeight >= track.offsetHeight - 1 || getComputedStyle(track).visibility === 'hidden' || track.classList.contains('invisible');
      });
      if (bottom && byIndex.size === before) break;
      if (!box) break;
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.wheel(0, box.height * 0.8);
      // The list re-renders on the next frame: wait for a change of the rendered rows, briefly.
      const key = JSON.stringify(rows.map((r) => r[0]));
      await waitUntil('the Problems list to scroll', async () => JSON.stringify((await read()).map((r) => r[0])) !== key, { timeout: 1_500, interval: 50 }).catch(() => undefined);
    }
    const files = [];
    const markers = [];
    const pattern = /^(Error|Warning|Info|Information|Hint): ([\s\S]*) at line (\d+) and character (\d+)\.(?: This problem has references to \d+ locations?\.)?(?: generated by (.*))?$/;
    for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
      const label = /** @type {string} */ (byIndex.get(index));
      const m = pattern.exec(label);
      if (m) {
        const severity = { Error: 'error', Warning: 'warning', Info: 'information', Information: 'information', Hint: 'hint' }[m[1]] ?? m[1];
        markers.push({ severity, message: m[2], line: Number(m[3]), character: Number(m[4]), source: m[5] ?? '' });
      } else if (/^\d+ problems? in file /.test(label)) files.push(label);
      // Other rows are a problem's related locations ("与此数比较 at line 230 …").

    }
    return { files, markers };
  }

  // ---------------------------------------------------------------------------------------------
  // Hover, suggest, quick fix

  /** Points the mouse at the cursor and waits for a hover that contains `expected`. */
  async hoverAtCursor(expected) {
    const cursor = this.activeEditor().locator('.cursors-layer .cursor').first();
    const box = await cursor.boundingBox();
    if (!box) throw new Error('the cursor is not rendered');
    const hover = this.visibleHover();
    // Move away first so that a hover already showing elsewhere is replaced.
    await this.page.mouse.move(box.x + 200, box.y - 300);
    await this.page.mouse.move(box.x + 4, box.y + box.height / 2, { steps: 4 });
    return waitUntil(`a hover containing ${JSON.stringify(expected)}`, async () => {
      const text = (await hover.isVisible()) ? await hover.innerText() : '';
      return text.includes(expected) ? text : undefined;
    }, { timeout: 20_000, last: () => 'see the hover text below' });
  }

  visibleHover() {
    return this.page.locator('.monaco-hover:not(.hidden)').filter({ visible: true }).first();
  }

  suggestWidget() {
    return this.page.locator('.editor-widget.suggest-widget.visible').first();
  }

  /** Invokes suggest (Ctrl+Space) at the cursor and returns the labels of the rows once `expected` is among them. */
  async suggest(expected) {
    const widget = this.suggestWidget();
    if (await widget.isVisible()) await this.page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 5_000 });
    await this.page.keyboard.press('Control+Space');
    await widget.waitFor({ state: 'visible', timeout: 20_000 });
    return waitUntil(`the suggest list to offer ${JSON.stringify(expected)}`, async () => {
      const labels = await widget.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
      return labels.some((l) => l.includes(expected)) ? labels : undefined;
    }, { timeout: 20_000, last: () => 'see the suggest widget below' });
  }

  /** Moves the suggest widget's selection down to the row whose label contains `text`. */
  async selectSuggestion(text) {
    const widget = this.suggestWidget();
    const rows = await widget.locator('.monaco-list-row').count();
    for (let i = 0; i <= rows; i++) {
      const focused = (await widget.locator('.monaco-list-row.focused').getAttribute('aria-label').catch(() => null)) ?? '';
      if (focused.includes(text)) return;
      await this.page.keyboard.press('ArrowDown');
      await waitUntil('the selection to move', async () => ((await widget.locator('.monaco-list-row.focused').getAttribute('aria-label').catch(() => null)) ?? '') !== focused, { timeout: 5_000 });
    }
    throw new Error(`no suggestion containing ${JSON.stringify(text)} could be selected`);
  }

  /** Opens the details of the selected suggestion beside the list (Ctrl+Space again), for the picture. */
  async showSuggestionDetails() {
    const details = this.page.locator('.suggest-details-container .suggest-details').filter({ visible: true });
    if (await details.count()) return;
    await this.page.keyboard.press('Control+Space');
    await details.first().waitFor({ state: 'visible', timeout: 5_000 });
  }

  actionWidget() {
    return this.page.locator('.action-widget').filter({ visible: true }).first();
  }

  /** Opens the quick fix list at the cursor (Ctrl+.) and returns the titles of its actions. */
  async quickFixes() {
    const widget = this.actionWidget();
    await this.page.keyboard.press('Control+.');
    await widget.waitFor({ state: 'visible', timeout: 20_000 });
    return waitUntil('quick fixes to be listed', async () => {
      const titles = await widget.locator('.monaco-list-row.action').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
      return titles.length ? titles : undefined;
    }, { timeout: 20_000 });
  }

  /** Applies the listed quick fix titled `title`, with the keyboard (the list blocks the mouse at first). */
  async applyQuickFix(title) {
    const widget = this.actionWidget();
    const focused = widget.locator('.monaco-list-row.action.focused');
    const rows = await widget.locator('.monaco-list-row.action').count();
    for (let i = 0; i <= rows; i++) {
      if ((await focused.getAttribute('aria-label').catch(() => null)) === title) {
        await this.page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden', timeout: 10_000 });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`no quick fix titled ${JSON.stringify(title)} could be selected`);
  }

  /** Reverts the active editor to the file on disk ("File: Revert File"), if it was changed. */
  async revertActive() {
    await this.escape();
    const dirty = await this.page.locator('.part.editor .tab.active.dirty').count();
    if (dirty) {
      await this.runCommand('File: Revert File');
      await this.page.locator('.part.editor .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Pictures and failure reports

  async screenshot(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }

  /** A picture of the page now, without the mouse pointer's tooltips: kept until the step passed. */
  async capture() {
    return this.page.screenshot();
  }

  /** What the page shows now, as text: the parts a failure report needs. */
  async describe() {
    return this.page.evaluate(() => {
      const visible = (e) => !!e && /** @type {HTMLElement} */ (e).offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
      const text = (selector, max = 3000) =>
        [...document.querySelectorAll(selector)].filter(visible).map((e) => /** @type {HTMLElement} */ (e).innerText.trim()).filter(Boolean).join('\n---\n').slice(0, max);
      const rows = (selector, max = 60) =>
        [...document.querySelectorAll(selector)].filter(visible).slice(0, max).map((e) => e.getAttribute('aria-label') || /** @type {HTMLElement} */ (e).innerText.trim());
      return {
        'active tab': text('.part.editor .tab.active', 200),
        'status bar': [...document.querySelectorAll('.part.statusbar .statusbar-item')].map((e) => e.getAttribute('aria-label') || e.textContent?.trim()).filter(Boolean).join(' | '),
        'editor (rendered lines)': text('.part.editor .editor-group-container.active .monaco-editor .view-lines', 2500),
        'hover': text('.monaco-hover:not(.hidden)'),
        'suggest widget': rows('.suggest-widget.visible .monaco-list-row').join('\n'),
        'quick fix list': rows('.action-widget .monaco-list-row').join('\n'),
        'quick input': text('.quick-input-widget', 1500),
        'problems panel': rows('.markers-panel .monaco-list-row').join('\n'),
        'notifications': text('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item', 2000),
        'dialogs': text('.monaco-dialog-box', 1000),
      };
    });
  }
}

module.exports = { Workbench, waitUntil, STEP_TIMEOUT_MS };
