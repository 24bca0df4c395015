/**
 * Retention: how much of what the archive gathered by itself is kept. The policy
 * applies only to records that came in without the reader picking them one by one:
 * captured pages, feed items and the sample. Articles saved by hand are never dropped,
 * and neither are imported ones: an import is often the reader's own archive moved from
 * another browser, whose hand-saved articles arrive as imported (and the file may be gone).
 * The oldest records go first, by the time they entered the archive.
 */

export type RetentionPolicy =
  | { mode: 'unlimited' }
  /** Drop eligible records that entered the archive more than `days` days ago. */
  | { mode: 'days'; days: number }
  /** Keep the newest `count` eligible records. */
  | { mode: 'count'; count: number };

export const DEFAULT_RETENTION: RetentionPolicy = { mode: 'unlimited' };
export const MAX_RETENTION_DAYS = 36_500;
export const MAX_RETENTION_COUNT = 10_000_000;

/** Origins retention never removes. Any other origin (captured, feed, sample...) is eligible. */
export const KEPT_ORIGINS: readonly string[] = ['saved', 'imported'];

export function isRetentionEligible(origin: string): boolean {
  return !KEPT_ORIGINS.includes(origin);
}

const DAY_MS = 86_400_000;

/** Records that entered before this time (ms) are past a days policy. */
export function retentionCutoff(days: number, now: number): number {
  return now - days * DAY_MS;
}

export interface RetentionCandidate {
  id: string;
  origin: string;
  savedAt: number;
}

/**
 * How many eligible records the policy removes, given how many there are and how many of
 * them are past the cutoff (days policy). Pure arithmetic, so the options page can show it
 * before anything is deleted.
 */
export function retentionExcess(policy: RetentionPolicy, eligible: number, pastCutoff: number): number {
  if (policy.mode === 'count') return Math.max(0, eligible - policy.count);
  if (policy.mode === 'days') return Math.min(eligible, pastCutoff);
  return 0;
}

/**
 * The records to remove next, oldest first (ties by id, so runs are deterministic): at most
 * `limit`, never an ineligible one whatever the input holds. `candidates` may come from
 * several origin-ordered runs; they are merged here.
 */
export function pickOldest(candidates: readonly RetentionCandidate[], limit: number): RetentionCandidate[] {
  if (limit <= 0) return [];
  return candidates
    .filter((c) => isRetentionEligible(c.origin))
    .sort((a, b) => a.savedAt - b.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
