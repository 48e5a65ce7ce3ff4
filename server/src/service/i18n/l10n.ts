import * as l10n from '@vscode/l10n';
import zhCN from '../../../../l10n/bundle.l10n.zh-cn.json';

/**
 * Localisation of the service's messages. Message keys are English (the @vscode/l10n
 * convention, so `@vscode/l10n-dev export` can extract them); Chinese is the default
 * language of the product, so every front end starts in zh-cn unless the editor is English.
 */
export type Locale = 'zh-cn' | 'en';

let current: Locale = 'zh-cn';
l10n.config({ contents: zhCN as Record<string, string> });

export function setLocale(locale: string | undefined): Locale {
  current = resolveLocale(locale);
  l10n.config({ contents: current === 'en' ? {} : (zhCN as Record<string, string>) });
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
