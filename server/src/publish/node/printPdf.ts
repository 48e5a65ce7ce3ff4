import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

/**
 * Prints an HTML file to PDF with Debian's chromium in headless mode (--print-to-pdf), in a fresh
 * profile that is removed afterwards, with networking features that are not needed switched off.
 */

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The chromium to use: BUDGET_CHROMIUM, else Debian's /usr/bin/chromium, else undefined. */
export function findChromium(): string | undefined {
  const candidates = [process.env.BUDGET_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((c): c is string => !!c);
  return candidates.find((c) => fs.existsSync(c));
}

export async function printPdf(htmlFile: string, pdfFile: string, chromium: string, timeoutMs = 120000): Promise<void> {
  const profile = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'budget-chromium-'));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, [
        ...CHROMIUM_ARGS,
        `--user-data-dir=${profile}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${path.resolve(pdfFile)}`,
        pathToFileURL(path.resolve(htmlFile)).href,
      ], { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (error) reject(new Error(`${error.message}${stderr ? `\n${stderr.split('\n').slice(-3).join('\n')}` : ''}`));
        else resolve();
      });
    });
    const stat = await fs.promises.stat(pdfFile).catch(() => undefined);
    if (!stat || stat.size === 0) throw new Error('chromium wrote no PDF');
  } finally {
    await fs.promises.rm(profile, { recursive: true, force: true });
  }
}
