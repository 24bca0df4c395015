import { stem } from '../text';

/** A quantity as written, its value, the hedge before it and the noun it counts. */
export interface Quantity {
  text: string;
  value: number;
  qualifier: string | null;
  /** Stem of the first word after the number ("million Uighurs" → "uighur"). */
  noun: string | null;
  start: number;
}

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
  millions: 2e6,
  half: 0.5,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12 };
const QUALIFIER = String.raw`(?:(?<q>over|more than|nearly|almost|about|around|roughly|approximately|some|at least|up to|fewer than|less than|as many as|close to|well over|just over|just under|under|an estimated|estimated)\s+)?`;
const NUMBER = String.raw`(?<n>\d[\d,]*(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|half|dozens|hundreds|thousands|millions)`;
const SCALE = String.raw`(?:\s+(?<s>hundred|thousand|million|billion|trillion|dozen))?`;
const QUANTITY = new RegExp(String.raw`\b${QUALIFIER}${NUMBER}${SCALE}(?:\s+of)?\s+(?<noun>[\p{L}][\p{L}\-]+)`, 'giu');

// Words after a number that make it a date, a time or an ordinal, not a count.
const NOT_COUNTS =
  /^(years?|days?|weeks?|months?|hours?|minutes?|seconds?|a\.m|p\.m|percent|per|of|and|or|to|in|on|at|the|a|an|is|was|were|are|which|who|that)$/i;
const MONTHS = /^(january|february|march|april|may|june|july|august|september|october|november|december)$/i;

const MAYBE_NUMBER =
  /\d|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|half|dozens?|hundreds?|thousands?|millions?)\b/i;

export function findQuantities(sentence: string): Quantity[] {
  const out: Quantity[] = [];
  if (!MAYBE_NUMBER.test(sentence)) return out;
  for (const m of sentence.matchAll(QUANTITY)) {
    const g = m.groups!;
    const raw = g.n!.toLowerCase();
    // "a"/"an" only count with a scale word: "a million", "a dozen".
    if ((raw === 'a' || raw === 'an' || raw === 'one') && !g.s) continue;
    const noun = g.noun!.toLowerCase();
    if (NOT_COUNTS.test(noun) || MONTHS.test(noun)) continue;
    const base = /^\d/.test(raw) ? Number(raw.replace(/,/g, '')) : WORD_NUMBERS[raw];
    if (base === undefined || !Number.isFinite(base)) continue;
    if (/^\d{4}$/.test(raw) && !g.s) continue; // a year
    const value = base * (g.s ? SCALES[g.s.toLowerCase()]! : 1);
    out.push({ text: m[0].trim(), value, qualifier: g.q?.toLowerCase() ?? null, noun: stem(noun), start: m.index });
  }
  return out;
}

/** Two mentions of about the same amount of the same thing, written differently. */
export function differentlyGiven(a: Quantity, b: Quantity, sameNoun: (x: string, y: string) => boolean): boolean {
  if (!a.noun || !b.noun || !sameNoun(a.noun, b.noun)) return false;
  const ratio = a.value / b.value;
  if (ratio < 0.5 || ratio > 2) return false;
  const phrase = (q: Quantity) => q.text.replace(/\s+\S+$/, '').toLowerCase();
  return phrase(a) !== phrase(b);
}
