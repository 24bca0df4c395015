/**
 * JSON-LD (schema.org) article metadata. Pages nest it in every shape the spec allows
 * (a single object, an array, an `@graph`, `mainEntity`), and many ship malformed JSON:
 * each block is parsed on its own, leniently, and a block that still fails is skipped.
 * https://www.w3.org/TR/json-ld11/#graph-objects, https://schema.org/NewsArticle
 */

/** The article fields Framelens reads from JSON-LD, as found (not yet normalised). */
export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  publisher: string | null;
  datePublished: string | null;
  dateModified: string | null;
  url: string | null;
  inLanguage: string | null;
}

/** schema.org types that are an article (CreativeWork > Article and its news/blog subtypes). */
const ARTICLE_TYPE = /^(?:schema:|https?:\/\/schema\.org\/)?(?:\w*Article|BlogPosting|LiveBlogPosting|Report)$/i;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses one script's JSON, retrying once without the faults seen in the wild. */
function parseLenient(raw: string): unknown {
  const text = raw.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '').trim();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    // Raw control characters inside strings and trailing commas are the usual faults.
    const repaired = Array.from(text, (c) => (c.charCodeAt(0) < 0x20 ? ' ' : c))
      .join('')
      .replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired);
    } catch {
      return null;
    }
  }
}

/** Every JSON object in the page's JSON-LD `<script>` blocks, graphs and arrays flattened, bounded. */
export function jsonLdObjects(scripts: readonly Element[], limit = 500): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  for (const script of scripts) {
    const stack: unknown[] = [parseLenient(script.textContent ?? '')];
    while (stack.length && out.length < limit) {
      const value = stack.pop();
      if (Array.isArray(value)) stack.push(...value.slice().reverse());
      else if (isObject(value)) {
        out.push(value);
        if (value['@graph'] !== undefined) stack.push(value['@graph']);
        if (isObject(value.mainEntity) || Array.isArray(value.mainEntity)) stack.push(value.mainEntity);
      }
    }
  }
  return out;
}

function types(o: Record<string, Json>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

export function isArticleObject(o: Record<string, Json>): boolean {
  return types(o).some((t) => ARTICLE_TYPE.test(t.trim()));
}

/** A plain string from a JSON-LD value: a string, or an object's name / @value, or the first of an array. */
function asText(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = asText(item);
      if (s) return s;
    }
    return null;
  }
  if (isObject(v)) return asText(v.name ?? v['@value']);
  return null;
}

function names(v: Json | undefined): string[] {
  if (Array.isArray(v)) return v.flatMap(names);
  const s = asText(v);
  return s ? [s] : [];
}

/** The page's article per JSON-LD (the first article object with a headline, else the first), or null. */
export function readJsonLdArticle(objects: readonly Record<string, Json>[]): JsonLdArticle | null {
  const articles = objects.filter(isArticleObject);
  const article = articles.find((o) => asText(o.headline)) ?? articles[0];
  if (!article) return null;
  const byId = new Map(objects.filter((o) => typeof o['@id'] === 'string').map((o) => [o['@id'] as string, o]));
  // Publisher and authors are often references ({"@id": ...}) into the @graph.
  const resolve = (v: Json | undefined): Json | undefined => {
    if (Array.isArray(v)) return v.map((x) => resolve(x) ?? null);
    if (isObject(v) && typeof v['@id'] === 'string' && v.name === undefined) return byId.get(v['@id']) ?? v;
    return v;
  };
  const url =
    asText(article.url) ??
    (isObject(article.mainEntityOfPage) ? asText(article.mainEntityOfPage['@id']) : asText(article.mainEntityOfPage));
  return {
    headline: asText(article.headline) ?? asText(article.name),
    authors: names(resolve(article.author)),
    publisher: asText(resolve(article.publisher) ?? null),
    datePublished: asText(article.datePublished) ?? asText(article.dateCreated),
    dateModified: asText(article.dateModified),
    url,
    inLanguage: asText(article.inLanguage),
  };
}
