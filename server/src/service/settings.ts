import { Dec, ZERO } from './amount/rounding';
import type { Severity } from './findings';
import type { CheckSettings } from './rules/ruleTypes';

/** Settings as users write them (VS Code `budget.*`, CLI flags): plain JSON values. */
export interface UserSettings {
  /** Per-rule severity: 'error' | 'warning' | 'information' | 'hint' | 'off'. */
  readonly rules?: Readonly<Record<string, string>>;
  /** Extra tolerance for comparisons, e.g. "0.01" (in the unit of the figures compared). */
  readonly tolerance?: string | number;
  /** Use the code tables of this year instead of the report year. */
  readonly codeYear?: number | null;
  /** review/reason: changes of at least this many percent need a reason. */
  readonly reasonThreshold?: string | number;
  /** Mark every number of the prose the checker could not tie to data (text/unverified hints). */
  readonly showUnverifiedClaims?: boolean;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function toCheckSettings(user: UserSettings = {}): CheckSettings {
  const rules: Record<string, Severity | 'off'> = {};
  for (const [id, value] of Object.entries(user.rules ?? {})) if (SEVERITIES.has(String(value))) rules[id] = value as Severity | 'off';
  return {
    rules,
    tolerance: decimalOr(user.tolerance, ZERO),
    codeYear: typeof user.codeYear === 'number' && user.codeYear > 1900 ? user.codeYear : undefined,
    reasonThreshold: decimalOr(user.reasonThreshold, new Dec(10)),
    showUnverifiedClaims: user.showUnverifiedClaims === true,
  };
}

function decimalOr(value: string | number | undefined, fallback: Dec): Dec {
  if (value === undefined || value === null || value === '') return fallback;
  try {
    const parsed = new Dec(String(value));
    return parsed.isFinite() && !parsed.isNegative() ? parsed : fallback;
  } catch {
    return fallback;
  }
}
