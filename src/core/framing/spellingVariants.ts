import { isStopword, stem, tokenize } from '../text';
import type { NamingEntry } from './types';
import type { PreparedArticle } from './prepare';
import { capitalisedForms, sameContext, sameName, singular, skeleton, type Form } from './spelling';
import { usableSentences } from './prepare';

/**
 * Spelling variants: capitalised forms one article uses and another does not, which are
 * spellings of one name (Uighur / Uyghur): both used as names (never written in lower case
 * by any of the articles), in the same role and context. Returns the naming entries and a stem alias so
 * the other sections can count the variants as one word.
 */
export function spellingVariants(prepared: PreparedArticle[]): { entries: NamingEntry[]; alias: Map<string, string> } {
  const forms = prepared.map(capitalisedForms);
  // Words any article writes in lower case are ordinary words ("well", "bill", "more", "iron"),
  // even where a sentence or a name capitalises them.
  const lower = new Set<string>();
  for (const p of prepared) for (const si of usableSentences(p)) for (const t of p.tokens[si]!) if (t.text === t.lower) lower.add(t.lower);
  const ordinary = (form: string) =>
    !form.includes(' ') && [form.toLowerCase(), singular(form).toLowerCase()].some((w) => isStopword(w) || lower.has(w));
  // The content words around a form's uses, for "used in the same context".
  const contextOf = (i: number, f: Form) => {
    const own = new Set(tokenize(f.form).map((t) => stem(t.lower)));
    return new Set(
      f.sentences.flatMap((si) =>
        prepared[i]!.stems[si]!.filter((x, k) => x.length >= 4 && !own.has(x) && !isStopword(prepared[i]!.tokens[si]![k]!.lower)),
      ),
    );
  };
  // Both used the same way: both mostly inside longer names (then the same name, by
  // sameContext), or both mostly alone and sharing content words around them ("Iran" the
  // country and "Iron" of "American Iron and Steel Institute" are not one name).
  const sameRole = (i: number, f: Form, j: number, g: Form) => {
    const named = (x: Form) => x.inNames * 2 > x.count;
    if (named(f) !== named(g)) return false;
    if (named(f)) return true;
    const cx = contextOf(i, f);
    let shared = 0;
    for (const w of contextOf(j, g)) if (cx.has(w) && ++shared >= 2) return true;
    return false;
  };
  const groups: { key: string; members: { article: number; form: Form }[] }[] = [];
  // Candidates share a flattened spelling or a consonant skeleton: index them by both so
  // only plausible pairs are compared.
  const keysOf = (form: string) => {
    const low = singular(form).toLowerCase();
    return [`f:${low.replace(/[\s\-‐'’.]/g, '')}`, `s:${low.includes(' ') ? 'multi:' : ''}${skeleton(low)}`];
  };
  const index = forms.map((fs) => {
    const m = new Map<string, Form[]>();
    for (const f of fs.values()) for (const k of keysOf(f.form)) m.set(k, [...(m.get(k) ?? []), f]);
    return m;
  });
  prepared.forEach((_, i) => {
    for (const f of forms[i]!.values()) {
      prepared.forEach((__, j) => {
        if (j <= i) return;
        const candidates = new Set(keysOf(f.form).flatMap((k) => index[j]!.get(k) ?? []));
        for (const g of candidates) {
          if (!sameName(f.form, g.form) || !sameContext(f, g) || ordinary(f.form) || ordinary(g.form) || !sameRole(i, f, j, g)) continue;
          // A variant is a choice only when the article does not also use the other spelling.
          if (forms[i]!.has(g.form) || forms[j]!.has(f.form)) continue;
          const key = singular(f.form).toLowerCase();
          let group = groups.find((gr) =>
            gr.members.some((m) => sameName(m.form.form, f.form) || singular(m.form.form).toLowerCase() === key),
          );
          if (!group) groups.push((group = { key, members: [] }));
          for (const m of [
            { article: i, form: f },
            { article: j, form: g },
          ]) {
            if (!group.members.some((x) => x.article === m.article && x.form.form === m.form.form)) group.members.push(m);
          }
        }
      });
    }
  });
  const alias = new Map<string, string>();
  for (const g of groups) {
    if (g.key.includes(' ')) continue;
    const target = stem(g.key);
    for (const m of g.members) alias.set(stem(m.form.form.toLowerCase()), target);
  }
  // A name whose only difference is an already-found spelling (Uighur Muslim / Uyghur
  // Muslim) is the same variant again.
  const aliased = (form: string) =>
    tokenize(form)
      .map((t) => alias.get(stem(t.lower)) ?? stem(t.lower))
      .join(' ');
  const kept = groups.filter((g) => !g.key.includes(' ') || new Set(g.members.map((m) => aliased(m.form.form))).size > 1);
  const entries: NamingEntry[] = kept.map((g) => {
    // Plural and singular of one spelling are one variant.
    const variants = new Map<string, { article: string; form: string; count: number; sentences: number[] }>();
    for (const m of g.members) {
      const k = `${m.article}\u0000${singular(m.form.form)}`;
      const v = variants.get(k);
      if (v) {
        v.count += m.form.count;
        v.sentences = [...new Set([...v.sentences, ...m.form.sentences])].sort((a, b) => a - b);
      } else
        variants.set(k, {
          article: prepared[m.article]!.id,
          form: singular(m.form.form),
          count: m.form.count,
          sentences: [...m.form.sentences].sort((a, b) => a - b),
        });
    }
    const vs = [...variants.values()];
    return {
      concept: vs
        .map((v) => v.form)
        .filter((f, k, all) => all.indexOf(f) === k)
        .join(' / '),
      kind: 'spelling',
      variants: vs,
    };
  });
  return { entries, alias };
}
