import { MAX_TERMS, TermKind } from './entries';
import { ENTITY_PREFIX, NUMBER_PREFIX } from './features';

/**
 * Term ids, their kinds and document frequencies, kept exact as articles come and go,
 * so IDF always reflects the archive itself.
 */
const ENTITY_CODE = ENTITY_PREFIX.charCodeAt(0);
const NUMBER_CODE = NUMBER_PREFIX.charCodeAt(0);

export class Vocabulary {
  private ids = new Map<string, number>();
  readonly terms: string[] = [];
  df = new Int32Array(1024);
  kind = new Uint8Array(1024);
  // ln(df + 1), grown on demand: IDF without a Math.log per posting.
  private logTable = new Float64Array(1024);
  private logFilled = 0;

  /** A vocabulary restored from a snapshot: its terms in id order and their frequencies. */
  static restore(terms: readonly string[], df: Int32Array): Vocabulary {
    const v = new Vocabulary();
    const n = terms.length;
    v.df = new Int32Array(Math.max(1024, n + 1024));
    v.df.set(df.subarray(0, n));
    v.kind = new Uint8Array(v.df.length);
    const ids = v.ids;
    const kind = v.kind;
    for (let i = 0; i < n; i++) {
      const t = terms[i]!;
      ids.set(t, i);
      v.terms.push(t);
      const c = t.charCodeAt(0);
      kind[i] = c === ENTITY_CODE ? TermKind.Entity : c === NUMBER_CODE ? TermKind.Number : TermKind.Word;
    }
    return v;
  }

  get count(): number {
    return this.terms.length;
  }

  lookup(key: string): number | undefined {
    return this.ids.get(key);
  }

  intern(key: string): number {
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    id = this.terms.length;
    if (id >= MAX_TERMS) throw new RangeError(`match index vocabulary is full (${MAX_TERMS} terms)`);
    this.ids.set(key, id);
    this.terms.push(key);
    if (id >= this.df.length) {
      const df = new Int32Array(this.df.length * 2);
      df.set(this.df);
      this.df = df;
      const kind = new Uint8Array(this.kind.length * 2);
      kind.set(this.kind);
      this.kind = kind;
    }
    this.kind[id] = key.startsWith(ENTITY_PREFIX) ? TermKind.Entity : key.startsWith(NUMBER_PREFIX) ? TermKind.Number : TermKind.Word;
    return id;
  }

  /** ln(n + 1) for n ≥ 0. */
  log1(n: number): number {
    if (n >= this.logFilled) {
      if (n >= this.logTable.length) {
        const t = new Float64Array(Math.max(n + 1, this.logTable.length * 2));
        t.set(this.logTable.subarray(0, this.logFilled));
        this.logTable = t;
      }
      for (let i = this.logFilled; i <= n; i++) this.logTable[i] = Math.log(i + 1);
      this.logFilled = n + 1;
    }
    return this.logTable[n]!;
  }
}

/** Smoothed IDF (as in scikit-learn): ln((N + 1) / (df + 1)) + 1, never zero. */
export function idfOf(vocab: Vocabulary, logN1: number, df: number): number {
  return logN1 - vocab.log1(df) + 1;
}
