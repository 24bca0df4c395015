import { usableSentences, type PreparedArticle } from './prepare';

type Forms = Map<string, { count: number; sentences: Set<number> }>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "the Russian lawyer" in an article that never names her, where another article writes
 * "Russian lawyer Natalia Veselnitskaya": the description stands for that person (cross-document
 * coreference of a definite description to the name it is attached to elsewhere). Only a
 * description of two or more words that one person alone carries in the articles, written
 * with a determiner and not followed by a name (that would be a name of its own), in an
 * article that names the person in no other way.
 */
export function addDescriptorMentions(prepared: PreparedArticle[], names: { parts: Set<string> }[], forms: Forms[][]): void {
  const isName = (ri: number, form: string) => form.split(/\s+/).some((w) => names[ri]!.parts.has(w));
  const holders = new Map<string, Set<number>>();
  forms.forEach((f) =>
    f.forEach((m, ri) => {
      for (const form of m.keys()) {
        if (form.startsWith('\u0000') || isName(ri, form) || form.split(/\s+/).length < 2) continue;
        const key = form.toLowerCase();
        holders.set(key, (holders.get(key) ?? new Set()).add(ri));
      }
    }),
  );
  const unique = [...holders].filter(([, rs]) => rs.size === 1).map(([d, rs]) => ({ d, ri: [...rs][0]!, re: new RegExp(`\\b(?:the|a|an)\\s+${escape(d)}\\b(?![ \\t]+\\p{Lu})`, 'giu') }));
  if (!unique.length) return;
  prepared.forEach((p, i) => {
    for (const { ri, re } of unique) {
      if (forms[i]![ri]!.size > 0) continue;
      for (const si of usableSentences(p)) {
        for (const m of p.sentences[si]!.text.matchAll(re)) {
          const form = m[0];
          const f = forms[i]![ri]!.get(form) ?? { count: 0, sentences: new Set<number>() };
          f.count++;
          f.sentences.add(si);
          forms[i]![ri]!.set(form, f);
        }
      }
    }
  });
}
