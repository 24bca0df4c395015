import { SPEECH_VERBS } from './lexicon/speechVerbs';

/** The pieces the attribution patterns are built from: names, roles, titles, appositives. */
// Latin-script letter classes rather than Unicode properties: without the 'u' flag these
// large patterns compile several times faster on a cold engine (the service worker), and
// English-language news writes names in Latin script.
export const LU = String.raw`A-ZÀ-ÖØ-ÞĀ-ſ`;
export const LL = String.raw`a-zß-öø-ÿĀ-ſ`;
// "U.S.", "D.C.": an initialism is one word (else "S. Circuit Court" is read out of "U.S. Circuit Court").
export const CAP = String.raw`(?:[${LU}]\.(?:[${LU}]\.)+|[${LU}][${LU}${LL}'’\-]*\.?)`;
export const CAP_WORD = CAP;
export const PARTICLE = String.raw`(?:von|van|der|den|de|la|le|du|da|bin|ibn|al|el|di|dos)`;
export const TITLE = String.raw`(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|Sgt|Capt)\.?`;
export const NAME = String.raw`(?:${TITLE}\s+)?${CAP}(?:[ \t]+(?:${PARTICLE}[ \t]+)*${CAP}){0,5}`;
export const ROLE = String.raw`(?:spokesm[ae]n|spokeswom[ae]n|spokespe(?:rson|ople)s?|officials?|ministers?|ministry|presidents?|secretary|director|analysts?|experts?|sources?|lawyers?|attorneys?|counsel|statement|report|senators?|lawmakers?|leaders?|advis[eo]rs?|aides?|diplomats?|ambassadors?|chief|governor|mayor|professor|researchers?|people|person|residents?|witness(?:es)?|police|prosecutors?|judge|members?|chairman|chairwoman|executive|officers?|representatives?|commissioner|correspondent|reporters?|group|agency|administration|government|department|committee|campaign|observers?|activists?|critics?|supporters?|organi[sz]ers?|historian|scholar|economists?|envoys?|negotiators?|officer|commander|general|candidate|voters?|campaigners?|groups|ministries)`;
export const DET = String.raw`(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)`;
export const DESC = String.raw`${DET}\s+(?:(?!(?:as|and|or|but|that|to|of|in|on|at|for|by|is|was|are)\s)[${LU}${LL}0-9'’\-]+\s+){0,5}?${ROLE}(?:\s+(?:for|of|from|at|with|in|to|on)\s+(?:[${LU}${LL}'’.\-]+\s+){0,4}?[${LU}${LL}'’.\-]+)?`;
// Headline style, no determiner: "Chinese foreign ministry spokesman", "White House press secretary".
// A modifier in a bare role is not a verb: no past tense or third-person -s, no function word.
// (A short check instead of the whole verb list keeps the pattern cheap to compile.)
export const NOT_MODIFIER = String.raw`(?![a-z]+(?:ed|s)\b|(?:told|wrote|said|the|a|an|and|or|that|of|to|in|on|for|with|by|as)\b)`;
export const BARE_DESC = String.raw`${CAP}(?:[ \t]+${NOT_MODIFIER}[${LU}${LL}\-]+){0,3}?[ \t]+${ROLE}`;
export const THE_NAME = String.raw`the\s+${NAME}`;
export const PRONOUN = String.raw`(?:he|she|they|He|She|They)`;
// An address standing for its office ("10 Downing Street said", "1600 Pennsylvania Avenue").
export const ADDRESS = String.raw`\d{1,4}[ \t]+${CAP}[ \t]+(?:Street|Avenue|Road)`;
export const SPEAKER = String.raw`(?<speaker>${DESC}|${THE_NAME}|${PRONOUN}|${ADDRESS}|${BARE_DESC}|${NAME})`;
// Up to two appositives ("Alex Mensing, project coordinator for Pueblo Sin Fronteras, a
// transnational group that organized the caravan, told"): the name before them speaks.
export const APPOS = String.raw`(?:,\s+(?<role>[^,"“”«»]{2,120}?)(?:,\s+(?!and\s|or\s)[^,"“”«»]{2,120}?)?,)?`;
export const BETWEEN = String.raw`(?:\s+(?:[${LL}]+ly|(?:(?:late|early|on)\s+)?[${LU}][${LU}${LL}]+day(?:\s+(?:night|morning|afternoon|evening))?|on\s+[${LU}][${LU}${LL}]+|in\s+a\s+statement|today|yesterday|has|have|had|also|later|then|again|earlier|once|further|simply|would|will|had\s+earlier|at\s+the\s+time))*`;
export const VERB = String.raw`(?<verb>${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')})`;

// A role or title before the name ("said White House press secretary Josh Earnest", "said
// Democratic Sen. Tim Kaine", "said state Rep. Terri Collins", "said spokesman Ryan Williams"),
// an honorific stays with the name ("said Mr. Kim"), and a place or body after it ("of Virginia", "of the Brookings Institution"): both are the role.
export const PRE_ROLE = String.raw`(?<prerole>(?:(?:${CAP}|(?!(?:the|a|an|and|or|but|that|of|to|in|on|for|with|by|as|who|which)\b)[a-z][a-z\-]*)[ \t]+){0,4}?(?:${ROLE}|(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt)\.?)[ \t]+)(?=[${LU}])`;
export const OF_DESC = String.raw`(?:[ \t]+(?<ofdesc>(?:of|from|at)[ \t]+(?:the[ \t]+)?${CAP}(?:[ \t]+${CAP}){0,4}))?`;
