/**
 * Every user-facing string of the extension (pages and the background's replies) comes from
 * `_locales/<lang>/messages.json` through the WebExtension i18n API (chrome.i18n /
 * browser.i18n), so a translation is one new file. `t()` asks the browser once the context
 * has called `installI18n()`; without it (unit tests, the CLI) it reads the English messages
 * file bundled here, applying the same placeholder rules as the browser.
 * https://developer.chrome.com/docs/extensions/reference/api/i18n
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Internationalization
 */
import english from '../../_locales/en/messages.json';

export type MessageKey = keyof typeof english;
/** Keys with plural forms: `<base>_one` and `<base>_other` exist (other languages may add `_few`, `_many`...). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;
type Substitution = string | number;

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** The slice of `browser.i18n` the pages use (the browser seam passes the real one). */
export interface I18nApi {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

let api: I18nApi | null = null;
let locale = 'en';

/**
 * Routes `t()` through the browser's i18n API and formats dates and numbers for its UI
 * language. `undefined` (no i18n API: a fake browser in tests) keeps the English file.
 */
export function installI18n(i18n: I18nApi | undefined): void {
  api = i18n ?? null;
  locale = i18n?.getUILanguage() || 'en';
}

/** The reader's UI language (BCP 47), for Intl formatting and `<html lang>`. */
export function uiLocale(): string {
  return locale;
}

/** The message for `key`, numbers formatted for the reader's locale. */
export function t(key: MessageKey, substitutions: Substitution[] = []): string {
  const subs = substitutions.map((s) => (typeof s === 'number' ? formatNumber(s) : s));
  // The browser answers "" for an unknown key or a build without _locales: fall back to English.
  return api?.getMessage(key, subs) || englishMessage(key, subs);
}

/**
 * A count with its noun in the plural form the reader's language needs (CLDR plural rules
 * through Intl.PluralRules; the i18n API itself has no plurals): `tn('wordCount', 3)` reads
 * `wordCount_other`. A form a translation lacks falls back to `_other`.
 */
export function tn(base: PluralKey, count: number, more: Substitution[] = []): string {
  const form = `${base}_${new Intl.PluralRules(locale).select(count)}`;
  const key = (form in english ? form : `${base}_other`) as MessageKey;
  const subs = [count, ...more];
  const viaApi = api?.getMessage(
    form,
    subs.map((s) => (typeof s === 'number' ? formatNumber(s) : s)),
  );
  return viaApi || t(key, subs);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** "a, b and c" in the reader's language. */
export function formatList(items: string[], type: 'conjunction' | 'unit' = 'unit'): string {
  return new Intl.ListFormat(locale, { style: 'short', type }).format(items);
}

/** Chrome's substitution rules: `$NAME$` names a placeholder whose content is `$1`..`$9` (or text); `$$` is a dollar. */
function englishMessage(key: string, subs: string[]): string {
  const entry = (english as Record<string, MessageEntry | undefined>)[key];
  if (!entry) return '';
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}
