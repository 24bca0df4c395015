/** How a name run of the article becomes query terms: the parts other outlets write too. */

const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/i;

// Roles written before a name ("CIA Director Mike Pompeo"): other outlets name the person without them.
export const ROLES = new Set(
  `president director counsel mayor minister secretary chairman chairwoman chair leader chief spokesman spokeswoman
  ambassador senator governor general judge attorney pm ceo king queen prince pope commissioner speaker`.split(/\s+/),
);

// Last words of an official place name whose head is the name in common use.
export const PLACE_TAIL = new Set([
  'region',
  'province',
  'prefecture',
  'county',
  'district',
  'governorate',
  'oblast',
  'territory',
  'strip',
]);

/**
 * The parts of a name run worth searching for: split at "and" and at "of" after a full
 * name ("Shinzo Abe of Japan"), roles and dotted initials dropped, hyphens as spaces (the
 * index reads "Kim Jong-un" as three words). Dotted acronyms ("F.B.I.") are left out.
 */
export function nameParts(surface: string): string[] {
  if (/\p{L}\.\p{L}\./u.test(surface)) return [];
  const out: string[] = [];
  for (const part of surface.split(/\s+and\s+/)) {
    const of = /^(\S+\s+\S+.*?)\s+of\s+(.+)$/.exec(part);
    for (const piece of of ? [of[1]!, of[2]!] : [part]) {
      let words = piece
        .replace(/-/g, ' ')
        .split(/\s+/)
        .filter((w) => !/^\p{L}\.$/u.test(w));
      const role = words.map((w) => ROLES.has(w.toLowerCase())).lastIndexOf(true);
      if (role >= 0 && role < words.length - 1) words = words.slice(role + 1);
      // "In December China…": a date word before a name is not part of it.
      while (words.length > 1 && CALENDAR.test(words[0]!)) words = words.slice(1);
      if (words.length === 1 && CALENDAR.test(words[0]!)) continue;
      if (words.length > 4 || !words.every((w) => /^\p{L}[\p{L}'’]*$/u.test(w))) continue;
      if (words.some((w) => w.length >= 3)) out.push(words.join(' '));
    }
  }
  return out;
}
