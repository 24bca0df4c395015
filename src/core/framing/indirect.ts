import { APPOS, BETWEEN, build, cleanSpeaker, HAS_VERB, LL, LU, SPEAKER, type Attribution } from './attribution';

/**
 * Indirect quotes: a reported clause and who it is credited to, "X said (that) …",
 * "X told reporters …", "…, X said." and "…, according to X." (the reported-speech
 * frames of Pareti's PARC 3.0 annotation, LREC 2016).
 */
// Verbs that introduce reported speech as a clause ("X said (that) …").
const CLAUSE_VERB = String.raw`(?<verb>said|says|say|claim|insist|argue|warn|believe|deny|allege|told\s+[^,.;"“]{1,40}?|added|claimed|claims|insisted|insists|warned|warns|argued|argues|noted|notes|stated|explained|announced|confirmed|admitted|acknowledged|alleged|asserted|contended|maintained|stressed|emphasi[sz]ed|suggested|predicted|denied|believes|believed|wrote|tweeted|reported|reports)`;
// The subject may follow a lead-in ("At a briefing today, ", "Left-wing commentator "), which
// must end in a lower-case word or punctuation so the subject is never cut mid-name; a
// subject opening the sentence is preferred to a name inside its appositives.
const INDIRECT_LEAD = new RegExp(
  String.raw`^(?:[^"“]{0,80}?(?<![${LU}${LL}0-9])(?:[${LL}0-9][^\s"“]*|[^\s"“]*[,;:]|[—–])\s+)??${SPEAKER}${APPOS}${BETWEEN}\s+${CLAUSE_VERB}\s+(?:on\s+[${LU}][${LU}${LL}]+\s+|today\s+|yesterday\s+|last\s+[${LL}]+\s+)?(?:that\s+)?(?<clause>[${LU}${LL}].{12,})$`,
);
const INDIRECT_TAIL = new RegExp(
  String.raw`^(?<clause>.{12,}?),\s+(?:${SPEAKER}${APPOS}${BETWEEN}\s+(?<verb>said|says|added|told\s+[^,.;]{1,30}|wrote|tweeted|reported)|according\s+to\s+${SPEAKER.replace('speaker', 'speaker2')})(?:\s+on\s+[${LU}][${LU}${LL}]+|\s+today|\s+yesterday|\s+in\s+a\s+statement)?\s*[.!]?$`,
);

/** An indirect quote: a reported clause with its speaker, or null. */
export function indirectQuote(sentence: string): (Attribution & { clause: string }) | null {
  if (!HAS_VERB.test(sentence)) return null;
  let m = INDIRECT_LEAD.exec(sentence);
  if (m) {
    const a = build(m);
    if (a)
      return {
        ...namedBeforeDescription(sentence, m.groups!.speaker!, a),
        verb: a.verb.split(/\s+/)[0]!,
        clause: m.groups!.clause!.trim(),
      };
  }
  m = INDIRECT_TAIL.exec(sentence);
  if (m) {
    const g = m.groups!;
    const speaker = cleanSpeaker(g.speaker ?? g.speaker2 ?? '');
    if (speaker) {
      const verb = g.verb ? g.verb.split(/\s+/)[0]!.toLowerCase() : 'according to';
      return { speaker, role: g.role?.trim() || null, verb, start: 0, end: sentence.length, clause: g.clause!.trim() };
    }
  }
  return null;
}

const NAME_THEN_COMMA = /(?:^|\s)((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*),\s+$/u;

/**
 * "Stephen Yale-Loehr, a professor of immigration law at Cornell University said …": an
 * appositive without its closing comma leaves the description as the subject; the name
 * before it speaks, and the description is its role.
 */
function namedBeforeDescription(sentence: string, raw: string, a: Attribution): Attribution {
  if (!/^\p{Ll}/u.test(a.speaker) || /^(?:he|she|they)$/i.test(a.speaker)) return a;
  const m = NAME_THEN_COMMA.exec(sentence.slice(0, sentence.indexOf(raw)));
  const name = m ? cleanSpeaker(m[1]!) : null;
  return name && !/^(?:he|she|they)$/i.test(name) ? { ...a, speaker: name, role: a.role ?? a.speaker } : a;
}
