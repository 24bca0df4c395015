import { uiLocale } from '../shared/i18n';

/** "12.3 MB" for a byte count (decimal units, as browsers report storage), in the reader's locale. */
export function formatBytes(bytes: number, locale: string = uiLocale()): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  // Whole bytes spelled out ("999 bytes"); larger units abbreviated ("1.5 kB").
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}
