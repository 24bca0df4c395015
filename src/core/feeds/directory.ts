/**
 * The starter directory: outlets' feeds bundled with the extension (public/directory/
 * outlets.json), so a new reader can follow news from many countries, languages and sides
 * in one click. This module reads and checks the file, searches it and groups it; the pages
 * load the file and ask for host access. Pure: no DOM, no network.
 */
import * as v from 'valibot';
import { siteHost } from '../extract/url';
import { hostPattern, resolveHttpUrl } from './urls';

/** What an outlet is: a news agency, a public broadcaster, state media, or owned privately, by a foundation or by its staff. */
export const OUTLET_KINDS = ['wire', 'public', 'state', 'commercial', 'nonprofit', 'cooperative'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];

export interface DirectoryOutlet {
  /** Stable key: lower-case words joined by "-". */
  id: string;
  name: string;
  /** Other names the outlet's pages give themselves (og:site_name, publisher), so outlet groups match its articles. */
  aliases?: string[];
  /** Homepage. */
  site: string;
  /** 1 to 3 RSS or Atom addresses: the main or world stories. */
  feeds: string[];
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** BCP 47 tag of the feeds' language. */
  language: string;
  kind: OutletKind;
  /** Controlled by a government, whatever its kind (a state news agency is a wire with state: true). */
  state?: true;
  /** Where the outlet publishes its feed addresses. */
  source: string;
  /** What a reader should know about the entry (no official feed, published from exile). */
  note?: string;
}

export interface Directory {
  updated: string;
  outlets: DirectoryOutlet[];
  /** Entries left out, with why (the rest are kept). */
  skipped: { index: number; id: string | null; reason: string }[];
}

export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';
}

const MAX_OUTLETS = 2000;

const httpUrl = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => resolveHttpUrl(s, null) !== null, 'is not an http or https address'),
);
const label = v.pipe(v.string(), v.trim(), v.minLength(1, 'is empty'), v.maxLength(100, 'is longer than 100 characters'));

const OutletSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id is not lower-case words joined by "-"'), v.maxLength(60)),
  name: label,
  aliases: v.optional(v.pipe(v.array(label), v.maxLength(5, 'at most 5 aliases'))),
  site: httpUrl,
  feeds: v.pipe(v.array(httpUrl), v.minLength(1, 'names no feed'), v.maxLength(3, 'names more than 3 feeds')),
  country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'country is not an ISO 3166-1 alpha-2 code')),
  language: v.pipe(
    v.string(),
    v.regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?$/, 'language is not a BCP 47 tag such as "en", "pt-BR" or "zh-Hant"'),
  ),
  kind: v.picklist(OUTLET_KINDS, `kind is not one of ${OUTLET_KINDS.join(', ')}`),
  state: v.optional(v.literal(true)),
  source: httpUrl,
  note: v.optional(v.pipe(v.string(), v.maxLength(300))),
});

const EnvelopeSchema = v.object({
  version: v.literal(1, 'version is not 1'),
  updated: v.pipe(v.string(), v.isoDate('updated is not a date')),
  outlets: v.pipe(v.array(v.unknown(), 'outlets is not a list'), v.maxLength(MAX_OUTLETS, `more than ${MAX_OUTLETS} outlets`)),
});

function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'is not valid';
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return path && !issue.message.startsWith(path.split('.').pop()!) ? `${path} ${issue.message}` : issue.message;
}

/** Reads the directory file: a wrong envelope is refused whole, a wrong or repeated entry is skipped with its reason. */
export function parseDirectory(value: unknown): Directory {
  const envelope = v.safeParse(EnvelopeSchema, value);
  if (!envelope.success) throw new DirectoryError(`The outlet directory cannot be read: ${issueText(envelope.issues)}.`);
  const out: Directory = { updated: envelope.output.updated, outlets: [], skipped: [] };
  const ids = new Set<string>();
  envelope.output.outlets.forEach((raw, index) => {
    const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? (raw as { id: string }).id : null;
    const entry = v.safeParse(OutletSchema, raw);
    if (!entry.success) out.skipped.push({ index, id, reason: issueText(entry.issues) });
    else if (ids.has(entry.output.id)) out.skipped.push({ index, id, reason: 'repeats an id' });
    else {
      ids.add(entry.output.id);
      out.outlets.push(entry.output as DirectoryOutlet);
    }
  });
  return out;
}

/** The language an outlet is grouped under: "pt-BR" and "pt" are both Portuguese. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** How country codes and language tags read to the reader. */
export interface DirectoryNames {
  country(code: string): string;
  language(tag: string): string;
}

/** Country and language names in `locale` (Intl.DisplayNames); the code itself where none is known. */
export function directoryNames(locale: string): DirectoryNames {
  const make = (type: 'region' | 'language') => {
    try {
      const names = new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' });
      return (code: string) => {
        try {
          return names.of(code) ?? code;
        } catch {
          return code;
        }
      };
    } catch {
      return (code: string) => code;
    }
  };
  return { country: make('region'), language: make('language') };
}

/** Lower case, without accents: "Página/12" and "pagina/12" are one search. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[øœæłđıþ]/g, (c) => ({ ø: 'o', œ: 'oe', æ: 'ae', ł: 'l', đ: 'd', ı: 'i', þ: 'th' })[c] ?? c);
}

/** The outlets matching every word of `query` in their name, aliases, site, country or language (codes or names). */
export function searchDirectory(outlets: readonly DirectoryOutlet[], query: string, names: DirectoryNames): DirectoryOutlet[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...outlets];
  return outlets.filter((o) => {
    const text = foldText(
      [
        o.name,
        ...(o.aliases ?? []),
        siteHost(o.site) ?? '',
        o.country,
        names.country(o.country),
        o.language,
        names.language(o.language),
        names.language(primaryLanguage(o.language)),
      ].join('\n'),
    );
    return words.every((w) => text.includes(w));
  });
}

export type DirectoryGrouping = 'country' | 'language';

export interface DirectoryGroup {
  /** Country code or primary language subtag. */
  key: string;
  label: string;
  outlets: DirectoryOutlet[];
}

/** Outlets by country or by language, groups and outlets in alphabetical order for `locale`. */
export function groupDirectory(
  outlets: readonly DirectoryOutlet[],
  by: DirectoryGrouping,
  names: DirectoryNames,
  locale = 'en',
): DirectoryGroup[] {
  const collator = new Intl.Collator([locale, 'en'], { sensitivity: 'base' });
  const groups = new Map<string, DirectoryOutlet[]>();
  for (const o of outlets) {
    const key = by === 'country' ? o.country : primaryLanguage(o.language);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups]
    .map(([key, list]) => ({
      key,
      label: by === 'country' ? names.country(key) : names.language(key),
      outlets: list.sort((a, b) => collator.compare(a.name, b.name)),
    }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** True when one of the outlet's feeds is among the subscribed addresses. */
export function isSubscribed(outlet: DirectoryOutlet, subscribed: ReadonlySet<string>): boolean {
  return outlet.feeds.some((f) => subscribed.has(resolveHttpUrl(f, null) ?? f));
}

/** The names an outlet group lists for an outlet: how its articles name it (name, aliases) and its site without "www.". */
export function outletNames(outlet: DirectoryOutlet): string[] {
  const host = siteHost(outlet.site);
  const names = [outlet.name, ...(outlet.aliases ?? []), ...(host ? [host] : [])];
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
}

export interface SubscriptionPlan {
  feeds: { url: string; title: string; siteUrl: string | null }[];
  /** Host patterns to ask for, each once: the feeds' hosts and the sites' (where the articles are). */
  origins: string[];
}

/** What subscribing to `outlets` takes: their feeds, and access to the hosts of the feeds and the sites. */
export function subscriptionPlan(outlets: readonly DirectoryOutlet[]): SubscriptionPlan {
  const feeds: SubscriptionPlan['feeds'] = [];
  const origins = new Set<string>();
  for (const o of outlets) {
    const siteUrl = resolveHttpUrl(o.site, null);
    if (siteUrl) origins.add(hostPattern(siteUrl));
    o.feeds.forEach((f, i) => {
      const url = resolveHttpUrl(f, null);
      if (!url) return;
      origins.add(hostPattern(url));
      // The outlet's name for its main feed; a second feed takes its own title ("BBC News - World") on its first poll.
      feeds.push({ url, title: i === 0 ? o.name : '', siteUrl });
    });
  }
  return { feeds, origins: [...origins] };
}
