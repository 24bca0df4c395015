import { usableSentences, type PreparedArticle } from './prepare';
import { NOT_DESCRIPTION_START, ROLE_IN, ROLE_MENTION, ROLE_SET, ROLE_TITLES } from './referenceWords';

const flatten = (s: string) => s.replace(/[‐-]/g, ' ').replace(/\s+/g, ' ').trim();

/** Mentions of a person beyond the name: role mentions ("the president") and descriptions standing alone ("the Russian lawyer"). */

/** Marks a bare surname or role mention: shown with its count, but no reason on its own to report a person. */
export const BARE = '\u0000';

export type Forms = Map<string, { count: number; sentences: Set<number> }>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "the Russian lawyer" in an article that never names her, where another article writes
 * "Russian lawyer Natalia Veselnitskaya": the description stands for that person (cross-document
 * coreference of a definite description to the name it is attached to elsewhere). Only a
 * description of two or more words headed by a role noun that one person alone carries, written
 * with a determiner and not followed by a name (that would be a name of its own), in an
 * article that names the person in no other way.
 */
export function addDescriptorMentions(prepared: PreparedArticle[], names: { parts: Set<string> }[], forms: Forms[][]): void {
  const isName = (ri: number, form: string) => form.split(/\s+/).some((w) => names[ri]!.parts.has(w));
  const holders = new Map<string, Set<number>>();
  forms.forEach((f) =>
    f.forEach((m, ri) => {
      for (const form of m.keys()) {
        const words = form.split(/\s+/);
        // A description headed by a role noun ("Russian lawyer", "former British spy"), not a name ("White House").
        if (form.startsWith(BARE) || isName(ri, form) || words.length < 2 || !ROLE_SET.has(words[words.length - 1]!.toLowerCase()))
          continue;
        const key = form.toLowerCase();
        holders.set(key, (holders.get(key) ?? new Set()).add(ri));
      }
    }),
  );
  const unique = [...holders]
    .filter(([, rs]) => rs.size === 1)
    .map(([d, rs]) => ({ d, ri: [...rs][0]!, re: new RegExp(`\\b(?:the|a|an)\\s+${escape(d)}\\b`, 'gi') }));
  if (!unique.length) return;
  prepared.forEach((p, i) => {
    for (const { ri, re } of unique) {
      if (forms[i]![ri]!.size > 0) continue;
      for (const si of usableSentences(p)) {
        const text = p.sentences[si]!.text;
        for (const m of text.matchAll(re)) {
          // (Checked apart: under the case-insensitive flag \p{Lu} would match any letter.)
          if (/^[ \t]+\p{Lu}/u.test(text.slice(m.index + m[0].length))) continue;
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

/**
 * "the president" for the person the articles title "President": counted (as a bare form)
 * for the one referent with that title that the article mentions.
 */
export function addRoleMentions(prepared: PreparedArticle[], all: unknown[], forms: Forms[][]): void {
  const titled = all.map((_, ri) => {
    const titles = new Set<string>();
    for (const f of forms) for (const form of f[ri]!.keys()) for (const t of ROLE_TITLES) if (form.toLowerCase().includes(t)) titles.add(t);
    return titles;
  });
  prepared.forEach((p, i) => {
    const mentions = (ri: number) => [...forms[i]![ri]!.values()].reduce((a, f) => a + f.count, 0);
    for (const si of usableSentences(p)) {
      for (const m of p.sentences[si]!.text.matchAll(ROLE_MENTION)) {
        const role = m[1]!.toLowerCase();
        // Only when one person the article mentions has that title: with President Moon and
        // President Trump both in the text, "the president" could be either.
        const holders = all.map((_, ri) => ri).filter((ri) => titled[ri]!.has(role) && mentions(ri) > 0);
        if (holders.length !== 1) continue;
        const best = holders[0]!;
        const f = forms[i]![best]!.get(`${BARE}the ${role}`) ?? { count: 0, sentences: new Set<number>() };
        f.count++;
        f.sentences.add(si);
        forms[i]![best]!.set(`${BARE}the ${role}`, f);
      }
    }
  });
}

/**
 * A description of one person, as written beside the name: no clause ("who", "said",
 * "if …"), no sentence break, no other person's name inside ("his campaign chairman Paul
 * Manafort and …"), not cut off after an honorific ("lawyer for Mr").
 */
export function isDescription(desc: string, r: { name: string; parts: Set<string> }, all: { name: string }[]): boolean {
  if (/\b(said|says|told|who|which|that|alleges|alleged)\b/.test(desc) || /[.!?]\s|\n/.test(desc) || NOT_DESCRIPTION_START.test(desc))
    return false;
  if (/\b(Mr|Mrs|Ms|Dr)\.?$/.test(desc) || /\b(Mr|Mrs|Ms|Dr)\.?\s+\p{Lu}/u.test(desc)) return false;
  const words = ` ${flatten(desc).replace(/['’]s\b/g, '')} `;
  // The role noun heads the description: "his discussions with his personal lawyer" is about discussions.
  const role = ROLE_IN.exec(desc);
  if (role && /\b(with|of|for|about|to|from|by|on|in|at)\b/.test(desc.slice(0, role.index))) return false;
  // The name again inside its own description ("former campaign chairman Paul Manafort"), or
  // another person described in it ("fired FBI Director James Comey"); an organisation it
  // belongs to is fine ("director of the National Economic Council").
  if ([...r.parts].some((w) => words.includes(` ${w} `))) return false;
  return !all.some(
    (o) =>
      o !== r && new RegExp(`${ROLE_IN.source}\\s+${flatten(o.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(flatten(desc)),
  );
}
