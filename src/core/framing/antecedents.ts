import type { Attribution } from './attribution';
import { OPENER } from './attributionHeads';
import placesData from './lexicon/places.json';

const PRONOUN = /^(he|she|they)$/i;
const STATEMENT = /^(?:the|a|an|its|his|her|their)?\s*(?:official\s+|joint\s+|written\s+)?statement$/i;
// A capitalised name opening a sentence (after an optional lead-in), then a comma or a verb.
const SUBJECT = /^(?:[A-Z][^,"“]{0,40},\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3})(?=,|\s+[a-z])/;
// A person introduced by full name and a description ("Heather Cronk, co-director of …, traveled"):
// the one a later "she" may refer to though not yet quoted.
const INTRODUCED = /^([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}),\s+(?:[a-z]|(?:a|an|the)\s|\d)/;
const FULL_NAMES = /^[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+$/;
// A run of capitalised words; its last two are the name ("Prime Minister Theresa May").
const FULL_NAMES_G = /[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+/g;
const NOT_PERSON =
  /^(The|A|An|This|That|In|On|At|For|But|And|When|After|Before|If)\s|\s(States|Kingdom|Union|House|Department|Ministry|Office|Protection|Enforcement|Security|Council|Committee|Party|Court|University|College|Institute|Foundation|Center|Centre|Times|Post|News|Journal|Street|Avenue|Review|Magazine|Association|Agency|Bank|Fund|Group|Company|Corporation|Room|Hall|Garden|Lawn|Wing|Palace|Tower|Building)$/;
// Capitalised words that do not belong in a person's name ("What the Internet Is Hiding").
const NOT_NAME_WORD =
  /^(Is|Are|Was|Were|Be|Of|The|What|How|Why|Who|Where|From|To|And|Or|In|On|At|For|With|A|An|It|We|I|You|My|Our|His|Her|Their|This|That|These|Those|Mr|Mrs|Ms|Dr)$/;
// Countries, capitals and their governments speak ("North Korea accused …") but "he" and "she" never refer back to them.
const PLACES = new Set(placesData.places.flatMap((p) => p.forms.map((f) => f.toLowerCase().replace(/^the\s+/, ''))));
/** People named in a sentence as such: full names not used as a modifier ("the Trump victory"), or a known surname. */
const MENTION = /(?<![\w'’-])(?<!\bthe\s)[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+){0,2}(?![A-Za-z])/g;

/**
 * Who "he", "she" and "they" refer to while reading an article in order: the last person
 * named as a speaker or as the subject of a sentence, the last group for "they" (a
 * recency rule over speakers, far simpler than full coreference resolution).
 */
export class Antecedents {
  private person: Attribution | null = null;
  private group: Attribution | null = null;
  private known: Attribution[] = [];
  /** Full names seen so far, by surname. */
  private fullNames = new Map<string, string>();
  /** The pronoun a person was last referred to with: "she" does not go back to a "he". */
  private gender = new Map<string, 'he' | 'she'>();
  /** Who last issued a statement, for "the statement said". */
  private statementBy: { speaker: string; role: string | null } | null = null;
  /** The last person named in an earlier sentence, and the one named in the sentence being read. */
  private mentioned: string | null = null;
  private pending: string | null = null;

  /**
   * A sentence whose subject is a person already quoted ("Netanyahu, who opposed the deal,
   * spoke in English.") makes that person the one a following "he" refers to.
   */
  noteSubject(sentence: string): void {
    if (this.pending) this.mentioned = this.pending;
    this.pending = this.lastPerson(sentence);
    const m = SUBJECT.exec(sentence);
    const full = m && FULL_NAMES.exec(m[1]!) ? null : m && this.fullNames.get(m[1]!);
    for (const n of sentence.matchAll(FULL_NAMES_G)) {
      const words = n[0].split(/\s+/);
      this.fullNames.set(words[words.length - 1]!, words.slice(-2).join(' '));
    }
    if (!m) return;
    // "Like Cohn, he …", "To Sherrilyn Ifill, …": the opener is no part of the name.
    m[1] = m[1]!.replace(OPENER, '');
    const last = m[1]!.split(/\s+/).pop()!;
    const match = this.known.findLast((k) => k.speaker.split(/\s+/).pop() === last);
    if (match) this.person = match;
    // A surname alone ("May was similarly glowing") is the person named in full before ("Theresa May").
    else if (full) this.person = { speaker: full, role: null, verb: '', start: 0, end: 0 };
    else {
      const intro = INTRODUCED.exec(sentence);
      if (intro && !NOT_PERSON.test(intro[1]!) && !/^(?:Like|Unlike)\s/.test(intro[1]!))
        this.person = { speaker: intro[1]!.replace(OPENER, ''), role: null, verb: '', start: 0, end: 0 };
    }
  }

  /** The last person a sentence names: a full name (first names count only once named in full) or a surname named in full before. */
  private lastPerson(sentence: string): string | null {
    let last: string | null = null;
    for (const n of sentence.matchAll(MENTION)) {
      const name = n[0].replace(/['’]s$/, '').replace(/\s+(?:Jr|Sr)$/, '');
      const words = name.split(/\s+/);
      if (words.some((w) => NOT_NAME_WORD.test(w)) || NOT_PERSON.test(name) || PLACES.has(name.toLowerCase())) continue;
      if (words.length >= 2) last = name;
      else if (this.fullNames.has(name)) last = this.fullNames.get(name)!;
    }
    return last;
  }

  noteStatement(sentence: string, who: { speaker: string | null; role: string | null }): void {
    if (who.speaker && /\bstatement\b/i.test(sentence) && !STATEMENT.test(who.speaker))
      this.statementBy = { speaker: who.speaker, role: who.role };
  }

  resolve(a: Attribution): { speaker: string | null; role: string | null } {
    if (STATEMENT.test(a.speaker) && this.statementBy) return this.statementBy;
    if (!PRONOUN.test(a.speaker)) {
      // "officials", "rights groups": a plural description is what "they" refers back to.
      const words = a.speaker.split(/\s+/);
      const last = words[words.length - 1] ?? '';
      // Documents and institutions speak, but "he" and "she" never refer back to them.
      if (/^(statement|report|reports|memo|letter|complaint|lawsuit|book)$/i.test(last)) return { speaker: a.speaker, role: a.role };
      if (
        PLACES.has(a.speaker.toLowerCase().replace(/^the\s+/, '')) ||
        /^(House|Street|Ministry|Department|Committee|Council|Office|Agency|Commission|Party|Government|Administration|Post|Times|News|Press|Journal|Network|Union|Nations|Court|Kremlin|Pentagon)$/.test(
          last,
        ) ||
        /^[A-Z]{2,}$/.test(a.speaker)
      ) {
        this.group = a;
        return { speaker: a.speaker, role: a.role };
      }
      const plural = /^\p{Ll}+s$/u.test(last) || (words.length === 1 && /(ers|ists|ians|ants|ents|ats|ans)$/.test(last));
      if (plural || /^(people|police|government|administration|ministry)$/.test(last)) this.group = a;
      else {
        this.person = a;
        this.known.push(a);
      }
      return { speaker: a.speaker, role: a.role };
    }
    if (/they/i.test(a.speaker)) return this.group ? { speaker: this.group.speaker, role: this.group.role } : { speaker: null, role: null };
    const pronoun = a.speaker.toLowerCase() as 'he' | 'she';
    let ante = this.person;
    // A "she" after a "he" for the last person named goes back to the last person not so referred to.
    if (ante && (this.gender.get(ante.speaker) ?? pronoun) !== pronoun)
      ante = this.known.findLast((k) => (this.gender.get(k.speaker) ?? pronoun) === pronoun) ?? null;
    // No speaker yet to refer back to: the person the previous sentences named last, as "he" or "she".
    if (!ante && this.mentioned && (this.gender.get(this.mentioned) ?? pronoun) === pronoun) {
      ante = { speaker: this.mentioned, role: null, verb: '', start: 0, end: 0 };
      this.person = ante;
      this.known.push(ante);
    }
    if (!ante) return { speaker: null, role: null };
    this.gender.set(ante.speaker, pronoun);
    return { speaker: ante.speaker, role: ante.role };
  }
}
