import { COUNT_CAP, LOG_TF, TermKind, countOf, leadOf, packEntry, termOf, titleOf } from './entries';
import type { RecordFeatures } from './features';
import { idfOf, type Vocabulary } from './vocabulary';

/**
 * Turns features into packed entries and scores pairs of entry lists as separate
 * log-TF·IDF cosines for title, lead, body, entities and numbers (Miranda et al. 2018's
 * sub-vectors). Query and archived article use the same capped counts, so an article
 * scored against itself gets 1 on every part.
 */

/** A term of an article with its capped counts, before it has a term id. */
interface KeyedCounts {
  key: string;
  title: boolean;
  lead: number;
  count: number;
}

function keyedCounts(f: RecordFeatures): KeyedCounts[] {
  const out: KeyedCounts[] = [];
  for (const [key, count] of f.body) out.push({ key, title: f.title.has(key), lead: f.lead.get(key) ?? 0, count });
  for (const [key, count] of f.entities) out.push({ key, title: false, lead: 0, count });
  for (const [key, count] of f.numbers) out.push({ key, title: false, lead: 0, count });
  return out;
}

/**
 * How many terms an article keeps in the index at most. A long article has 500 to 1,000
 * distinct terms, but its words said once in passing move no cosine that matters while
 * costing 4 bytes each plus their postings: static index pruning (Carmel et al. 2001,
 * "Static index pruning for information retrieval systems") keeps the telling ones.
 * Title and lead words come first, then by count, then longer words (rarer, by Zipf's law
 * of abbreviation). The choice reads the article alone, never the archive, so an index is
 * the same whatever order its articles came in.
 */
export const STORED_TERMS = 192;

function keepRank(c: KeyedCounts): number {
  return (c.title || c.lead > 0 ? 1e6 : 0) + Math.min(c.count, COUNT_CAP) * 1000 + Math.min(c.key.length, 999);
}

/** Sorted packed entries of an article, interning the terms it keeps (see STORED_TERMS). */
export function encodeArticle(f: RecordFeatures, vocab: Vocabulary, limit = STORED_TERMS): Uint32Array {
  let counts = keyedCounts(f);
  if (counts.length > limit) {
    const ranked = counts.map((c) => ({ c, r: keepRank(c) }));
    ranked.sort((a, b) => b.r - a.r || (a.c.key < b.c.key ? -1 : 1));
    counts = ranked.slice(0, limit).map((x) => x.c);
  }
  const entries = new Uint32Array(counts.length);
  counts.forEach((c, i) => {
    entries[i] = packEntry(vocab.intern(c.key), c.title, c.lead, c.count);
  });
  return entries.sort();
}

export const PARTS = ['title', 'lead', 'body', 'entities', 'numbers'] as const;
export type Part = (typeof PARTS)[number];
export type PartValues = Record<Part, number>;

const zero = (): PartValues => ({ title: 0, lead: 0, body: 0, entities: 0, numbers: 0 });

/** A query: its known terms as sorted entries, their weights, and full norms (unknown terms included). */
export interface QueryVector {
  entries: Uint32Array;
  /** Per entry: weight in title, lead, body (or entity / number weight, by the term's kind). */
  title: Float64Array;
  lead: Float64Array;
  body: Float64Array;
  norms: PartValues;
  /** Key of each entry, for readable reasons and order-independent tie-breaks. */
  keys: string[];
}

function partOfKind(kind: number): Part {
  return kind === TermKind.Entity ? 'entities' : kind === TermKind.Number ? 'numbers' : 'body';
}

/** Adds an entry's squared weights to norms and returns them. */
function weightsOf(e: number, kind: number, idf: number, out: PartValues): [number, number, number] {
  const body = LOG_TF[countOf(e)]! * idf;
  if (kind !== TermKind.Word) {
    out[partOfKind(kind)] += body * body;
    return [0, 0, body];
  }
  const title = titleOf(e) * idf;
  const lead = LOG_TF[leadOf(e)]! * idf;
  out.title += title * title;
  out.lead += lead * lead;
  out.body += body * body;
  return [title, lead, body];
}

export function buildQuery(f: RecordFeatures, vocab: Vocabulary, logN1: number): QueryVector {
  const norms = zero();
  const known: { entry: number; key: string }[] = [];
  for (const c of keyedCounts(f)) {
    const term = vocab.lookup(c.key);
    const kind = c.key.startsWith('@') ? TermKind.Entity : c.key.startsWith('#') ? TermKind.Number : TermKind.Word;
    const df = term === undefined ? 0 : vocab.df[term]!;
    const entry = packEntry(term ?? 0, c.title, c.lead, c.count);
    weightsOf(entry, kind, idfOf(vocab, logN1, df), norms);
    if (term !== undefined && df > 0) known.push({ entry, key: c.key });
  }
  known.sort((a, b) => a.entry - b.entry);
  const n = known.length;
  const q: QueryVector = {
    entries: Uint32Array.from(known, (k) => k.entry),
    title: new Float64Array(n),
    lead: new Float64Array(n),
    body: new Float64Array(n),
    norms: zero(),
    keys: known.map((k) => k.key),
  };
  for (let i = 0; i < n; i++) {
    const e = q.entries[i]!;
    const term = termOf(e);
    const [t, l, b] = weightsOf(e, vocab.kind[term]!, idfOf(vocab, logN1, vocab.df[term]!), zero());
    q.title[i] = t;
    q.lead[i] = l;
    q.body[i] = b;
  }
  for (const p of PARTS) q.norms[p] = Math.sqrt(norms[p]);
  return q;
}

/** An archived article as a query vector (for scoring articles against each other). */
export function articleVector(entries: Uint32Array, vocab: Vocabulary, logN1: number): QueryVector {
  const n = entries.length;
  const norms = zero();
  const v: QueryVector = {
    entries,
    title: new Float64Array(n),
    lead: new Float64Array(n),
    body: new Float64Array(n),
    norms: zero(),
    keys: [],
  };
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    const term = e >>> 8;
    const [t, l, b] = weightsOf(e, vocab.kind[term]!, idfOf(vocab, logN1, vocab.df[term]!), norms);
    v.title[i] = t;
    v.lead[i] = l;
    v.body[i] = b;
  }
  for (const p of PARTS) v.norms[p] = Math.sqrt(norms[p]);
  return v;
}

/** Visits each term the query and the article share: (query entry index, part, contribution). */
export type SharedVisitor = (qi: number, part: Part, contribution: number) => void;

// Part slots in the scratch arrays of `cosines` (the hot loop avoids string-keyed objects).
const TITLE = 0;
const LEAD = 1;
const BODY = 2;
const ENTITIES = 3;
const NUMBERS = 4;
// Module-level copies: imported bindings are read through accessors in some module
// transforms (tsx), which shows in a loop run millions of times per second.
const logTf = LOG_TF;
const WORD_KIND: number = TermKind.Word;
const ENTITY_KIND: number = TermKind.Entity;
const dots = new Float64Array(5);
const sq = new Float64Array(5);

/** Cosine of one part from the scratch dot product and squared norm. */
function cos(slot: number, qNorm: number): number {
  const d = Math.sqrt(sq[slot]!) * qNorm;
  return d > 0 ? dots[slot]! / d : 0;
}

/**
 * Cosine per part between the query and an article's entries, by one merge walk.
 * The article's norms use the archive's current IDF, so removals and additions are
 * reflected without re-weighting anything stored.
 */
export function cosines(q: QueryVector, doc: Uint32Array, vocab: Vocabulary, logN1: number, visit?: SharedVisitor): PartValues {
  dots.fill(0);
  sq.fill(0);
  const qe = q.entries;
  const qn = qe.length;
  const kinds = vocab.kind;
  const df = vocab.df;
  let qi = 0;
  let qTerm = qn ? qe[0]! >>> 8 : -1;
  for (let i = 0; i < doc.length; i++) {
    const e = doc[i]!;
    const term = e >>> 8;
    const kind = kinds[term]!;
    const idf = logN1 - vocab.log1(df[term]!) + 1;
    const body = logTf[e & 31]! * idf;
    while (qi < qn && qTerm < term) qTerm = ++qi < qn ? qe[qi]! >>> 8 : -1;
    const shared = qi < qn && qTerm === term;
    if (kind === WORD_KIND) {
      const title = ((e >>> 7) & 1) * idf;
      const lead = logTf[(e >>> 5) & 3]! * idf;
      sq[TITLE]! += title * title;
      sq[LEAD]! += lead * lead;
      sq[BODY]! += body * body;
      if (shared) {
        dots[TITLE]! += title * q.title[qi]!;
        dots[LEAD]! += lead * q.lead[qi]!;
        dots[BODY]! += body * q.body[qi]!;
        if (visit) visit(qi, 'body', body * q.body[qi]!);
      }
    } else {
      const slot = kind === ENTITY_KIND ? ENTITIES : NUMBERS;
      sq[slot]! += body * body;
      if (shared) {
        dots[slot]! += body * q.body[qi]!;
        if (visit) visit(qi, slot === ENTITIES ? 'entities' : 'numbers', body * q.body[qi]!);
      }
    }
  }
  return {
    title: cos(TITLE, q.norms.title),
    lead: cos(LEAD, q.norms.lead),
    body: cos(BODY, q.norms.body),
    entities: cos(ENTITIES, q.norms.entities),
    numbers: cos(NUMBERS, q.norms.numbers),
  };
}
