/**
 * The key that makes "one record per canonical URL" hold: two spellings of one page's
 * address (tracking parameters, a fragment, host case, a trailing slash) give one key.
 * Returns null for a missing or blank URL; a string that is not a URL is kept as it is.
 * The key is stored (the archive's unique `url` index), so a change to these rules needs
 * a migration that recomputes it; that is why the archive keeps its own function rather
 * than sharing src/core/match's canonicalUrl, which may evolve with matching.
 */
const TRACKING_PARAMS = /^(?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid|ito|smid)$/i;

export function canonicalUrlKey(url: string | null | undefined): string | null {
  const raw = url?.trim();
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return raw;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return raw;
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING_PARAMS.test(name)) parsed.searchParams.delete(name);
  parsed.searchParams.sort();
  // http and https serve the same article on news sites; the scheme is not part of the identity.
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : '';
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  return `${host}${path}${parsed.search}`;
}
