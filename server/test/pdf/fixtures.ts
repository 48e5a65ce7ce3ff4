import * as fs from 'fs';
import * as path from 'path';
import { importPdf } from '../../src/publish/node/pdfImport';
import { newReportYaml } from '../../src/publish/import/emitYaml';
import type { PdfImport } from '../../src/publish/pdf/importPdf';
import { parseBudgetDocument } from '../../src/service/document';
import type { Report } from '../../src/service/model/types';
import { ROOT } from '../helpers';

/** The two published Shanghai reports, read once per test file. */

export const FIXTURES = path.join(ROOT, 'server', 'test', 'pdf', 'fixtures');
export const DEPARTMENT_PDF = path.join(FIXTURES, 'shanghai-putuo-justice-2026-department.pdf');
export const UNIT_PDF = path.join(FIXTURES, 'shanghai-putuo-justice-2026-unit.pdf');

export interface Imported {
  readonly imported: PdfImport;
  readonly yaml: string;
  readonly report: Report;
}

const cache = new Map<string, Promise<Imported>>();

export function importFixture(file: string): Promise<Imported> {
  let result = cache.get(file);
  if (!result) {
    result = (async () => {
      const imported = await importPdf({ file: path.basename(file), data: fs.readFileSync(file) });
      const yaml = newReportYaml(imported.result, { sources: [path.basename(file)] });
      return { imported, yaml, report: parseBudgetDocument(yaml).report };
    })();
    cache.set(file, result);
  }
  return result;
}

/** Every paragraph of the imported narrative, depth first. */
export function paragraphs(imported: PdfImport): string[] {
  const out: string[] = [];
  const walk = (sections: PdfImport['narrative']['sections']): void => {
    for (const section of sections) {
      out.push(...section.paragraphs.map((p) => p.text));
      walk(section.sections);
    }
  };
  walk(imported.narrative.sections);
  return out;
}
