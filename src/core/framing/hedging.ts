import type { HedgeEntry } from './types';
import { usableSentences, type PreparedArticle } from './prepare';
import type { ScareQuote } from './quotes';

/**
 * Hedges and distancing (Hyland 1998, "Hedging in Scientific Research Articles", and the
 * AP Stylebook entries "allege" and "so-called"): words by which an outlet keeps a claim at
 * arm's length or lets it stand as reported.
 */
const HEDGES =
  /\b(alleged(?:ly)?|reportedly|so-called|purported(?:ly)?|supposed(?:ly)?|apparent(?:ly)?|unconfirmed|unverified|unsubstantiated|believed to (?:be|have)|said to (?:be|have)|thought to (?:be|have)|suspected|claimed|accused of|what (?:they|he|she|it|some) (?:say|says|said|call|calls|called|describe[sd]?))\b/gi;
const ATTRIBUTION =
  /\b(according to|sources (?:say|said)|it is (?:understood|believed|thought|alleged|claimed)|(?:officials|critics|observers|experts|analysts) (?:say|said|believe))\b/gi;

// Agentless passives (Biber et al. 1999, Longman Grammar §6.4): a form of "be" or "get", an
// optional adverb, a past participle, and no "by" phrase naming who did it.
const BE = String.raw`(?:is|are|was|were|been|being|be|got|get|gets|getting)`;
const IRREGULAR = `held|taken|shot|beaten|hit|sent|seen|made|given|kept|caught|thrown|driven|told|brought|sold|bought|built|found|put|set|cut|struck|stolen|hidden|torn|broken|bound|led|left|lost|paid|sought|slain|spent|fought`;
const PASSIVE = new RegExp(
  String.raw`\b${BE}\s+(?:\p{L}+ly\s+)?(?<participle>\p{L}+ed|${IRREGULAR})\b(?![\s\S]{0,60}?\bby\s+(?!force\b|hand\b|phone\b|email\b|the\s+(?:end|time)\b)[\p{L}])`,
  'giu',
);
// Participles that describe a state, not an act someone did ("is based in", "were concerned").
const STATIVE = new Set(
  `based located born married supposed used concerned interested involved expected scheduled required allowed pleased surprised
  worried prepared satisfied tired scared excited designed called named entitled aimed related united limited advanced
  renowned reported believed thought said alleged accused`.split(/\s+/),
);

export function hedging(p: PreparedArticle, scare: ScareQuote[]): HedgeEntry[] {
  const out: HedgeEntry[] = [];
  for (const si of usableSentences(p)) {
    const text = p.sentences[si]!.text;
    for (const m of text.matchAll(HEDGES)) out.push({ article: p.id, kind: 'hedge', text: m[0], sentence: si });
    for (const m of text.matchAll(ATTRIBUTION)) out.push({ article: p.id, kind: 'attribution', text: m[0], sentence: si });
    for (const m of text.matchAll(PASSIVE)) {
      const participle = m.groups!.participle!.toLowerCase();
      if (STATIVE.has(participle) || /^(need|feed|speed|seed|bleed|breed|indeed|exceed|proceed|succeed)$/.test(participle)) continue;
      out.push({ article: p.id, kind: 'agentless-passive', text: m[0], sentence: si });
    }
  }
  for (const s of scare) out.push({ article: p.id, kind: 'scare-quote', text: `“${s.text}”`, sentence: s.sentence });
  return out.sort((a, b) => a.sentence - b.sentence);
}
