import { isStopword, stem, tokenize } from '../text';
import labelsData from './lexicon/contested-labels.json';
import type { CoverageEntry, NamingEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';
import { capitalisedForms, sameContext, sameName, singular, skeleton, type Form } from './spelling';

interface LabelConcept {
  concept: string;
  source: string;
  labels: string[][];
}

const SOURCES = labelsData.sources as Record<string, string>;
const CONCEPTS = labelsData.concepts as LabelConcept[];
/** Lexicon phrases as stem sequences, indexed by their first stem. */
const PHRASES_BY_FIRST = new Map<string, { concept: number; label: number; order: number; ph: string[] }[]>();
CONCEPTS.forEach((c, concept) => {
  let order = 0;
  c.labels.forEach((phrases, label) => {
    for (const phrase of phrases) {
      const ph = tokenize(phrase).map((t) => stem(t.lower));
      PHRASES_BY_FIRST.set(ph[0]!, [...(PHRASES_BY_FIRST.get(ph[0]!) ?? []), { concept, label, order: order++, ph }]);
    }
  });
});

/** Expands the lexicon's short source keys ("zenz; ap: 'x'") into full references. */
function sourceText(source: string): string {
  return source
    .split(/;\s*/)
    .map((part) => {
      const [key, ...rest] = part.split(':');
      const full = SOURCES[key!.trim()];
      return full ? full + (rest.length ? `,${rest.join(':')}` : '') : part;
    })
    .join('; ');
}

/**
 * Spelling variants: capitalised forms one article uses and another does not, which are
 * spellings of one name (Uighur / Uyghur). Returns the naming entries and a stem alias so
 * the other sections can count the variants as one word.
 */
export function spellingVariants(prepared: PreparedArticle[]): { entries: NamingEntry[]; alias: Map<string, string> } {
  const forms = prepared.map(capitalisedForms);
  const groups: { key: string; members: { article: number; form: Form }[] }[] = [];
  // Candidates share a flattened spelling or a consonant skeleton: index them by both so
  // only plausible pairs are compared.
  const keysOf = (form: string) => {
    const low = singular(form).toLowerCase();
    return [`f:${low.replace(/[\s\-‐'’.]/g, '')}`, `s:${low.includes(' ') ? 'multi:' : ''}${skeleton(low)}`];
  };
  const index = forms.map((fs) => {
    const m = new Map<string, Form[]>();
    for (const f of fs.values()) for (const k of keysOf(f.form)) m.set(k, [...(m.get(k) ?? []), f]);
    return m;
  });
  prepared.forEach((_, i) => {
    for (const f of forms[i]!.values()) {
      prepared.forEach((__, j) => {
        if (j <= i) return;
        const candidates = new Set(keysOf(f.form).flatMap((k) => index[j]!.get(k) ?? []));
        for (const g of candidates) {
          if (!sameName(f.form, g.form) || !sameContext(f, g)) continue;
          // A variant is a choice only when the article does not also use the other spelling.
          if (forms[i]!.has(g.form) || forms[j]!.has(f.form)) continue;
          const key = singular(f.form).toLowerCase();
          let group = groups.find((gr) => gr.members.some((m) => sameName(m.form.form, f.form) || singular(m.form.form).toLowerCase() === key));
          if (!group) groups.push((group = { key, members: [] }));
          for (const m of [{ article: i, form: f }, { article: j, form: g }]) {
            if (!group.members.some((x) => x.article === m.article && x.form.form === m.form.form)) group.members.push(m);
          }
        }
      });
    }
  });
  const alias = new Map<string, string>();
  for (const g of groups) {
    if (g.key.includes(' ')) continue;
    const target = stem(g.key);
    for (const m of g.members) alias.set(stem(m.form.form.toLowerCase()), target);
  }
  // A name whose only difference is an already-found spelling (Uighur Muslim / Uyghur
  // Muslim) is the same variant again.
  const aliased = (form: string) => tokenize(form).map((t) => alias.get(stem(t.lower)) ?? stem(t.lower)).join(' ');
  const kept = groups.filter((g) => !g.key.includes(' ') || new Set(g.members.map((m) => aliased(m.form.form))).size > 1);
  const entries: NamingEntry[] = kept.map((g) => {
    // Plural and singular of one spelling are one variant.
    const variants = new Map<string, { article: string; form: string; count: number; sentences: number[] }>();
    for (const m of g.members) {
      const k = `${m.article}\u0000${singular(m.form.form)}`;
      const v = variants.get(k);
      if (v) {
        v.count += m.form.count;
        v.sentences = [...new Set([...v.sentences, ...m.form.sentences])].sort((a, b) => a - b);
      } else variants.set(k, { article: prepared[m.article]!.id, form: singular(m.form.form), count: m.form.count, sentences: [...m.form.sentences].sort((a, b) => a - b) });
    }
    const vs = [...variants.values()];
    return { concept: vs.map((v) => v.form).filter((f, k, all) => all.indexOf(f) === k).join(' / '), kind: 'spelling', variants: vs };
  });
  return { entries, alias };
}

/**
 * Contested labels from the curated lexicon: a concept is reported when the articles use
 * at least two of its labels, across articles or within one ("Beijing describes its camps
 * as vocational training centres" beside "re-education camps").
 */
export function contestedLabels(prepared: PreparedArticle[]): NamingEntry[] {
  const variants = CONCEPTS.map(() => new Map<string, NamingEntry['variants'][number] & { label: number }>());
  const usedBy = CONCEPTS.map(() => prepared.map(() => new Set<number>()));
  prepared.forEach((p, i) => {
    for (const si of usableSentences(p)) {
      const st = p.stems[si]!;
      const toks = p.tokens[si]!;
      // Every lexicon phrase found here, then per concept the longest first, a word already
      // inside a match not matched again ("vocational training centres" is not also
      // "vocational training").
      const found: { concept: number; label: number; order: number; k: number; n: number }[] = [];
      for (let k = 0; k < st.length; k++) {
        for (const c of PHRASES_BY_FIRST.get(st[k]!) ?? []) {
          if (c.ph.every((x, d) => st[k + d] === x)) found.push({ concept: c.concept, label: c.label, order: c.order, k, n: c.ph.length });
        }
      }
      // Longest first, then the lexicon's own order (its first phrases are the usual ones).
      found.sort((a, b) => a.concept - b.concept || b.n - a.n || a.order - b.order || a.k - b.k);
      const taken = new Set<string>();
      for (const f of found) {
        const cells = Array.from({ length: f.n }, (_, d) => `${f.concept}:${f.k + d}`);
        if (cells.some((x) => taken.has(x))) continue;
        for (const x of cells) taken.add(x);
        const form = p.article.text.slice(toks[f.k]!.start, toks[f.k + f.n - 1]!.end).toLowerCase();
        const key = `${i}\u0000${form}`;
        const v = variants[f.concept]!.get(key) ?? { article: p.id, form, count: 0, sentences: [], label: f.label };
        v.count++;
        if (!v.sentences!.includes(si)) v.sentences!.push(si);
        variants[f.concept]!.set(key, v);
        usedBy[f.concept]![i]!.add(f.label);
      }
    }
  });
  const out: NamingEntry[] = [];
  CONCEPTS.forEach((c, ci) => {
    const vs = [...variants[ci]!.values()];
    const labelsUsed = new Set(usedBy[ci]!.flatMap((s) => [...s]));
    // Reported when two framings of the concept are used, or when articles name it with
    // different words of one framing ("summit" here, "talks" there).
    const formsBy = prepared.map((p) => new Set(vs.filter((v) => v.article === p.id).map((v) => v.form))).filter((s) => s.size > 0);
    const differ = formsBy.length >= 2 && formsBy.some((a) => formsBy.some((b) => [...a].some((f) => !b.has(f))));
    if (labelsUsed.size >= 2 || differ) out.push({ concept: c.concept, kind: 'label', source: sourceText(c.source), variants: vs });
  });
  return out;
}

/**
 * Aligned sentences that say the same thing with a different word or short phrase in one
 * slot ("Trump's visit to Britain" / "Trump's trip to the U.K."): the differing segments
 * between shared words of the two sentences' longest common subsequence, both sides at
 * most three words with a content word, framed by shared words on both sides.
 */
export function alignedSwaps(prepared: PreparedArticle[], coverage: CoverageEntry[]): NamingEntry[] {
  const out = new Map<string, NamingEntry>();
  const byId = new Map(prepared.map((p) => [p.id, p]));
  coverage.forEach((c, i) => {
    const p = prepared[i]!;
    for (const a of c.aligned ?? []) {
      if (a.score < MIN_SWAP_SCORE) continue;
      const q = byId.get(a.other.article)!;
      const tx = p.tokens[a.index]!;
      const ty = q.tokens[a.other.index]!;
      for (const [x0, x1, y0, y1] of differingSegments(tx.map((t) => t.lower), ty.map((t) => t.lower))) {
        const dx = tx.slice(x0, x1);
        const dy = ty.slice(y0, y1);
        if (!dx.length || !dy.length || dx.length > 3 || dy.length > 3) continue;
        if ([...dx, ...dy].some((t) => /\d/.test(t.text))) continue;
        // Like for like: both end in a content word, both names or both common words, no
        // punctuation inside, and a content word among the shared words around the slot.
        if (isStopword(dx[dx.length - 1]!.lower) || isStopword(dy[dy.length - 1]!.lower) || isStopword(dx[0]!.lower) !== isStopword(dy[0]!.lower)) continue;
        if (/^\p{Lu}/u.test(dx[0]!.text) !== /^\p{Lu}/u.test(dy[0]!.text)) continue;
        const fx = p.article.text.slice(dx[0]!.start, dx[dx.length - 1]!.end);
        const fy = q.article.text.slice(dy[0]!.start, dy[dy.length - 1]!.end);
        if (/[,;:()"“”]/.test(fx + fy)) continue;
        const around = [tx[x0 - 1], tx[x1]].filter((t) => t !== undefined && !isStopword(t.lower));
        if (!around.length) continue;
        if (fx.toLowerCase() === fy.toLowerCase()) continue;
        const key = [fx, fy].map((f) => f.toLowerCase()).sort().join('|');
        const entry = out.get(key) ?? { concept: `${fx} / ${fy}`, kind: 'alignment' as const, variants: [] };
        for (const [art, form, si] of [[p.id, fx, a.index], [q.id, fy, a.other.index]] as const) {
          const v = entry.variants.find((x) => x.article === art && x.form.toLowerCase() === form.toLowerCase());
          if (v) {
            if (!v.sentences!.includes(si)) {
              v.sentences!.push(si);
              v.count++;
            }
          } else entry.variants.push({ article: art, form, count: 1, sentences: [si] });
        }
        out.set(key, entry);
      }
    }
  });
  return [...out.values()];
}

/** Alignment score from which two sentences are taken to report the same thing. */
const MIN_SWAP_SCORE = 0.35;

/** Segments [x0, x1, y0, y1) where two token lists differ between shared anchor words. */
function differingSegments(x: string[], y: string[]): [number, number, number, number][] {
  const n = x.length;
  const m = y.length;
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) dp[i]![j] = x[i] === y[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  }
  const anchors: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      anchors.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  const out: [number, number, number, number][] = [];
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [ai, aj] = anchors[k]!;
    const [bi, bj] = anchors[k + 1]!;
    if (bi - ai > 1 && bj - aj > 1) out.push([ai + 1, bi, aj + 1, bj]);
  }
  return out;
}
