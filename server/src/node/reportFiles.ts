import * as fs from 'fs';
import * as path from 'path';
import { t } from '../service/i18n/l10n';
import { describeError } from '../service/i18n/plainError';
import { decodeReport, ENCODING_LABELS } from '../service/yaml/encoding';
import { encodingMessage } from '../service/yaml/problemMessages';

/**
 * The report files named on a command line: files as given, folders searched for
 * `*.budget.yaml` / `*.budget.yml`. Nothing here throws: a path that does not exist, a folder or
 * file that cannot be read and a folder without reports each become one problem with a plain
 * reason, and the walk goes on with the rest.
 */

/** The part of `fs` the walk uses (tests hand in one that fails). */
export interface ReportFileSystem {
  statSync(file: string): { isDirectory(): boolean };
  readdirSync(dir: string, options: { withFileTypes: true }): ReadonlyArray<{ name: string; isDirectory(): boolean }>;
  readFileSync(file: string): Uint8Array;
}

export interface InputProblem {
  readonly path: string;
  /** missing: no such path; unreadable: a folder or file that could not be read; empty: a folder without reports. */
  readonly kind: 'missing' | 'unreadable' | 'empty';
  readonly error?: unknown;
}

export const REPORT_FILE = /\.budget\.ya?ml$/;

/** `accept`: the names searched for in folders (the review command also takes PDFs). */
export function collectReports(inputs: readonly string[], fsys: ReportFileSystem = fs, accept: RegExp = REPORT_FILE): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const walk = (dir: string): void => {
    let entries: ReadonlyArray<{ name: string; isDirectory(): boolean }>;
    try {
      entries = fsys.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, kind: 'unreadable', error });
      return;
    }
    for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (accept.test(entry.name)) files.push(full);
    }
  };
  for (const input of inputs) {
    let isDirectory: boolean;
    try {
      isDirectory = fsys.statSync(input).isDirectory();
    } catch (error) {
      const code = (error as { code?: string })?.code;
      problems.push({ path: input, kind: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', error });
      continue;
    }
    if (!isDirectory) {
      files.push(input);
      continue;
    }
    const before = files.length;
    const unreadableBefore = problems.length;
    walk(input);
    if (files.length === before && problems.length === unreadableBefore) problems.push({ path: input, kind: 'empty' });
  }
  return { files, problems };
}

/** One line for a problem of the inputs, in the current locale. */
export function inputProblemText(problem: InputProblem): string {
  switch (problem.kind) {
    case 'missing':
      return t('budget-check: {0} does not exist', problem.path);
    case 'empty':
      return t('budget-check: no report (*.budget.yaml, *.budget.yml) in the folder {0}', problem.path);
    default:
      return t('budget-check: cannot read {0}: {1}', problem.path, describeError('budget-check', problem.error));
  }
}

/** The bytes of a report file, or the problem that kept it from being read. */
export function readReportBytes(file: string, fsys: ReportFileSystem = fs): { bytes: Uint8Array } | { problem: InputProblem } {
  try {
    return { bytes: fsys.readFileSync(file) };
  } catch (error) {
    return { problem: { path: file, kind: 'unreadable', error } };
  }
}

/**
 * The text of a report that a command changes or converts (generate, export): UTF-8 only, a
 * byte order mark dropped. A file in another encoding is refused with the yaml/encoding message
 * rather than turned into garbled output.
 */
export function readReportText(file: string, fsys: ReportFileSystem = fs): { text: string } | { message: string } {
  const read = readReportBytes(file, fsys);
  if ('problem' in read) return { message: inputProblemText(read.problem) };
  const decoded = decodeReport(read.bytes);
  if (decoded.encoding === 'utf-8') return { text: decoded.text };
  return { message: `${file}: ${encodingMessage(ENCODING_LABELS[decoded.encoding] || undefined)}` };
}
