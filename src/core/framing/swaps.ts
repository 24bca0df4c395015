import { isStopword, tokenize } from '../text';
import { lemma, sameWord } from './inflection';
import { LOADED_LABELS } from './labels';
import { DATE_WORDS, EVALUATIVE } from './referenceWords';
import type { CoverageEntry, NamingEntry } from './types';
import type { PreparedArticle } from './prepare';

/** A form holding a loaded label of the lexicon or an evaluative description ("dictator", "tycoon"). */
function loaded(form: string): boolean {
  const words = tokenize(form).map((t) => lemma(t.lower));
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j <= words.length; j++) if (LOADED_LABELS.has(words.slice(i, j).join(' '))) return true;
  return words.some((w) => EVALUATIVE.has(w));
}

/**
 * Aligned sentences that say the same thing with a different word or short phrase in one
 * slot ("Trump's visit to Britain" / "Trump's trip to the U.K."): the differing segments
 * between shared words of the two sentences' longest common subsequence, both sides at
 * most three words with a content word, framed by shared words on both sides. Reported only
 * when one side is a loaded word (dictator / leader) and the two are not one word inflected
 * (test / testing): two plain synonyms (top / senior) are style, not framing.
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
      for (const [x0, x1, y0, y1] of differingSegments(
        tx.map((t) => t.lower),
        ty.map((t) => t.lower),
      )) {
        const dx = tx.slice(x0, x1);
        const dy = ty.slice(y0, y1);
        if (!dx.length || !dy.length || dx.length > 3 || dy.length > 3) continue;
        // Numbers and dates are facts, not word choice ("fence Sunday" / "wall").
        if ([...dx, ...dy].some((t) => /\d/.test(t.text) || DATE_WORDS.has(t.text))) continue;
        // Like for like: both end in a content word, both names or both common words, no
        // punctuation inside, and a content word among the shared words around the slot.
        if (
          isStopword(dx[dx.length - 1]!.lower) ||
          isStopword(dy[dy.length - 1]!.lower) ||
          isStopword(dx[0]!.lower) !== isStopword(dy[0]!.lower)
        )
          continue;
        if (/^\p{Lu}/u.test(dx[0]!.text) !== /^\p{Lu}/u.test(dy[0]!.text)) continue;
        const fx = p.article.text.slice(dx[0]!.start, dx[dx.length - 1]!.end);
        const fy = q.article.text.slice(dy[0]!.start, dy[dy.length - 1]!.end);
        if (/[,;:()"“”]/.test(fx + fy)) continue;
        const around = [tx[x0 - 1], tx[x1]].filter((t) => t !== undefined && !isStopword(t.lower));
        if (!around.length) continue;
        if (fx.toLowerCase() === fy.toLowerCase() || sameWord(fx, fy) || loaded(fx) === loaded(fy)) continue;
        const key = [fx, fy]
          .map((f) => f.toLowerCase())
          .sort()
          .join('|');
        const entry = out.get(key) ?? { concept: `${fx} / ${fy}`, kind: 'alignment' as const, variants: [] };
        for (const [art, form, si] of [
          [p.id, fx, a.index],
          [q.id, fy, a.other.index],
        ] as const) {
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
  return [...out.values()].map((e) => {
    const evidence = e.variants.reduce((a, v) => a + Math.log2(1 + v.count), 0);
    return { ...e, strength: Math.round((100 * evidence) / (evidence + 3)) / 100 };
  });
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
