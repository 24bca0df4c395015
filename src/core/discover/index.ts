/**
 * Coverage on the first click: find other outlets' reports of the article's story with an
 * open news search, read the best of them, and rank them with the matcher. Pure: the
 * network, the page reader and the clock come in as DiscoveryIO, so the same code runs in
 * the extension's background, in the CLI and in tests.
 */
import type { Article } from '../types';
import { HeadlineScorer, LinkPool } from './links';
import { buildLadder, fetchBudget, MAX_QUERIES, pagesToRead, PROVIDER_MODULES, type Step } from './plan';
import type { ProviderAnswer } from './provider';
import { rankRead, readLink } from './read';
import type { DiscoveryEvent, DiscoveryIO, DiscoveryOptions, DiscoveryResult, FailedEvent, FoundEvent, FoundLink, ProviderInfo, ProviderName } from './types';

export * from './types';
export { planDiscovery, dateWindow, MAX_QUERIES, DEFAULT_MAX, MAX_PAGES } from './plan';
export { queryTerms, relaxationSteps, type QueryTerm } from './terms';
export { parseGdelt } from './gdelt';
export { parseBing, decodeBingLink } from './bing';

export const PROVIDERS: Record<ProviderName, ProviderInfo> = {
  gdelt: { label: PROVIDER_MODULES.gdelt.label, defaultEndpoint: PROVIDER_MODULES.gdelt.defaultEndpoint, minIntervalMs: PROVIDER_MODULES.gdelt.minIntervalMs },
  bing: { label: PROVIDER_MODULES.bing.label, defaultEndpoint: PROVIDER_MODULES.bing.defaultEndpoint, minIntervalMs: PROVIDER_MODULES.bing.minIntervalMs },
};

const DEFAULT_CONCURRENCY = 3;
/** A window that far from the article's date holds reports of something else. */
const WINDOW_MARGIN_MS = 86_400_000;

interface Candidate {
  link: FoundLink;
  score: number;
}

export async function discoverCoverage(article: Article, io: DiscoveryIO, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const signal = options.signal;
  const emit = (e: DiscoveryEvent): void => {
    try {
      options.onEvent?.(e);
    } catch {
      // A listener's fault must not stop the search.
    }
  };
  const pages = pagesToRead(options);
  const budget = fetchBudget(pages);
  const concurrency = Math.max(1, Math.min(6, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)));
  const ladder = buildLadder(article, options, io.now());
  const scorer = new HeadlineScorer(article, ladder.terms);
  const pool = new LinkPool(article);
  const lastAt = options.lastRequestAt ?? {};
  const queue: Candidate[] = [];
  const found: FoundEvent[] = [];
  const failed: FailedEvent[] = [];
  const read: Article[] = [];
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
    const outcome = await io.fetchText(step.planned.url, 'api', signal).catch((e: unknown) => ({ ok: false as const, reason: 'network' as const, detail: String(e) }));
    lastAt[p.name] = io.now().getTime();
    return p.parse(outcome);
  }

  function inWindow(link: FoundLink): boolean {
    const ms = link.published ? Date.parse(link.published) : NaN;
    return Number.isNaN(ms) || (ms >= ladder.window.from.getTime() - WINDOW_MARGIN_MS && ms <= ladder.window.to.getTime() + WINDOW_MARGIN_MS);
  }

  /** Queries in turn: the next, looser step while too few links are in hand; the next provider when one fails. */
  async function search(): Promise<void> {
    let p = 0;
    let s = 0;
    while (queries < MAX_QUERIES && !cancelled() && p < ladder.providers.length && pool.size < budget) {
      const entry = ladder.providers[p]!;
      // The last query goes to the fallback when the primary has found nothing at all.
      if (queries === MAX_QUERIES - 1 && pool.size === 0 && p + 1 < ladder.providers.length && p === 0) {
        p++;
        s = Math.max(0, ladder.providers[p]!.steps.length - 1);
        continue;
      }
      const step = entry.steps[s];
      if (!step) {
        p++;
        s = 0;
        continue;
      }
      const answer = await ask(step);
      if (cancelled()) break;
      if (!answer.ok) {
        emit({ kind: 'provider-error', provider: entry.provider.name, reason: answer.reason, detail: answer.detail });
        // The same query to the next provider: this one's answer says nothing about the query.
        p++;
        continue;
      }
      const ranked = answer.links
        .filter(inWindow)
        .map((link) => ({ link, score: scorer.score(link) }))
        .sort((a, b) => b.score - a.score);
      const admitted = new Set(pool.admit(ranked.map((c) => c.link)));
      for (const c of ranked) if (admitted.has(c.link)) queue.push(c);
      queue.sort((a, b) => b.score - a.score);
      emit({ kind: 'links', provider: entry.provider.name, count: admitted.size });
      notify();
      s++;
    }
    searching = false;
    notify();
  }

  let started = 0;
  let inFlight = 0;
  async function reader(): Promise<void> {
    for (;;) {
      if (cancelled()) return;
      const room = found.length + inFlight < pages && fetches < budget;
      const next = room ? queue.shift() : undefined;
      if (!next) {
        // Nothing more can come: the search is over and the queue is empty, or no room and nothing in flight.
        if ((!searching && queue.length === 0) || (!room && inFlight === 0)) return;
        await new Promise<void>((resolve) => waiters.add(resolve));
        continue;
      }
      fetches++;
      inFlight++;
      const index = ++started;
      const total = Math.max(index, Math.min(pages + failed.length, budget, fetches + queue.length));
      emit({ kind: 'reading', index, total, link: next.link });
      const result = await readLink(next.link, article, io, signal);
      inFlight--;
      if (cancelled()) return;
      if (!result.ok) {
        const e: FailedEvent = { kind: 'failed', link: next.link, reason: result.reason, detail: result.detail };
        failed.push(e);
        emit(e);
      } else {
        let a = result.article;
        if (ids.has(a.id) || a.id === article.id) a = { ...a, id: `${a.id}#${index}` };
        ids.add(a.id);
        read.push(a);
        const ranked = rankRead(article, read).get(a.id) ?? { score: 0, sameStory: false };
        const e: FoundEvent = { kind: 'found', article: a, link: next.link, score: ranked.score, sameStory: ranked.sameStory, incomplete: a.incomplete ?? null };
        found.push(e);
        emit(e);
      }
      notify();
    }
  }

  await Promise.all([search(), ...Array.from({ length: concurrency }, () => reader())]);
  signal?.removeEventListener('abort', notify);
  // Final ranks: every read page against the article, with all the others as context.
  const final = rankRead(article, read);
  const out = found
    .map((e) => ({ ...e, ...(final.get(e.article.id) ?? { score: 0, sameStory: false }) }))
    .sort((a, b) => b.score - a.score);
  const isCancelled = cancelled();
  emit({ kind: 'done', found: out.length, failed: failed.length, queries, fetches, cancelled: isCancelled });
  return { found: out, failed, queries, fetches, cancelled: isCancelled };
}
