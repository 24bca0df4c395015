import { useMemo, useRef, useState } from 'preact/hooks';
import {
  directoryNames,
  groupDirectory,
  isSubscribed,
  parseDirectory,
  resolveHttpUrl,
  searchDirectory,
  subscriptionPlan,
  type Directory,
  type DirectoryGrouping,
  type DirectoryOutlet,
  type OutletKind,
} from '../core/feeds';
import { errorText } from '../core/errors';
import { getBrowser } from '../shared/browser';
import { formatList, t, tn, uiLocale, type MessageKey } from '../shared/i18n';
import { directoryApi, type DirectoryApi, type HostPermissionRequest } from './directoryConnector';
import { withDirectoryGroups } from './directoryGroups';
import { DirectoryOutletItem } from './DirectoryOutletItem';
import './directory.css';

const KIND_LABEL: Record<OutletKind, MessageKey> = {
  wire: 'directoryKindWire',
  public: 'directoryKindPublic',
  state: 'directoryKindState',
  commercial: 'directoryKindCommercial',
  nonprofit: 'directoryKindNonprofit',
  cooperative: 'directoryKindCooperative',
};

interface Props {
  /** Host access requests (the browser's by default). */
  permissions?: HostPermissionRequest;
  api?: DirectoryApi;
  /** The feeds followed now, when the page lists them already (the Feeds section); else asked for. */
  subscribedFeeds?: readonly string[];
  /** After a subscription, so the page can show the new feeds. */
  onSubscribed?(): void;
}

/** "a.example, b.example and c.example", or the first five and how many more. */
function siteList(origins: readonly string[]): string {
  const hosts = origins.map((o) => o.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, ''));
  return hosts.length <= 6 ? formatList(hosts, 'conjunction') : tn('directoryMoreSites', hosts.length - 5, [hosts.slice(0, 5).join(', ')]);
}

const IMPORT_BATCH = 500;

type Status = { kind: 'notice' | 'error'; text: string } | null;

/**
 * The starter directory: the bundled outlets, searched and grouped by country or language,
 * ticked one by one or a group at once, and subscribed in one click. That click asks once
 * for access to the chosen outlets' feed and article hosts; nothing is fetched before, and
 * the directory file itself is read from the extension only when the reader opens it.
 */
export function StarterDirectory({ permissions = getBrowser().permissions, api = directoryApi, subscribedFeeds, onSubscribed }: Props) {
  const [directory, setDirectory] = useState<Directory | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [by, setBy] = useState<DirectoryGrouping>('country');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [own, setOwn] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const locale = uiLocale();
  const names = useMemo(() => directoryNames(locale), [locale]);

  const refreshOwn = () => {
    if (subscribedFeeds === undefined) api.subscribed().then(setOwn, () => setOwn([]));
  };
  const loading = useRef(false);
  const load = () => {
    if (loading.current) return;
    loading.current = true;
    // A file that fails the check is said like one that cannot be read.
    api
      .load()
      .then(parseDirectory)
      .then(setDirectory, (e: unknown) => setLoadError(errorText(e)));
    refreshOwn();
  };

  const followed = useMemo(() => new Set((subscribedFeeds ?? own ?? []).map((u) => resolveHttpUrl(u, null) ?? u)), [subscribedFeeds, own]);
  const outlets = directory?.outlets ?? [];
  const shown = useMemo(() => searchDirectory(outlets, query, names), [outlets, query, names]);
  const groups = useMemo(() => groupDirectory(shown, by, names, locale), [shown, by, names, locale]);
  const chosen = outlets.filter((o) => selected.has(o.id) && !isSubscribed(o, followed));

  const toggle = (ids: string[], on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const subscribe = () => {
    if (chosen.length === 0) return;
    const picked = chosen;
    const plan = subscriptionPlan(picked);
    // Asked before anything is awaited: the request must stay inside the click.
    const granted = permissions.request({ origins: plan.origins }).catch(() => false);
    setBusy(true);
    setStatus(null);
    void (async () => {
      try {
        if (!(await granted)) {
          setStatus({ kind: 'error', text: tn('directoryPermissionDenied', picked.length, [siteList(plan.origins)]) });
          return;
        }
        // One message carries at most 1000 feeds (the protocol's bound): larger choices go in parts.
        const result = { added: 0, skipped: [] as { url: string; reason: string }[] };
        for (let i = 0; i < plan.feeds.length; i += IMPORT_BATCH) {
          const part = await api.importFeeds(plan.feeds.slice(i, i + IMPORT_BATCH));
          result.added += part.added;
          result.skipped.push(...part.skipped);
        }
        const lines = [tn('directorySubscribed', picked.length, [result.added])];
        if (result.skipped.length)
          lines.push(tn('directorySkipped', result.skipped.length, [result.skipped.map((s) => `${s.url} (${s.reason})`).join('; ')]));
        try {
          const merged = withDirectoryGroups(await api.readGroups(), picked, names.country);
          await api.saveGroups(merged.groups);
          if (merged.touched.length) lines.push(t('directoryGroupsFilled', [formatList(merged.touched, 'conjunction')]));
          if (merged.left.length) lines.push(t('directoryGroupsFull', [merged.left.join(', ')]));
        } catch (e) {
          lines.push(t('directoryGroupsFailed', [errorText(e)]));
        }
        setStatus({ kind: 'notice', text: lines.join(' ') });
        toggle(
          picked.map((o) => o.id),
          false,
        );
        refreshOwn();
        onSubscribed?.();
      } catch (e) {
        setStatus({ kind: 'error', text: errorText(e) });
      } finally {
        setBusy(false);
      }
    })();
  };

  const meta = (o: DirectoryOutlet) =>
    [
      new URL(o.site).hostname.replace(/^www\./, ''),
      by === 'country' ? names.language(o.language) : names.country(o.country),
      t(KIND_LABEL[o.kind]),
      ...(o.state && o.kind !== 'state' ? [t('directoryStateRun')] : []),
    ].join(' · ');

  return (
    <details class="directory" data-testid="directory" onToggle={(e) => e.currentTarget.open && load()}>
      <summary data-testid="directory-open">{t('directoryHeading')}</summary>
      <div class="directory-body">
        <p class="muted">{t('directoryIntro')}</p>
        {!directory && !loadError && (
          <p class="muted">
            <span class="spinner" aria-hidden="true" />
            {t('directoryLoading')}
          </p>
        )}
        {loadError && (
          <p class="error" role="alert" data-testid="directory-error">
            {loadError}
          </p>
        )}
        {directory && (
          <>
            {directory.skipped.length > 0 && (
              <p class="muted" data-testid="directory-skipped">
                {tn('directoryEntriesSkipped', directory.skipped.length, [
                  directory.skipped
                    .slice(0, 5)
                    .map((e) => `${e.id ?? `#${e.index + 1}`} (${e.reason})`)
                    .join('; '),
                ])}
              </p>
            )}
            <div class="directory-row directory-tools">
              <label class="directory-search">
                <span>{t('directorySearchLabel')}</span>
                <input
                  type="search"
                  data-testid="directory-search"
                  value={query}
                  placeholder={t('directorySearchPlaceholder')}
                  autoComplete="off"
                  spellcheck={false}
                  onInput={(e) => setQuery(e.currentTarget.value)}
                />
              </label>
              <label>
                <span>{t('directoryGroupBy')}</span>{' '}
                <select
                  data-testid="directory-group-by"
                  value={by}
                  onChange={(e) => setBy(e.currentTarget.value === 'language' ? 'language' : 'country')}
                >
                  <option value="country">{t('directoryByCountry')}</option>
                  <option value="language">{t('directoryByLanguage')}</option>
                </select>
              </label>
            </div>
            <p class="muted directory-count" role="status" data-testid="directory-count">
              {tn('directoryShowing', shown.length, [outlets.length])}
            </p>
            {shown.length === 0 && (
              <p class="muted" data-testid="directory-no-match">
                {t('directoryNoMatch', [query.trim().slice(0, 100)])}
              </p>
            )}
            <div class="directory-list" hidden={shown.length === 0}>
              {groups.map((g) => {
                const open = g.outlets.filter((o) => !isSubscribed(o, followed)).map((o) => o.id);
                const ticked = open.filter((id) => selected.has(id)).length;
                return (
                  <fieldset key={`${by}:${g.key}`} class="directory-group" data-testid="directory-group" data-key={g.key}>
                    <legend>
                      <label>
                        <input
                          type="checkbox"
                          data-testid="directory-group-check"
                          checked={open.length > 0 && ticked === open.length}
                          indeterminate={ticked > 0 && ticked < open.length}
                          disabled={busy || open.length === 0}
                          onChange={(e) => toggle(open, e.currentTarget.checked)}
                        />{' '}
                        {g.label} <span class="muted">{tn('directoryGroupCount', g.outlets.length)}</span>
                      </label>
                    </legend>
                    <ul>
                      {g.outlets.map((o) => (
                        <DirectoryOutletItem
                          key={o.id}
                          outlet={o}
                          meta={meta(o)}
                          followed={isSubscribed(o, followed)}
                          selected={selected.has(o.id)}
                          busy={busy}
                          onToggle={(on) => toggle([o.id], on)}
                        />
                      ))}
                    </ul>
                  </fieldset>
                );
              })}
            </div>
            <div class="directory-row">
              <button
                type="button"
                class="primary"
                data-testid="directory-subscribe"
                disabled={busy || chosen.length === 0}
                onClick={subscribe}
              >
                {tn('directorySubscribeN', chosen.length)}
              </button>
              {chosen.length > 0 && (
                <button type="button" disabled={busy} onClick={() => setSelected(new Set())}>
                  {t('directoryClear')}
                </button>
              )}
            </div>
          </>
        )}
        <div role="status" aria-live="polite">
          {status?.kind === 'notice' && (
            <p class="notice" data-testid="directory-notice">
              {status.text}
            </p>
          )}
          {status?.kind === 'error' && (
            <p class="error" role="alert" data-testid="directory-refused">
              {status.text}
            </p>
          )}
        </div>
      </div>
    </details>
  );
}
