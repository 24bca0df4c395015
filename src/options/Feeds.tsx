import { errorText } from '../core/errors';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { hostPattern, resolveHttpUrl, type OpmlImport } from '../core/feeds';
import { t, tn } from '../shared/i18n';
import type { FeedStatus } from '../shared/messages';
import { feedsApi, type FeedsApi } from './connector';
import { feedsOpml, hostOfPattern, opmlFileName, originsOf, readOpmlFile } from './feedsFile';
import './feeds.css';
import { FeedsTable } from './FeedsTable';
import { OpmlPreview } from './OpmlPreview';
import { StarterDirectory } from '../ui/StarterDirectory';
import { useTask, type Notice } from './useTask';

/** While a poll runs, the list is refreshed this often. */
const REFRESH_MS = 1000;

interface Preview {
  fileName: string;
  list: OpmlImport;
}

/**
 * Feed subscriptions: add by address, import and export OPML, and each feed's
 * status. Host access to a feed's site is asked for in the click that subscribes (the
 * browser wants a user gesture), and nothing is fetched before.
 */
export function Feeds({ api = feedsApi }: { api?: FeedsApi }) {
  const [feeds, setFeeds] = useState<FeedStatus[] | null>(null);
  const [address, setAddress] = useState('');
  const task = useTask();
  const { busy, notice, error, fail } = task;
  const [preview, setPreview] = useState<Preview | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    try {
      setFeeds(await api.list());
    } catch (e) {
      fail(errorText(e));
    }
  }, [api, fail]);

  useEffect(() => void refresh(), [refresh]);
  const polling = feeds?.some((f) => f.polling) ?? false;
  useEffect(() => {
    if (!polling) return undefined;
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [polling, refresh]);

  /** Runs an action with one message at a time, then shows the list as it is now. */
  const run = (work: () => Promise<Notice | string | null>) => task.run(work).then(refresh);

  const subscribe = (event: Event) => {
    event.preventDefault();
    // "example.com/feed" is read as https://example.com/feed.
    const typed = address.trim();
    const url = resolveHttpUrl(/^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`, null);
    if (!url) {
      fail(t('errFeedUrl', [typed.slice(0, 200)]));
      return;
    }
    // Asked before anything is awaited: the request must stay inside the click.
    const granted = api.requestAccess([hostPattern(url)]);
    void run(async () => {
      if (!(await granted)) throw new Error(t('feedPermissionDenied', [new URL(url).host]));
      const feed = await api.add(url);
      setAddress('');
      return t('feedAdded', [feed.title || feed.url]);
    });
  };

  const chooseOpml = (file: File) =>
    void run(async () => {
      setPreview(null);
      try {
        const read = await readOpmlFile(file);
        if (!read.ok) throw new Error(t('opmlRefused', [file.name, read.reason]));
        setPreview({ fileName: file.name, list: read.list });
        return null;
      } finally {
        if (fileInput.current) fileInput.current.value = '';
      }
    });

  const subscribeAll = () => {
    if (!preview) return;
    const { list } = preview;
    const granted = api.requestAccess(originsOf(list.feeds.map((f) => f.url)));
    void run(async () => {
      if (!(await granted)) throw new Error(t('feedPermissionDeniedMany'));
      const result = await api.importFeeds(list.feeds);
      setPreview(null);
      const skipped = [...list.skipped.map((s) => `${s.text} (${s.reason})`), ...result.skipped.map((s) => `${s.url} (${s.reason})`)];
      return skipped.length
        ? t('opmlImportedSkipped', [result.added, skipped.length, skipped.join('; ')])
        : t('opmlImported', [result.added]);
    });
  };

  /** The feed's articles are on another site than the feed: ask for it in this click, then check the feed again. */
  const allowArticles = (feed: FeedStatus) => {
    const origins = feed.blockedOrigins;
    const granted = api.requestAccess(origins);
    const hosts = origins.map(hostOfPattern).join(', ');
    void run(async () => {
      if (!(await granted)) throw new Error(t('feedPermissionDenied', [hosts]));
      await api.poll(feed.id);
      return t('feedAllowed', [hosts]);
    });
  };

  const exportOpml = () =>
    void run(async () => {
      const list = await api.list();
      const url = URL.createObjectURL(feedsOpml(list, t('opmlTitle')));
      const link = document.createElement('a');
      link.href = url;
      link.download = opmlFileName();
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return tn('opmlExported', list.length, [link.download]);
    });

  return (
    <section class="feeds" aria-labelledby="feeds-heading" data-testid="feeds">
      <h2 id="feeds-heading">{t('feedsHeading')}</h2>
      <p class="muted">{t('feedsIntro')}</p>
      <form class="toolbar-row" onSubmit={subscribe}>
        <label class="feed-url">
          <span class="visually-hidden">{t('feedUrlLabel')}</span>
          <input
            type="text"
            inputMode="url"
            spellcheck={false}
            autoComplete="off"
            data-testid="feed-url"
            placeholder={t('feedUrlPlaceholder')}
            value={address}
            disabled={busy}
            required
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </label>
        <button type="submit" data-testid="feed-add" disabled={busy}>
          {t('feedSubscribe')}
        </button>
        <label class={`file-button${busy ? ' disabled' : ''}`}>
          {t('opmlImportButton')}
          <input
            ref={fileInput}
            type="file"
            data-testid="opml-file"
            accept=".opml,.xml,text/x-opml,text/xml,application/xml"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) chooseOpml(file);
            }}
          />
        </label>
        <button type="button" data-testid="opml-export" disabled={busy || !feeds?.length} onClick={exportOpml}>
          {t('opmlExportButton')}
        </button>
      </form>
      <StarterDirectory subscribedFeeds={feeds?.map((f) => f.url) ?? []} onSubscribed={() => void refresh()} />
      {preview && (
        <OpmlPreview
          fileName={preview.fileName}
          list={preview.list}
          busy={busy}
          onSubscribe={subscribeAll}
          onCancel={() => setPreview(null)}
        />
      )}
      <div class="status" role="status" aria-live="polite">
        {notice && (
          <p class="notice" data-testid="feeds-notice">
            {notice}
          </p>
        )}
        {error && (
          <p class="error" data-testid="feeds-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {feeds && feeds.length === 0 && (
        <p class="muted" data-testid="feeds-empty">
          {t('feedsEmpty')}
        </p>
      )}
      {feeds && feeds.length > 0 && (
        <FeedsTable
          feeds={feeds}
          busy={busy}
          onInterval={(feed, minutes) => void run(async () => (await api.setInterval(feed.id, minutes), null))}
          onPoll={(feed) => void run(async () => (await api.poll(feed.id), null))}
          onRemove={(feed) => void run(async () => (await api.remove(feed.id), t('feedRemoved', [feed.title || feed.url])))}
          onAllow={allowArticles}
        />
      )}
    </section>
  );
}
