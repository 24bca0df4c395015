/**
 * Whether the publisher declares the page an article: a JSON-LD Article (or subtype) or
 * `og:type` article. Such pages are read even when Readability's quick readerability guess
 * says no (short news items, pages with unusual markup).
 */
import { isArticleObject, jsonLdObjects, type Json } from './jsonld';

export function declaresArticle(doc: Document, ldObjects: readonly Record<string, Json>[] = jsonLdObjects(doc)): boolean {
  const ogType = doc.querySelector('meta[property="og:type" i][content]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article' || ogType?.startsWith('article.')) return true;
  return ldObjects.some(isArticleObject);
}
