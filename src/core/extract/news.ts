/**
 * Whether a page the reader merely visits may be captured automatically: stricter
 * than the gate of extractArticle, which reads any page the reader asks for. A page is
 * captured only when both hold:
 *  - Readability's `isProbablyReaderable` says it has a readable body, and
 *  - the publisher declares a news article: JSON-LD `NewsArticle` or one of its schema.org
 *    subtypes (https://schema.org/NewsArticle: Analysis-, AskPublic-, Background-, Opinion-,
 *    Reportage-, ReviewNewsArticle), in any shape JSON-LD allows (array, `@graph`,
 *    `mainEntity`, `@type` lists), or `og:type` article (https://ogp.me/#type_article).
 * A plain `Article`, `BlogPosting` or a `website` page is not news: blogs, docs and shops
 * stay out of the archive unless the reader saves them by hand.
 */
import { isProbablyReaderable } from '@mozilla/readability';
import type { ExtractResult } from '../types';
import { extractArticle } from './index';
import { jsonLdObjects, type Json } from './jsonld';
import { DEFAULT_LIMITS } from './limits';
import { scanPage } from './scan';

/** schema.org NewsArticle and its subtypes, with or without a schema prefix. */
const NEWS_TYPE = /^(?:schema:|https?:\/\/schema\.org\/)?(?:Analysis|AskPublic|Background|Opinion|Reportage|Review)?NewsArticle$/i;

export type NewsDecision =
  { capture: true; declaredBy: 'json-ld' | 'open-graph' } | { capture: false; why: 'too-large' | 'not-declared' | 'not-readerable' };

function typesOf(o: Record<string, Json>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** True when one of the JSON-LD objects is a schema.org NewsArticle (or subtype). */
export function declaresNewsInJsonLd(objects: readonly Record<string, Json>[]): boolean {
  return objects.some((o) => typesOf(o).some((t) => NEWS_TYPE.test(t.trim())));
}

/** True when the page's `og:type` is `article` (Open Graph's only article type). */
export function declaresArticleInOpenGraph(metas: readonly Element[]): boolean {
  return metas.some((m) => {
    if (m.getAttribute('property')?.trim().toLowerCase() !== 'og:type') return false;
    return m.getAttribute('content')?.trim().toLowerCase() === 'article';
  });
}

/** The capture decision for `doc`; never throws for anything a page contains, never mutates it. */
export function newsDecision(doc: Document): NewsDecision {
  try {
    const scan = scanPage(doc, DEFAULT_LIMITS);
    if (!scan.ok) return { capture: false, why: 'too-large' };
    const declaredBy = declaresNewsInJsonLd(jsonLdObjects(scan.ldScripts))
      ? 'json-ld'
      : declaresArticleInOpenGraph(scan.metas)
        ? 'open-graph'
        : null;
    if (!declaredBy) return { capture: false, why: 'not-declared' };
    if (!isProbablyReaderable(doc)) return { capture: false, why: 'not-readerable' };
    return { capture: true, declaredBy };
  } catch {
    return { capture: false, why: 'not-declared' };
  }
}

/** What the content script answers when asked to capture: the article, or why the page was passed over. */
export type CaptureResult = ExtractResult | { ok: false; reason: 'not-news'; message: string };

/** The article on `doc` when the page is news (newsDecision), else a `not-news` refusal. */
export function captureArticle(doc: Document, url?: string): CaptureResult {
  const decision = newsDecision(doc);
  if (!decision.capture) return { ok: false, reason: 'not-news', message: decision.why };
  return extractArticle(doc, url);
}
