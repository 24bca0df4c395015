import { t } from '../shared/i18n';

/** "Incomplete (behind a paywall)" for the extractor's reason ('paywall', 'truncated', or another). */
export function incompleteLabel(reason: string): string {
  return t(reason === 'paywall' ? 'incompletePaywall' : reason === 'truncated' ? 'incompleteTruncated' : 'incompleteOther');
}
