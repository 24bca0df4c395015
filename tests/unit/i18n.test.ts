/**
 * Words: every user-facing string lives in _locales/en/messages.json, so a
 * translation is one new file. These checks keep the messages file and the code in step.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatList, installI18n, t, tn, uiLocale, type I18nApi } from '../../src/shared/i18n';

const ROOT = new URL('../../', import.meta.url).pathname;
interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
const readMessages = (lang: string) => JSON.parse(readFileSync(`${ROOT}_locales/${lang}/messages.json`, 'utf8')) as Record<string, Entry>;
const english = readMessages('en');
const keys = Object.keys(english);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const code = sourceFiles(`${ROOT}src`)
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');
const manifest = readFileSync(`${ROOT}manifest.json`, 'utf8');
/** Every string literal in shipped code: message keys reach t() directly or through typed tables. */
const literals = new Set([
  ...[...code.matchAll(/'([A-Za-z0-9_]+)'/g)].map((m) => m[1]),
  // Plural lookups outside src/ui build the key from its base: `badgeTitle_${form}`.
  ...[...code.matchAll(/`([A-Za-z0-9]+)_\$\{/g)].map((m) => m[1]),
]);

describe('messages.json', () => {
  it('has a valid name, a message and consistent placeholders for every entry', () => {
    for (const [key, entry] of Object.entries(english)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()));
      const declared = Object.keys(entry.placeholders ?? {});
      expect([...used].sort(), key).toEqual([...declared].sort());
      const slots = declared.map((name) => entry.placeholders![name]!.content).sort();
      expect(slots, key).toEqual(slots.map((_, i) => `$${i + 1}`));
    }
  });

  it('has every message used by the code or the manifest', () => {
    const unused = keys.filter((key) => {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      return !literals.has(key) && !(base !== key && literals.has(base)) && !manifest.includes(`__MSG_${key}__`);
    });
    expect(unused).toEqual([]);
  });

  it('has every key the code asks for', () => {
    const asked = [...code.matchAll(/\b(t|tn|getMessage)\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => (m[1] === 'tn' ? `${m[2]}_other` : m[2]!));
    const manifestKeys = [...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!);
    expect(asked.length).toBeGreaterThan(50);
    expect([...asked, ...manifestKeys].filter((key) => !(key in english))).toEqual([]);
  });

  it('gives every plural message its English forms', () => {
    for (const key of keys.filter((k) => k.endsWith('_other'))) expect(english[key.replace(/_other$/, '_one')], key).toBeDefined();
  });

  it('lets each translation use only English keys and the same placeholders', () => {
    for (const lang of readdirSync(`${ROOT}_locales`).filter((l) => l !== 'en')) {
      for (const [key, entry] of Object.entries(readMessages(lang))) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '_other');
        const source = english[key] ?? english[base];
        expect(source, `${lang}: ${key}`).toBeDefined();
        expect(Object.keys(entry.placeholders ?? {}).sort(), `${lang}: ${key}`).toEqual(Object.keys(source?.placeholders ?? {}).sort());
      }
    }
  });
});

describe('t and tn', () => {
  afterEach(() => installI18n({ getMessage: () => '', getUILanguage: () => 'en' }));

  it('fills placeholders in order and formats numbers (English file without a browser)', () => {
    expect(t('articleSummary', ['CBC', '15 Sept 2020', '700 words'])).toBe('CBC (15 Sept 2020, 700 words)');
    expect(t('relatedCoverage', [12000])).toBe('Related coverage (12,000)');
    expect(t('openArchiveSettings')).toBe('Archive & settings');
  });

  it('picks the plural form by CLDR rules', () => {
    expect(tn('wordCount', 1)).toBe('1 word');
    expect(tn('wordCount', 0)).toBe('0 words');
    expect(tn('daysApart', 2)).toBe('2 days apart');
  });

  it('asks the browser first, in its UI language, and falls back to English when it has no message', () => {
    const asked: Array<[string, string | string[] | undefined]> = [];
    const fake: I18nApi = {
      getMessage: (name, subs) => {
        asked.push([name, subs]);
        return name === 'wordCount_other' ? `${String(subs?.[0])} Wörter` : '';
      },
      getUILanguage: () => 'de',
    };
    installI18n(fake);
    expect(uiLocale()).toBe('de');
    expect(tn('wordCount', 1234)).toBe('1.234 Wörter');
    expect(asked[0]).toEqual(['wordCount_other', ['1.234']]);
    expect(t('sameDay')).toBe('same day');
    expect(formatList(['a', 'b', 'c'], 'conjunction')).toBe('a, b und c');
  });
});
