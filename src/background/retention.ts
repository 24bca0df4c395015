import {
  isRetentionEligible,
  pickOldest,
  retentionCutoff,
  retentionExcess,
  type RetentionCandidate,
  type RetentionPolicy,
} from '../core/retention';
import type { Archive } from './archive';
import type { ArchiveDb } from './dbSchema';
import type { ArticlesTx } from './upsert';

/**
 * Retention on the archive (the policy itself is src/core/retention.ts). Counting uses the
 * [origin, savedAt] index (migration 3), so a preview reads keys only, never a record. Removal runs in
 * batches of at most RETENTION_BATCH records, each its own transaction through
 * Archive.write, so the match index hears of every removal and a stopped worker leaves a
 * consistent archive (the next run goes on from there).
 */
export const RETENTION_BATCH = 500;

type OriginIndex =
  | ReturnType<ReturnType<ArticlesTx['objectStore']>['index']>
  | ReturnType<ReturnType<ReturnType<ArchiveDb['transaction']>['objectStore']>['index']>;

const originRange = (origin: string, before = Infinity) =>
  IDBKeyRange.bound([origin, -Infinity], [origin, before], false, before !== Infinity);

/** How many records each origin holds, from the index keys alone. */
async function countByOrigin(index: OriginIndex): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let cursor = await index.openKeyCursor();
  while (cursor) {
    const origin = String((cursor.key as [string, number])[0]);
    counts[origin] = await index.count(originRange(origin));
    // Jump past this origin's entries: no savedAt is Infinity.
    cursor = await cursor.continue([origin, Infinity]);
  }
  return counts;
}

interface RetentionState {
  eligible: number;
  pastCutoff: number;
  removes: number;
  counts: Record<string, number>;
}

async function retentionState(index: OriginIndex, policy: RetentionPolicy, now: number): Promise<RetentionState> {
  const counts = await countByOrigin(index);
  const origins = Object.keys(counts).filter(isRetentionEligible);
  const eligible = origins.reduce((sum, o) => sum + (counts[o] ?? 0), 0);
  let pastCutoff = 0;
  if (policy.mode === 'days') {
    const cutoff = retentionCutoff(policy.days, now);
    for (const origin of origins) pastCutoff += await index.count(originRange(origin, cutoff));
  }
  return { eligible, pastCutoff, removes: retentionExcess(policy, eligible, pastCutoff), counts };
}

/** Records per origin ('saved', 'captured', ...). */
export async function originCounts(archive: Archive): Promise<Record<string, number>> {
  return countByOrigin(archive.db.transaction('articles').store.index('originSavedAt'));
}

/** What applying `policy` now would remove, and how many records it applies to. */
export async function previewRetention(
  archive: Archive,
  policy: RetentionPolicy,
  now: number,
): Promise<{ removes: number; eligible: number }> {
  const { removes, eligible } = await retentionState(archive.db.transaction('articles').store.index('originSavedAt'), policy, now);
  return { removes, eligible };
}

/** The oldest eligible records past the policy, at most `limit`, read from the index keys. */
async function oldestPast(
  index: OriginIndex,
  state: RetentionState,
  policy: RetentionPolicy,
  now: number,
  limit: number,
): Promise<RetentionCandidate[]> {
  const before = policy.mode === 'days' ? retentionCutoff(policy.days, now) : Infinity;
  const candidates: RetentionCandidate[] = [];
  for (const origin of Object.keys(state.counts).filter(isRetentionEligible)) {
    // Each origin's run is in savedAt order: its first `limit` entries hold every one of
    // its records among the overall oldest `limit`.
    let cursor = await index.openKeyCursor(originRange(origin, before));
    let taken = 0;
    while (cursor && taken < limit) {
      candidates.push({ id: String(cursor.primaryKey), origin, savedAt: (cursor.key as [string, number])[1] });
      taken++;
      cursor = await cursor.continue();
    }
  }
  return pickOldest(candidates, limit);
}

/**
 * Applies `policy`: removes the oldest eligible records until the archive is within it.
 * Returns how many were removed. Hand-saved and imported records are never touched
 * (pickOldest filters them whatever the index holds).
 */
export async function applyRetention(archive: Archive, policy: RetentionPolicy, now: number): Promise<number> {
  if (policy.mode === 'unlimited') return 0;
  let total = 0;
  // Bounded: each round removes at least one record or stops. A read-only look first, so
  // an archive within the policy sees no write (and its change counter stays).
  while ((await previewRetention(archive, policy, now)).removes > 0) {
    const removed = await archive.write(['articles', 'meta'], async (tx) => {
      const index = tx.objectStore('articles').index('originSavedAt');
      const state = await retentionState(index, policy, now);
      const batch = Math.min(state.removes, RETENTION_BATCH);
      const victims = batch > 0 ? await oldestPast(index, state, policy, now, batch) : [];
      const store = tx.objectStore('articles');
      await Promise.all(victims.map((c) => store.delete(c.id)));
      return { result: victims.length, put: [], removed: victims.map((c) => c.id) };
    });
    total += removed;
    if (removed === 0) break;
  }
  return total;
}

export const RETENTION_ALARM = 'framelens-retention';
/** How often the alarm applies the policy (records also age while the archive does not change). */
export const RETENTION_PERIOD_MINUTES = 60;
/** Writes come in bursts (an import, several tabs loading): retention runs once after the burst. */
const AFTER_WRITE_DELAY_MS = 3_000;

/**
 * Runs retention after writes that added records, and on the alarm, one run at a time. The
 * policy is read from storage on every run, so a change in the options page applies at once.
 */
export class RetentionRunner {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<number> | null = null;

  constructor(
    private readonly readPolicy: () => Promise<RetentionPolicy>,
    private readonly archive: () => Promise<Archive>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Archive.onChange: a write that added or updated records schedules a run. */
  afterWrite(put: number): void {
    if (put === 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run().catch((e: unknown) => console.error(e)), AFTER_WRITE_DELAY_MS);
  }

  /** Applies the stored policy now; a run already going is joined, not doubled. */
  run(): Promise<number> {
    this.running ??= (async () => {
      try {
        const policy = await this.readPolicy();
        return policy.mode === 'unlimited' ? 0 : await applyRetention(await this.archive(), policy, this.now());
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
