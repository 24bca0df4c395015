import { SPEECH_VERBS } from './lexicon/speechVerbs';

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

// Latin-script letter classes rather than Unicode properties: without the 'u' flag these
// large patterns compile several times faster on a cold engine (the service worker), and
// English-language news writes names in Latin script.
export const LU = String.raw`A-ZÀ-ÖØ-ÞĀ-ſ`;
export const LL = String.raw`a-zß-öø-ÿĀ-ſ`;
const CAP = String.raw`[${LU}][${LU}${LL}'’\-]*\.?`;
export const CAP_WORD = CAP;
const PARTICLE = String.raw`(?:von|van|der|den|de|la|le|du|da|bin|ibn|al|el|di|dos)`;
const TITLE = String.raw`(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|Sgt|Capt)\.?`;
const NAME = String.raw`(?:${TITLE}\s+)?${CAP}(?:[ \t]+(?:${PARTICLE}[ \t]+)*${CAP}){0,5}`;
const ROLE = String.raw`(?:spokesm[ae]n|spokeswom[ae]n|spokespe(?:rson|ople)s?|officials?|ministers?|ministry|presidents?|secretary|director|analysts?|experts?|sources?|lawyers?|attorneys?|counsel|statement|report|senators?|lawmakers?|leaders?|advis[eo]rs?|aides?|diplomats?|ambassadors?|chief|governor|mayor|professor|researchers?|people|person|residents?|witness(?:es)?|police|prosecutors?|judge|members?|chairman|chairwoman|executive|officers?|representatives?|commissioner|correspondent|reporters?|group|agency|administration|government|department|committee|campaign|observers?|activists?|critics?|supporters?|organi[sz]ers?|historian|scholar|economists?|envoys?|negotiators?|officer|commander|general|candidate|voters?|campaigners?|groups|ministries)`;
const DET = String.raw`(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)`;
const DESC = String.raw`${DET}\s+(?:(?!(?:as|and|or|but|that|to|of|in|on|at|for|by|is|was|are)\s)[${LU}${LL}0-9'’\-]+\s+){0,5}?${ROLE}(?:\s+(?:for|of|from|at|with|in|to|on)\s+(?:[${LU}${LL}'’.\-]+\s+){0,4}?[${LU}${LL}'’.\-]+)?`;
// Headline style, no determiner: "Chinese foreign ministry spokesman", "White House press secretary".
// A modifier in a bare role is not a verb: no past tense or third-person -s, no function word.
// (A short check instead of the whole verb list keeps the pattern cheap to compile.)
const NOT_MODIFIER = String.raw`(?![a-z]+(?:ed|s)\b|(?:told|wrote|said|the|a|an|and|or|that|of|to|in|on|for|with|by|as)\b)`;
const BARE_DESC = String.raw`${CAP}(?:[ \t]+${NOT_MODIFIER}[${LU}${LL}\-]+){0,3}?[ \t]+${ROLE}`;
const THE_NAME = String.raw`the\s+${NAME}`;
const PRONOUN = String.raw`(?:he|she|they|He|She|They)`;
// An address standing for its office ("10 Downing Street said", "1600 Pennsylvania Avenue").
const ADDRESS = String.raw`\d{1,4}[ \t]+${CAP}[ \t]+(?:Street|Avenue|Road)`;
export const SPEAKER = String.raw`(?<speaker>${DESC}|${THE_NAME}|${PRONOUN}|${ADDRESS}|${BARE_DESC}|${NAME})`;
// Up to two appositives ("Alex Mensing, project coordinator for Pueblo Sin Fronteras, a
// transnational group that organized the caravan, told"): the name before them speaks.
export const APPOS = String.raw`(?:,\s+(?<role>[^,"“”«»]{2,120}?)(?:,\s+(?!and\s|or\s)[^,"“”«»]{2,120}?)?,)?`;
export const BETWEEN = String.raw`(?:\s+(?:[${LL}]+ly|(?:(?:late|early|on)\s+)?[${LU}][${LU}${LL}]+day(?:\s+(?:night|morning|afternoon|evening))?|on\s+[${LU}][${LU}${LL}]+|in\s+a\s+statement|today|yesterday|has|have|had|also|later|then|again|earlier|once|further|simply|would|will|had\s+earlier|at\s+the\s+time))*`;
const VERB = String.raw`(?<verb>${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')})`;

/** `, Wang told reporters` / ` he added` right after a quote. */
const AFTER_SUBJECT_VERB = new RegExp(String.raw`^\s*[,—–:\-]?\s*${SPEAKER}${APPOS}${BETWEEN}\s+${VERB}\b`);
/** `, said Mr. Kim` / `, said a spokesman for the ministry`. */
// A description closing the sentence: `, said Donald Trump, who placed second in a poll.`
const CLOSING_DESC = String.raw`(?:,\s+(?<tail>(?:who|an?|the)\s[^,"“”«»]{2,120}?)(?=[.;!?]\s|[.;!?]?$))`;
const AFTER_VERB_SUBJECT = new RegExp(
  String.raw`^\s*[,—–\-]?\s*${VERB}\s+${SPEAKER}(?:${CLOSING_DESC}|${APPOS})(?=\s*(?:[,.;:!?]|$|(?:in|on|at|during|after|to|while|who|when)\b))`,
);
const AFTER_ACCORDING = new RegExp(String.raw`^\s*[,—–\-]?\s*according\s+to\s+${SPEAKER}${APPOS}`);
/** `X said …` anywhere before a quote or clause (the last one wins). */
const SUBJECT_VERB = new RegExp(String.raw`(?<![${LU}${LL}\-])${SPEAKER}${APPOS}${BETWEEN},?\s+${VERB}\b`, 'g');
/** `Boris Johnson, who said in 2015 "…"`. */
const RELATIVE = new RegExp(String.raw`(?<![${LU}${LL}\-])${SPEAKER},\s+who${BETWEEN}\s+${VERB}\b`, 'g');
/** `Trump stoked a war of words with Khan, calling the mayor "…"`: the sentence subject speaks. */
const PARTICIPLE = new RegExp(
  String.raw`^(?:[^,"“]{0,60},\s+)?${SPEAKER}${APPOS}${BETWEEN}\s+[^.;"“”]{0,120}?,?\s+(?<verb>saying|tweeting|adding|writing|noting|calling|telling|insisting|arguing|claiming|warning|declaring|describing|vowing|promising|pledging)\b`,
);
const ACCORDING = new RegExp(String.raw`\b[Aa]ccording\s+to\s+${SPEAKER}${APPOS}`, 'g');

// Capitalised words that start sentences or name things that do not speak.
const NOT_SPEAKERS = new Set(
  `Ironically Perhaps Apparently Notably The This That These Those But And Or So Yet In At On As If When While After Before Since During Meanwhile However Also Still Then There Here It Its We I You Our My Your A An Some Many Most Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Today Yesterday Last Next Earlier Later Asked Speaking Both Such Other Their His Her Now Even Instead Indeed Although Though Because Despite For Like Unlike To Soon Speaking`.split(
    ' ',
  ),
);

export function cleanSpeaker(raw: string): string | null {
  const words = raw.trim().split(/\s+/);
  while (words.length && NOT_SPEAKERS.has(words[0]!)) words.shift();
  if (!words.length) return null;
  let s = words.join(' ').replace(/[,.;:]+$/, '');
  if (/^(it|this|that|there)$/i.test(s)) return null;
  // A pronoun with a contraction ("I’ll", "He’s") is a clause, not someone named.
  if (/^(i|we|you|he|she|they|it|there)['’](ll|m|s|re|ve|d)$/i.test(s)) return null;
  // "a statement from Judiciary Chairman Bob Goodlatte": the one who issued it speaks.
  s = s.replace(/^(?:(?:the|a|an)\s+)?(?:joint\s+|written\s+)?statement\s+(?:from|by)\s+/i, '');
  // A time phrase is no part of who spoke ("Trump administration on Tuesday …", "president at times").
  s = s.replace(/\s+(?:on|at|during|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|times|the time)\b.*$/, '');
  // "Trump's" alone is Trump.
  if (!s.includes(' ')) s = s.replace(/['’]s$/, '');
  return s || null;
}

/** "He’s said", "she’d written": the contraction is the perfect tense's auxiliary, the pronoun its subject. */
const PERFECT = /^(he|she|they)['’](?:s|ve|d)$/i;
const PARTICIPLES =
  /^(said|written|claimed|tweeted|argued|insisted|warned|stated|suggested|noted|admitted|acknowledged|declared|described|called)$/i;

export function build(m: RegExpExecArray | RegExpMatchArray, offset = 0): Attribution | null {
  const g = m.groups ?? {};
  const perfect = PERFECT.exec(g.speaker?.trim() ?? '');
  const speaker = perfect && PARTICIPLES.test(g.verb ?? '') ? perfect[1]! : cleanSpeaker(g.speaker ?? '');
  if (!speaker) return null;
  const start = (m.index ?? 0) + offset;
  const verb = (g.verb ?? 'according to').toLowerCase().replace(/^told\s.*$/, 'told');
  return { speaker, role: (g.role ?? g.tail)?.trim() || null, verb, start, end: start + m[0].length };
}

// A cheap test run first: most sentences have no reporting verb, and the full patterns are
// costly on a cold regex engine (the service worker often is).
export const HAS_VERB = new RegExp(
  String.raw`\b(?:${[...SPEECH_VERBS, 'according to', 'say', 'claim', 'insist', 'argue', 'warn', 'believe', 'believes', 'believed', 'deny', 'allege', 'saying', 'tweeting', 'adding', 'writing', 'noting', 'calling', 'telling', 'insisting', 'arguing', 'claiming', 'warning', 'declaring', 'describing', 'vowing', 'promising', 'pledging'].join('|')})\b`,
  'i',
);

/** Attribution immediately after a closing quote mark. */
export function attributionAfter(text: string): Attribution | null {
  if (!HAS_VERB.test(text.slice(0, 160))) return null;
  for (const re of [AFTER_SUBJECT_VERB, AFTER_VERB_SUBJECT, AFTER_ACCORDING]) {
    const m = re.exec(text);
    if (m) {
      const a = build(m);
      if (a) return a;
    }
  }
  return null;
}

const NEAR = 260;

/** The last attribution in the text before a quote (same sentence). */
export function attributionBefore(text: string): Attribution | null {
  if (!HAS_VERB.test(text)) return null;
  let best: Attribution | null = null;
  // The attribution sits near the quote: search the last stretch only (a speaker, an
  // appositive and a verb fit in it), which keeps long sentences cheap.
  const from = Math.max(0, text.length - NEAR);
  const near = text.slice(from);
  for (const re of [SUBJECT_VERB, ACCORDING, RELATIVE]) {
    for (const m of near.matchAll(re)) {
      const a = build(m, from);
      if (a && (!best || a.start > best.start)) best = a;
    }
  }
  if (!best) {
    const m = PARTICIPLE.exec(text);
    if (m) best = build(m);
  }
  return best && withNamedHead(text, best);
}

const ROLE_END = new RegExp(`${ROLE}$`);
const NAME_BEFORE_DESC = new RegExp(String.raw`(?<name>${NAME}),\s+[^,"“”]{0,80}$`);

/**
 * "Jo Swinson, Liberal Democrat deputy leader and Foreign Affairs spokesperson said": an
 * appositive without its closing comma leaves a description as the subject; the name
 * before it is the speaker.
 */
function withNamedHead(text: string, a: Attribution): Attribution {
  if ((/^\p{Lu}/u.test(a.speaker) && !ROLE_END.test(a.speaker)) || /^(he|she|they)$/i.test(a.speaker)) return a;
  const m = NAME_BEFORE_DESC.exec(text.slice(0, a.start));
  const name = m ? cleanSpeaker(m.groups!.name!) : null;
  if (!name || /^(he|she|they)$/i.test(name)) return a;
  return {
    ...a,
    speaker: name,
    role:
      a.role ??
      text
        .slice(m!.index + m![0].indexOf(',') + 1, a.end)
        .replace(new RegExp(`\\s+${a.verb}$`), '')
        .trim(),
  };
}

/** Attribution at the end of the sentence after a quote: `"…" and should go, X said Monday.` */
export function attributionTail(text: string): Attribution | null {
  if (!HAS_VERB.test(text)) return null;
  const m = TAIL.exec(text);
  return m ? build(m, m.index) : null;
}
const TAIL = new RegExp(
  String.raw`,\s+${SPEAKER}${APPOS}${BETWEEN}\s+(?<verb>said|says|added|wrote|tweeted|told\s+[^,.;]{1,30})(?:\s+on\s+[${LU}][${LU}${LL}]+|\s+[${LU}][${LU}${LL}]+day|\s+today|\s+yesterday|\s+in\s+a\s+statement)?\s*[.!]?\s*$`,
);
