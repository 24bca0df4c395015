/**
 * Whether the publisher declares the page an article: a JSON-LD Article (or subtype) or
 * `og:type` article. Such pages are read even when Readability's quick readerability guess
 * says no (short news items, pages with unusual markup).
 */
import { isArticleObject, type Json } from './jsonld';

export function declaresArticle(metas: readonly Element[], ldObjects: readonly Record<string, Json>[]): boolean {
  const og = metas.find((m) => m.getAttribute('property')?.trim().toLowerCase() === 'og:type');
  const ogType = og?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article' || ogType?.startsWith('article.')) return true;
  return ldObjects.some(isArticleObject);
}
