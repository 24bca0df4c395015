/** Formatting shared by the extension pages: dates, scores and gaps for a reader. */

/** A publication date for a reader ("15 Sept 2020"), or a dash when unknown or invalid. */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return 'date unknown';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return 'date unknown';
  return d.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** A match score as a percentage for display (scores are 0..1; larger values are capped). */
export function formatScore(score: number): string {
  return `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
}

/** "same day", "1 day apart", "12 days apart", or null when a date is unknown. */
export function formatDateGap(days: number | null | undefined): string | null {
  if (days === null || days === undefined || !Number.isFinite(days)) return null;
  const d = Math.round(Math.abs(days));
  if (d === 0) return 'same day';
  return d === 1 ? '1 day apart' : `${d} days apart`;
}

/** "1 quote" / "3 quotes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Short outlet label for a side of a comparison. */
export function outletLabel(outlet: string | null | undefined, fallback: string): string {
  const o = (outlet ?? '').trim();
  return o || fallback;
}
