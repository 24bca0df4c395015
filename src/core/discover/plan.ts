/** What a click will ask: the date window, the query ladder in each provider's syntax, and the exact addresses. */
import type { ArticleRecord } from '../types';
import { bing } from './bing';
import { gdelt } from './gdelt';
import { isoDay, type DateWindow, type Provider } from './provider';
import { ContextFrequency, queryTerms, relaxationSteps, type QueryTerm } from './terms';
import type { DiscoveryOptions, DiscoveryPlan, PlannedQuery, ProviderName } from './types';

export const PROVIDER_MODULES: Record<ProviderName, Provider> = { gdelt, bing };

/** At most this many provider requests per click, whatever the providers answer. */
export const MAX_QUERIES = 3;
export const DEFAULT_MAX = 8;
export const MAX_PAGES = 20;
const DAY = 86_400_000;
/** Other outlets report a story from a few days before (an earlier part of it) to a few days after. */
export const DAYS_BEFORE = 3;
export const DAYS_AFTER = 4;

export function pagesToRead(options: Pick<DiscoveryOptions, 'max'>): number {
  const max = Math.floor(options.max ?? DEFAULT_MAX);
  return Number.isFinite(max) ? Math.min(MAX_PAGES, Math.max(1, max)) : DEFAULT_MAX;
}

/** The window around the publication date (or the last days when it is unknown), never past now. */
export function dateWindow(published: string | null | undefined, now: Date): DateWindow {
  const ms = published ? Date.parse(published.length === 10 ? `${published}T12:00:00Z` : published) : NaN;
  const center = Number.isNaN(ms) ? now.getTime() : Math.min(ms, now.getTime());
  const from = new Date(Math.floor((center - DAYS_BEFORE * DAY) / DAY) * DAY);
  const to = new Date(Math.min(now.getTime(), Math.ceil((center + DAYS_AFTER * DAY) / DAY) * DAY - 1000));
  return { from, to };
}

/** Whether a provider searches as far back as the window starts. */
export function reaches(provider: Provider, window: DateWindow, now: Date): boolean {
  return provider.maxAgeDays === null || window.from.getTime() >= now.getTime() - provider.maxAgeDays * DAY;
}

export function endpointOf(provider: Provider, options: Pick<DiscoveryOptions, 'endpoints'>): string {
  return options.endpoints?.[provider.name]?.trim() || provider.defaultEndpoint;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export interface Step {
  provider: Provider;
  terms: QueryTerm[];
  planned: PlannedQuery;
}

export interface Ladder {
  window: DateWindow;
  terms: QueryTerm[];
  /** Per usable provider, in the order tried: its queries from the most specific. */
  providers: { provider: Provider; steps: Step[] }[];
}

export function buildLadder(article: ArticleRecord, options: DiscoveryOptions, now: Date): Ladder {
  const window = dateWindow(article.published, now);
  const terms = queryTerms(article, 8, new ContextFrequency(options.context ?? []));
  const ladder = relaxationSteps(terms);
  const names = [...new Set(options.providers.length ? options.providers : (['gdelt'] as ProviderName[]))];
  const providers = names
    .map((n) => PROVIDER_MODULES[n])
    .filter((p): p is Provider => !!p && reaches(p, window, now))
    .map((provider) => {
      const endpoint = endpointOf(provider, options);
      const steps = ladder.map((stepTerms) => {
        const query = provider.query(stepTerms);
        const url = provider.url(endpoint, query, window);
        return { provider, terms: stepTerms, planned: { provider: provider.name, label: provider.label, host: hostOf(url), query, url } };
      });
      return { provider, steps };
    });
  return { window, terms, providers };
}

/** What the consent screen says before anything is sent. */
export function planDiscovery(article: ArticleRecord, options: DiscoveryOptions, now: Date): DiscoveryPlan {
  const ladder = buildLadder(article, options, now);
  const [first, next] = ladder.providers;
  const fallbackName = options.providers[0] ?? 'gdelt';
  const provider = first?.provider ?? PROVIDER_MODULES[fallbackName];
  const step = first?.steps[0]?.planned;
  return {
    provider: provider.name,
    label: provider.label,
    host: step?.host ?? hostOf(endpointOf(provider, options)),
    query: step?.query ?? '',
    from: isoDay(ladder.window.from),
    to: isoDay(ladder.window.to),
    maxPages: pagesToRead(options),
    steps: (first?.steps ?? []).slice(0, MAX_QUERIES).map((s) => s.planned),
    fallback: next
      ? {
          provider: next.provider.name,
          label: next.provider.label,
          host: next.steps[0]?.planned.host ?? hostOf(endpointOf(next.provider, options)),
          queries: next.steps.slice(0, MAX_QUERIES).map((s) => s.planned.query),
        }
      : null,
  };
}
