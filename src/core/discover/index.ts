/**
 * Coverage on the first click: find other outlets' reports of the article's story with an
 * open news search, read the best of them, and rank them with the matcher. Pure: the
 * network, the page reader and the clock come in as DiscoveryIO, so the same code runs in
 * the extension's background, in the CLI and in tests.
 */
import { canonicalUrl } from '../match';
import type { Article } from '../types';
import { HeadlineScorer, LinkPool, outletKey } from './links';
import { buildLadder, MAX_QUERIES, pagesToRead, PROVIDER_MODULES, type Step } from './plan';
import type { ProviderAnswer } from './provider';
import { Ranker, readLink } from './read';
import type {
  DiscoveryEvent,
  DiscoveryIO,
  DiscoveryOptions,
  DiscoveryResult,
  FailedEvent,
  FoundEvent,
  FoundLink,
  ProviderInfo,
  ProviderName,
} from './types';

export * from './types';
export { planDiscovery, dateWindow, MAX_QUERIES, DEFAULT_MAX, MAX_PAGES } from './plan';
export { queryTerms, relaxationSteps, type QueryTerm } from './terms';
export { parseGdelt } from './gdelt';
export { parseBing, decodeBingLink } from './bing';

export const PROVIDERS: Record<ProviderName, ProviderInfo> = {
  gdelt: {
    label: PROVIDER_MODULES.gdelt.label,
    defaultEndpoint: PROVIDER_MODULES.gdelt.defaultEndpoint,
    minIntervalMs: PROVIDER_MODULES.gdelt.minIntervalMs,
  },
  bing: {
    label: PROVIDER_MODULES.bing.label,
    defaultEndpoint: PROVIDER_MODULES.bing.defaultEndpoint,
    minIntervalMs: PROVIDER_MODULES.bing.minIntervalMs,
  },
};

const DEFAULT_CONCURRENCY = 3;
/**
 * Pages read while later queries are still to come: enough for a first result at once, few
 * enough that the budget goes to the best of all the answers, not to the first answer's tail.
 */
const EARLY_READS = 2;
/** Candidates enough that a looser query would only add noise: that many times the fetch budget. */
const PLENTY = 3;
/** A window that far from the article's date holds reports of something else. */
const WINDOW_MARGIN_MS = 86_400_000;

interface Candidate {
  link: FoundLink;
  /** An outlet's second link waits behind the other outlets' first ones: the reader wants more outlets. */
  second: boolean;
  /** Terms the most specific query that listed it required: a report matching more of them is likelier the story. */
  terms: number;
  score: number;
}

/** How much each required term of the query that found a link adds to its headline score. */
const SPECIFICITY = 0.15;
const SECOND_LINK = 0.5;

export async function discoverCoverage(article: Article, io: DiscoveryIO, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const signal = options.signal;
  const emit = (e: DiscoveryEvent): void => {
    try {
      options.onEvent?.(e);
    } catch {
      // A listener's fault must not stop the search.
    }
  };
  // The best `max` results are fetched, and no more: a failed page is listed, not replaced.
  const budget = pagesToRead(options);
  const concurrency = Math.max(1, Math.min(6, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)));
  const ladder = buildLadder(article, options, io.now());
  const scorer = new HeadlineScorer(article, ladder.terms);
  const pool = new LinkPool(article);
  const lastAt = options.lastRequestAt ?? {};
  const queue: Candidate[] = [];
  const outletsSeen = new Set<string>();
  const byUrl = new Map<string, Candidate>();
  const found: FoundEvent[] = [];
  const failed: FailedEvent[] = [];
  const ranker = new Ranker(article, options.context);
  const ids = new Set<string>();
  let queries = 0;
  let fetches = 0;
  let searching = true;
  const waiters = new Set<() => void>();
  const notify = (): void => {
    const all = [...waiters];
    waiters.clear();
    for (const w of all) w();
  };
  const cancelled = (): boolean => signal?.aborted === true;
  signal?.addEventListener('abort', notify, { once: true });

  async function ask(step: Step): Promise<ProviderAnswer> {
    const p = step.provider;
    const since = io.now().getTime() - (lastAt[p.name] ?? -Infinity);
    if (since < p.minIntervalMs) await io.sleep(p.minIntervalMs - since, signal).catch(() => undefined);
    if (cancelled()) return { ok: false, reason: 'network', detail: 'cancelled' };
    emit({ kind: 'query', provider: p.name, query: step.planned.query, url: step.planned.url });
    queries++;
    lastAt[p.name] = io.now().getTime();
    const outcome = await io
      .fetchText(step.planned.url, 'api', signal)
      .catch((e: unknown) => ({ ok: false as const, reason: 'network' as const, detail: String(e) }));
    lastAt[p.name] = io.now().getTime();
    return p.parse(outcome);
  }

  function inWindow(link: FoundLink): boolean {
    const ms = link.published ? Date.parse(link.published) : NaN;
    return (
      Number.isNaN(ms) || (ms >= ladder.window.from.getTime() - WINDOW_MARGIN_MS && ms <= ladder.window.to.getTime() + WINDOW_MARGIN_MS)
    );
  }

  /**
   * Queries in turn, the ladder's steps while too few links are in hand. A provider that
   * fails hands the same query to the next one; when the first two queries found nothing,
   * the last goes to the fallback provider, if there is one.
   */
  async function search(): Promise<void> {
    if (!ladder.providers.length && !cancelled()) {
      const name = options.providers[0] ?? 'gdelt';
      const days = PROVIDER_MODULES[name].maxAgeDays;
      emit({
        kind: 'provider-error',
        provider: name,
        reason: 'http',
        detail: `${PROVIDER_MODULES[name].label} searches only the last ${days ?? '?'} days, and this article is older: nothing was sent`,
      });
    }
    let p = 0;
    let s = 0;
    while (queries < MAX_QUERIES && !cancelled() && p < ladder.providers.length && pool.size < PLENTY * budget) {
      if (queries === MAX_QUERIES - 1 && queries > 0 && pool.size === 0 && p + 1 < ladder.providers.length) p++;
      const entry = ladder.providers[p]!;
      const step = entry.steps[s];
      if (!step) {
        // A short ladder the primary answered with nothing: the fallback gets it from the top.
        if (pool.size > 0 || p + 1 >= ladder.providers.length) break;
        p++;
        s = 0;
        continue;
      }
      const answer = await ask(step);
      if (cancelled()) break;
      if (!answer.ok) {
        emit({ kind: 'provider-error', provider: entry.provider.name, reason: answer.reason, detail: answer.detail });
        // The same query to the next provider: this one's failure says nothing about the query.
        p++;
        continue;
      }
      const links = answer.links.filter(inWindow);
      scorer.observe(links);
      const terms = step.terms.length;
      // A link another query listed too holds the terms of both: more of the article's story.
      for (const link of links) {
        const earlier = byUrl.get(canonicalUrl(link.url) ?? link.url);
        if (earlier) earlier.terms += 1;
      }
      const ranked: Candidate[] = links.map((link) => ({ link, terms, second: false, score: 0 }));
      for (const c of [...queue, ...ranked]) c.score = scorer.score(c.link) * (1 + SPECIFICITY * c.terms) * (c.second ? SECOND_LINK : 1);
      ranked.sort((a, b) => b.score - a.score);
      const kept = new Set(pool.admit(ranked.map((c) => c.link)));
      for (const c of ranked) {
        if (!kept.has(c.link)) continue;
        if (outletsSeen.has(outletKey(c.link))) {
          c.second = true;
          c.score *= SECOND_LINK;
        }
        outletsSeen.add(outletKey(c.link));
        byUrl.set(canonicalUrl(c.link.url) ?? c.link.url, c);
        queue.push(c);
      }
      queue.sort((a, b) => b.score - a.score);
      emit({ kind: 'links', provider: entry.provider.name, count: kept.size });
      notify();
      s++;
    }
    searching = false;
    notify();
  }

  let started = 0;
  async function reader(): Promise<void> {
    for (;;) {
      if (cancelled()) return;
      const room = fetches < budget && (!searching || fetches < EARLY_READS);
      const next = room ? queue.shift() : undefined;
      if (!next) {
        // Nothing more can come: the fetch budget is spent, or the search is over and the queue empty.
        if (fetches >= budget || (!searching && queue.length === 0)) return;
        await new Promise<void>((resolve) => waiters.add(resolve));
        continue;
      }
      fetches++;
      const index = ++started;
      const total = Math.max(index, Math.min(budget, fetches + queue.length));
      emit({ kind: 'reading', index, total, link: next.link });
      const result = await readLink(next.link, article, io, signal);
      if (cancelled()) return;
      if (!result.ok) {
        const e: FailedEvent = { kind: 'failed', link: next.link, reason: result.reason, detail: result.detail };
        failed.push(e);
        emit(e);
      } else {
        let a = result.article;
        if (ids.has(a.id) || a.id === article.id) a = { ...a, id: `${a.id}#${index}` };
        ids.add(a.id);
        ranker.add(a);
        const ranked = ranker.rank().get(a.id) ?? { score: 0, sameStory: false };
        const e: FoundEvent = {
          kind: 'found',
          article: a,
          link: next.link,
          score: ranked.score,
          sameStory: ranked.sameStory,
          incomplete: a.incomplete ?? null,
        };
        found.push(e);
        emit(e);
      }
      notify();
    }
  }

  await Promise.all([search(), ...Array.from({ length: concurrency }, () => reader())]);
  signal?.removeEventListener('abort', notify);
  // Final ranks: every read page against the article, with all the others as context.
  const final = ranker.rank();
  const out = found
    .map((e) => ({ ...e, ...(final.get(e.article.id) ?? { score: 0, sameStory: false }) }))
    .sort((a, b) => b.score - a.score);
  const isCancelled = cancelled();
  emit({ kind: 'done', found: out.length, failed: failed.length, queries, fetches, cancelled: isCancelled });
  return { found: out, failed, queries, fetches, cancelled: isCancelled };
}
