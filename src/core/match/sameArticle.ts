import { tokenize } from '../text';
import type { ArticleRecord } from '../types';
import { foldKey } from './entities';
import { shingleHashes } from './sketch';

/**
 * Whether two records are the same article: the same canonical URL, or the same text
 * (the page version of an archived record may have lost or gained captions, a video box,
 * a comment-policy line). Text sameness is the containment of word 4-gram shingles
 * (Broder 1997): the share of the shorter text's shingles found in the longer one,
 * ≥ 0.8, with titles that agree.
 */
export const CONTAINMENT_THRESHOLD = 0.8;
const TITLE_AGREEMENT = 0.5;

// Query parameters that only track the visit.
const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|src|smid|sref|ito|CMP|at_medium|at_campaign)$/i;

/** A URL reduced to what identifies the page: no scheme, www, fragment, tracking query or trailing slash. */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  const host = u.hostname.toLowerCase().replace(/^(www|m|amp|mobile)\./, '');
  const path = u.pathname.replace(/\/(amp|index\.html?)?$/i, '').replace(/\/+$/, '');
  return host + path + query;
}

function words(text: string): string[] {
  return tokenize(text).map((t) => foldKey(t.lower));
}

/** Share of the smaller shingle set contained in the other. */
export function shingleContainment(a: string, b: string): number {
  const sa = new Set(shingleHashes(words(a)));
  const sb = new Set(shingleHashes(words(b)));
  if (!sa.size || !sb.size) return 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / small.size;
}

function titleAgreement(a: string, b: string): number {
  const ta = new Set(words(a));
  const tb = new Set(words(b));
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const w of ta) if (tb.has(w)) shared++;
  return shared / Math.min(ta.size, tb.size);
}

export function isSameArticle(a: ArticleRecord, b: ArticleRecord): boolean {
  const ua = canonicalUrl(a.url);
  if (ua !== null && ua === canonicalUrl(b.url)) return true;
  if (titleAgreement(a.title, b.title) < TITLE_AGREEMENT) return false;
  return shingleContainment(a.text, b.text) >= CONTAINMENT_THRESHOLD;
}
