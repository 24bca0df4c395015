/**
 * Publication dates as pages write them, normalised to ISO 8601: `YYYY-MM-DD` when only the
 * day is known, `YYYY-MM-DDTHH:MM:SS` for a local time without offset (kept as written,
 * never shifted by the reader's time zone), and a UTC instant (`...Z`) when an offset is given.
 */

const ISO_LIKE = /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/i;

const MIN_YEAR = 1990;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** An ISO date for a date string in any common format, or null when it is not a plausible date. */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  if (!text || text.length > 100) return null;
  const m = ISO_LIKE.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) return null;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    if (m[4] === undefined) return day;
    const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    if (h > 23 || mi > 59 || s > 60) return day;
    const time = `${m[4]}:${m[5]}:${pad(s)}`;
    const zone = m[7];
    if (!zone) return `${day}T${time}`;
    const offset =
      zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})?$/, (_all, hh: string, mm?: string) => `${hh}:${mm ?? '00'}`);
    const instant = Date.parse(`${day}T${time}${offset}`);
    return Number.isNaN(instant) ? `${day}T${time}` : new Date(instant).toISOString().replace('.000Z', 'Z');
  }
  // Textual dates ("Tue, 15 Sep 2020 18:20:28 GMT", "September 15, 2020"): keep the day only,
  // read in the same local frame it was parsed in, so no time zone shifts it.
  if (!/\d{4}/.test(text) || !/[a-z]{3}/i.test(text)) return null;
  const parsed = new Date(text.replace(/\bat\b/i, ' ').replace(/(\d)(st|nd|rd|th)\b/gi, '$1'));
  if (Number.isNaN(parsed.getTime())) return null;
  const [y, mo, d] = [parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate()];
  return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/** A date written in a URL path (`/2020/09/15/`, `/2020-09-15-`, `/20200915/`), or null. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|\/|[-_])((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=$|\/|[-_.])/.exec(path) ??
    /(?:^|\/)((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?=\/|[-_.]|$)/.exec(path);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}
