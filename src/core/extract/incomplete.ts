/**
 * Whether the text read from a page is only part of the article: the page's own JSON-LD
 * says the article is longer (`articleBody`, `wordCount`), or not free to read
 * (`isAccessibleForFree: false`, https://developers.google.com/search/docs/appearance/structured-data/paywalled-content),
 * or the text ends at a prompt to subscribe or sign in. A comparison must not treat what
 * is missing from such a text as left out by its outlet.
 */
import { countWords } from '../types';
import { isArticleObject, type Json } from './jsonld';

/** Extracted text shorter than this share of the declared length is incomplete. */
export const TRUNCATED_SHARE = 0.6;
/** Declared lengths below this are too short to judge by. */
const MIN_DECLARED_WORDS = 120;
/** A page that says it is not free, with fewer words than this and no declared length, shows a stub. */
const STUB_WORDS = 200;

const PROMPT = new RegExp(
  [
    String.raw`\b(?:subscribe|subscription|sign in|log ?in|register|become a (?:member|subscriber)|create an? (?:free )?account)\b.{0,80}\b(?:to (?:continue|keep|read|unlock|access|view)|full (?:story|article)|this (?:story|article)|unlimited access)`,
    String.raw`\bcontinue reading\b`,
    String.raw`\balready (?:a subscriber|have an account)\b`,
    String.raw`\bto read (?:the (?:full|rest|whole)|more)\b`,
    String.raw`\bthe rest of (?:this|the) (?:story|article)\b`,
    String.raw`\b(?:this|the) (?:article|story|content) is (?:for|only (?:available )?(?:to|for)|reserved for) (?:subscribers|members)\b`,
    String.raw`\bsubscribers only\b`,
  ].join('|'),
  'i',
);
const PROMPT_MAX_WORDS = 60;

function declaredFalse(v: Json | undefined): boolean {
  return v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false');
}

function number(v: Json | undefined): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[\s,]/g, '')) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Whether the text's last paragraph is a prompt to subscribe or sign in to read on. */
export function endsAtPrompt(text: string): boolean {
  const paragraphs = text.trimEnd().split(/\n\s*\n/);
  for (const p of paragraphs.slice(-2).reverse()) {
    if (countWords(p) <= PROMPT_MAX_WORDS && PROMPT.test(p)) return true;
  }
  return false;
}

/** 'paywall', 'truncated' or null for the text read from a page with these JSON-LD objects. */
export function detectIncomplete(text: string, ldObjects: readonly Record<string, Json>[]): string | null {
  const words = countWords(text);
  let declared = 0;
  let notFree = false;
  for (const o of ldObjects) {
    if (!isArticleObject(o)) continue;
    if (typeof o.articleBody === 'string') declared = Math.max(declared, countWords(o.articleBody.slice(0, 2_000_000)));
    declared = Math.max(declared, number(o.wordCount) ?? 0);
    if (declaredFalse(o.isAccessibleForFree)) notFree = true;
  }
  const prompt = endsAtPrompt(text);
  const short = declared >= MIN_DECLARED_WORDS && words < declared * TRUNCATED_SHARE;
  if (prompt || (notFree && (short || (!declared && words < STUB_WORDS)))) return 'paywall';
  return short ? 'truncated' : null;
}
