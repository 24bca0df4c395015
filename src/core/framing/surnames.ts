// Titles of office that stand before one person's surname ("President Trump", "Secretary Clinton").
const OFFICE =
  /\b(President|Secretary|Senator|Sen\.|Governor|Gov\.|Speaker|Chancellor|Premier|Minister|Justice|Judge|Mayor|General|Gen\.|Leader|Chairman|Ambassador)\s+(\p{Lu}[\p{L}'’-]+)\b(?!\s+\p{Lu})/gu;

/**
 * Whether a surname alone is another person than this full name: "President Trump" in
 * articles whose only full name with that surname is "Ivanka Trump", never titled
 * "President" and also called "Ivanka". Such a surname (and titled surname) is not given to the full name, so one
 * person's mentions and quotes are not credited to a relative.
 */
export function surnameOfAnother(texts: string[], fullName: string): boolean {
  const words = fullName.split(/\s+/);
  const surname = words[words.length - 1]!;
  const titles = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(OFFICE)) if (m[2] === surname) titles.add(m[1]!);
  // "daughter of the President Ivanka Trump" is a missing comma, not her title.
  // "Secretary of State Mike Pompeo" holds the title too.
  const own = (title: string) =>
    texts.some((t) =>
      new RegExp(`(?<!\\bthe\\s)${title.replace('.', '\\.')}(?:\\s+(?:of|\\p{Lu}[\\p{L}.'’-]*)){0,3}?\\s+${words[0]}\\b`, 'u').test(t),
    );
  // Only the head of state, and only for someone the articles also call by the first name alone
  // ("Ivanka"): "Secretary Clinton" is Hillary Clinton, "President Obama" is Barack Obama.
  const firstAlone = texts.some((t) => new RegExp(`\\b${words[0]}\\b(?!\\s+\\p{Lu})`, 'u').test(t));
  return titles.has('President') && !own('President') && firstAlone;
}

/** The referents whose surname alone is another person (see surnameOfAnother). */
export function surnamesOfOthers(texts: string[], all: { name: string }[]): Set<number> {
  const out = new Set<number>();
  all.forEach((r, ri) => {
    if (r.name.includes(' ') && surnameOfAnother(texts, r.name)) out.add(ri);
  });
  return out;
}
