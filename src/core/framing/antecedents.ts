import type { Attribution } from './attribution';

const PRONOUN = /^(he|she|they)$/i;
const STATEMENT = /^(?:the|a|an|its|his|her|their)?\s*(?:official\s+|joint\s+|written\s+)?statement$/i;
// A capitalised name opening a sentence (after an optional lead-in), then a comma or a verb.
const SUBJECT = /^(?:[A-Z][^,"“]{0,40},\s+)?([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3})(?=,|\s+[a-z])/;

/**
 * Who "he", "she" and "they" refer to while reading an article in order: the last person
 * named as a speaker or as the subject of a sentence, the last group for "they" (a
 * recency rule over speakers, far simpler than full coreference resolution).
 */
export class Antecedents {
  private person: Attribution | null = null;
  private group: Attribution | null = null;
  private known: Attribution[] = [];
  /** Who last issued a statement, for "the statement said". */
  private statementBy: { speaker: string; role: string | null } | null = null;

  /**
   * A sentence whose subject is a person already quoted ("Netanyahu, who opposed the deal,
   * spoke in English.") makes that person the one a following "he" refers to.
   */
  noteSubject(sentence: string): void {
    const m = SUBJECT.exec(sentence);
    if (!m) return;
    const last = m[1]!.split(/\s+/).pop()!;
    const match = this.known.findLast((k) => k.speaker.split(/\s+/).pop() === last);
    if (match) this.person = match;
  }

  noteStatement(sentence: string, who: { speaker: string | null; role: string | null }): void {
    if (who.speaker && /\bstatement\b/i.test(sentence) && !STATEMENT.test(who.speaker)) this.statementBy = { speaker: who.speaker, role: who.role };
  }

  resolve(a: Attribution): { speaker: string | null; role: string | null } {
    if (STATEMENT.test(a.speaker) && this.statementBy) return this.statementBy;
    if (!PRONOUN.test(a.speaker)) {
      // "officials", "rights groups": a plural description is what "they" refers back to.
      const words = a.speaker.split(/\s+/);
      const last = words[words.length - 1] ?? '';
      // Documents and institutions speak, but "he" and "she" never refer back to them.
      if (/^(statement|report|reports|memo|letter|complaint|lawsuit|book)$/i.test(last)) return { speaker: a.speaker, role: a.role };
      if (/^(House|Street|Ministry|Department|Committee|Council|Office|Agency|Commission|Party|Government|Administration|Post|Times|News|Press|Journal|Network|Union|Nations|Court|Kremlin|Pentagon)$/.test(last) || /^[A-Z]{2,}$/.test(a.speaker)) {
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
    const ante = /they/i.test(a.speaker) ? this.group : this.person;
    return ante ? { speaker: ante.speaker, role: ante.role } : { speaker: null, role: null };
  }
}
