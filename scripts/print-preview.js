#!/usr/bin/env node
// Renders the print publication of a sample with Debian's headless chromium and saves a picture
// of some of its A4 pages (cover, 目录, a narrative part, tables) as docs/print-preview.png.
// Usage: npx tsc -b && node scripts/print-preview.js [sample.budget.yaml] [out.png]
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const sample = process.argv[2] ?? path.join(root, 'samples', '003-jiyuan-2024.budget.yaml');
const output = process.argv[3] ?? path.join(root, 'docs', 'print-preview.png');
const chromiumPath = process.env.BUDGET_CHROMIUM ?? '/usr/bin/chromium';

const { parseBudgetDocument } = require(path.join(root, 'out', 'server', 'src', 'service', 'document'));
const { renderHtml } = require(path.join(root, 'out', 'server', 'src', 'publish', 'html', 'renderHtml'));
const { chromium } = require('playwright-core');

// Pages shown side by side, each cut to the height of an A4 page.
const CONTACT_SHEET_CSS = `
  body { display: flex; flex-wrap: wrap; gap: 9mm; justify-content: center; align-items: flex-start; padding: 9mm; background: #d9dce1; width: 3420px; box-sizing: border-box; }
  main, .part:has(> .table-page) { display: contents; }
  .part:has(> .table-page) > h2 { display: none; }
  .cover, .toc, .part, .table-page { flex: none; margin: 0 !important; height: 297mm; overflow: hidden; }
  .table-page.landscape { height: 210mm; }
`;

async function main() {
  if (!fs.existsSync(chromiumPath)) throw new Error(`chromium not found at ${chromiumPath} (apt-get install chromium fonts-noto-cjk)`);
  const report = parseBudgetDocument(fs.readFileSync(sample, 'utf8')).report;
  const html = renderHtml(report);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-preview-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 3420, height: 1200 },
    deviceScaleFactor: 0.6,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.addStyleTag({ content: CONTACT_SHEET_CSS });
    // Keep the cover, the 目录, the second part and three tables.
    await page.evaluate(() => {
      const keep = new Set(['cover', 'toc', 'sec-1', 'table-summary', 'table-expense', 'table-general_basic']);
      for (const element of document.querySelectorAll('.cover, .toc, .part, .table-page')) {
        if (!keep.has(element.id) && !element.querySelector('.table-page')) element.remove();
      }
    });
    await page.screenshot({ path: output, fullPage: true });
    console.log(`wrote ${path.relative(process.cwd(), output)}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
