import type { NamingEntry } from './types';
import { isStopword } from '../text';
import { usableSentences, type PreparedArticle } from './prepare';
import {
  ROLE_MODIFIER,
  ADJECTIVE_NAMES,
  APPOSITIVE_AFTER,
  APPOSITIVE_BEFORE,
  DATE_WORDS,
  HEADLINE_VERBS,
  EVALUATIVE,
  HONORIFIC,
  NOT_NAMES,
  PLACE_LAST,
  ROLE_IN,
  ROLE_SET,
  TITLE_OF,
} from './referenceWords';
import { splitTitle } from './voices';
import { surnamesOfOthers } from './surnames';
import { addDescriptorMentions, addRoleMentions, BARE, isDescription, type Forms } from './descriptors';

/**
 * How each article refers to the same person: "North Korean dictator Kim Jong-un" against
 * "North Korean leader Kim Jong Un", "Mr. Kim" against "Kim Jong Un", "President Trump"
 * against "Donald Trump". NewsWCL50 (Hamborg et al. 2019) shows these labels are where
 * outlets' word choice differs most for actors.
 */

interface Referent {
  name: string;
  parts: Set<string>;
}

/** Two words belong to one name when only a space, or an initial's period and a space, separate them ("Vladimir V. Putin"). */
const gapJoins = (gap: string, before: string) => gap === ' ' || (gap === '. ' && /^\p{Lu}$/u.test(before));

const INSTITUTION_WORD = /^(House|State|Senate|White|Defen[cs]e|Homeland|Security|Treasury|Commerce|Interior)$/;

const flatten = (s: string) => s.replace(/[‐-]/g, ' ').replace(/\s+/g, ' ').trim();

/** People named in full (two or more capitalised words, no title words) in any article. */
function referents(prepared: PreparedArticle[]): Referent[] {
  const counts = new Map<string, number>();
  for (const p of prepared) {
    const text = p.article.text;
    for (const si of usableSentences(p)) {
      const toks = p.tokens[si]!;
      let run: string[] = [];
      const flush = () => {
        if (run.length >= 2 && run.length <= 6) {
          const { name } = splitTitle(run.join(' '));
          if (name.split(' ').length >= 2) counts.set(name, (counts.get(name) ?? 0) + 1);
        }
        run = [];
      };
      toks.forEach((t, k) => {
        // Function words and sentence openers start no name, but may sit inside one ("Moon Jae In").
        const cap =
          (/^\p{Lu}\p{Ll}/u.test(t.text) || (/^\p{Lu}$/u.test(t.text) && run.length > 0)) &&
          !HONORIFIC.test(t.text) &&
          !HEADLINE_VERBS.has(t.text) &&
          (run.length > 0 || (!isStopword(t.lower) && !NOT_NAMES.has(t.text)));
        const joined = k > 0 && gapJoins(text.slice(toks[k - 1]!.end, t.start), toks[k - 1]!.text);
        // A weekday or month closes a name ("Oval Office Tuesday").
        if (!cap || !joined || DATE_WORDS.has(t.text)) flush();
        if (cap && !DATE_WORDS.has(t.text)) run.push(t.text);
      });
      flush();
    }
  }
  const out: Referent[] = [];
  const byFlat = new Map<string, Referent>();
  for (const [name] of [...counts].sort((a, b) => b[1] - a[1])) {
    // "Vladimir V. Putin" and "Vladimir Putin" are one person: middle initials do not count.
    const key = flatten(name)
      .toLowerCase()
      .split(' ')
      .filter((w, i, all) => i === 0 || i === all.length - 1 || w.replace('.', '').length > 1)
      .join(' ');
    if (byFlat.has(key)) continue;
    const words = name.split(' ');
    // Places and buildings ("Trump Tower") and runs of party adjectives are not people.
    if (PLACE_LAST.has(words[words.length - 1]!) || words.every((w) => ADJECTIVE_NAMES.has(w))) continue;
    const flat = flatten(name).split(' ');
    const parts = [words[0]!, words[words.length - 1]!, flat[0]!, flat[flat.length - 1]!].filter((w) => /^\p{Lu}/u.test(w));
    const r = { name, parts: new Set(parts) };
    byFlat.set(key, r);
    out.push(r);
  }
  return out;
}

/** The forms one article uses for each referent, counted, in one pass over its tokens. */
function formsIn(p: PreparedArticle, all: Referent[], apart: Set<number>): Forms[] {
  const byPart = new Map<string, number[]>();
  all.forEach((r, i) => {
    for (const part of r.parts) byPart.set(part, [...(byPart.get(part) ?? []), i]);
  });
  const out: Forms[] = all.map(() => new Map());
  const add = (ri: number, form: string, si: number) => {
    const f = out[ri]!.get(form) ?? { count: 0, sentences: new Set<number>() };
    f.count++;
    f.sentences.add(si);
    out[ri]!.set(form, f);
  };
  const text = p.article.text;
  for (const si of usableSentences(p)) {
    const toks = p.tokens[si]!;
    const adjacent = (i: number, j: number) => gapJoins(text.slice(toks[i]!.end, toks[j]!.start), toks[i]!.text);
    const done = new Set<string>();
    for (let k = 0; k < toks.length; k++) {
      const hits = byPart.get(toks[k]!.text) ?? byPart.get(flatten(toks[k]!.text).split(' ')[0]!);
      if (!hits) continue;
      // The name as written here: extend over adjacent capitalised words.
      let a = k;
      let b = k;
      while (b + 1 < toks.length && /^\p{Lu}/u.test(toks[b + 1]!.text) && adjacent(b, b + 1) && !DATE_WORDS.has(toks[b + 1]!.text)) b++;
      while (
        a > 0 &&
        /^\p{Lu}/u.test(toks[a - 1]!.text) &&
        adjacent(a - 1, a) &&
        !HONORIFIC.test(toks[a - 1]!.text) &&
        !NOT_NAMES.has(toks[a - 1]!.text) &&
        !isStopword(toks[a - 1]!.lower)
      )
        a--;
      // "Secretary of State Mike Pompeo": a title may hold "of".
      while (
        a > 1 &&
        toks[a - 1]!.lower === 'of' &&
        /^\p{Lu}/u.test(toks[a - 2]!.text) &&
        TITLE_OF.has(toks[a - 2]!.lower) &&
        adjacent(a - 1, a) &&
        adjacent(a - 2, a - 1)
      ) {
        a -= 2;
        while (
          a > 0 &&
          /^\p{Lu}/u.test(toks[a - 1]!.text) &&
          adjacent(a - 1, a) &&
          !HONORIFIC.test(toks[a - 1]!.text) &&
          !NOT_NAMES.has(toks[a - 1]!.text) &&
          !isStopword(toks[a - 1]!.lower)
        )
          a--;
      }
      // A sentence-opening participle is no title ("Hosting President Emmanuel Macron").
      if (a === 0 && a < k && /^\p{Lu}\p{Ll}+ing$/u.test(toks[0]!.text)) a = 1;
      const run = text.slice(toks[a]!.start, toks[b]!.end);
      const { name, title } = splitTitle(run);
      const nameWords = flatten(name).split(' ');
      // A lone surname goes to the most mentioned person who has it ("Trump" is Donald Trump,
      // not Trump Tower).
      for (const ri of nameWords.length >= 2 ? hits : hits.slice(0, 1)) {
        // Each written name counts once per referent, whichever of its words found it.
        if (done.has(`${a}:${ri}`) || (nameWords.length === 1 && apart.has(ri))) continue;
        done.add(`${a}:${ri}`);
        const r = all[ri]!;
        if (!nameWords.some((w) => r.parts.has(w))) continue;
        // A different person with the same surname ("Kim Jong Un" / "Kim Darroch") is not this one.
        const rWords = flatten(r.name).split(' ');
        const core = (ws: string[]) =>
          ws
            .filter((w, i) => i === 0 || i === ws.length - 1 || w.replace('.', '').length > 1)
            .join(' ')
            .toLowerCase();
        if (nameWords.length >= 2 && core(nameWords) !== core(rWords)) continue;
        if (nameWords.length === 1 && !title && !(a > 0 && HONORIFIC.test(toks[a - 1]!.text))) add(ri, `${BARE}${name}`, si);
        const honorific = a > 0 && HONORIFIC.test(toks[a - 1]!.text) && /^\.?[ \t]$/.test(text.slice(toks[a - 1]!.end, toks[a]!.start));
        if (honorific)
          add(ri, `${text.slice(toks[a - 1]!.start, toks[a - 1]!.end + (text[toks[a - 1]!.end] === '.' ? 1 : 0))} ${name}`, si);
        // "the House Nancy Pelosi", "Defense James Mattis" (of "Speaker of the House", "Secretary of
        // Defense"): a word of an institution is no title of the person's.
        else if (title && !title.includes(' ') && !INSTITUTION_WORD.test(title)) add(ri, run, si);
        else {
          // "Japanese Prime Minister Shinzo Abe": the title is a description of its own.
          if (title && !INSTITUTION_WORD.test(title)) add(ri, title, si);
          if (name.includes(' ')) add(ri, name, si);
        }
        for (const m of [
          APPOSITIVE_AFTER.exec(text.slice(toks[b]!.end, toks[b]!.end + 90)),
          APPOSITIVE_BEFORE.exec(text.slice(Math.max(0, toks[a]!.start - 90), toks[a]!.start)),
        ]) {
          const desc = m?.[1]?.trim();
          if (desc && /^\p{Ll}|^\p{Lu}\p{Ll}+['’]s\s/u.test(desc) && ROLE_IN.test(desc) && isDescription(desc, r, all)) add(ri, desc, si);
        }
        // A description right before the name: up to three capitalised modifiers and a role noun.
        const d = a - 1;
        if (d >= 0 && ROLE_SET.has(toks[d]!.lower) && adjacent(d, a)) {
          let s0 = d;
          // Dotted initials are one word ("F.B.I. director"), so they are taken whole.
          const joins = (x: number) =>
            adjacent(x, x + 1) || (/^\p{Lu}$/u.test(toks[x]!.text) && text.slice(toks[x]!.end, toks[x + 1]!.start) === '.');
          while (
            s0 > 0 &&
            s0 > d - 4 &&
            (/^(\p{Lu}|[\p{Ll}]+-)/u.test(toks[s0 - 1]!.text) || ROLE_MODIFIER.test(toks[s0 - 1]!.text)) &&
            joins(s0 - 1) &&
            !/^(The|A|An)$/.test(toks[s0 - 1]!.text)
          )
            s0--;
          while (s0 > 0 && /^\p{Lu}$/u.test(toks[s0 - 1]!.text) && text.slice(toks[s0 - 1]!.end, toks[s0]!.start) === '.') s0--;
          // A lone generic role ("chief", "director") says little; an evaluative one says a lot.
          if (s0 < d || EVALUATIVE.has(toks[d]!.lower)) add(ri, text.slice(toks[s0]!.start, toks[d]!.end), si);
        }
      }
    }
  }
  return out;
}

/** One entry per person the articles refer to differently (titles, honorifics, descriptions). */
export function referenceVariants(prepared: PreparedArticle[]): NamingEntry[] {
  if (prepared.length < 2) return [];
  const out: NamingEntry[] = [];
  const all = referents(prepared);
  const apart = surnamesOfOthers(
    prepared.map((p) => p.article.text),
    all,
  );
  const forms = prepared.map((p) => formsIn(p, all, apart));
  addRoleMentions(prepared, all, forms);
  addDescriptorMentions(prepared, all, forms);
  all.forEach((r, ri) => {
    const perArticle = forms.map((f) => f[ri]!);
    // What an article calls the person: its names and descriptions, or, when it never names
    // them, its role mentions ("the Queen" where another writes "Queen Elizabeth II").
    const own = (m: Forms) => {
      const named = [...m.keys()].filter((k) => !k.startsWith(BARE));
      return named.length ? named : [...m.keys()].filter((k) => k.startsWith(`${BARE}the `));
    };
    const used = perArticle.filter((m) => own(m).length > 0);
    if (used.length < 2 || !used.some((m) => [...m.keys()].some((k) => !k.startsWith(BARE)))) return;
    const sets = used.map((m) => new Set(own(m)));
    const differ = sets.some((a) => sets.some((b) => [...a].some((f) => !b.has(f))));
    if (!differ) return;
    const variants: NamingEntry['variants'] = [];
    perArticle.forEach((m, i) => {
      for (const [form, f] of [...m].sort((x, y) => y[1].count - x[1].count)) {
        variants.push({
          article: prepared[i]!.id,
          form: form.replace(BARE, ''),
          count: f.count,
          sentences: [...f.sentences].sort((a, b) => a - b),
        });
      }
    });
    out.push({ concept: r.name, kind: 'reference', variants });
  });
  return out;
}
