import { tokenize } from '../text';
import { lemma } from './inflection';
import { LOADED_LABELS } from './labels';
import { EVALUATIVE, HONORIFIC } from './referenceWords';
import type { NamingEntry } from './types';

const round = (x: number) => Math.round(100 * Math.min(1, Math.max(0, x))) / 100;

/** A descriptor that judges ("tycoon", "dictator", "regime"): an evaluative role noun or a loaded label. */
function evaluative(form: string): boolean {
  const words = tokenize(form).map((t) => lemma(t.lower));
  return words.some((w) => EVALUATIVE.has(w) || LOADED_LABELS.has(w));
}

const honorific = (form: string) => HONORIFIC.test(form.split(/\s+/)[0] ?? '');

/**
 * References: the forms only some of the articles use that say something (an honorific,
 * "Mr. Trump", only one outlet writes; a judging descriptor, "the tycoon", only one side
 * uses) are marked noteworthy and put first; the entry's strength follows from them and
 * from how often the person is named.
 */
function rankReference(n: NamingEntry): NamingEntry {
  const articles = new Set(n.variants.map((v) => v.article));
  const usedBy = (test: (f: string) => boolean) => new Set(n.variants.filter((v) => test(v.form)).map((v) => v.article));
  const byHonorific = usedBy(honorific);
  const byEvaluative = usedBy(evaluative);
  // Noteworthy when at most half the articles write it so: one outlet's "Mr. Trump", not four of five.
  const few = (by: Set<string>) => by.size > 0 && by.size * 2 <= articles.size;
  const notable = (f: string) => (honorific(f) && few(byHonorific)) || (evaluative(f) && few(byEvaluative));
  const variants = n.variants.map((v) => (notable(v.form) ? { ...v, noteworthy: true } : v));
  variants.sort((a, b) => Number(!!b.noteworthy) - Number(!!a.noteworthy));
  const total = n.variants.reduce((a, v) => a + v.count, 0);
  const hasEvaluative = few(byEvaluative);
  const hasHonorific = few(byHonorific);
  return { ...n, variants, strength: round(0.15 + 0.05 * Math.log2(1 + total) + (hasHonorific ? 0.1 : 0) + (hasEvaluative ? 0.4 : 0)) };
}

/**
 * Forms that differ only in case, a leading article or an honorific's full stop ("Prime
 * Minister" / "the prime minister", "Mr. Flynn" / "Mr Flynn") are one form, written as most uses
 * write it, counted together per article.
 */
function oneSpelling(n: NamingEntry): NamingEntry {
  const key = (f: string) =>
    f
      .toLowerCase()
      .replace(/^(the|a|an)\s+/, '')
      .replace(/^(mr|mrs|ms|dr)\.?\s/, '$1 ');
  const uses = new Map<string, Map<string, number>>();
  for (const v of n.variants) {
    const m = uses.get(key(v.form)) ?? new Map<string, number>();
    uses.set(key(v.form), m.set(v.form, (m.get(v.form) ?? 0) + v.count));
  }
  const shown = (f: string) => [...uses.get(key(f))!].sort((a, b) => b[1] - a[1])[0]![0];
  const merged = new Map<string, NamingEntry['variants'][number]>();
  for (const v of n.variants) {
    const k = `${v.article}\u0000${key(v.form)}`;
    const m = merged.get(k);
    if (!m) merged.set(k, { ...v, form: shown(v.form) });
    else
      merged.set(k, {
        ...m,
        count: m.count + v.count,
        ...(m.sentences || v.sentences
          ? { sentences: [...new Set([...(m.sentences ?? []), ...(v.sentences ?? [])])].sort((a, b) => a - b) }
          : {}),
      });
  }
  return { ...n, variants: [...merged.values()] };
}

/**
 * Gives every naming entry a strength (0..1, the evidence for a difference that carries
 * meaning) and sorts the section by it, strongest first; entries of equal strength keep
 * their order. Labels and swaps arrive with theirs; spellings weigh their uses.
 */
export function rankNaming(entries: NamingEntry[]): NamingEntry[] {
  const ranked = entries
    .map(oneSpelling)
    .filter((n) => new Set(n.variants.map((v) => v.form)).size > 1)
    .map((n) => {
      if (n.kind === 'reference') return rankReference(n);
      if (n.strength !== undefined) return n;
      const evidence = n.variants.reduce((a, v) => a + Math.log2(1 + v.count), 0);
      return { ...n, strength: round((0.9 * evidence) / (evidence + 2)) };
    });
  return ranked
    .map((n, i) => ({ n, i }))
    .sort((a, b) => b.n.strength! - a.n.strength! || a.i - b.i)
    .map((x) => x.n);
}
