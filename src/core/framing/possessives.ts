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
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

export function possessiveVariants(prepared: PreparedArticle[], people: NamingEntry[]): NamingEntry[] {
  const out: NamingEntry[] = [];
  for (const person of people) {
    if (person.kind !== 'reference' || person.source) continue;
    const forms = [...new Set(person.variants.map((v) => v.form))].filter((f) => f.split(/\s+/).length <= 3 && !/[,;]/.test(f));
    if (forms.length < 2) continue;
    const alt = forms
      .sort((a, b) => b.length - a.length)
      .map((f) => escape(f).replace(/^the\\s+|^the /i, ''))
      .join('|');
    const re = new RegExp(
      String.raw`\b(?:(?<p1>(?:[Tt]he\s+)?(?:${alt}))['’]s?\s+${HEAD}|(?<p3>[Tt]he\s+(?:${alt}))\s+${HEAD.replace('head', 'head3')}|${HEAD.replace('head', 'head2')}\s+(?:for|of)\s+(?<p2>(?:the\s+)?(?:${alt})))(?![\p{L}'’])`,
      'gu',
    );
    const byHead = new Map<string, Map<string, { form: string; core: string; count: number; sentences: Set<number> }>[]>();
    prepared.forEach((p, i) => {
      for (const si of usableSentences(p)) {
        for (const m of p.sentences[si]!.text.matchAll(re)) {
          const g = m.groups!;
          const head = (g.head ?? g.head2 ?? g.head3)!;
          const possessor = (g.p1 ?? g.p2 ?? g.p3)!;
          // A title alone names the person only with its article ("the president's lawyers").
          if (/^\p{Ll}/u.test(possessor) && !/^the\s/i.test(possessor)) continue;
          const key = head.includes(' ') ? head.toLowerCase() : lemma(head.toLowerCase());
          const perArticle = byHead.get(key) ?? prepared.map(() => new Map());
          byHead.set(key, perArticle);
          const form = m[0].replace(/\s+/g, ' ').replace(/^The\s/, 'the ');
          const f = perArticle[i]!.get(form) ?? { form, core: core(possessor), count: 0, sentences: new Set<number>() };
          f.count++;
          f.sentences.add(si);
          perArticle[i]!.set(form, f);
        }
      }
    });
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
