import { stem, tokenize } from '../text';
import framesData from './lexicon/frames.json';
import type { FrameEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';

/** Cue phrases of each Media Frames Corpus dimension, as stem sequences (lexicon/frames.json). */
const FRAMES = framesData.frames.map((f) => ({
  frame: f.frame,
  cues: f.cues.map((c) => ({ cue: c, stems: tokenize(c).map((t) => stem(t.lower)) })),
}));
const BY_FIRST = new Map<string, { frame: number; cue: number }[]>();
FRAMES.forEach((f, fi) =>
  f.cues.forEach((c, ci) => {
    const first = c.stems[0]!;
    BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), { frame: fi, cue: ci }]);
  }),
);

/**
 * Frame dimensions (Card et al. 2015) scored by cue words: occurrences per 1,000 words of the
 * analysed sentences, the cue words found kept as evidence with the sentences they occur in.
 * A cue can serve two frames ("sanctions": legal and external); indicative, not a classifier.
 */
export function frames(p: PreparedArticle): FrameEntry[] {
  const hits = FRAMES.map(() => ({ count: 0, cues: new Map<string, number>(), sentences: new Set<number>() }));
  let words = 0;
  for (const si of usableSentences(p)) {
    const st = p.stems[si]!;
    words += st.length;
    for (let k = 0; k < st.length; k++) {
      for (const c of BY_FIRST.get(st[k]!) ?? []) {
        const cue = FRAMES[c.frame]!.cues[c.cue]!;
        if (!cue.stems.every((s, d) => st[k + d] === s)) continue;
        const h = hits[c.frame]!;
        h.count++;
        const surface = p.article.text.slice(p.tokens[si]![k]!.start, p.tokens[si]![k + cue.stems.length - 1]!.end).toLowerCase();
        h.cues.set(surface, (h.cues.get(surface) ?? 0) + 1);
        h.sentences.add(si);
      }
    }
  }
  const out: FrameEntry[] = FRAMES.map((f, fi) => {
    const h = hits[fi]!;
    return {
      article: p.id,
      frame: f.frame,
      score: Math.round((1000 * h.count * 10) / Math.max(1, words)) / 10,
      cues: [...h.cues].sort((a, b) => b[1] - a[1]).map(([c]) => c),
      sentences: [...h.sentences].sort((a, b) => a - b),
    };
  });
  return out.sort((a, b) => b.score - a.score);
}
