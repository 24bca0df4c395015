import { stem, tokenize } from '../text';
import type { NamingEntry } from './types';
import type { PreparedArticle } from './prepare';
import { capitalisedForms, sameContext, sameName, singular, skeleton, type Form } from './spelling';

/**
 * Spelling variants: capitalised forms one article uses and another does not, which are
 * spellings of one name (Uighur / Uyghur). Returns the naming entries and a stem alias so
 * the other sections can count the variants as one word.
 */
export function spellingVariants(prepared: PreparedArticle[]): { entries: NamingEntry[]; alias: Map<string, string> } {
  const forms = prepared.map(capitalisedForms);
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
          if (!sameName(f.form, g.form) || !sameContext(f, g)) continue;
          // A variant is a choice only when the article does not also use the other spelling.
          if (forms[i]!.has(g.form) || forms[j]!.has(f.form)) continue;
          const key = singular(f.form).toLowerCase();
          let group = groups.find((gr) => gr.members.some((m) => sameName(m.form.form, f.form) || singular(m.form.form).toLowerCase() === key));
          if (!group) groups.push((group = { key, members: [] }));
          for (const m of [{ article: i, form: f }, { article: j, form: g }]) {
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
  const aliased = (form: string) => tokenize(form).map((t) => alias.get(stem(t.lower)) ?? stem(t.lower)).join(' ');
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
      } else variants.set(k, { article: prepared[m.article]!.id, form: singular(m.form.form), count: m.form.count, sentences: [...m.form.sentences].sort((a, b) => a - b) });
    }
    const vs = [...variants.values()];
    return { concept: vs.map((v) => v.form).filter((f, k, all) => all.indexOf(f) === k).join(' / '), kind: 'spelling', variants: vs };
  });
  return { entries, alias };
}
