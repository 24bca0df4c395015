/** What every provider module gives the orchestration: a query in its syntax, its request address, its answer read. */
import type { FetchOutcome, FoundLink, ProviderName } from './types';
import type { QueryTerm } from './terms';

export interface DateWindow {
  from: Date;
  to: Date;
}

export type ProviderAnswer =
  { ok: true; links: FoundLink[] } | { ok: false; reason: 'rate-limited' | 'http' | 'garbage' | 'network' | 'timed-out'; detail: string };

export interface Provider {
  name: ProviderName;
  label: string;
  defaultEndpoint: string;
  minIntervalMs: number;
  /** How far back the service searches, in days; null when it does not say. */
  maxAgeDays: number | null;
  query(terms: readonly QueryTerm[]): string;
  url(endpoint: string, query: string, window: DateWindow): string;
  parse(outcome: FetchOutcome): ProviderAnswer;
}

/** Most links read from one answer: a larger list is not read further. */
export const MAX_LINKS = 250;

/** A failed fetch as a provider error. */
export function fetchFailure(outcome: Extract<FetchOutcome, { ok: false }>): Extract<ProviderAnswer, { ok: false }> {
  if (outcome.status === 429) return { ok: false, reason: 'rate-limited', detail: outcome.detail };
  if (outcome.reason === 'timed-out' || outcome.reason === 'network') return { ok: false, reason: outcome.reason, detail: outcome.detail };
  if (outcome.reason === 'too-large' || outcome.reason === 'not-html') return { ok: false, reason: 'garbage', detail: outcome.detail };
  return { ok: false, reason: 'http', detail: outcome.detail };
}

/** The first characters of an unexpected answer, on one line, for the error shown to the reader. */
export function excerpt(body: string, max = 160): string {
  const flat = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/** A term as the search services read it: a quoted phrase or a bare word, without quotes inside. */
export function termSyntax(t: QueryTerm): string {
  const clean = t.text.replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
  return t.phrase ? `"${clean}"` : clean;
}

export function isHttpUrl(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 4096) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
