import { packEntry, termOf } from './entries';
import { SKETCH_SIZE } from './sketch';
import { Postings } from './postings';
import { ArticleStore } from './store';
import type { Vocabulary } from './vocabulary';

/**
 * The persisted form of a MatchIndex: plain arrays and typed arrays only, so it can be
 * stored in IndexedDB or posted between contexts as is (structured clone copies typed
 * arrays as single blocks). It holds everything a query reads, postings and document
 * frequencies included, so a woken service worker only rebuilds two string maps
 * (terms and ids) before it can answer.
 */
export interface MatchIndexSnapshot {
  format: 'framelens-match-index';
  version: 3;
  /** Term keys end to end as UTF-16 code units: term t is termChars[termStarts[t] .. termStarts[t + 1]). */
  termChars: Uint16Array;
  termStarts: Uint32Array;
  /** Article ids in slot order. */
  ids: string[];
  /** Days since 1970-01-01 per article, NO_DAY when unknown. */
  days: Int32Array;
  /** Article i's entries are entries[offsets[i] .. offsets[i + 1]). */
  offsets: Uint32Array;
  entries: Uint32Array;
  /** SKETCH_SIZE MinHash values per article. */
  sketches: Uint32Array;
  /** Document frequency of each term. */
  df: Int32Array;
  /** The postings (postings.ts) of these articles and terms. */
  postingOffsets: Uint32Array;
  postingBytes: Uint8Array;
}

export const SNAPSHOT_FORMAT = 'framelens-match-index';
export const SNAPSHOT_VERSION = 3;

/** Writes the live articles and the terms still in use (ids renumbered, order kept). */
export function writeSnapshot(store: ArticleStore, vocab: Vocabulary): MatchIndexSnapshot {
  const remap = new Int32Array(vocab.count).fill(-1);
  let terms = 0;
  let chars = 0;
  for (let t = 0; t < vocab.count; t++) {
    if (vocab.df[t]! > 0) {
      remap[t] = terms++;
      chars += vocab.starts[t + 1]! - vocab.starts[t]!;
    }
  }
  const termChars = new Uint16Array(chars);
  const termStarts = new Uint32Array(terms + 1);
  for (let t = 0; t < vocab.count; t++) {
    const to = remap[t]!;
    if (to < 0) continue;
    termChars.set(vocab.chars.subarray(vocab.starts[t]!, vocab.starts[t + 1]!), termStarts[to]!);
    termStarts[to + 1] = termStarts[to]! + vocab.starts[t + 1]! - vocab.starts[t]!;
  }
  const compact = store.compacted();
  const n = compact.live;
  const offsets = new Uint32Array(n + 1);
  const entries = compact.entries.slice(0, compact.used);
  for (let s = 0; s < n; s++) offsets[s + 1] = offsets[s]! + compact.lengths[s]!;
  // Renumbering keeps term order, so each article's entries stay sorted.
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    entries[i] = packEntry(remap[termOf(e)]!, false, 0, 0) | (e & 0xff);
  }
  const df = new Int32Array(terms);
  for (let t = 0; t < vocab.count; t++) if (remap[t]! >= 0) df[remap[t]!] = vocab.df[t]!;
  const snapshot: MatchIndexSnapshot = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    termChars,
    termStarts,
    ids: compact.ids.filter((id): id is string => id != null),
    days: compact.days.slice(0, n),
    offsets,
    entries,
    sketches: compact.sketches.slice(0, n * SKETCH_SIZE),
    df,
    postingOffsets: new Uint32Array(1),
    postingBytes: new Uint8Array(0),
  };
  const postings = Postings.build(readSnapshot(snapshot), terms);
  snapshot.postingOffsets = postings.offsets;
  snapshot.postingBytes = postings.bytes;
  return snapshot;
}

/** Checks a snapshot's shape before trusting it; throws a TypeError naming the problem. */
export function checkSnapshot(s: unknown): MatchIndexSnapshot {
  const fail = (why: string): never => {
    throw new TypeError(`not a match index snapshot: ${why}`);
  };
  if (typeof s !== 'object' || s === null) return fail('not an object');
  const o = s as Partial<Record<keyof MatchIndexSnapshot, unknown>>;
  if (o.format !== SNAPSHOT_FORMAT) fail('wrong format');
  if (o.version !== SNAPSHOT_VERSION) fail(`unsupported version ${String(o.version)}`);
  if (!(o.termChars instanceof Uint16Array) || !(o.termStarts instanceof Uint32Array) || !Array.isArray(o.ids))
    fail('terms or ids missing');
  if (!(o.days instanceof Int32Array) || !(o.offsets instanceof Uint32Array)) fail('days or offsets missing');
  if (!(o.entries instanceof Uint32Array) || !(o.sketches instanceof Uint32Array)) fail('entries or sketches missing');
  if (!(o.df instanceof Int32Array) || !(o.postingOffsets instanceof Uint32Array) || !(o.postingBytes instanceof Uint8Array))
    fail('postings missing');
  const snap = s as MatchIndexSnapshot;
  const n = snap.ids.length;
  if (snap.days.length !== n || snap.offsets.length !== n + 1 || snap.sketches.length !== n * SKETCH_SIZE) fail('array lengths disagree');
  if (snap.offsets[n] !== snap.entries.length) fail('offsets do not cover the entries');
  const terms = snap.termStarts.length - 1;
  if (terms < 0 || snap.termStarts[0] !== 0 || snap.termStarts[terms] !== snap.termChars.length)
    fail('term starts do not cover the term characters');
  for (let t = 0; t < terms; t++) if (snap.termStarts[t + 1]! <= snap.termStarts[t]!) fail('empty or unordered term');
  if (snap.df.length !== terms || snap.postingOffsets.length !== terms + 1 || snap.postingOffsets[terms] !== snap.postingBytes.length)
    fail('postings disagree with the terms');
  for (let i = 0; i < snap.entries.length; i++) if (snap.entries[i]! >>> 8 >= terms) fail('an entry names an unknown term');
  return snap;
}

/** The store a snapshot describes. */
export function readSnapshot(snap: MatchIndexSnapshot): ArticleStore {
  const store = new ArticleStore();
  const n = snap.ids.length;
  store.entries = snap.entries.slice();
  // Every slot array exactly n long: append grows them all together when it needs a slot
  // (one shorter than the others, an empty snapshot's, made the first add throw).
  store.starts = snap.offsets.slice(0, n);
  store.lengths = new Uint32Array(n);
  for (let s = 0; s < n; s++) store.lengths[s] = snap.offsets[s + 1]! - snap.offsets[s]!;
  store.days = snap.days.slice();
  store.sketches = snap.sketches.slice();
  store.used = snap.entries.length;
  store.adopt(snap.ids);
  return store;
}
