import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { BudgetService } from '../../service/budgetService';
import { isLastYearOf, LastYear } from '../../service/crossYear/lastYear';
import { yearFigures } from '../../service/crossYear/yearFigures';
import type { Report } from '../../service/model/types';
import { uriToPath } from './editorSettings';

/**
 * Finds last year's report of a report's department in the workspace (issue 14): among the
 * open documents first, then — in a trusted workspace — the *.budget.yaml files under the
 * workspace folders. What it holds is computed once per file version (the open document's
 * version, the file's modification time) and handed to the analysis as an input; the service
 * itself reads no file. The file list is read again at most every few seconds, the header of
 * each file (department, year) once per modification time.
 */
export interface OpenReport {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

const LIST_TTL_MS = 5000;
const ANSWER_TTL_MS = 2000;
const MAX_FILES = 5000;
const MAX_DEPTH = 8;
const SKIP = new Set(['node_modules', '.git', '.e2e', 'out', 'dist']);

interface Header {
  readonly department?: string;
  readonly year?: number;
  readonly kind?: string;
}

export function reportHeader(text: string): Header {
  const head = text.slice(0, 8192);
  const department = /^department:[ \t]*(.+?)[ \t]*$/m.exec(head)?.[1].replace(/^(["'])(.*)\1$/, '$2');
  const year = /^year:[ \t]*["']?(\d{4})["']?[ \t]*$/m.exec(head)?.[1];
  const kind = /^kind:[ \t]*["']?(department|unit)["']?[ \t]*$/m.exec(head)?.[1];
  return { department, year: year ? Number(year) : undefined, ...(kind ? { kind } : {}) };
}

export class LastYearIndex {
  private listing: { at: number; files: string[] } | undefined;
  private readonly headers = new Map<string, { mtime: number; header: Header }>();
  private readonly held = new Map<string, LastYear>();
  /** Each report's answer, for a moment: every feature of a version asks (hover, completion …). */
  private readonly answers = new WeakMap<Report, { at: number; lastYear: LastYear | undefined }>();

  constructor(
    private readonly openReports: () => readonly OpenReport[],
    private readonly folders: () => readonly string[],
    /** Files on disk are read only in a trusted workspace. */
    private readonly readDisk: () => boolean,
  ) {}

  find(uri: string, report: Report, service: BudgetService): LastYear | undefined {
    const now = Date.now();
    const answer = this.answers.get(report);
    if (answer && now - answer.at < ANSWER_TTL_MS) return answer.lastYear;
    const lastYear = this.search(uri, report, service);
    this.answers.set(report, { at: now, lastYear });
    return lastYear;
  }

  private search(uri: string, report: Report, service: BudgetService): LastYear | undefined {
    const wanted = { department: report.department?.value.trim(), year: report.year, kind: report.kind };
    if (!wanted.department || wanted.year === undefined) return undefined;
    const open = this.openReports();
    for (const document of open) {
      if (document.uri === uri) continue;
      const text = document.getText();
      if (!isLastYearOf(wanted, reportHeader(text))) continue;
      return this.hold(document.uri, `${document.uri}#v${document.version}`, () => text, service);
    }
    if (!this.readDisk()) return undefined;
    const self = uriToPath(uri);
    for (const file of this.files()) {
      if (file === self || open.some((d) => uriToPath(d.uri) === file)) continue;
      let mtime: number;
      try {
        mtime = fs.statSync(file).mtimeMs;
      } catch {
        continue;
      }
      let header = this.headers.get(file);
      if (!header || header.mtime !== mtime) {
        try {
          header = { mtime, header: reportHeader(fs.readFileSync(file, 'utf8')) };
        } catch {
          continue;
        }
        this.headers.set(file, header);
      }
      if (!isLastYearOf(wanted, header.header)) continue;
      const fileUri = pathToFileURL(file).toString();
      return this.hold(fileUri, `${fileUri}#m${mtime}`, () => fs.readFileSync(file, 'utf8'), service);
    }
    return undefined;
  }

  private hold(uri: string, id: string, text: () => string, service: BudgetService): LastYear | undefined {
    const known = this.held.get(uri);
    if (known && known.id === id) return known;
    try {
      const report = service.parse(text()).report;
      const lastYear: LastYear = { id, name: decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)), figures: yearFigures(report, service.codeTables) };
      this.held.set(uri, lastYear);
      return lastYear;
    } catch {
      return undefined;
    }
  }

  private files(): string[] {
    const now = Date.now();
    if (this.listing && now - this.listing.at < LIST_TTL_MS) return this.listing.files;
    const files: string[] = [];
    const walk = (dir: string, depth: number): void => {
      if (depth > MAX_DEPTH || files.length >= MAX_FILES) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (files.length >= MAX_FILES) return;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith('.')) walk(full, depth + 1);
        else if (entry.isFile() && /\.budget\.ya?ml$/i.test(entry.name)) files.push(full);
      }
    };
    for (const folder of this.folders()) {
      const dir = uriToPath(folder);
      if (dir) walk(dir, 0);
    }
    this.listing = { at: now, files };
    return files;
  }
}
