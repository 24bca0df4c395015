import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ListQuery } from '../shared/messages';
import { groupLabels } from '../ui/outletGroups';
import { t, tn } from '../shared/i18n';
import { ArchiveFilters } from './ArchiveFilters';
import { ArchiveGrid } from './ArchiveGrid';
import { ArchiveToolbar } from './ArchiveToolbar';
import { ArticleView } from './ArticleView';
import { CaptureAndRetention } from './CaptureAndRetention';
import { archiveApi as defaultApi, type ArchiveApi } from './connector';
import { DiscoverySection } from './DiscoverySection';
import { Feeds } from './Feeds';
import { OutletGroups } from './OutletGroups';
import { NONE, type Selection } from './selection';
import { SelectionBar } from './SelectionBar';
import { Settings, type SettingsBrowser } from './Settings';
import { StorageSummary } from './StorageSummary';
import { useArchiveStats, useRecordTitle } from './useArchiveStats';
import { useOutletGroups } from './useOutletGroups';
import { useTask, type Notice } from './useTask';
import { useViewState } from './useViewState';
import { isFiltered, viewFilter } from './viewState';

/** While records are being indexed, the list and counts are asked again this often. */
const PENDING_POLL_MS = 1000;

/**
 * The options page: the archive as a virtualised, searchable, filterable list with bulk
 * delete and an article view; import, export and the sample; outlet groups; feeds;
 * capture and retention; settings. The search, filters, order and open article live in the URL hash.
 */
export function OptionsApp({
  api = defaultApi,
  initialQuery = '',
  browser,
}: {
  api?: ArchiveApi;
  initialQuery?: string;
  browser?: SettingsBrowser;
}) {
  const { view, setView, query } = useViewState(initialQuery);
  const { groups, save: saveGroups } = useOutletGroups(browser);
  const task = useTask();
  const [total, setTotal] = useState(0);
  const [pending, setPending] = useState(0);
  /** The list (filter and order) whose first page has arrived: the count shown is for it. */
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [selection, setSelection] = useState<Selection>(NONE);
  const { stats, facets } = useArchiveStats(api, version, task.fail);
  const sameStoryTitle = useRecordTitle(api, view.sameStoryAs);

  const filter = viewFilter({ ...view, query }, (name) => groups.find((g) => g.name === name)?.outlets ?? null);
  const filterKey = JSON.stringify(filter);
  const base: ListQuery = useMemo(() => ({ ...filter, sort: view.sort, dir: view.dir }), [filterKey, view.sort, view.dir]);
  const labels = useMemo(() => groupLabels(groups), [groups]);
  // "All matching" means the current filters: a new filter starts a new selection.
  useEffect(() => setSelection(NONE), [filterKey]);
  const loaded = loadedFor === JSON.stringify(base);

  // Records still being indexed after an import: ask again until the list has them all.
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setVersion((v) => v + 1), PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, version]);

  /** Runs an archive change; the list and counts are asked again when it is done. */
  const run = (work: () => Promise<Notice | string | null>) =>
    task.run(async () => {
      const result = await work();
      setVersion((v) => v + 1);
      return result;
    });

  const deleteChosen = () =>
    run(async () => {
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
      <ArchiveToolbar api={api} busy={task.busy} run={run} notice={task.notice} error={task.error} />
      <section class="archive" aria-labelledby="archive-heading">
        <h2 id="archive-heading" class="visually-hidden">
          {t('archivedArticles')}
        </h2>
        <ArchiveFilters view={view} facets={facets} groups={groups} sameStoryTitle={sameStoryTitle} onChange={setView} />
        <SelectionBar
          total={total}
          loaded={loaded}
          filtered={isFiltered(view)}
          archiveCount={stats?.count}
          pending={pending}
          busy={task.busy}
          selection={selection}
          onSelection={setSelection}
          onDelete={deleteChosen}
          filterKey={filterKey}
        />
        {stats?.count === 0 && !pending ? (
          <p class="empty">{t('archiveEmpty')}</p>
        ) : (
          <>
            {loaded && total === 0 && (
              <p class="empty" data-testid="no-matches">
                {view.query.trim() ? t('noArticleMatches', [view.query.trim()]) : t('noArticleMatchesFilters')}
              </p>
            )}
            <ArchiveGrid
              source={api}
              base={base}
              version={version}
              total={total}
              selection={selection}
              onSelection={setSelection}
              onOpen={(id) => setView({ article: id })}
              onSort={(sort) =>
                setView({
                  sort,
                  dir:
                    sort === view.sort ? (view.dir === 'asc' ? 'desc' : 'asc') : sort === 'saved' || sort === 'published' ? 'desc' : 'asc',
                })
              }
              labels={labels}
              onLoaded={(n, waiting, forKey) => {
                setTotal(n);
                setPending(waiting);
                setLoadedFor(forKey);
              }}
              onError={task.fail}
            />
          </>
        )}
      </section>
      <OutletGroups groups={groups} onSave={saveGroups} />
      {browser && <Feeds />}
      {browser && <CaptureAndRetention onArchiveChange={() => setVersion((v) => v + 1)} />}
      {browser && <DiscoverySection />}
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
