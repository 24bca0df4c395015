import type { NamingEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';

const SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', '&']);

/**
 * An organisation named in full by one article and by its initials in another
 * ("Democratic National Committee" / "DNC"), found by matching the initials of
 * capitalised runs against all-capital tokens, including dotted ones ("F.B.I.").
 */
export function acronymVariants(prepared: PreparedArticle[]): NamingEntry[] {
  if (prepared.length < 2) return [];
  const full = new Map<string, Map<number, { form: string; count: number; sentences: Set<number> }>>();
  const short = new Map<string, Map<number, { form: string; count: number; sentences: Set<number> }>>();
  const add = (m: typeof full, key: string, article: number, form: string, si: number) => {
    const byArticle = m.get(key) ?? new Map();
    const f = byArticle.get(article) ?? { form, count: 0, sentences: new Set<number>() };
    f.count++;
    f.sentences.add(si);
    byArticle.set(article, f);
    m.set(key, byArticle);
  };
  prepared.forEach((p, i) => {
    const text = p.article.text;
    for (const si of usableSentences(p)) {
      const toks = p.tokens[si]!;
      for (let k = 0; k < toks.length; k++) {
        // Dotted initials arrive as one-letter tokens: F . B . I
        let j = k;
        while (j < toks.length && /^\p{Lu}$/u.test(toks[j]!.text) && (j === k || text.slice(toks[j - 1]!.end, toks[j]!.start) === '.')) j++;
        if (j - k >= 2) {
          add(
            short,
            toks
              .slice(k, j)
              .map((t) => t.text)
              .join(''),
            i,
            text.slice(toks[k]!.start, toks[j - 1]!.end + 1),
            si,
          );
          k = j - 1;
          continue;
        }
        const t = toks[k]!;
        if (/^\p{Lu}{2,6}$/u.test(t.text)) add(short, t.text, i, t.text, si);
        if (!/^\p{Lu}\p{Ll}/u.test(t.text)) continue;
        let e = k;
        while (
          e + 1 < toks.length &&
          (/^\p{Lu}\p{Ll}/u.test(toks[e + 1]!.text) ||
            (SKIP.has(toks[e + 1]!.lower) && e + 2 < toks.length && /^\p{Lu}/u.test(toks[e + 2]!.text))) &&
          /^[ \t]$/.test(text.slice(toks[e]!.end, toks[e + 1]!.start))
        )
          e++;
        const run = toks.slice(k, e + 1);
        const words = run.filter((w) => !SKIP.has(w.lower));
        const initials = (ws: typeof run) =>
          ws
            .map((w) => w.text[0])
            .join('')
            .toUpperCase();
        if (words.length >= 2) {
          const form = text.slice(toks[k]!.start, toks[e]!.end);
          add(full, initials(words), i, form, si);
          // Some acronyms keep the initial of "of" ("Joint Comprehensive Plan of Action", JCPOA).
          if (words.length < run.length && run.every((w) => w.lower !== 'the' && w.lower !== 'and' && w.lower !== '&'))
            add(full, initials(run), i, form, si);
        }
        k = e;
      }
    }
  });
  const out: NamingEntry[] = [];
  for (const [key, shorts] of short) {
    const fulls = full.get(key);
    if (!fulls) continue;
    // A choice between the two only when some article writes one and another writes the other.
    const differ = [...shorts.keys()].some((a) => [...fulls.keys()].some((b) => a !== b && !shorts.has(b)) || !fulls.has(a));
    if (!differ) continue;
    const variants: NamingEntry['variants'] = [];
    const fullForms = [...fulls.values()].map((f) => f.form);
    prepared.forEach((p, i) => {
      for (const m of [fulls, shorts]) {
        const f = m.get(i);
        // "North Korean" beside "North Korea" is the adjective of the same name, not another form of it.
        if (f && !(m === fulls && fullForms.some((g) => g !== f.form && f.form.startsWith(g))))
          variants.push({ article: p.id, form: f.form, count: f.count, sentences: [...f.sentences].sort((a, b) => a - b) });
      }
    });
    if (new Set(variants.map((v) => v.form)).size < 2) continue;
    const name = [...fulls.values()][0]!.form;
    out.push({ concept: `${name} (${key})`, kind: 'reference', variants });
  }
  return out;
}
