/**
 * One packed 32-bit entry per distinct term of an article: the term id in the high 24
 * bits, then whether the title has it (1 bit), its count in the lead (2 bits, capped at 3)
 * and in title + body (5 bits, capped at 31). Entity and number terms use the count bits
 * for their mentions. Sorting entries numerically sorts them by term, so two articles are
 * compared by one merge walk. At ~350 distinct terms an article costs ~1.4 KB here.
 */
export const MAX_TERMS = 1 << 24;
export const LEAD_CAP = 3;
export const COUNT_CAP = 31;

export function packEntry(term: number, inTitle: boolean, lead: number, count: number): number {
  return ((term << 8) | (inTitle ? 128 : 0) | (Math.min(lead, LEAD_CAP) << 5) | Math.min(count, COUNT_CAP)) >>> 0;
}

export const termOf = (e: number): number => e >>> 8;
export const titleOf = (e: number): number => (e >>> 7) & 1;
export const leadOf = (e: number): number => (e >>> 5) & 3;
export const countOf = (e: number): number => e & 31;

/** Kind of a term, from its key's first character (see features.ts). */
export const enum TermKind {
  Word = 0,
  Entity = 1,
  Number = 2,
}

/** 1 + ln(tf) for the capped counts, so scoring never calls Math.log per entry. */
export const LOG_TF: Float64Array = Float64Array.from({ length: COUNT_CAP + 1 }, (_, tf) => (tf ? 1 + Math.log(tf) : 0));
