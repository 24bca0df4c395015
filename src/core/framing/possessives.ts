import { lemma } from './inflection';
import { usableSentences, type PreparedArticle } from './prepare';
import type { NamingEntry } from './types';

/**
 * Groups named through a person, where the outlets name that person differently: "the
 * president's lawyers" / "Trump's lawyers" / "lawyers for Mr. Trump", "Mueller's team" /
 * "the special counsel's team". One entry per person and head noun; the head is the same
 * word in every form (two words for it, "lawyers" / "legal team", are ordinary synonyms),
 * and only a role against a name counts, not "the Trump campaign" / "Trump's campaign" /
 * "Mr. Trump's campaign".
 */
const HEADS = [
  ...'lawyers lawyer attorneys attorney campaign team aides advisers advisors investigators investigation probe inquiry family allies associates spokesman spokeswoman government regime'.split(
    ' ',
  ),
  'legal team',
].sort((a, b) => b.length - a.length);
const HEAD = `(?<head>${HEADS.join('|')})`;
const HEAD_ANY = new RegExp(`\\b(?:${HEADS.join('|')})\\b`);

/**
 * The word that names the person in the possessor: the surname or the role ("Mr. Trump's",
 * "President Trump's" → "trump"; "the president's" → "president"). An honorific or title
 * alone is no difference here: the person's own entry shows it.
 */
const core = (possessor: string) =>
  possessor
    .toLowerCase()
    .replace(/['’]s?$/, '')
    .split(/\s+/)
    .pop()!
    .replace(/\./g, '');

// Possessors as written: up to three words ("the special counsel", "Mr. Trump", "President Donald Trump").
const WHO = String.raw`(?:[A-Za-z][\w.’'-]*\s+){0,2}[A-Za-z][\w.-]*`;
const GROUP = new RegExp(
  String.raw`\b(?:(?<p1>${WHO})['’]s?\s+${HEAD}|(?<p3>[Tt]he\s+${WHO})\s+${HEAD.replace('head', 'head3')}|${HEAD.replace('head', 'head2')}\s+(?:for|of)\s+(?<p2>${WHO}))(?![A-Za-zÀ-ÿ'’])`,
  'g',
);
const bare = (f: string) => f.toLowerCase().replace(/^the\s+/, '');

interface Found {
  article: number;
  si: number;
  head: string;
  /** The possessor's words, and where the phrase starts and ends in the sentence. */
  words: string[];
  before: string;
  after: string;
}

export function possessiveVariants(prepared: PreparedArticle[], people: NamingEntry[]): NamingEntry[] {
  const out: NamingEntry[] = [];
  // One pass over the sentences that hold a head noun; the possessors are matched to people after.
  const found: Found[] = [];
  prepared.forEach((p, article) => {
    for (const si of usableSentences(p)) {
      const text = p.sentences[si]!.text;
      if (!HEAD_ANY.test(text)) continue;
      for (const m of text.matchAll(GROUP)) {
        const g = m.groups!;
        const owner = (g.p1 ?? g.p3 ?? g.p2)!;
        const head = (g.head ?? g.head3 ?? g.head2)!;
        const words = owner.split(/\s+/);
        const phrase = m[0].replace(/\s+/g, ' ');
        // "the Trump campaign" has no apostrophe; a possessor without one must open with "the".
        const attributive = g.p3 !== undefined;
        found.push({
          article,
          si,
          head,
          words,
          before: g.p2 === undefined ? '' : phrase.slice(0, phrase.length - owner.replace(/\s+/g, ' ').length),
          after: g.p2 === undefined ? phrase.slice(owner.replace(/\s+/g, ' ').length) : '',
          ...(attributive ? { attributive: true } : {}),
        } as Found);
      }
    }
  });
  if (!found.length) return out;
  for (const person of people) {
    if (person.kind !== 'reference' || person.source) continue;
    const forms = new Set(
      person.variants
        .map((v) => v.form)
        .filter((f) => f.split(/\s+/).length <= 3 && !/[,;]/.test(f))
        .map(bare),
    );
    if (forms.size < 2) continue;
    const byHead = new Map<string, Map<string, { form: string; core: string; count: number; sentences: Set<number> }>[]>();
    for (const x of found) {
      // The longest end of the written possessor that is one of the person's forms.
      // The person's form in the written possessor: its end before "'s", its start after "for".
      let possessor: string | null = null;
      for (let k = 0; k < x.words.length && !possessor; k++) {
        const part = x.before ? x.words.slice(0, x.words.length - k).join(' ') : x.words.slice(k).join(' ');
        if (forms.has(bare(part))) possessor = part;
      }
      if (!possessor) continue;
      const attributive = (x as Found & { attributive?: boolean }).attributive;
      // A title alone names the person only with its article ("the president's lawyers"); so does an attributive name ("the Trump campaign").
      if ((/^\p{Ll}/u.test(possessor) || attributive) && !/^the\s/i.test(possessor)) continue;
      const key = x.head.includes(' ') ? x.head.toLowerCase() : lemma(x.head.toLowerCase());
      const perArticle = byHead.get(key) ?? prepared.map(() => new Map());
      byHead.set(key, perArticle);
      const form = `${x.before}${possessor}${x.after}`.replace(/^The\s/, 'the ');
      const f = perArticle[x.article]!.get(form) ?? { form, core: core(possessor), count: 0, sentences: new Set<number>() };
      f.count++;
      f.sentences.add(x.si);
      perArticle[x.article]!.set(form, f);
    }
    for (const [head, perArticle] of byHead) {
      const cores = perArticle.filter((m) => m.size).map((m) => new Set([...m.values()].map((f) => f.core)));
      if (cores.length < 2 || !cores.some((a) => cores.some((b) => [...a].some((c) => !b.has(c))))) continue;
      out.push({
        concept: `${person.concept}'s ${mostUsedHead(perArticle, head)}`,
        kind: 'reference',
        variants: perArticle.flatMap((m, i) =>
          [...m.values()]
            .sort((a, b) => b.count - a.count)
            .map((f) => ({ article: prepared[i]!.id, form: f.form, count: f.count, sentences: [...f.sentences].sort((a, b) => a - b) })),
        ),
      });
    }
  }
  return out;
}

/** The head as the forms write it most ("lawyers" rather than the lemma "lawyer"). */
function mostUsedHead(perArticle: Map<string, { form: string; count: number }>[], key: string): string {
  const counts = new Map<string, number>();
  for (const m of perArticle)
    for (const f of m.values()) {
      const h = HEADS.find((x) => new RegExp(`\\b${x}\\b`, 'i').test(f.form)) ?? key;
      counts.set(h, (counts.get(h) ?? 0) + f.count);
    }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? key;
}
