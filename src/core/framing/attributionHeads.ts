import { APPOS, build, CAP_WORD, cleanSpeaker, HAS_VERB, SPEAKER, type Attribution } from './attribution';
import { isStopword } from '../text';
import { SPEECH_VERBS } from './lexicon/speechVerbs';

const NOT_NAMES = new Set([
  'More',
  'Most',
  'Many',
  'Much',
  'Some',
  'Such',
  'Others',
  'Given',
  'Consider',
  'Here',
  'There',
  'Now',
  'Still',
  'Yet',
  'Even',
  'Only',
]);

/**
 * Attribution forms beside the common ones in attribution.ts: the speaker's name before a
 * prepositional description ("Deborah Davis of Hartford told"), the verb before its subject
 * in a parenthesis (`The bill, writes the New Haven Register, "…"`) and a quote the
 * sentence's subject introduces with a colon (`Mr. Trump drew a red line: "…"`).
 */
const VERB = String.raw`(?<verb>${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')})`;

// "Ebong Udoma of NPR member station WSHU in Fairfield, Conn.,": the person before "of" speaks, not the place.
const OF_HEAD = new RegExp(
  String.raw`(?<name>${CAP_WORD}(?:[ \t]+${CAP_WORD}){1,2})[ \t]+(?:of|from)[ \t]+(?<desc>[^,.;:"“”()]{0,60}?)[ \t]*$`,
);
const HEAD_TITLE =
  /^(?:Secretary|Minister|President|Director|Chairman|Chairwoman|Head|Governor|Mayor|Chief|Leader|Member|Speaker|Department|Ministry|Office|House|Senate|Council|Committee|University|Bank|Institute)$/;

/** A one-word place or organisation as the speaker after "Name of …": the name is who speaks. */
export function withPersonBeforeOf(text: string, a: Attribution): Attribution {
  if (a.speaker.includes(' ') || !/^\p{Lu}/u.test(a.speaker)) return a;
  const m = OF_HEAD.exec(text.slice(0, a.start));
  if (!m) return a;
  const name = m.groups!.name!;
  if (name.split(/\s+/).some((w) => HEAD_TITLE.test(w))) return a;
  const desc = `${text.slice(m.index + name.length, a.start).trim()} ${a.speaker}`;
  return { ...a, speaker: name, role: a.role ? `${desc}, ${a.role}` : desc, start: m.index };
}

const INVERTED = new RegExp(String.raw`,\s+${VERB}\s+${SPEAKER}${APPOS}\s*,?\s*$`);

/** `The "historic" bill, writes the New Haven Register, "…"`: a reporting verb before its subject, just before the quote. */
export function invertedBefore(text: string): Attribution | null {
  if (!HAS_VERB.test(text.slice(-160))) return null;
  const m = INVERTED.exec(text);
  return m ? build(m, 0) : null;
}

// A sentence opening with a name ("Mr. Trump", "Trump also took credit for …", "The president")
// then a verb: its subject introduces the quote after the colon.
const COLON_SUBJECT = new RegExp(
  String.raw`^(?:(?:But|And|Then|Later|Still|Yet)\s+)?(?<speaker>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?${CAP_WORD}(?:[ \t]+${CAP_WORD}){0,3}|[Tt]he\s+(?:president|prime\s+minister|minister|governor|senator|mayor|chancellor|secretary))(?=\s+(?:also\s+|then\s+|later\s+)?[a-z])`,
);

/** `Mr. Trump drew a red line: "…"`: no reporting verb, but the subject says what follows the colon. */
export function colonSubject(sentenceBeforeQuote: string): Attribution | null {
  const t = sentenceBeforeQuote.replace(/\s+$/, '');
  if (!t.endsWith(':') || /"|“|”/.test(t)) return null;
  const m = COLON_SUBJECT.exec(t);
  if (!m) return null;
  // "And I’ll say it again:" is the writer's voice, no one named.
  const speaker = cleanSpeaker(m.groups!.speaker!);
  if (!speaker || /['’](?:s|ll|m|re|ve|d)$/.test(speaker) || /^(?:I|We|You)$/.test(speaker)) return null;
  // "Given the events …:", "More than anything, …:": a capitalised opening word is not a name.
  if (!speaker.includes(' ') && (isStopword(speaker.toLowerCase()) || /(?:ing|ed|ly)$/.test(speaker) || NOT_NAMES.has(speaker)))
    return null;
  if (/^(The|This|That|It|There|Here|In|On|At|As)$/.test(speaker.split(/\s+/)[0]!) && !/^the\s/i.test(speaker)) return null;
  return { speaker, role: null, verb: '', start: m.index, end: m.index + speaker.length };
}

export const OPENER = /^(?:Like|Unlike|To|For|Soon|From|With|Without|Than|Speaking)\s+(?=\p{Lu})/u;
const PERSON = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u;

/**
 * The speaker and role as a reader should see them: no sentence opener before the name
 * ("To Sherrilyn Ifill", "Like Cohn"), no "Jr." tail, a pronoun caught as the role is the
 * speaker ("the Voting Rights Act," he said), a clause of speech or a participle is no role
 * ("who said the measure …", "citing Haley's disclosures"; "who was an adviser" keeps "an
 * adviser", "who placed second" stays), and a name in the role is the speaker ("That council
 * member, Ernest Montgomery, says").
 */
export function tidyAttribution<T extends Attribution>(a: T): T {
  let speaker = a.speaker.replace(OPENER, '').replace(/,?\s+(?:Jr|Sr)\.?$/, '');
  let role = a.role?.trim() || null;
  if (role && /^(?:he|she|they)$/i.test(role)) [speaker, role] = [role.toLowerCase(), null];
  if (role) role = role.replace(/^(?:who|which)\s+(?:is|was|has been|had been|serves as|served as)\s+(?=(?:a|an|the)\s)/i, '');
  // A clause of speech or a participle is no description of the speaker ("who said …", "whom he", "citing …").
  if (
    role &&
    /^(?:(?:who|whom|which|that)\s+(?:\p{Ll}+\s+)?(?:said|says|told|tells|added|he|she|they)\b|(?:whom|which|that|he|she|they|it|according)\b|\p{Ll}+ing\b)/iu.test(
      role,
    )
  )
    role = null;
  if (role && PERSON.test(role) && /^\p{Ll}/u.test(speaker.replace(/^(?:the|a|an)\s+/i, ''))) [speaker, role] = [role, speaker];
  return speaker === a.speaker && role === a.role ? a : { ...a, speaker, role };
}
