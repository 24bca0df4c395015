import { SPEECH_VERBS } from './lexicon/speech-verbs';

/**
 * Who said it: regular patterns of news attribution, after Pareti's attribution relations
 * (PARC 3.0, LREC 2016) and the seed patterns of Quootstrap (Pavllo, Piccardi & West,
 * ICWSM 2018): `"…," X said`, `"…," said X`, `X said (that) …`,
 * `X told reporters …`, `according to X`, with an appositive role (`X, a spokesman for Y,
 * said`) and adverbs or time phrases between subject and verb.
 */
export interface Attribution {
  /** The speaker as written (a name, a description such as "a spokesperson", or a pronoun). */
  speaker: string;
  /** An appositive description of the speaker, when the text gives one. */
  role: string | null;
  verb: string;
  /** Offsets of the match within the text searched. */
  start: number;
  end: number;
}

const CAP = String.raw`\p{Lu}[\p{L}\p{M}'’\-]*\.?`;
const PARTICLE = String.raw`(?:von|van|der|den|de|la|le|du|da|bin|ibn|al|el|di|dos)`;
const TITLE = String.raw`(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|Sgt|Capt)\.?`;
const NAME = String.raw`(?:${TITLE}\s+)?${CAP}(?:[ \t]+(?:${PARTICLE}[ \t]+)*${CAP}){0,5}`;
const ROLE = String.raw`(?:spokesm[ae]n|spokeswom[ae]n|spokespe(?:rson|ople)s?|officials?|ministers?|ministry|presidents?|secretary|director|analysts?|experts?|sources?|lawyers?|attorneys?|statement|report|senators?|lawmakers?|leaders?|advis[eo]rs?|aides?|diplomats?|ambassadors?|chief|governor|mayor|professor|researchers?|people|person|residents?|witness(?:es)?|police|prosecutors?|judge|members?|chairman|chairwoman|executive|officers?|representatives?|commissioner|correspondent|reporters?|group|agency|administration|government|department|committee|campaign|observers?|activists?|critics?|supporters?|organi[sz]ers?|historian|scholar|economists?|envoys?|negotiators?|officer|commander|general|candidate|voters?|campaigners?|groups|ministries)`;
const DET = String.raw`(?:the|a|an|one|another|two|three|four|five|several|some|many|other|his|her|their|its)`;
const DESC = String.raw`${DET}\s+(?:[\p{L}\p{M}'’\-]+\s+){0,5}?${ROLE}(?:\s+(?:for|of|from|at|with|in|to|on)\s+(?:[\p{L}\p{M}'’.\-]+\s+){0,4}?[\p{L}\p{M}'’.\-]+)?`;
// Headline style, no determiner: "Chinese foreign ministry spokesman", "White House press secretary".
const BARE_DESC = String.raw`${CAP}(?:[ \t]+[\p{L}\-]+){0,3}?[ \t]+${ROLE}`;
const THE_NAME = String.raw`the\s+${NAME}`;
const PRONOUN = String.raw`(?:he|she|they|He|She|They)`;
export const SPEAKER = String.raw`(?<speaker>${DESC}|${THE_NAME}|${PRONOUN}|${BARE_DESC}|${NAME})`;
const APPOS = String.raw`(?:,\s+(?<role>[^,"“”«»]{2,120}?),)?`;
const BETWEEN = String.raw`(?:\s+(?:\p{L}+ly|on\s+\p{Lu}\p{L}+|in\s+a\s+statement|today|yesterday|has|have|had|also|later|then|again|earlier|once|further|simply|would|will|had\s+earlier|at\s+the\s+time))*`;
const VERB = String.raw`(?<verb>${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')})`;

/** `, Wang told reporters` / ` he added` right after a quote. */
const AFTER_SUBJECT_VERB = new RegExp(String.raw`^\s*[,—–:\-]?\s*${SPEAKER}${APPOS}${BETWEEN}\s+${VERB}\b`, 'u');
/** `, said Mr. Kim` / `, said a spokesman for the ministry`. */
const AFTER_VERB_SUBJECT = new RegExp(String.raw`^\s*[,—–\-]?\s*${VERB}\s+${SPEAKER}${APPOS}(?=\s*(?:[,.;:!?]|$|(?:in|on|at|during|after|to|while|who|when)\b))`, 'u');
const AFTER_ACCORDING = new RegExp(String.raw`^\s*[,—–\-]?\s*according\s+to\s+${SPEAKER}${APPOS}`, 'u');
/** `X said …` anywhere before a quote or clause (the last one wins). */
const SUBJECT_VERB = new RegExp(String.raw`(?<![\p{L}\-])${SPEAKER}${APPOS}${BETWEEN}\s+${VERB}\b`, 'gu');
const ACCORDING = new RegExp(String.raw`\b[Aa]ccording\s+to\s+${SPEAKER}${APPOS}`, 'gu');

// Capitalised words that start sentences or name things that do not speak.
const NOT_SPEAKERS = new Set(
  `The This That These Those But And Or So Yet In At On As If When While After Before Since During Meanwhile However Also Still Then There Here It Its We I You Our My Your A An Some Many Most Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Today Yesterday Last Next Earlier Later Asked Speaking Both Such Other Their His Her Now Even Instead Indeed Although Though Because Despite`.split(' '),
);

export function cleanSpeaker(raw: string): string | null {
  const words = raw.trim().split(/\s+/);
  while (words.length && NOT_SPEAKERS.has(words[0]!)) words.shift();
  if (!words.length) return null;
  const s = words.join(' ').replace(/[,.;:]+$/, '');
  if (/^(it|this|that|there)$/i.test(s)) return null;
  return s;
}

function build(m: RegExpExecArray | RegExpMatchArray, offset = 0): Attribution | null {
  const g = m.groups ?? {};
  const speaker = cleanSpeaker(g.speaker ?? '');
  if (!speaker) return null;
  const start = (m.index ?? 0) + offset;
  return { speaker, role: g.role?.trim() || null, verb: (g.verb ?? 'according to').toLowerCase(), start, end: start + m[0].length };
}

/** Attribution immediately after a closing quote mark. */
export function attributionAfter(text: string): Attribution | null {
  for (const re of [AFTER_SUBJECT_VERB, AFTER_VERB_SUBJECT, AFTER_ACCORDING]) {
    const m = re.exec(text);
    if (m) {
      const a = build(m);
      if (a) return a;
    }
  }
  return null;
}

/** The last attribution in the text before a quote (same sentence). */
export function attributionBefore(text: string): Attribution | null {
  let best: Attribution | null = null;
  for (const re of [SUBJECT_VERB, ACCORDING]) {
    for (const m of text.matchAll(re)) {
      const a = build(m);
      if (a && (!best || a.start > best.start)) best = a;
    }
  }
  return best;
}

// Verbs that introduce reported speech as a clause ("X said (that) …").
const CLAUSE_VERB = String.raw`(?<verb>said|says|say|claim|insist|argue|warn|believe|deny|allege|told\s+[^,.;"“]{1,40}?|added|claimed|claims|insisted|insists|warned|warns|argued|argues|noted|notes|stated|explained|announced|confirmed|admitted|acknowledged|alleged|asserted|contended|maintained|stressed|emphasi[sz]ed|suggested|predicted|denied|believes|believed|wrote|tweeted|reported|reports)`;
const INDIRECT_LEAD = new RegExp(String.raw`^(?:[^,"“]{0,80},\s+)?${SPEAKER}${APPOS}${BETWEEN}\s+${CLAUSE_VERB}\s+(?:on\s+\p{Lu}\p{L}+\s+|today\s+|yesterday\s+|last\s+\p{L}+\s+)?(?:that\s+)?(?<clause>\p{L}.{12,})$`, 'u');
const INDIRECT_TAIL = new RegExp(String.raw`^(?<clause>.{12,}?),\s+(?:${SPEAKER}${APPOS}${BETWEEN}\s+(?<verb>said|says|added|told\s+[^,.;]{1,30}|wrote|tweeted|reported)|according\s+to\s+${SPEAKER.replace('speaker', 'speaker2')})(?:\s+on\s+\p{Lu}\p{L}+|\s+today|\s+yesterday|\s+in\s+a\s+statement)?\s*[.!]?$`, 'u');

/** An indirect quote: a reported clause with its speaker, or null. */
export function indirectQuote(sentence: string): (Attribution & { clause: string }) | null {
  let m = INDIRECT_LEAD.exec(sentence);
  if (m) {
    const a = build(m);
    if (a) return { ...a, verb: a.verb.split(/\s+/)[0]!, clause: m.groups!.clause!.trim() };
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
