import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ArchiveFacets, ArchiveStats, ListQuery } from '../shared/messages';
import { groupLabels, readGroups, saveGroups, watchGroups, type OutletGroup } from '../ui/outletGroups';
import { ArchiveFilters } from './ArchiveFilters';
import { ArchiveGrid } from './ArchiveGrid';
import { ArchiveToolbar } from './ArchiveToolbar';
import { ArticleView } from './ArticleView';
import { Feeds } from './Feeds';
import { formatNumber, t, tn } from '../shared/i18n';
import { archiveApi as defaultApi, type ArchiveApi } from './connector';
import { GrowthSettings } from './GrowthSettings';
import { OutletGroups } from './OutletGroups';
import type { Notice } from './notice';
import { NONE, selectedCount, type Selection } from './selection';
import { Settings, type SettingsBrowser } from './Settings';
import { StorageSummary } from './StorageSummary';
import { isFiltered, parseViewHash, viewFilter, viewHash, type ViewState } from './viewState';

const SEARCH_DELAY_MS = 200;
/** While records are being indexed, the list and counts are asked again this often. */
const PENDING_POLL_MS = 1000;

/**
 * The options page: the archive as a virtualised, searchable, filterable list with bulk
 * delete and an article view; import, export and the sample; outlet groups; settings.
 * The search, filters, order and open article live in the URL hash.
 */
export function OptionsApp({ api = defaultApi, initialQuery = '', browser }: { api?: ArchiveApi; initialQuery?: string; browser?: SettingsBrowser }) {
  const [view, setViewState] = useState<ViewState>(() => parseViewHash(location.hash, initialQuery));
  const [query, setQuery] = useState(view.query);
  const [stats, setStats] = useState<ArchiveStats | null>(null);
  const [facets, setFacets] = useState<ArchiveFacets | null>(null);
  const [groups, setGroups] = useState<OutletGroup[]>([]);
  const [total, setTotal] = useState(0);
  const [pending, setPending] = useState(0);
  /** The list (filter and order) whose first page has arrived: the count shown is for it. */
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>(NONE);
  const [confirming, setConfirming] = useState(false);
  const [sameStoryTitle, setSameStoryTitle] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setView = (patch: Partial<ViewState>) => setViewState((old) => {
    const next = { ...old, ...patch };
    history.replaceState(null, '', viewHash(next) || `${location.pathname}${location.search}`);
    return next;
  });
  useEffect(() => {
    const onHash = () => setViewState(parseViewHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(view.query), view.query ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [view.query]);
  useEffect(() => {
    if (!browser) return;
    void readGroups(browser.storage).then(setGroups);
    watchGroups(browser.storage, setGroups);
  }, [browser]);

  const filter = viewFilter({ ...view, query }, (name) => groups.find((g) => g.name === name)?.outlets ?? null);
  const filterKey = JSON.stringify(filter);
  const base: ListQuery = useMemo(() => ({ ...filter, sort: view.sort, dir: view.dir }), [filterKey, view.sort, view.dir]);
  const labels = useMemo(() => groupLabels(groups), [groups]);
  // "All matching" means the current filters: a new filter starts a new selection.
  useEffect(() => {
    setSelection(NONE);
    setConfirming(false);
  }, [filterKey]);
  const loaded = loadedFor === JSON.stringify(base);

  useEffect(() => {
    let live = true;
    Promise.all([api.stats(), api.facets()]).then(([s, f]) => {
      if (!live) return;
      setStats(s);
      setFacets(f);
    }, (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [version, api]);
  // Records still being indexed after an import: ask again until the list has them all.
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setVersion((v) => v + 1), PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, version]);
  useEffect(() => {
    setSameStoryTitle(null);
    if (view.sameStoryAs) void api.get(view.sameStoryAs).then((r) => setSameStoryTitle(r ? r.title || r.id : null), () => undefined);
  }, [view.sameStoryAs, api]);

  /** Runs an archive change with one notice at a time; errors go to the error line. */
  const run = async (work: () => Promise<Notice | null>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      setVersion((v) => v + 1);
      if (result?.kind === 'error') {
        setNotice(null);
        setError(result.text);
      } else {
        setNotice(result);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const chosen = selectedCount(selection, total);
  const deleteChosen = () => run(async () => {
    setConfirming(false);
    const deleted = selection.all ? await api.removeMatching(filter, [...selection.ids]) : await api.remove([...selection.ids]);
    setSelection(NONE);
    return { kind: 'info', text: tn('deletedCount', deleted) };
  });

  return (
    <main class="options">
      <header class="options-header">
        <h1>{t('optionsHeading')}</h1>
        <StorageSummary stats={stats} />
      </header>
      <p class="muted intro">{t('optionsIntro')}</p>
      <ArchiveToolbar api={api} busy={busy} run={run} notice={notice} error={error} />
      <section class="archive" aria-labelledby="archive-heading">
        <h2 id="archive-heading" class="visually-hidden">{t('archivedArticles')}</h2>
        <ArchiveFilters view={view} facets={facets} groups={groups} sameStoryTitle={sameStoryTitle} onChange={setView} />
        <div class="list-bar">
          <p class="list-count" role="status" data-testid="list-count">
            {!loaded ? t('archiveLoading') : isFiltered(view) ? tn('matchingCount', total, [formatNumber(stats?.count ?? total)]) : tn('listedCount', total)}
            {pending > 0 && <span class="muted" data-testid="indexing"> · {tn('indexingCount', pending)}</span>}
          </p>
          <div class="selection-actions">
            <button type="button" data-testid="select-all" disabled={busy || total === 0 || (selection.all && selection.ids.size === 0)} onClick={() => setSelection({ all: true, ids: new Set() })}>
              {tn('selectAllMatching', total)}
            </button>
            {chosen > 0 && <button type="button" data-testid="clear-selection" onClick={() => setSelection(NONE)}>{t('clearSelection')}</button>}
            <button type="button" data-testid="delete-selected" disabled={busy || chosen === 0} onClick={() => setConfirming(true)}>
              {chosen ? t('deleteSelectedCount', [chosen]) : t('deleteSelected')}
            </button>
          </div>
        </div>
        {confirming && chosen > 0 && (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="confirm-delete">
            <p id="confirm-text">{tn('confirmDelete', chosen)}</p>
            <button type="button" class="danger" data-testid="confirm-delete-yes" autoFocus onClick={() => void deleteChosen()}>{tn('deleteCount', chosen)}</button>
            <button type="button" onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </div>
        )}
        {stats?.count === 0 && !pending ? (
          <p class="empty">{t('archiveEmpty')}</p>
        ) : (
          <>
            {loaded && total === 0 && <p class="empty" data-testid="no-matches">{view.query.trim() ? t('noArticleMatches', [view.query.trim()]) : t('noArticleMatchesFilters')}</p>}
            <ArchiveGrid
              source={api}
              base={base}
              version={version}
              total={total}
              selection={selection}
              onSelection={setSelection}
              onOpen={(id) => setView({ article: id })}
              onSort={(sort) => setView({ sort, dir: sort === view.sort ? (view.dir === 'asc' ? 'desc' : 'asc') : sort === 'saved' || sort === 'published' ? 'desc' : 'asc' })}
              labels={labels}
              onLoaded={(n, waiting, forKey) => {
                setTotal(n);
                setPending(waiting);
                setLoadedFor(forKey);
              }}
              onError={setError}
            />
          </>
        )}
      </section>
      <OutletGroups
        groups={groups}
        onSave={async (next) => {
          setGroups(browser ? await saveGroups(browser.storage, next) : next);
        }}
      />
      {browser && <Feeds />}
      {browser && <GrowthSettings onArchiveChange={() => setVersion((v) => v + 1)} />}
      {browser && <Settings browser={browser} />}
      {view.article && (
        <ArticleView
          key="article"
          id={view.article}
          source={api}
          labels={labels}
          onClose={() => setView({ article: '' })}
          onOpen={(id) => setView({ article: id })}
          onSameStory={(id) => setView({ sameStoryAs: id, article: '' })}
        />
      )}
    </main>
  );
}
