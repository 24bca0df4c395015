import { LOG_TF, TermKind, countOf, leadOf, termOf, titleOf } from './entries';
import { combineScore, type ScoreWeights } from './score';
import type { ArticleStore } from './store';
import { PARTS, type PartValues } from './vectors';
import { idfOf, type Vocabulary } from './vocabulary';

// Part rows of the dot-product and norm arrays.
const TITLE = 0;
const LEAD = 1;
const BODY = 2;
const ENTITIES = 3;
const NUMBERS = 4;

/**
 * Reusable scratch of Neighbourhood: a chain head per term id (-1 = none), kept all -1
 * between uses, so building a neighbourhood costs its own entries, not the vocabulary.
 */
export class NeighbourhoodScratch {
  head = new Int32Array(0);

  ensure(terms: number): Int32Array {
    if (this.head.length < terms) {
      this.head = new Int32Array(Math.max(terms, this.head.length * 2));
      this.head.fill(-1);
    }
    return this.head;
  }
}

/**
 * The similarities among the best first results of a query: `sim(i, j)` is what article
 * j would score against article i taken as the query (combineScore of the per-part
 * cosines, with i's parts and the two dates), exactly as scoring i's vector against j
 * would give.
 *
 * All pairs are found in one pass over the articles' entries: each term keeps a chain of
 * the pooled entries that have it, and a new entry adds its products to every article
 * earlier on its chain. A pool of 30 topic-sharing articles costs the pairs that really
 * share a term (a few tens of thousands of products) instead of 870 merge walks.
 */
export class Neighbourhood {
  readonly size: number;
  private readonly sims: Float64Array;

  constructor(
    slots: readonly number[],
    store: ArticleStore,
    vocab: Vocabulary,
    logN1: number,
    w: Readonly<ScoreWeights>,
    scratch: NeighbourhoodScratch,
  ) {
    const m = slots.length;
    this.size = m;
    this.sims = new Float64Array(m * m);
    if (m < 2) return;
    const head = scratch.ensure(vocab.count);
    let total = 0;
    for (const s of slots) total += store.view(s).length;
    const next = new Int32Array(total);
    const owner = new Int32Array(total);
    const wTitle = new Float64Array(total);
    const wLead = new Float64Array(total);
    const wBody = new Float64Array(total);
    const terms = new Int32Array(total);
    const dots = new Float64Array(5 * m * m);
    const norms = new Float64Array(5 * m);
    const mm = m * m;
    let k = 0;
    for (let i = 0; i < m; i++) {
      const entries = store.view(slots[i]!);
      for (let x = 0; x < entries.length; x++, k++) {
        const e = entries[x]!;
        const term = termOf(e);
        const kind = vocab.kind[term]!;
        const idf = idfOf(vocab, logN1, vocab.df[term]!);
        const body = LOG_TF[countOf(e)]! * idf;
        const title = kind === TermKind.Word ? titleOf(e) * idf : 0;
        const lead = kind === TermKind.Word ? LOG_TF[leadOf(e)]! * idf : 0;
        const part = kind === TermKind.Word ? BODY : kind === TermKind.Entity ? ENTITIES : NUMBERS;
        owner[k] = i;
        wTitle[k] = title;
        wLead[k] = lead;
        wBody[k] = body;
        terms[k] = term;
        norms[part * m + i]! += body * body;
        if (part === BODY) {
          norms[TITLE * m + i]! += title * title;
          norms[LEAD * m + i]! += lead * lead;
        }
        for (let p = head[term]!; p >= 0; p = next[p]!) {
          const a = owner[p]!;
          const cell = a * m + i;
          dots[part * mm + cell]! += body * wBody[p]!;
          if (part === BODY) {
            dots[TITLE * mm + cell]! += title * wTitle[p]!;
            dots[LEAD * mm + cell]! += lead * wLead[p]!;
          }
        }
        next[k] = head[term]!;
        head[term] = k;
      }
    }
    for (let x = 0; x < total; x++) head[terms[x]!] = -1;
    for (let x = 0; x < norms.length; x++) norms[x] = Math.sqrt(norms[x]!);

    const parts: PartValues = { title: 0, lead: 0, body: 0, entities: 0, numbers: 0 };
    const has = { title: false, lead: false, body: false, entities: false, numbers: false };
    const days = slots.map((s) => store.day(s));
    for (let i = 0; i < m; i++) {
      PARTS.forEach((p, pi) => (has[p] = norms[pi * m + i]! > 0));
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const cell = i < j ? i * m + j : j * m + i;
        PARTS.forEach((p, pi) => {
          const d = norms[pi * m + i]! * norms[pi * m + j]!;
          parts[p] = d > 0 ? dots[pi * mm + cell]! / d : 0;
        });
        const di = days[i]!;
        const dj = days[j]!;
        const gap = di !== null && dj !== null ? Math.abs(di - dj) : null;
        this.sims[i * m + j] = combineScore(parts, has, gap, w);
      }
    }
  }

  /** What article j scores against article i as the query (0 on the diagonal). */
  sim(i: number, j: number): number {
    return this.sims[i * this.size + j]!;
  }
}
