import { Dec } from './amount/rounding';
import { t } from './i18n/l10n';
import { ruleIds } from './rules/registry';
import type { UserSettings } from './settings';

/**
 * Settings as they arrive — the CLI's flags, the editor's `budget.*` section — checked once,
 * in one place, against the rule ids and the ranges of each setting. A value that is wrong is
 * never silently dropped or half-used: it is a problem, which the CLI reports with exit 2 and the
 * server shows to the user once; the settings returned contain only the values that are right.
 */
export interface SettingsProblem {
  /** The setting (`rules.sum/row`, `tolerance`, `codeYear` …). */
  readonly key: string;
  /** The value as given. */
  readonly value: string;
  /** Why it is not taken (localised). */
  readonly message: string;
}

export type LocaleSetting = 'auto' | 'zh-cn' | 'en';

export interface ParsedSettings {
  /** What the checks read. */
  readonly user: UserSettings;
  /** Front-end settings: the locale of messages, extra code tables. */
  readonly locale: LocaleSetting;
  readonly codeTables: readonly string[];
  readonly problems: readonly SettingsProblem[];
}

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const LOCALES: readonly LocaleSetting[] = ['auto', 'zh-cn', 'en'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A decimal of the setting's own text (`0.01`, 10): never through a JavaScript number. */
function decimal(value: unknown): Dec | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const text = String(value).trim();
  if (!/^\d+(?:\.\d+)?$/.test(text)) return undefined;
  return new Dec(text);
}

/**
 * Checks raw settings (keys of the `budget` section). Absent and null values are the defaults
 * and no problem; everything else must be right.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const problems: SettingsProblem[] = [];
  const problem = (key: string, value: unknown, message: string): void => {
    problems.push({ key, value: shown(value), message });
  };
  const input = isObject(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isObject(raw)) problem('budget', raw, t('the settings are not a mapping of keys and values'));
  const user: { -readonly [K in keyof UserSettings]: UserSettings[K] } = {};
  const known = new Set(ruleIds());

  const rules = input.rules;
  if (rules !== undefined && rules !== null) {
    if (!isObject(rules)) problem('rules', rules, t('rules takes a mapping of rule ids to error, warning, information, hint or off'));
    else {
      const taken: Record<string, string> = {};
      for (const [id, severity] of Object.entries(rules)) {
        if (!known.has(id)) problem(`rules.${id}`, id, t('"{0}" is not a rule id of the checker', id));
        else if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) problem(`rules.${id}`, severity, t('a rule takes error, warning, information, hint or off, not {0}', shown(severity)));
        else taken[id] = severity;
      }
      if (Object.keys(taken).length) user.rules = taken;
    }
  }
  for (const key of ['tolerance', 'reasonThreshold'] as const) {
    const value = input[key];
    if (value === undefined || value === null || value === '') continue;
    const parsed = decimal(value);
    if (!parsed) problem(key, value, t('{0} takes a number of 0 or more, not {1}', key, shown(value)));
    else user[key] = parsed.toString();
  }
  const codeYear = input.codeYear;
  if (codeYear !== undefined && codeYear !== null && codeYear !== '') {
    const text = String(codeYear).trim();
    if ((typeof codeYear !== 'number' && typeof codeYear !== 'string') || !/^\d{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) problem('codeYear', codeYear, t('codeYear takes a year such as 2025, not {0}', shown(codeYear)));
    else user.codeYear = Number(text);
  }
  const unverified = input.showUnverifiedClaims;
  if (unverified !== undefined && unverified !== null) {
    if (typeof unverified !== 'boolean') problem('showUnverifiedClaims', unverified, t('showUnverifiedClaims takes true or false'));
    else if (unverified) user.showUnverifiedClaims = true;
  }
  let locale: LocaleSetting = 'auto';
  if (input.locale !== undefined && input.locale !== null) {
    if (typeof input.locale === 'string' && (LOCALES as readonly string[]).includes(input.locale)) locale = input.locale as LocaleSetting;
    else problem('locale', input.locale, t('locale takes auto, zh-cn or en, not {0}', shown(input.locale)));
  }
  const codeTables: string[] = [];
  if (input.codeTables !== undefined && input.codeTables !== null) {
    if (!Array.isArray(input.codeTables)) problem('codeTables', input.codeTables, t('codeTables takes a list of file paths'));
    else {
      for (const file of input.codeTables) {
        if (typeof file === 'string' && file.trim() !== '') codeTables.push(file.trim());
        else problem('codeTables', file, t('codeTables takes a list of file paths, not {0}', shown(file)));
      }
    }
  }
  return { user, locale, codeTables, problems };
}

/** One line per problem, for stderr and for the editor's message. */
export function settingsProblemText(problem: SettingsProblem): string {
  return t('setting {0}: {1}', problem.key, problem.message);
}
