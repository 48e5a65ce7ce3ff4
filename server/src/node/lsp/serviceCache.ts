import * as fs from 'fs';
import { createBudgetService, BudgetService } from '../../service/budgetService';
import { createCodeTables, ExtraTableProblem } from '../dataFiles';

export interface CachedService {
  readonly service: BudgetService;
  /** Changes when the set of extra tables or one of their files changes. */
  readonly key: string;
  readonly problems: readonly ExtraTableProblem[];
}

/**
 * One service per set of extra code tables (most workspaces have one set, usually empty). The
 * key holds each file's modification time, so an edited table is read again on the next check.
 */
export class ServiceCache {
  private readonly services = new Map<string, CachedService>();

  get(files: readonly string[]): CachedService {
    const key = files.map((file) => `${file}@${modified(file)}`).join('|');
    let cached = this.services.get(key);
    if (!cached) {
      const { tables, problems } = createCodeTables(files);
      const missing = files.filter((f) => modified(f) === 'missing').map((file) => ({ file, line: 0, message: 'file not found' }));
      cached = { service: createBudgetService({ codeTables: tables }), key, problems: [...missing, ...problems.filter((p) => !missing.some((m) => m.file === p.file))] };
      // Old versions of the same files are of no further use.
      for (const old of [...this.services.keys()]) if (sameFiles(old, key)) this.services.delete(old);
      this.services.set(key, cached);
    }
    return cached;
  }

  clear(): void {
    this.services.clear();
  }
}

function modified(file: string): string {
  try {
    return String(fs.statSync(file).mtimeMs);
  } catch {
    return 'missing';
  }
}

function sameFiles(a: string, b: string): boolean {
  const files = (key: string) => key.split('|').map((part) => part.slice(0, part.lastIndexOf('@'))).join('|');
  return files(a) === files(b);
}
