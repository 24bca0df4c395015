import { t, tn, uiLocale } from '../shared/i18n';
import type { FeedStatus } from '../shared/messages';
import { hostOfPattern } from './feedsFile';

/** Poll intervals the reader can choose, in minutes. */
const INTERVALS = [15, 30, 60, 180, 360, 720, 1440];

function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

function intervalLabel(minutes: number): string {
  return minutes < 60 ? tn('everyMinutes', minutes) : tn('everyHours', minutes / 60);
}

interface Props {
  feeds: FeedStatus[];
  busy: boolean;
  onInterval(feed: FeedStatus, minutes: number): void;
  onPoll(feed: FeedStatus): void;
  onRemove(feed: FeedStatus): void;
  /** Ask for the sites where the feed's articles are (from this click). */
  onAllow(feed: FeedStatus): void;
}

/** The subscriptions with each one's last check, counts, error, interval and actions. Feed titles and errors are rendered as text. */
export function FeedsTable({ feeds, busy, onInterval, onPoll, onRemove, onAllow }: Props) {
  return (
    <table class="feeds-table">
      <thead>
        <tr>
          <th scope="col">{t('feedColumn')}</th>
          <th scope="col">{t('feedLastPollColumn')}</th>
          <th scope="col">{t('feedItemsColumn')}</th>
          <th scope="col">{t('feedIntervalColumn')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('feedActionsColumn')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {feeds.map((feed) => (
          <tr key={feed.id} data-testid="feed-row" data-url={feed.url}>
            <td>
              <div class="feed-title">{feed.title || feed.url}</div>
              <div class="muted feed-address">{feed.url}</div>
            </td>
            <td data-testid="feed-status">
              <div>{feed.polling ? t('feedPolling') : feed.lastPollAt === null ? t('feedNeverPolled') : formatTime(feed.lastPollAt)}</div>
              {feed.lastError ? (
                <div class="error" data-testid="feed-error">
                  {feed.lastError}
                </div>
              ) : (
                feed.lastPollAt !== null && !feed.polling && <div class="notice">{t('feedOk')}</div>
              )}
            </td>
            <td data-testid="feed-counts">
              <div>{tn('feedNewLastPoll', feed.lastNew)}</div>
              <div class="muted">{t('feedCounts', [feed.itemCount, feed.savedCount])}</div>
              {feed.pending > 0 && <div class="muted">{tn('feedPending', feed.pending)}</div>}
            </td>
            <td>
              <select
                aria-label={t('feedIntervalLabel', [feed.title || feed.url])}
                data-testid="feed-interval"
                value={feed.intervalMinutes}
                disabled={busy}
                onChange={(e) => onInterval(feed, Number(e.currentTarget.value))}
              >
                {[...new Set([...INTERVALS, feed.intervalMinutes])]
                  .sort((a, b) => a - b)
                  .map((m) => (
                    <option key={m} value={m}>
                      {intervalLabel(m)}
                    </option>
                  ))}
              </select>
            </td>
            <td class="feed-actions">
              {feed.blockedOrigins.length > 0 && (
                <button type="button" data-testid="feed-allow" disabled={busy} onClick={() => onAllow(feed)}>
                  {t('feedAllow', [feed.blockedOrigins.map(hostOfPattern).join(', ')])}
                </button>
              )}
              <button type="button" data-testid="feed-poll" disabled={busy || feed.polling} onClick={() => onPoll(feed)}>
                {t('feedPollNow')}
              </button>
              <button type="button" data-testid="feed-remove" disabled={busy} onClick={() => onRemove(feed)}>
                {t('feedRemove')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
