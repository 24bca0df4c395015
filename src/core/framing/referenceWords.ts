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
businesswoman heiress daughter son wife husband mother father brother sister nephew niece`.split(/\s+/);
export const ROLE_SET = new Set(ROLE_NOUNS);
export const TITLE_OF = new Set(['secretary', 'minister', 'director', 'chief', 'head', 'president', 'chairman', 'leader', 'governor', 'mayor', 'speaker', 'member']);
export const ROLE_IN = new RegExp(`\\b(${ROLE_NOUNS.join('|')})s?\\b`, 'i');
// "Abbas Araghchi, Iran's deputy foreign minister," and "Iran's deputy foreign minister, Abbas Araghchi,".
export const APPOSITIVE_AFTER = /^,\s+(?:the\s+|a\s+|an\s+)?([^,.;:"“”()]{3,70}?)(?=,|\.(?:\s|$)|;)/u;
export const APPOSITIVE_BEFORE = /(?:^|[,.;:]\s+|\band\s+)(?:the\s+|a\s+|an\s+)?((?:[\p{L}'’\-.]+\s+){0,7}[\p{L}'’\-.]+),\s*$/u;
export const EVALUATIVE = new Set('dictator despot strongman autocrat tyrant regime warlord terrorist militant extremist rebel dissident hero victim suspect mogul tycoon billionaire'.split(' '));
export const HONORIFIC = /^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Sir|Dame|Lord)\.?$/;

// Capitalised at a sentence start, never part of a name.
export const NOT_NAMES = new Set('On In At As By For From After Before When While During Since Until Under Over With Without Among Across Through Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December'.split(' '));

export const ROLE_TITLES = ['prime minister', 'president', 'chancellor', 'secretary of state', 'secretary', 'senator', 'governor', 'mayor', 'king', 'queen', 'pope', 'premier', 'minister', 'ambassador', 'director', 'chairman'];
export const ROLE_MENTION = new RegExp(`\\bthe (${ROLE_TITLES.join('|')})\\b(?! [A-Z])`, 'g');
