/** Formatting shared by the extension pages: dates, scores and gaps for a reader, in the reader's locale. */
import { formatNumber, t, tn, uiLocale } from '../shared/i18n';

/** A publication date for a reader ("15 Sept 2020" in en-GB), or "date unknown" when unknown or invalid. */
export function formatDate(iso: string | null | undefined, locale: string = uiLocale()): string {
  if (!iso) return t('dateUnknown');
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return t('dateUnknown');
  return d.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The similarity shown beside a match: the two articles' own similarity (`reasons.parts.plain`,
 * what the same-story decision reads), not the ranking score, which also counts how much a
 * result agrees with the query's other matches and so is not a similarity (it can exceed 1).
 */
export function matchSimilarity(match: { score: number; reasons?: { parts?: Record<string, number> } }): number {
  return match.reasons?.parts?.plain ?? match.score;
}

/** A match score as a percentage for display (scores are 0..1; larger values are capped). */
export function formatScore(score: number, locale: string = uiLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.max(0, Math.min(1, score)));
}

/** "same day", "1 day apart", "12 days apart", or null when a date is unknown. */
export function formatDateGap(days: number | null | undefined): string | null {
  if (days === null || days === undefined || !Number.isFinite(days)) return null;
  const d = Math.round(Math.abs(days));
  return d === 0 ? t('sameDay') : tn('daysApart', d);
}

/** A z-score for a tooltip, one decimal, in the reader's locale. */
export function formatZ(z: number): string {
  return formatNumber(Math.round(z * 10) / 10);
}

/** Short outlet label for a side of a comparison. */
export function outletLabel(outlet: string | null | undefined, fallback: string): string {
  const o = (outlet ?? '').trim();
  return o || fallback;
}
