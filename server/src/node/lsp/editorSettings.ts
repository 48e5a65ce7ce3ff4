import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { UserSettings } from '../../service/settings';
import { parseSettings } from '../../service/settingsInput';
import type { LocaleSetting, SettingsProblem } from '../../service/settingsInput';

export type { LocaleSetting };

/** The `budget.*` settings of one document, checked by parseSettings (service/settingsInput.ts). */
export interface EditorSettings {
  readonly user: UserSettings;
  /** Extra code-table files as written (absolute, `~/…`, `${workspaceFolder}/…` or workspace-relative). */
  readonly codeTables: readonly string[];
  readonly locale: LocaleSetting;
  /** Values that were not taken, and why: shown to the user once. */
  readonly problems: readonly SettingsProblem[];
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { user: {}, codeTables: [], locale: 'auto', problems: [] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A `budget` section from several layers (initialization options, then the workspace
 * configuration; later layers win key by key), checked once: wrong values are left out and
 * returned as problems, never dropped silently.
 */
export function readEditorSettings(...layers: unknown[]): EditorSettings {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) if (isObject(layer)) for (const [key, value] of Object.entries(layer)) if (value !== undefined && value !== null) merged[key] = value;
  const parsed = parseSettings(merged);
  return { user: parsed.user, codeTables: parsed.codeTables, locale: parsed.locale, problems: parsed.problems };
}

/** The `budget` section inside a didChangeConfiguration payload or initialization options, if any. */
export function budgetSection(value: unknown): unknown {
  if (!isObject(value)) return undefined;
  if (isObject(value.budget)) return value.budget;
  if (isObject(value.settings) && isObject(value.settings.budget)) return value.settings.budget;
  return undefined;
}

/** The locale of server messages: the setting, or the editor's locale when it is `auto`. */
export function effectiveLocale(setting: LocaleSetting, editorLocale: string | undefined): string {
  return setting === 'auto' ? editorLocale ?? 'zh-cn' : setting;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * Absolute paths of the configured code tables for a document. Relative paths and
 * `${workspaceFolder}` are resolved against the workspace folder that holds the document (the
 * first folder when none does). Returns nothing when the workspace is not trusted: tables are
 * then not read at all, whether they lie inside the workspace or not.
 */
export function resolveCodeTablePaths(files: readonly string[], documentUri: string, workspaceFolders: readonly string[], trusted: boolean): string[] {
  if (!trusted) return [];
  const folders = workspaceFolders.map(uriToPath).filter((f): f is string => !!f);
  const documentPath = uriToPath(documentUri);
  const folder = (documentPath && folders.filter((f) => documentPath.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0]) ?? folders[0];
  const resolved: string[] = [];
  for (const file of files) {
    let p = file;
    if (p.includes('${workspaceFolder}')) {
      if (!folder) continue;
      p = p.split('${workspaceFolder}').join(folder);
    }
    if (p === '~' || p.startsWith('~/')) p = path.join(os.homedir(), p.slice(1));
    if (!path.isAbsolute(p)) {
      const base = folder ?? (documentPath ? path.dirname(documentPath) : undefined);
      if (!base) continue;
      p = path.join(base, p);
    }
    resolved.push(path.normalize(p));
  }
  return [...new Set(resolved)];
}
