import type { ArchiveStats } from '../shared/messages';
import { formatNumber, t, tn } from '../shared/i18n';
import { formatBytes } from './bytes';

/** Archive size and the browser's storage use for this extension. */
export function StorageSummary({ stats }: { stats: ArchiveStats | null }) {
  if (!stats)
    return (
      <p class="storage muted" role="status">
        {t('counting')}
      </p>
    );
  return (
    <p class="storage">
      <strong data-testid="archive-count">{formatNumber(stats.count)}</strong> {tn('archiveCountNoun', stats.count)}
      {stats.usageBytes !== null && (
        <span class="muted">
          {' · '}
          {stats.quotaBytes !== null
            ? t('storageUsed', [formatBytes(stats.usageBytes), formatBytes(stats.quotaBytes)])
            : t('storageUsedOnly', [formatBytes(stats.usageBytes)])}
        </span>
      )}
    </p>
  );
}
