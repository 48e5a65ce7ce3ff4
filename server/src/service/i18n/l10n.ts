import * as l10n from '@vscode/l10n';
import core from '../../../../l10n/zh-cn/core.json';
import prose from '../../../../l10n/zh-cn/prose.json';
import review from '../../../../l10n/zh-cn/review.json';
import editor from '../../../../l10n/zh-cn/editor.json';
import narrative from '../../../../l10n/zh-cn/narrative.json';
import excel from '../../../../l10n/zh-cn/excel.json';
import pdf from '../../../../l10n/zh-cn/pdf.json';

/**
 * Localisation of the service's messages. Message keys are English (the @vscode/l10n
 * convention, so `@vscode/l10n-dev export` can extract them); Chinese is the default
 * language of the product, so every front end starts in zh-cn unless the editor is English.
 * The Chinese strings live in one file per area of the service (l10n/zh-cn/*.json).
 */
export type Locale = 'zh-cn' | 'en';

export const ZH_CN: Readonly<Record<string, string>> = { ...core, ...prose, ...review, ...editor, ...narrative, ...excel, ...pdf };

let current: Locale = 'zh-cn';
l10n.config({ contents: ZH_CN as Record<string, string> });

export function setLocale(locale: string | undefined): Locale {
  current = resolveLocale(locale);
  l10n.config({ contents: current === 'en' ? {} : (ZH_CN as Record<string, string>) });
  return current;
}

export function getLocale(): Locale {
  return current;
}

/** English when the requested locale is English, Chinese otherwise. */
export function resolveLocale(locale: string | undefined): Locale {
  return locale && /^en\b/i.test(locale) ? 'en' : 'zh-cn';
}

export function t(message: string, ...args: Array<string | number>): string {
  return l10n.t(message, ...args);
}
