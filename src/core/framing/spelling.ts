import type { PreparedArticle } from './prepare';
import { usableSentences } from './prepare';

/** A capitalised form (word or name sequence) an article uses, where and how often. */
export interface Form {
  form: string;
  count: number;
  sentences: number[];
  /** Longer capitalised sequences this word is part of ("Charles Michel" for "Michel"). */
  names: Set<string>;
  /** Uses inside such a longer sequence. */
  inNames: number;
}

/**
 * Consonant skeleton for transliteration variants: Uighur/Uyghur, Kiev/Kyiv, Qaddafi/Gaddafi
 * and Mohammed/Muhammad reduce to the same letters once vowels, y, h and w are dropped and
 * doubled letters merged (a simplified Soundex, Russell & Odell 1918, keeping the first letter).
 */
export function skeleton(word: string): string {
  const w = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z]/g, '')
    .replace(/^q/, 'g')
    .replace(/dh/g, 'd');
  if (!w) return '';
  return (w[0]! + w.slice(1).replace(/[aeiouyhw]/g, '')).replace(/(.)\1+/g, '$1');
}

/** Levenshtein distance, early exit above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Capitalised words and name sequences of each article, not at a sentence start. */
export function capitalisedForms(p: PreparedArticle): Map<string, Form> {
  const out = new Map<string, Form>();
  const add = (form: string, si: number) => {
    let f = out.get(form);
    if (!f) out.set(form, (f = { form, count: 0, sentences: [], names: new Set(), inNames: 0 }));
    f.count++;
    if (!f.sentences.includes(si)) f.sentences.push(si);
  };
  const text = p.article.text;
  for (const si of usableSentences(p)) {
    const toks = p.tokens[si]!;
    let run: number[] = [];
    const flush = () => {
      if (run.length >= 2) {
        const name = text.slice(toks[run[0]!]!.start, toks[run[run.length - 1]!]!.end);
        add(name, si);
        for (const k of run) {
          const w = out.get(toks[k]!.text);
          if (w) {
            w.names.add(name);
            w.inNames++;
          }
        }
      }
      run = [];
    };
    toks.forEach((t, k) => {
      const cap = /^\p{Lu}\p{Ll}/u.test(t.text) && t.text.length >= 3;
      if (!cap) return flush();
      // After an opening quote, a colon or a dash a word is capitalised as a sentence start ("Well, …").
      const opener = k === 0 || /["“‘:—–(]\s*$/.test(text.slice(toks[k - 1]!.end, t.start));
      if (!opener) add(t.text, si);
      const joined = run.length > 0 && /^[ \t]+$/.test(text.slice(toks[k - 1]!.end, t.start));
      if (!joined) flush();
      run.push(k);
    });
    flush();
  }
  return out;
}

/** Plural and possessive endings do not make a new spelling. */
export function singular(form: string): string {
  return form.replace(/(?<=\p{L}{3})s$/u, '');
}

/**
 * Whether two forms are spellings of one name: the same letters once spaces and hyphens
 * go (Kim Jong Un / Kim Jong-un), or the same consonant skeleton within a small edit
 * distance, and neither a prefix of the other (Korea / Korean are different words).
 */
export function sameName(a: string, b: string): boolean {
  const x = singular(a).toLowerCase();
  const y = singular(b).toLowerCase();
  if (x === y) return false;
  const flat = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[\s\-‐'’.]/g, '');
  if (flat(x) === flat(y)) return true;
  // Names that differ only in their last letter are different names (Dave / Davi, George /
  // Georgia, Maria / Mario); transliterations differ inside (Muammar / Moammar, Kiev / Kyiv).
  let prefix = 0;
  while (prefix < Math.min(x.length, y.length) && x[prefix] === y[prefix]) prefix++;
  if (prefix >= Math.min(x.length, y.length) - 1) return false;
  if (x.includes(' ') !== y.includes(' ')) return false;
  if (x.startsWith(y) || y.startsWith(x)) return false;
  if (x.length < 4 || y.length < 4) return false;
  if (skeleton(x) !== skeleton(y)) return false;
  // Same skeleton already: up to two letters may differ (Kiev / Kyiv swaps two vowels).
  return editDistance(x, y) <= 2;
}

/**
 * Two one-word variants used inside longer names must be used in the same name: "Uighur
 * Muslims" / "Uyghur Muslim" agree, "Charles Michel" / "Michael Chong" do not.
 */
export function sameContext(a: Form, b: Form): boolean {
  if (!a.names.size || !b.names.size) return true;
  const norm = (name: string, from: string, to: string) =>
    name
      .split(/\s+/)
      .map((w) => singular(w === from ? to : w))
      .join(' ');
  for (const x of a.names) for (const y of b.names) if (norm(x, a.form, b.form) === norm(y, b.form, b.form)) return true;
  return false;
}
