/**
 * Canonical URLs: the article's identity in the archive, so two visits of one article
 * (from a newsletter, a share button, a search result) land on one record.
 */

/** Query parameters that only track where a click came from (Google, Facebook, Microsoft, Mailchimp...). */
const TRACKING_PARAM =
  /^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ocid|cmpid|ncid|smid|sr_share|share|ref_src|ref_url|__twitter_impression|at_medium|at_campaign|taid|spm)$/i;

/** Longer addresses are not article URLs (interchange records allow 4,096 characters). */
const MAX_URL_CHARS = 2048;

/** An absolute http(s) URL without fragment and tracking parameters, or null when `raw` is not one. */
export function cleanUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw || raw.length > MAX_URL_CHARS) return null;
  let u: URL;
  try {
    u = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const key of Array.from(u.searchParams.keys())) if (TRACKING_PARAM.test(key)) u.searchParams.delete(key);
  if (!u.searchParams.size) u.search = '';
  return u.href.length <= MAX_URL_CHARS ? u.href : null;
}

/**
 * Whether a declared canonical can stand for the page at `pageUrl`. Sites misconfigured to
 * point every page's canonical at their home page would merge all their articles into one
 * record: a bare home-page canonical for a page that has a path is ignored. (Canonicals on
 * another site are kept: syndicated copies legitimately point to the original.)
 */
export function plausibleCanonical(canonical: string, pageUrl: string | null): boolean {
  const isHome = (u: URL): boolean => u.pathname.length <= 1 && !u.search;
  const c = new URL(canonical);
  if (!pageUrl) return !isHome(c);
  return !isHome(c) || isHome(new URL(pageUrl));
}

/** The host a reader recognises: without `www.`. */
export function siteHost(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./, '');
    return host || null;
  } catch {
    return null;
  }
}
