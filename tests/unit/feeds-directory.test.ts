import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  directoryNames,
  DirectoryError,
  foldText,
  groupDirectory,
  isSubscribed,
  outletNames,
  parseDirectory,
  primaryLanguage,
  searchDirectory,
  subscriptionPlan,
  type DirectoryOutlet,
} from '../../src/core/feeds';

const raw = JSON.parse(readFileSync(new URL('../../public/directory/outlets.json', import.meta.url), 'utf8')) as { outlets: unknown[] };
const directory = parseDirectory(raw);
const names = directoryNames('en');
const byId = new Map(directory.outlets.map((o) => [o.id, o]));

const outlet = (patch: Partial<DirectoryOutlet> & { id: string }): DirectoryOutlet => ({
  name: patch.id,
  site: `https://${patch.id}.example/`,
  feeds: [`https://${patch.id}.example/feed`],
  country: 'GB',
  language: 'en',
  kind: 'commercial',
  source: `https://${patch.id}.example/rss`,
  ...patch,
});

describe('the bundled starter directory', () => {
  it('passes the validator whole: every entry valid, no id repeated', () => {
    expect(directory.skipped).toEqual([]);
    expect(directory.outlets).toHaveLength(raw.outlets.length);
    expect(new Set(directory.outlets.map((o) => o.id)).size).toBe(directory.outlets.length);
  });

  it('has at least 150 outlets from at least 30 countries in at least 10 languages', () => {
    expect(directory.outlets.length).toBeGreaterThanOrEqual(150);
    expect(new Set(directory.outlets.map((o) => o.country)).size).toBeGreaterThanOrEqual(30);
    expect(new Set(directory.outlets.map((o) => primaryLanguage(o.language))).size).toBeGreaterThanOrEqual(10);
  });

  it('names real countries and languages (Intl knows every code)', () => {
    for (const o of directory.outlets) {
      expect(names.country(o.country), o.id).not.toBe(o.country);
      expect(names.language(primaryLanguage(o.language)), o.id).not.toBe(primaryLanguage(o.language));
    }
  });

  it('gives every entry http(s) addresses: site, 1 to 3 feeds, and the page that publishes them', () => {
    for (const o of directory.outlets) {
      for (const url of [o.site, o.source, ...o.feeds]) expect(new URL(url).protocol, `${o.id}: ${url}`).toMatch(/^https?:$/);
      expect(o.feeds.length).toBeGreaterThanOrEqual(1);
      expect(o.feeds.length).toBeLessThanOrEqual(3);
      expect(new Set(o.feeds).size, o.id).toBe(o.feeds.length);
    }
  });

  it('includes the wire services', () => {
    for (const id of ['reuters', 'ap', 'afp', 'efe', 'ansa', 'kyodo', 'xinhua', 'tass', 'ani', 'yonhap', 'pap'])
      expect(byId.get(id)?.kind, id).toBe('wire');
    expect(byId.get('xinhua')?.state).toBe(true);
    expect(byId.get('reuters')?.state).toBeUndefined();
  });

  it('includes the public broadcasters', () => {
    for (const id of [
      'bbc',
      'cbc',
      'abc-au',
      'dw',
      'france24',
      'nhk',
      'rnz',
      'rte',
      'svt',
      'nrk',
      'yle',
      'rts',
      'orf',
      'srf',
      'npr',
      'tagesschau',
      'nos',
      'rainews',
      'rtve',
    ]) {
      expect(byId.get(id)?.kind, id).toBe('public');
    }
  });

  it('spans the spectrum where outlets are many: left, centre and right, state and independent', () => {
    const has = (ids: string[]) => ids.filter((id) => byId.has(id));
    expect(has(['guardian', 'telegraph', 'daily-mail', 'bbc', 'new-statesman', 'spectator'])).toHaveLength(6);
    expect(has(['nyt', 'fox', 'npr', 'the-nation', 'national-review', 'breitbart', 'mother-jones', 'wsj'])).toHaveLength(8);
    expect(has(['rt', 'meduza', 'tass', 'moscow-times'])).toHaveLength(4);
    expect(directory.outlets.filter((o) => o.kind === 'state' || o.state).length).toBeGreaterThanOrEqual(10);
    expect(directory.outlets.filter((o) => o.kind === 'nonprofit').length).toBeGreaterThanOrEqual(5);
  });
});

describe('parseDirectory', () => {
  it.each([
    [null, /cannot be read/],
    [{ version: 2, updated: '2026-01-01', outlets: [] }, /version is not 1/],
    [{ version: 1, updated: 'yesterday', outlets: [] }, /updated is not a date/],
    [{ version: 1, updated: '2026-01-01', outlets: {} }, /outlets is not a list/],
  ])('refuses a wrong file whole (%j)', (value, reason) => {
    expect(() => parseDirectory(value)).toThrow(DirectoryError);
    expect(() => parseDirectory(value)).toThrow(reason);
  });

  it('skips a wrong or repeated entry with its reason and keeps the others', () => {
    const good = outlet({ id: 'good' });
    const parsed = parseDirectory({
      version: 1,
      updated: '2026-01-01',
      outlets: [
        good,
        outlet({ id: 'script', feeds: ['javascript:alert(1)'] }),
        outlet({ id: 'uk', country: 'uk' }),
        outlet({ id: 'many', feeds: ['https://a.example/1', 'https://a.example/2', 'https://a.example/3', 'https://a.example/4'] }),
        outlet({ id: 'none', feeds: [] }),
        { ...outlet({ id: 'kind' }), kind: 'blog' },
        { ...outlet({ id: 'extra' }), lean: 'left' },
        'not an object',
        outlet({ id: 'good', name: 'Again' }),
      ],
    });
    expect(parsed.outlets).toEqual([good]);
    expect(parsed.skipped.map((s) => [s.index, s.id])).toEqual([
      [1, 'script'],
      [2, 'uk'],
      [3, 'many'],
      [4, 'none'],
      [5, 'kind'],
      [6, 'extra'],
      [7, null],
      [8, 'good'],
    ]);
    const reasons = parsed.skipped.map((s) => s.reason);
    expect(reasons[0]).toMatch(/feeds\.0 is not an http or https address/);
    expect(reasons[1]).toMatch(/country is not an ISO 3166-1 alpha-2 code/);
    expect(reasons[2]).toMatch(/more than 3 feeds/);
    expect(reasons[3]).toMatch(/names no feed/);
    expect(reasons[4]).toMatch(/kind is not one of wire, public/);
    expect(reasons[7]).toBe('repeats an id');
  });
});

describe('search', () => {
  it('folds case and accents', () => {
    expect(foldText('Página/12 SÜDDEUTSCHE Øresund ČT24 Łódź Straße')).toBe('pagina/12 suddeutsche oresund ct24 lodz strasse');
  });

  it('finds outlets by name or alias without accents or case, by site, country and language (codes or names)', () => {
    const ids = (q: string) => searchDirectory(directory.outlets, q, names).map((o) => o.id);
    expect(ids('pagina')).toEqual(['pagina12']);
    expect(ids('SUDDEUTSCHE')).toEqual(['sz']);
    expect(ids('ct24')).toEqual(['ct24']);
    expect(ids('mail online')).toEqual(['daily-mail']);
    expect(ids('bbc.co.uk')).toEqual(['bbc']);
    expect(ids('japanese')).toEqual(expect.arrayContaining(['nhk', 'asahi']));
    expect(ids('japanese').every((id) => byId.get(id)?.language === 'ja')).toBe(true);
    expect(ids('canada')).toEqual(expect.arrayContaining(['cbc', 'radio-canada', 'globe-and-mail']));
    expect(ids('canada french')).toEqual(expect.arrayContaining(['radio-canada', 'la-presse', 'le-devoir']));
    expect(ids('canada french')).not.toContain('cbc');
    expect(ids('portuguese')).toEqual(expect.arrayContaining(['folha', 'publico-pt', 'bbc-brasil']));
    expect(ids('  ')).toHaveLength(directory.outlets.length);
    expect(ids('no outlet has this name')).toEqual([]);
  });
});

describe('grouping', () => {
  const sample = [
    outlet({ id: 'b', name: 'Zeta', country: 'DE', language: 'de' }),
    outlet({ id: 'a', name: 'Älpha', country: 'AT', language: 'de' }),
    outlet({ id: 'c', name: 'Folha', country: 'BR', language: 'pt-BR' }),
    outlet({ id: 'd', name: 'Público', country: 'PT', language: 'pt' }),
    outlet({ id: 'e', name: 'Beta', country: 'DE', language: 'de' }),
  ];

  it('by country: groups named and sorted, outlets sorted within', () => {
    expect(groupDirectory(sample, 'country', names).map((g) => [g.key, g.label, g.outlets.map((o) => o.id)])).toEqual([
      ['AT', 'Austria', ['a']],
      ['BR', 'Brazil', ['c']],
      ['DE', 'Germany', ['e', 'b']],
      ['PT', 'Portugal', ['d']],
    ]);
  });

  it('by language: regional variants together ("pt-BR" with "pt")', () => {
    expect(groupDirectory(sample, 'language', names).map((g) => [g.key, g.label, g.outlets.map((o) => o.id)])).toEqual([
      ['de', 'German', ['a', 'e', 'b']],
      ['pt', 'Portuguese', ['c', 'd']],
    ]);
  });

  it("names groups in the reader's language", () => {
    expect(groupDirectory(sample, 'country', directoryNames('de')).map((g) => g.label)).toEqual([
      'Brasilien',
      'Deutschland',
      'Österreich',
      'Portugal',
    ]);
  });

  it('groups the bundled directory into every country and language it names', () => {
    const countries = groupDirectory(directory.outlets, 'country', names);
    expect(countries.reduce((n, g) => n + g.outlets.length, 0)).toBe(directory.outlets.length);
    expect(countries.find((g) => g.key === 'CA')?.outlets.map((o) => o.id)).toContain('cbc');
    const chinese = groupDirectory(directory.outlets, 'language', names).find((g) => g.key === 'zh');
    expect(chinese?.outlets.map((o) => o.language)).toEqual(expect.arrayContaining(['zh-Hans', 'zh-Hant']));
  });
});

describe('subscribing', () => {
  const bbc = byId.get('bbc')!;
  const guardian = byId.get('guardian')!;

  it("plans one feed each with the outlet's name on the first, and access to each feed and site host once", () => {
    const plan = subscriptionPlan([bbc, guardian]);
    expect(plan.feeds).toEqual([
      { url: 'https://feeds.bbci.co.uk/news/rss.xml', title: 'BBC News', siteUrl: 'https://www.bbc.co.uk/news' },
      { url: 'https://feeds.bbci.co.uk/news/world/rss.xml', title: '', siteUrl: 'https://www.bbc.co.uk/news' },
      { url: 'https://www.theguardian.com/world/rss', title: 'The Guardian', siteUrl: 'https://www.theguardian.com/' },
      { url: 'https://www.theguardian.com/uk-news/rss', title: '', siteUrl: 'https://www.theguardian.com/' },
    ]);
    expect(plan.origins).toEqual(['https://www.bbc.co.uk/*', 'https://feeds.bbci.co.uk/*', 'https://www.theguardian.com/*']);
  });

  it('knows an outlet is followed when one of its feeds is', () => {
    expect(isSubscribed(bbc, new Set(['https://feeds.bbci.co.uk/news/world/rss.xml']))).toBe(true);
    expect(isSubscribed(bbc, new Set(['https://www.theguardian.com/world/rss']))).toBe(false);
  });

  it('lists an outlet in its group by name, aliases and site, each once', () => {
    expect(outletNames(byId.get('daily-mail')!)).toEqual(['Daily Mail', 'Mail Online', 'MailOnline', 'dailymail.co.uk']);
    expect(outletNames(outlet({ id: 'x', name: 'X', aliases: ['x', 'The X'] }))).toEqual(['X', 'The X', 'x.example']);
  });
});
