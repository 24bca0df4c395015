import v8 from 'node:v8';
import vm from 'node:vm';
import type { ArticleRecord } from '../src/core/types';

/**
 * Ranked answer of a system to one query; `flagged` is its same-story decision and
 * `related` its looser related-coverage bar, when it has them.
 */
export interface Ranked {
  ids: string[][];
  flagged?: boolean[];
  related?: boolean[];
}

export interface Quality {
  recall1: number;
  recall5: number;
  recall10: number;
  mrr: number;
  /** Best possible Recall@10 (stories larger than 11 cannot be fully found in 10). */
  ceiling10: number;
  samePrecision: number | null;
  sameRecall: number | null;
  relatedPrecision: number | null;
  relatedRecall: number | null;
}

/**
 * How results are counted: `ids`: as the CLI lists them, one id per result (what a reader
 * sees); `groups`: a result's collapsed near-duplicates count as found at its rank too.
 */
export type Counting = 'ids' | 'groups';

/**
 * Relevance from `story` (read here only, never by a system): the other records of the
 * query's story in `universe` (the queries themselves unless a subset is scored). A result may
 * stand for several ids (near-duplicates collapsed into it): counted as `counting` says.
 * Precision and recall of the flags are over the top 10, recall against all relevant records.
 * `unjudged` (id → story or undefined): articles outside the labelled set known to report a story too;
 * they are dropped from that story's queries' results before counting (condensed lists),
 * so they count neither as found nor as wrong.
 */
export function evaluate(
  queries: readonly ArticleRecord[],
  answers: readonly Ranked[],
  universe: readonly ArticleRecord[] = queries,
  counting: Counting = 'groups',
  unjudged: (id: string) => string | undefined = () => undefined,
): Quality {
  let r1 = 0,
    r5 = 0,
    r10 = 0,
    mrr = 0,
    ceiling = 0;
  let relevantTotal = 0;
  const flags = { flagged: { all: 0, right: 0 }, related: { all: 0, right: 0 } };
  let counted = 0;
  const byStory = new Map<string, Set<string>>();
  for (const q of universe) {
    if (!q.story) continue;
    let s = byStory.get(q.story);
    if (!s) byStory.set(q.story, (s = new Set()));
    s.add(q.id);
  }
  queries.forEach((q, qi) => {
    const relevant = new Set(byStory.get(q.story ?? '') ?? []);
    relevant.delete(q.id);
    if (!relevant.size) return;
    counted++;
    const answer = condense(answers[qi]!, counting, (id) => unjudged(id) === q.story);
    const found = (k: number) => {
      const seen = new Set<string>();
      for (const group of answer.ids.slice(0, k)) for (const id of group) if (relevant.has(id)) seen.add(id);
      return seen.size / relevant.size;
    };
    r1 += found(1);
    r5 += found(5);
    r10 += found(10);
    ceiling += Math.min(10, relevant.size) / relevant.size;
    const first = answer.ids.findIndex((group) => group.some((id) => relevant.has(id)));
    mrr += first >= 0 ? 1 / (first + 1) : 0;
    relevantTotal += relevant.size;
    for (const kind of ['flagged', 'related'] as const) {
      const marks = answer[kind];
      if (!marks) continue;
      answer.ids.slice(0, 10).forEach((group, i) => {
        if (!marks[i]) return;
        for (const id of group) {
          flags[kind].all++;
          if (relevant.has(id)) flags[kind].right++;
        }
      });
    }
  });
  const rate = (kind: 'flagged' | 'related') => {
    if (!answers.some((a) => a[kind])) return [null, null] as const;
    const f = flags[kind];
    return [f.all ? f.right / f.all : 1, f.right / relevantTotal] as const;
  };
  const [samePrecision, sameRecall] = rate('flagged');
  const [relatedPrecision, relatedRecall] = rate('related');
  return {
    recall1: r1 / counted,
    recall5: r5 / counted,
    recall10: r10 / counted,
    mrr: mrr / counted,
    ceiling10: ceiling / counted,
    samePrecision,
    sameRecall,
    relatedPrecision,
    relatedRecall,
  };
}

/** The answer as counted: one id per result (`ids`), without the ids `drop` rejects. */
function condense(a: Ranked, counting: Counting, drop: (id: string) => boolean): Ranked {
  const out: Ranked = { ids: [], ...(a.flagged ? { flagged: [] } : {}), ...(a.related ? { related: [] } : {}) };
  a.ids.forEach((group, i) => {
    const kept = (counting === 'ids' ? group.slice(0, 1) : group).filter((id) => !drop(id));
    if (!kept.length) return;
    out.ids.push(kept);
    out.flagged?.push(a.flagged![i]!);
    out.related?.push(a.related![i]!);
  });
  return out;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/**
 * A garbage collector to call before reading the heap: global.gc when node runs with
 * --expose-gc, else the same function obtained at run time through V8 flags (works on
 * Node 20); null when neither is possible (memory is then reported as unavailable).
 */
export function findGc(): (() => void) | null {
  const g = (globalThis as { gc?: unknown }).gc;
  if (typeof g === 'function') return g as () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // Not available in this runtime.
  }
  return null;
}

/**
 * Heap plus typed-array backing stores after a full collection, in bytes; null without gc.
 * V8 frees the backing stores of collected ArrayBuffers on a background thread, so the
 * collection is repeated with pauses until the figure settles (else the garbage of the
 * last compaction or snapshot would count as the index's memory).
 */
export async function usedMemory(gc: (() => void) | null): Promise<number | null> {
  if (!gc) return null;
  let last = Infinity;
  for (let round = 0; round < 10; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const m = process.memoryUsage();
    const used = m.heapUsed + m.arrayBuffers;
    if (Math.abs(used - last) < 64 * 1024) return used;
    last = used;
  }
  return last;
}
