import { isStopword, tokenize } from '../text';
import placesData from './lexicon/places.json';
import type { NamingEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';

const PLACES = placesData.places.map((p) => ({
  concept: p.concept,
  forms: p.forms.map((f) => ({ form: f, tokens: tokenize(f).map((t) => t.text) })),
}));
const OFFICIALS = /^(officials|authorities|diplomats|negotiators)$/;
const FIRST = new Map<string, { place: number; form: number }[]>();
PLACES.forEach((p, pi) =>
  p.forms.forEach((f, fi) => {
    const first = f.tokens[0]!;
    FIRST.set(first, [...(FIRST.get(first) ?? []), { place: pi, form: fi }]);
  }),
);

/**
 * The same country named differently: "North Korea" / "Pyongyang" / "the North",
 * "Britain" / "the U.K." (lexicon/places.json). A form counts where it stands alone, not
 * inside a longer name ("Washington Post", "the North Korean leader").
 */
export function placeVariants(prepared: PreparedArticle[]): NamingEntry[] {
  if (prepared.length < 2) return [];
  const found = prepared.map(() => new Map<string, { form: string; count: number; sentences: Set<number> }>());
  prepared.forEach((p, i) => {
    for (const si of usableSentences(p)) {
      const toks = p.tokens[si]!;
      for (let k = 0; k < toks.length; k++) {
        const candidates = FIRST.get(toks[k]!.text);
        if (!candidates) continue;
        let best: { place: number; form: number; length: number } | null = null;
        for (const c of candidates) {
          const ft = PLACES[c.place]!.forms[c.form]!.tokens;
          if (!ft.every((t, d) => toks[k + d]?.text === t)) continue;
          const next = toks[k + ft.length];
          const prev = toks[k - 1];
          if (next && /^\p{Lu}/u.test(next.text) && /^[ \t.]*$/.test(p.article.text.slice(toks[k + ft.length - 1]!.end, next.start)))
            continue;
          if (
            prev &&
            k > 0 &&
            /^\p{Lu}/u.test(prev.text) &&
            !isStopword(prev.lower) &&
            /^[ \t]$/.test(p.article.text.slice(prev.end, toks[k]!.start)) &&
            /^\p{Lu}/u.test(ft[0]!)
          )
            continue;
          if (!best || ft.length > best.length) best = { ...c, length: ft.length };
        }
        if (!best) continue;
        // "officials from Japan": the country's officials name the country, as "Japanese officials" do.
        const by = k >= 2 && OFFICIALS.test(toks[k - 2]!.lower) && /^(from|of|in)$/.test(toks[k - 1]!.lower) ? k - 2 : -1;
        const written = by >= 0 ? p.article.text.slice(toks[by]!.start, toks[k + best.length - 1]!.end) : null;
        const key = `${best.place}:${written ? `${toks[by]!.lower} ${toks[k - 1]!.lower} ` : ''}${best.form}`;
        const f = found[i]!.get(key) ?? {
          form: written ?? PLACES[best.place]!.forms[best.form]!.form,
          count: 0,
          sentences: new Set<number>(),
        };
        f.count++;
        f.sentences.add(si);
        found[i]!.set(key, f);
        k += best.length - 1;
      }
    }
  });
  const out: NamingEntry[] = [];
  PLACES.forEach((place, pi) => {
    const perArticle = found.map((m) => [...m].filter(([k]) => k.startsWith(`${pi}:`)).map(([, v]) => v));
    const sets = perArticle.filter((v) => v.length).map((v) => new Set(v.map((x) => x.form)));
    if (sets.length < 2 || !sets.some((a) => sets.some((b) => [...a].some((f) => !b.has(f))))) return;
    out.push({
      concept: place.concept,
      kind: 'reference',
      source: 'lexicon/places.json',
      variants: perArticle.flatMap((vs, i) =>
        vs
          .sort((a, b) => b.count - a.count)
          .map((v) => ({ article: prepared[i]!.id, form: v.form, count: v.count, sentences: [...v.sentences].sort((a, b) => a - b) })),
      ),
    });
  });
  return out;
}
