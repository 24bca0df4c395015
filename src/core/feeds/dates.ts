import { normaliseDate } from '../extract/dates';

/**
 * Feed dates: RFC 822 as RSS 2.0 writes them (`Tue, 10 Jun 2003 04:00:00 GMT`, two-digit
 * years and the US zone names of RFC 822 included) become a UTC instant; RFC 3339 / ISO 8601
 * (Atom, JSON Feed, dc:date) go through the extractor's normaliseDate. Anything else is null.
 * https://www.rssboard.org/rss-specification#ltpubdategtSubelementOfLtitemgt
 */
const RFC822 =
  /^\s*(?:[A-Za-z]{2,9},?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?)?\s*$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = {
  gmt: 0,
  ut: 0,
  utc: 0,
  z: 0,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
};

export function parseFeedDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  if (!text || text.length > 100) return null;
  const m = RFC822.exec(text);
  if (!m) return normaliseDate(text);
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase());
  let year = Number(m[3]);
  if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(m[1]);
  if (month === -1) return null;
  const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (m[4] === undefined) return normaliseDate(date);
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const zone = m[7]?.toLowerCase();
  let offsetMinutes: number | null = 0;
  if (zone && /^[+-]/.test(zone)) {
    const digits = zone.replace(':', '');
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  } else if (zone) {
    offsetMinutes = Object.hasOwn(ZONES, zone) ? (ZONES[zone] ?? 0) * 60 : null;
  }
  const local = `${date}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  // An unknown zone name: the time as written, without an offset (never guessed).
  if (offsetMinutes === null) return normaliseDate(local);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return normaliseDate(`${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`);
}
