import core from '../../../../l10n/zh-cn/core.json';
import prose from '../../../../l10n/zh-cn/prose.json';
import review from '../../../../l10n/zh-cn/review.json';
import editor from '../../../../l10n/zh-cn/editor.json';
import narrative from '../../../../l10n/zh-cn/narrative.json';
import excel from '../../../../l10n/zh-cn/excel.json';
import trust from '../../../../l10n/zh-cn/trust.json';
import pdf from '../../../../l10n/zh-cn/pdf.json';
import reviewCommand from '../../../../l10n/zh-cn/reviewCommand.json';

/**
 * Localisation of the service's messages. Message keys are English (the @vscode/l10n
 * convention, so `@vscode/l10n-dev export` can extract them); Chinese is the default language
 * of the product. The Chinese strings live in one file per area of the service
 * (l10n/zh-cn/*.json).
 *
 * The locale is an input of every analysis, never a process-wide setting that a cache could
 * miss: an analysis runs its work inside `withMessages(inputs.messages, …)`, and the `t` that
 * the rules call reads the messages of the innermost such scope. Outside any scope (front-end
 * output of a one-locale command line run) `t` uses the front end's default.
 */
export type Locale = 'zh-cn' | 'en';

export const ZH_CN: Readonly<Record<string, string>> = { ...core, ...prose, ...review, ...editor, ...narrative, ...excel, ...trust, ...pdf, ...reviewCommand };

/** The message function of one locale: an input of analyses, generation and import. */
export interface Messages {
  readonly locale: Locale;
  t(message: string, ...args: Array<string | number>): string;
}

const PLACEHOLDER = /\{(\d+)\}/g;

function bundleMessages(locale: Locale, bundle: Readonly<Record<string, string>>): Messages {
  return Object.freeze({
    locale,
    t(message: string, ...args: Array<string | number>): string {
      const template = bundle[message] ?? message;
      return args.length === 0 ? template : template.replace(PLACEHOLDER, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
    },
  });
}

const MESSAGES: Readonly<Record<Locale, Messages>> = { 'zh-cn': bundleMessages('zh-cn', ZH_CN), en: bundleMessages('en', {}) };

/** The messages of a locale setting (`en…` is English; anything else Chinese). */
export function messagesFor(locale: string | undefined): Messages {
  return MESSAGES[resolveLocale(locale)];
}

/** English when the requested locale is English, Chinese otherwise. */
export function resolveLocale(locale: string | undefined): Locale {
  return locale && /^en\b/i.test(locale) ? 'en' : 'zh-cn';
}

let frontEndDefault: Messages = MESSAGES['zh-cn'];
let active: Messages | undefined;

/**
 * Runs synchronous work with these messages: every `t` inside speaks this locale, whatever
 * other work runs before or after it. Nested scopes restore the outer one.
 */
export function withMessages<T>(messages: Messages, work: () => T): T {
  const outer = active;
  active = messages;
  try {
    return work();
  } finally {
    active = outer;
  }
}

/**
 * The locale of a command-line run's own output (one run, one locale). Analyses never read it:
 * they take their messages as an input.
 */
export function setFrontEndLocale(locale: string | undefined): Messages {
  frontEndDefault = messagesFor(locale);
  return frontEndDefault;
}

/** The messages `t` uses here: the innermost `withMessages` scope, else the front end's. */
export function currentMessages(): Messages {
  return active ?? frontEndDefault;
}

export function t(message: string, ...args: Array<string | number>): string {
  return (active ?? frontEndDefault).t(message, ...args);
}
