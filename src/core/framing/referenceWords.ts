/**
 * Words that describe people in news copy: role nouns placed before a name ("Arsenal
 * footballer Mesut Ozil"), titles, honorifics, appositive shapes, and words that open
 * sentences but never names. Used by references.ts.
 */
// Nouns that describe a person when placed right before the name ("Arsenal footballer Mesut Ozil").
const ROLE_NOUNS = `leader dictator despot strongman autocrat tyrant ruler regime president director chief minister secretary
spokesman spokeswoman spokesperson official envoy ambassador chairman chairwoman senator lawmaker congressman congresswoman
governor mayor king queen prince princess tycoon billionaire businessman mogul footballer star player coach actor actress
singer host commentator activist critic lawyer attorney adviser advisor aide general commander nominee pick designate candidate
challenger rival counterpart ally premier chancellor correspondent journalist reporter anchor columnist professor analyst expert
scientist author founder ceo boss head dissident defector militant terrorist extremist warlord rebel cleric imam cardinal pope
bishop judge prosecutor counsel investigator agent officer soldier veteran hero victim suspect gunman killer attacker shooter
businesswoman heiress daughter son wife husband mother father brother sister nephew niece diplomat negotiator spy operative
informant whistleblower staffer strategist pollster consultant donor`.split(/\s+/);
export const ROLE_SET = new Set(ROLE_NOUNS);
export const TITLE_OF = new Set([
  'secretary',
  'minister',
  'director',
  'chief',
  'head',
  'president',
  'chairman',
  'leader',
  'governor',
  'mayor',
  'speaker',
  'member',
]);
export const ROLE_IN = new RegExp(`\\b(${ROLE_NOUNS.join('|')})s?\\b`, 'i');
// "Abbas Araghchi, Iran's deputy foreign minister," and "Iran's deputy foreign minister, Abbas Araghchi,".
export const APPOSITIVE_AFTER = /^,\s+(?:the\s+|a\s+|an\s+)?([^,.;:"“”()]{3,70}?)(?=,|\.(?:\s|$)|;)/u;
export const APPOSITIVE_BEFORE = /(?:^|[,.;:]\s+|\band\s+)(?:the\s+|a\s+|an\s+)?((?:[\p{L}'’\-.]+\s+){0,7}[\p{L}'’\-.]+),\s*$/u;
export const EVALUATIVE = new Set(
  'dictator despot strongman autocrat tyrant regime warlord terrorist militant extremist rebel dissident hero victim suspect mogul tycoon billionaire'.split(
    ' ',
  ),
);
export const HONORIFIC = /^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Sir|Dame|Lord)\.?$/;

// Capitalised at a sentence start, never part of a name.
export const DATE_WORDS = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December'.split(
    ' ',
  ),
);
// Verbs capitalised in headlines ("Susan Rice To Be Obama's Adviser"): never in a name.
export const HEADLINE_VERBS = new Set('Be Is Are Was Were Been Has Have Had Will Would Can Could Should'.split(' '));
export const NOT_NAMES = new Set([
  ...'On In At As By For From After Before When While During Since Until Under Over With Without Among Across Through'.split(' '),
  ...HEADLINE_VERBS,
  ...DATE_WORDS,
]);

export const ROLE_TITLES = [
  'prime minister',
  'president',
  'chancellor',
  'secretary of state',
  'secretary',
  'senator',
  'governor',
  'mayor',
  'king',
  'queen',
  'pope',
  'premier',
  'minister',
  'ambassador',
  'director',
  'chairman',
];
// "the queen" and "the Queen" alike: British usage capitalises a title standing for its holder.
const titleCase = (t: string) => t.replace(/\b\p{Ll}/gu, (c) => `[${c}${c.toUpperCase()}]`);
export const ROLE_MENTION = new RegExp(`\\b[Tt]he (${ROLE_TITLES.map(titleCase).join('|')})\\b(?! [A-Z])`, 'gu');

// Last words of names that are places or buildings, not people ("Trump Tower", "Wall Street"),
export const PLACE_LAST = new Set(
  // and institutions ("Justice Department", "Supreme Court", "Affordable Care Act"), whose last word would pair unrelated ones.
  `Tower Towers Street Avenue Road Square Park Center Centre Building Hotel Airport Bridge Plaza Hall Palace Stadium Field Room
  Department Court Committee Agency Council Office Act Ministry Commission Bureau Service Association University Institute
  Foundation Company Corporation Party Union Organization Administration Senate Congress Times Post Journal Network Fund Bank News Press Media`.split(
    /\s+/,
  ),
);
// Party and institution adjectives: a run of them ("Republican Congressional") names no one.
export const ADJECTIVE_NAMES = new Set(
  'Republican Republicans Democratic Democrat Democrats Congressional Federal National Conservative Liberal Labour Senate House'.split(' '),
);
// Descriptions never open with these: they begin a clause or a list, not a role ("and son-in-law", "if our officials …").
export const NOT_DESCRIPTION_START =
  /^(and|or|but|if|when|while|whose|who|which|that|any|have|has|had|was|were|is|are|including|group|public|because|although|after|before|as|since|where|whom|then|also|now|still|he|she|they|it|we|i|you)\b/i;
// Lower-case modifiers of a role before a name ("Democratic presidential nominee", "former campaign chairman").
export const ROLE_MODIFIER =
  /^(former|then|acting|top|longtime|veteran|deputy|chief|special|campaign|security|intelligence|press|senior|junior|interim|\p{Ll}{3,}(?:al|ic|ive|ian|ese|ish|ern))$/u;
