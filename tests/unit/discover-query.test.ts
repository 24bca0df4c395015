import { describe, expect, it } from 'vitest';
import { dateWindow, planDiscovery, queryTerms, relaxationSteps } from '../../src/core/discover';
import { LinkPool, HeadlineScorer } from '../../src/core/discover/links';
import { ContextFrequency } from '../../src/core/discover/terms';
import type { FoundLink } from '../../src/core/discover';
import { articleFromRecord } from '../../src/core/types';

const article = articleFromRecord({
  id: 'a',
  url: 'https://www.dailymail.co.uk/news/article-1/pompeo-kim.html',
  title: 'CIA Director Mike Pompeo secretly met with North Korean leader Kim Jong Un over Easter',
  outlet: 'Daily Mail',
  published: '2018-04-18',
  text: [
    'CIA Director Mike Pompeo met secretly with North Korean leader Kim Jong Un over Easter weekend, officials said on Tuesday.',
    'Pompeo travelled to Pyongyang as an envoy of President Donald Trump to prepare a summit between Trump and Kim Jong Un.',
    'In December China warned that the talks would be hard. Pompeo is the nominee for secretary of state, and the trip was kept secret.',
    'Kim Jong Un has said he is ready to discuss the nuclear programme. The Daily Mail understands the meeting lasted two hours.',
  ].join('\n\n'),
});

describe('query terms', () => {
  const terms = queryTerms(article);
  const texts = terms.map((t) => t.text);

  it("puts the article's names first, as phrases, without roles or date words", () => {
    // "Pompeo": the article names him by surname after the first mention, as other reports do.
    expect(texts.slice(0, 2).sort()).toEqual(['Kim Jong Un', 'Pompeo']);
    expect(texts).not.toContain('Mike Pompeo');
    expect(texts).not.toContain('mike');
    expect(terms.find((t) => t.text === 'Kim Jong Un')).toMatchObject({ phrase: true, name: true });
    expect(texts.some((t) => /Director|December/.test(t))).toBe(false);
  });

  it("never uses the outlet's own name, stop words or words under 3 letters", () => {
    expect(texts).not.toContain('Daily Mail');
    for (const t of terms.filter((x) => !x.phrase)) expect(t.text.length).toBeGreaterThanOrEqual(3);
    expect(texts).not.toContain('with');
    expect(texts).not.toContain('over');
  });

  it('takes the headline words the text repeats most, never a role word', () => {
    const t = queryTerms({
      title: 'Minister says floods will return to the harbour town',
      text: 'The floods came at night.\n\nFloods have hit the town twice. The harbour wall failed in the floods.',
      outlet: 'X',
    });
    expect(t.filter((x) => !x.name).map((x) => x.text)[0]).toBe('floods');
    expect(t.map((x) => x.text)).not.toContain('minister');
    expect(terms.map((x) => x.text)).not.toContain('director');
  });

  it('asks for a surname alone only for the person it names, never for a short or ordinary word', () => {
    const t = queryTerms(
      {
        title: 'Trump hosts Macron at the White House',
        text: [
          'President Donald Trump welcomed Emmanuel Macron to the White House on Tuesday.',
          'Trump and Macron discussed Iran. Melania Trump hosted a dinner; Macron praised Trump.',
          'Later Trump spoke at Trump Tower. The House will vote. Kim Jong Un was not discussed, though Kim was mentioned.',
        ].join('\n\n'),
        outlet: 'X',
      },
      8,
      new ContextFrequency([
        { title: 'a', text: 'The house was sold. A house in the town.' },
        { title: 'b', text: 'Her house burned down.' },
      ]),
    ).map((x) => x.text);
    expect(t).toContain('Trump');
    expect(t).toContain('Macron');
    expect(t).not.toContain('Donald Trump');
    expect(t).not.toContain('Emmanuel Macron');
    // "Trump" is Donald Trump's surname, not a short form of the tower or of his wife.
    expect(t.indexOf('Trump')).toBeLessThan(t.indexOf('Trump Tower') === -1 ? Infinity : t.indexOf('Trump Tower'));
    expect(t).not.toContain('House');
    expect(t).not.toContain('Kim');
  });

  it('takes a demonym as its place, and keeps a headline word only a minor name holds', () => {
    const t = queryTerms({
      title: 'Comey memos show North Korean talks',
      text: [
        'The memos of James Comey were sent to Congress. North Korea was named in them, and Russia.',
        'Comey wrote that North Korean officials had called. Comey said the Russian contacts were many.',
        'A file titled James Comey Memos was shared once. Comey spoke to Russia experts; North Korea denied it.',
        'Flynn and Pompeo were named. Flynn called Pompeo twice, and Pompeo called Flynn.',
      ].join('\n\n'),
      outlet: 'X',
    }).map((x) => x.text);
    expect(t).toContain('North Korea');
    expect(t).not.toContain('North Korean');
    expect(t).not.toContain('Russian');
    expect(t).not.toContain('korean');
    expect(t).toContain('memos');
  });

  it('weighs a name common in other articles less (context frequencies)', () => {
    const context = Array.from({ length: 30 }, (_, i) => ({ title: `Story ${i}`, text: `Mike Pompeo said something on day ${i}.` }));
    const withContext = queryTerms(article, 8, new ContextFrequency(context));
    expect(withContext[0]!.text).toBe('Kim Jong Un');
    const rank = (list: typeof terms) => list.findIndex((t) => t.text === 'Mike Pompeo');
    expect(rank(withContext) === -1 || rank(withContext) > rank(terms)).toBe(true);
  });

  it('relaxes in three steps: the pairs of the two names and the headline word, each lacking a term of the earlier ones', () => {
    const steps = relaxationSteps(terms).map((s) => s.map((t) => t.text));
    const [a, b] = [terms.filter((t) => t.name)[0]!.text, terms.filter((t) => t.name)[1]!.text];
    const w = terms.find((t) => !t.name)!.text;
    expect(steps).toEqual([
      [a, w],
      [b, w],
      [a, b],
    ]);
  });

  it('makes do with names only, or words only, and nothing from nothing', () => {
    const onlyWords = queryTerms({
      title: 'storms flooding harbour',
      text: 'the storms caused flooding in the harbour and storms again',
      outlet: '',
    });
    expect(onlyWords.every((t) => !t.name)).toBe(true);
    expect(relaxationSteps(onlyWords).length).toBeGreaterThan(1);
    expect(relaxationSteps([])).toEqual([]);
    expect(queryTerms({ title: '', text: '', outlet: '' })).toEqual([]);
  });
});

describe('the plan the consent screen shows', () => {
  it('names the service, its host, the exact first query and the date window', () => {
    const plan = planDiscovery(article, { providers: ['gdelt', 'bing'] }, new Date('2018-04-20T10:00:00Z'));
    expect(plan).toMatchObject({
      provider: 'gdelt',
      label: 'GDELT DOC 2.0 API',
      host: 'api.gdeltproject.org',
      from: '2018-04-15',
      to: '2018-04-20',
      maxPages: 8,
    });
    expect(plan.query).toBe(plan.steps[0]!.query);
    expect(new URL(plan.steps[0]!.url).searchParams.get('query')).toBe(plan.query);
    // Every search the click may send, at most 3, to the first service; the fallback gets the same ones.
    expect(plan.steps.map((s) => s.provider)).toEqual(['gdelt', 'gdelt', 'gdelt']);
    expect(plan.fallback).toMatchObject({ provider: 'bing', label: 'Bing News (RSS)', host: 'www.bing.com' });
    expect(plan.fallback!.queries).toEqual(plan.steps.map((s) => s.query));
  });

  it('has no fallback with one service, and never more than 3 searches', () => {
    const plan = planDiscovery(article, { providers: ['bing'] }, new Date('2018-04-20T10:00:00Z'));
    expect(plan.fallback).toBeNull();
    expect(plan.steps.length).toBeLessThanOrEqual(3);
    expect(plan.steps.every((s) => s.provider === 'bing')).toBe(true);
  });

  it('uses the endpoint setting and caps the pages at 20', () => {
    const plan = planDiscovery(
      article,
      { providers: ['gdelt'], endpoints: { gdelt: 'http://127.0.0.1:9999/api/v2/doc/doc' }, max: 50 },
      new Date('2018-04-20T10:00:00Z'),
    );
    expect(plan.host).toBe('127.0.0.1:9999');
    expect(plan.maxPages).toBe(20);
  });

  it('leaves an article older than three months to the fallback provider', () => {
    const plan = planDiscovery(article, { providers: ['gdelt', 'bing'] }, new Date('2018-09-01T10:00:00Z'));
    expect(plan.provider).toBe('bing');
    expect(plan.steps.every((s) => s.provider === 'bing')).toBe(true);
  });

  it('centres the window on the publication date, or ends it today when the date is unknown', () => {
    const now = new Date('2026-12-04T18:00:00Z');
    const known = dateWindow('2026-11-20', now);
    expect([known.from.toISOString(), known.to.toISOString()]).toEqual(['2026-11-17T00:00:00.000Z', '2026-11-24T23:59:59.000Z']);
    const unknown = dateWindow(null, now);
    expect(unknown.to.getTime()).toBe(now.getTime());
    expect(unknown.from.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});

const link = (
  url: string,
  outlet: string,
  title = 'Pompeo met Kim Jong Un',
  published: string | null = '2018-04-18T10:00:00Z',
): FoundLink => ({ url, title, outlet, published, lang: 'en', provider: 'gdelt' });

describe('candidate links', () => {
  it('keeps one link per canonical address, at most two per outlet, never the article or its outlet', () => {
    const pool = new LinkPool(article);
    const kept = pool.admit([
      link('https://www.dailymail.co.uk/news/article-1/pompeo-kim.html?utm_source=x', 'dailymail.co.uk'),
      link('https://www.dailymail.co.uk/news/article-2/other.html', 'dailymail.co.uk', 'Another story'),
      link('https://www.foxnews.com/politics/a', 'foxnews.com', 'Pompeo met Kim'),
      link('https://foxnews.com/politics/a/?utm_campaign=y#top', 'foxnews.com', 'Pompeo met Kim'),
      link('https://www.foxnews.com/politics/b', 'foxnews.com', 'Pompeo and Kim: what we know'),
      link('https://www.foxnews.com/politics/c', 'foxnews.com', 'Pompeo trip was secret, officials say'),
      link('https://www.usatoday.com/story/a', 'usatoday.com', 'Pompeo made top-secret trip to North Korea'),
      link('https://www.usatoday.com/story/a-print', 'usatoday.com', 'Pompeo made top-secret trip to North Korea'),
    ]);
    expect(kept.map((l) => l.url)).toEqual([
      'https://www.foxnews.com/politics/a',
      'https://www.foxnews.com/politics/b',
      'https://www.usatoday.com/story/a',
    ]);
    expect(pool.admit([link('https://www.foxnews.com/politics/a?utm_medium=z', 'foxnews.com')])).toEqual([]);
  });

  it("scores headlines sharing the article's names and words above others, and near dates above far ones", () => {
    const scorer = new HeadlineScorer(article, queryTerms(article));
    const same = scorer.score(link('u', 'o', 'Pompeo secretly met Kim Jong Un'));
    const other = scorer.score(link('u', 'o', 'Stocks fall as oil prices rise'));
    const late = scorer.score(link('u', 'o', 'Pompeo secretly met Kim Jong Un', '2018-05-20T10:00:00Z'));
    expect(same).toBeGreaterThan(0);
    expect(other).toBe(0);
    expect(late).toBeLessThan(same);
    // Three days off: a headline with more of the article's words loses to a same-day one with fewer.
    const earlier = scorer.score(link('u', 'o', 'Pompeo secretly met Kim Jong Un over Easter', '2018-04-15T10:00:00Z'));
    const sameDay = scorer.score(link('u', 'o', 'Pompeo met Kim Jong Un', '2018-04-18T10:00:00Z'));
    expect(sameDay).toBeGreaterThan(earlier);
  });
});
