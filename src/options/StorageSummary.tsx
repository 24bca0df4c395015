import type { ArchiveStats } from '../shared/messages';
import { formatBytes } from './bytes';

/** Archive size and the browser's storage use for this extension. */
export function StorageSummary({ stats }: { stats: ArchiveStats | null }) {
  if (!stats) return <p class="storage muted">Counting…</p>;
  return (
    <p class="storage">
      <strong data-testid="archive-count">{stats.count.toLocaleString('en')}</strong> {stats.count === 1 ? 'article' : 'articles'}
      {stats.usageBytes !== null && (
        <span class="muted">
          {' · '}
          {formatBytes(stats.usageBytes)} used{stats.quotaBytes !== null ? ` of ${formatBytes(stats.quotaBytes)} available` : ''}
        </span>
      )}
    </p>
  );
}
