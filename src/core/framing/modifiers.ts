import { isStopword } from '../text';
import { lemma } from './inflection';
import { usableSentences, type PreparedArticle } from './prepare';
import { findQuoteSpans } from './quoteMarks';
import type { NamingEntry } from './types';

/**
 * Judging modifiers: one outlet writes "the salacious dossier", "the vaunted nuclear deal",
 * "Mr. Netanyahu's theatrical presentation" where the others write "the dossier", "the deal",
 * "the presentation". The thing is the same; the adjective is the outlet's judgement of it
 * (appraisal in Martin & White's sense, The Language of Evaluation, 2005). The list is
 * compiled for Framelens from those categories (judgement of truth and propriety, appreciation
 * of weight and show). Words that classify rather than judge ("criminal investigation",
 * "nuclear deal") are not in it.
 */
const JUDGING = new Set(
  `so-called vaunted much-vaunted salacious sordid lurid theatrical infamous notorious disgraced embattled beleaguered controversial discredited debunked unsubstantiated unverified bogus phony sham rigged botched flawed disastrous catastrophic horrific historic landmark unprecedented dramatic stunning shocking bombshell explosive draconian radical extremist hardline hard-line far-right far-left ultra-conservative ultra-liberal failed failing disgraceful outrageous ridiculous insane reckless terrible horrible awful dreadful appalling disastrous brutal ruthless`.split(
    ' ',
  ),
);
const judging = (w: string) => JUDGING.has(w);

// Heads too general to name one thing across articles ("a dramatic moment", "a terrible day").
const GENERIC = new Set(
  'moment time times day days week weeks month months year years way ways thing things people person part lot lots number news world place kind sort one ones step idea case fact point end start deal-maker'.split(
    ' ',
  ),
);

const DET = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'such']);

interface Use {
  article: number;
  form: string;
  si: number;
}

/** A word that can head a noun phrase here: lower case, a content word, the phrase ending after it. */
const headAt = (toks: PreparedArticle['tokens'][number], k: number, text: string) => {
  const t = toks[k];
  if (!t || !/^\p{Ll}[\p{Ll}-]+$/u.test(t.text) || isStopword(t.lower) || GENERIC.has(t.lower)) return false;
  const next = toks[k + 1];
  // The phrase ends here: nothing, a function word, or a participle that starts a clause ("the dossier detailing …").
  return (
    !next ||
    text.slice(t.end, next.start) !== ' ' ||
    isStopword(next.lower) ||
    !/^\p{L}/u.test(next.text) ||
    /^\p{Ll}+(?:ing|ed)$/u.test(next.text)
  );
};

/**
 * One entry per thing one article qualifies with a judging modifier and another names plainly
 * as a noun phrase of its own ("the dossier"), the other not using that modifier for it.
 */
export function judgingModifiers(prepared: PreparedArticle[]): NamingEntry[] {
  if (prepared.length < 2) return [];
  const judged = new Map<string, Use[]>();
  const plain = new Map<string, Use[]>();
  prepared.forEach((p, i) => {
    const text = p.article.text;
    // A modifier inside quote marks is the speaker's judgement, not the outlet's.
    const quoted = findQuoteSpans(text);
    const inQuote = (at: number) => quoted.some((q) => at >= q.start && at < q.end);
    for (const si of usableSentences(p)) {
      const toks = p.tokens[si]!;
      const joined = (a: number, b: number) => text.slice(toks[a]!.end, toks[b]!.start) === ' ';
      // "Mr. Netanyahu's presentation": the tokens drop the possessive ending.
      const possessive = (a: number) =>
        a >= 0 && /^\p{Lu}/u.test(toks[a]!.text) && /^['’]s?\s$/.test(text.slice(toks[a]!.end, toks[a + 1]!.start));
      for (let k = 1; k < toks.length; k++) {
        if (!headAt(toks, k, text)) continue;
        const head = lemma(toks[k]!.lower);
        // The modifier right before the head, or before one more modifier ("vaunted nuclear deal").
        const m = [k - 1, k - 2].find(
          (j) =>
            j >= 0 &&
            judging(toks[j]!.lower) &&
            /^\p{Ll}/u.test(toks[j]!.text) &&
            toks.slice(j, k).every((_, d) => joined(j + d, j + d + 1)) &&
            (j === k - 1 || /^\p{Ll}+$/u.test(toks[k - 1]!.text)),
        );
        if (m !== undefined && !inQuote(toks[m]!.start)) {
          // "so-called working visit" is a working visit: the words between modifier and head are part of the thing.
          const key = m === k - 2 ? `${lemma(toks[k - 1]!.lower)} ${head}` : head;
          judged.set(key, [...(judged.get(key) ?? []), { article: i, form: text.slice(toks[m]!.start, toks[k]!.end).toLowerCase(), si }]);
          continue;
        }
        const inner = k > 1 && /^\p{Ll}+$/u.test(toks[k - 1]!.text) && !isStopword(toks[k - 1]!.lower) && joined(k - 1, k);
        if (m !== undefined) continue;
        if (DET.has(toks[k - 1]!.lower) || possessive(k - 1))
          plain.set(head, [...(plain.get(head) ?? []), { article: i, form: toks[k]!.lower, si }]);
        else if (inner && (DET.has(toks[k - 2]!.lower) || possessive(k - 2))) {
          const key = `${lemma(toks[k - 1]!.lower)} ${head}`;
          plain.set(key, [...(plain.get(key) ?? []), { article: i, form: text.slice(toks[k - 1]!.start, toks[k]!.end).toLowerCase(), si }]);
          // "the nuclear deal" is also a plain "deal".
          plain.set(head, [...(plain.get(head) ?? []), { article: i, form: toks[k]!.lower, si }]);
        }
      }
    }
  });
  const out: NamingEntry[] = [];
  for (const [head, js] of judged) {
    const judgedBy = new Set(js.map((u) => u.article));
    // Named plainly by an article that never uses the judging form, and often enough to be a thing of the story.
    const others = (plain.get(head) ?? []).filter((u) => !judgedBy.has(u.article));
    // "a historic direct hotline" against one "direct hotline" elsewhere: enough when that article
    // names the thing again by its head ("the hotline").
    const bare = head.split(' ').pop()!;
    const again = (a: number) => (plain.get(bare) ?? []).filter((u) => u.article === a).length >= 2;
    if (!others.length || (others.length < 2 && !(bare !== head && again(others[0]!.article)))) continue;
    // One shown form for the plain uses (the most written), so no two differ only by inflection.
    const surfaces = new Map<string, number>();
    for (const u of others) surfaces.set(u.form, (surfaces.get(u.form) ?? 0) + 1);
    const shown = [...surfaces].sort((a, b) => b[1] - a[1])[0]![0];
    const variants = new Map<string, NamingEntry['variants'][number] & { sentences: number[] }>();
    for (const u of [...js, ...others.map((o) => ({ ...o, form: shown }))]) {
      const key = `${u.article}\u0000${u.form}`;
      const v = variants.get(key) ?? { article: prepared[u.article]!.id, form: u.form, count: 0, sentences: [] };
      v.count++;
      if (!v.sentences.includes(u.si)) v.sentences.push(u.si);
      variants.set(key, v);
    }
    const vs = [...variants.values()];
    const evidence = vs.reduce((a, v) => a + Math.log2(1 + v.count), 0);
    out.push({
      concept: head,
      kind: 'label',
      source: 'judging modifier (appraisal: Martin & White, The Language of Evaluation, 2005)',
      strength: Math.round((100 * 0.8 * evidence) / (evidence + 2)) / 100,
      variants: vs.map((v) => ({ ...v, sentences: v.sentences.sort((a, b) => a - b) })),
    });
  }
  return out;
}
