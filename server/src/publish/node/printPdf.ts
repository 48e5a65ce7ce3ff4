import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { t } from '../../service/i18n/l10n';
import { logErrorDetail, PlainError } from '../../service/i18n/plainError';

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
        if (!error) return resolve();
        // The person is told what happened; chromium's own words go to the log.
        logErrorDetail('chromium', `${error.message}${stderr ? `\n${stderr.split('\n').slice(-3).join('\n')}` : ''}`);
        if (error.killed) reject(new PlainError(t('chromium did not finish within {0} seconds', Math.round(timeoutMs / 1000))));
        else if ((error as { code?: unknown }).code === 'ENOENT' || (error as { code?: unknown }).code === 'EACCES') reject(new PlainError(t('chromium cannot be started ({0})', chromium)));
        else reject(new PlainError(t('chromium stopped with an error')));
      });
    });
    const stat = await fs.promises.stat(pdfFile).catch(() => undefined);
    if (!stat || stat.size === 0) throw new PlainError(t('chromium wrote no PDF'));
  } finally {
    await fs.promises.rm(profile, { recursive: true, force: true });
  }
}
