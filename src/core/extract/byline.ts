/**
 * Bylines name people. Pages also put desks ("By Staff", "Daily Mail Reporter"), agencies,
 * profile URLs, dates and job titles there: those are dropped, "By" is stripped, and
 * several names are joined with ", ".
 */

/** Words that make a byline part an institution or a role, not a person. */
const NOT_A_PERSON =
  /\b(?:staff|reporters?|writers?|editors?|editorial|desk|team|newsroom|news|wires?|agency|agencies|press|associated|reuters|afp|bloomberg|contributors?|correspondents?|online|digital|service|media|group|ltd|inc|admin|administrator|guest|web|the)\b/i;

const MAX_PERSON_WORDS = 5;

function cleanPart(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (!s || /^(?:https?:|www\.|\/)/i.test(s) || s.includes('@')) return null;
  s = s.replace(/^(?:written\s+|posted\s+|reported\s+)?by[:\s]+/i, '');
  // "Jane Doe, Senior Correspondent" / "Jane Doe | Reuters" / "Jane Doe - Updated 5pm": the name comes first.
  s = s.split(/\s+(?:[|–—-]|for|in)\s+|\s*[|•·]\s*/i)[0] ?? '';
  s = s
    .replace(/\s*\((?:[^)]*)\)\s*/g, ' ')
    .replace(/[,;:.\s]+$/, '')
    .trim();
  // Digits, a web address ("Cleveland.com") or a single word (a brand: "Beachbody") are not a person's name.
  if (!s || /\d/.test(s) || /\.[a-z]{2,}\b/i.test(s)) return null;
  const words = s.split(' ');
  if (words.length < 2 || words.length > MAX_PERSON_WORDS || NOT_A_PERSON.test(s)) return null;
  // A person's name has at least one capitalised word (in any script that has case).
  if (!words.some((w) => /^\p{Lu}/u.test(w)) && /\p{Ll}/u.test(s)) return null;
  return s;
}

/** The people in one or more raw bylines, "By" stripped, or null when none names a person. */
export function personByline(raws: readonly string[]): string | null {
  const people: string[] = [];
  for (const raw of raws) {
    if (raw.length > 1000) continue;
    const parts = raw.split(/\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*/i);
    for (const part of parts) {
      const name = cleanPart(part);
      if (name && !people.some((p) => p.toLowerCase() === name.toLowerCase())) people.push(name);
    }
    if (people.length) break;
  }
  // A byline naming more than a handful of people is a list scraped from the page, not a byline.
  return people.length ? people.slice(0, 8).join(', ') : null;
}
