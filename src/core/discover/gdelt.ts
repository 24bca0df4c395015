/**
 * The GDELT DOC 2.0 API, article list (https://blog.gdeltproject.org/gdelt-doc-2-0-api-debuts/):
 * `mode=artlist&format=json`, every keyword required, phrases in double quotes, keywords of
 * three letters or more, a date window in `startdatetime`/`enddatetime` (YYYYMMDDHHMMSS,
 * UTC) within the last three months. No results come back as `{}`; errors as plain text
 * (the rate-limit message asks for one request every 5 seconds) or an HTML page.
 */
import { excerpt, fetchFailure, isHttpUrl, MAX_LINKS, termSyntax, type DateWindow, type Provider, type ProviderAnswer } from './provider';
import type { FetchOutcome, FoundLink } from './types';

export const GDELT_ENDPOINT = 'https://api.gdeltproject.org/api/v2/doc/doc';
/** Results asked per query: enough to pick the best pages from after the per-outlet cap. */
export const GDELT_MAX_RECORDS = 75;

// GDELT names languages in English; the archive keeps ISO 639-1 codes.
const LANGUAGES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  german: 'de',
  spanish: 'es',
  italian: 'it',
  portuguese: 'pt',
  dutch: 'nl',
  russian: 'ru',
  chinese: 'zh',
  japanese: 'ja',
  korean: 'ko',
  arabic: 'ar',
  turkish: 'tr',
  polish: 'pl',
  swedish: 'sv',
  norwegian: 'no',
  danish: 'da',
  finnish: 'fi',
  greek: 'el',
  hebrew: 'he',
  hindi: 'hi',
  ukrainian: 'uk',
  czech: 'cs',
  hungarian: 'hu',
  romanian: 'ro',
  indonesian: 'id',
  vietnamese: 'vi',
  persian: 'fa',
  urdu: 'ur',
  bengali: 'bn',
  thai: 'th',
};

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** "20180420T153000Z" → "2018-04-20T15:30:00Z"; null when it is not that shape. */
export function seenDate(raw: unknown): string | null {
  const m = typeof raw === 'string' ? /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(raw.trim()) : null;
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

const RATE_LIMIT = /limit requests|one every \d+ seconds?|too many requests|rate.?limit/i;

export function parseGdelt(outcome: FetchOutcome): ProviderAnswer {
  if (!outcome.ok) return fetchFailure(outcome);
  const body = outcome.body.replace(/^\ufeff/, '').trim();
  if (RATE_LIMIT.test(body.slice(0, 500)) && !body.startsWith('{')) return { ok: false, reason: 'rate-limited', detail: excerpt(body) };
  if (!body.startsWith('{')) {
    const what = body.startsWith('<') ? 'an HTML page' : body ? 'text' : 'nothing';
    return { ok: false, reason: 'garbage', detail: `The service answered ${what} instead of results${body ? `: ${excerpt(body)}` : ''}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, reason: 'garbage', detail: `The service's answer is not valid JSON (${(e as Error).message.slice(0, 80)})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, reason: 'garbage', detail: 'The service answered JSON that is not a result list' };
  const articles = (json as Record<string, unknown>).articles;
  if (articles === undefined) return { ok: true, links: [] };
  if (!Array.isArray(articles)) return { ok: false, reason: 'garbage', detail: 'The service answered a result list that is not a list' };
  const links: FoundLink[] = [];
  for (const a of articles.slice(0, MAX_LINKS)) {
    if (typeof a !== 'object' || a === null) continue;
    const item = a as Record<string, unknown>;
    if (!isHttpUrl(item.url)) continue;
    const domain = typeof item.domain === 'string' && item.domain.trim() ? item.domain.trim().slice(0, 200) : new URL(item.url).hostname;
    const language = typeof item.language === 'string' ? item.language.trim().toLowerCase() : '';
    links.push({
      url: item.url,
      title: typeof item.title === 'string' ? item.title.replace(/\s+/g, ' ').trim().slice(0, 2000) : '',
      outlet: domain.replace(/^www\./, ''),
      published: seenDate(item.seendate),
      lang: LANGUAGES[language] ?? (/^[a-z]{2}$/.test(language) ? language : null),
      provider: 'gdelt',
    });
  }
  return { ok: true, links };
}

export const gdelt: Provider = {
  name: 'gdelt',
  label: 'GDELT DOC 2.0 API',
  defaultEndpoint: GDELT_ENDPOINT,
  minIntervalMs: 5000,
  maxAgeDays: 90,
  // Hyphens and apostrophes split words in GDELT's index; a phrase keeps its words in order.
  query: (terms) =>
    terms
      .map((t) => {
        const text = t.text.replace(/[-'’]/g, ' ').replace(/\s+/g, ' ').trim();
        return termSyntax({ ...t, text, phrase: t.phrase || text.includes(' ') });
      })
      .join(' '),
  url(endpoint: string, query: string, window: DateWindow): string {
    const params = new URLSearchParams({
      query,
      mode: 'artlist',
      format: 'json',
      maxrecords: String(GDELT_MAX_RECORDS),
      sort: 'hybridrel',
      startdatetime: stamp(window.from),
      enddatetime: stamp(window.to),
    });
    return `${endpoint}?${params.toString()}`;
  },
  parse: parseGdelt,
};
