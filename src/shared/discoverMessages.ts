import type { DiscoveryPlan, FailureReason, ProviderName } from '../core/discover/types';
import type { DiscoverySettings } from './discoverySettings';

/**
 * What the popup hears of a search for coverage online (the background's job, polled with
 * 'discover/status'): the core's events without article texts, a found article by the id it
 * was archived under.
 */
export type DiscoverUpdate =
  | { kind: 'query'; provider: ProviderName; label: string; host: string; query: string }
  | { kind: 'provider-error'; provider: ProviderName; label: string; reason: string; detail: string }
  | { kind: 'links'; count: number }
  | { kind: 'reading'; index: number; total: number; outlet: string; url: string }
  | { kind: 'found'; id: string; url: string; outlet: string; title: string; sameStory: boolean; incomplete: string | null }
  | { kind: 'failed'; url: string; outlet: string; title: string; reason: FailureReason; detail: string }
  | { kind: 'done'; found: number; failed: number; queries: number; fetches: number; cancelled: boolean }
  | { kind: 'error'; message: string };

export interface DiscoverService {
  name: ProviderName;
  label: string;
  /** Where its searches go unless the settings name another address. */
  defaultEndpoint: string;
}

export interface DiscoverPlanResponse {
  plan: DiscoveryPlan;
  /** Searches one click sends at most (the plan's steps are the candidates). */
  maxQueries: number;
  settings: DiscoverySettings;
}

/** `R` is the related list's item (messages.ts RelatedItem; a parameter, so this file imports nothing of messages.ts). */
export interface DiscoverStatus<R> {
  /** 'gone': the background no longer knows the job (the browser stopped it); what it archived stays. */
  state: 'running' | 'done' | 'gone';
  /** Updates from index `since` on. */
  updates: DiscoverUpdate[];
  /** The `since` of the next status request. */
  next: number;
  /** The article's related coverage in the archive, now that found articles joined it; null when nothing new was found. */
  related: R[] | null;
}
