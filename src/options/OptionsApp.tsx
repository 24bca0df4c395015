import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ArchiveListItem, ArchiveStats } from '../shared/messages';
import { ArchiveTable } from './ArchiveTable';
import { ArchiveToolbar } from './ArchiveToolbar';
import { Feeds } from './Feeds';
import { t, tn } from '../shared/i18n';
import { archiveApi as defaultApi, type ArchiveApi } from './connector';
import { GrowthSettings } from './GrowthSettings';
import { Settings, type SettingsBrowser } from './Settings';
import { StorageSummary } from './StorageSummary';

export const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 200;

export interface Notice {
  text: string;
  kind: 'info' | 'error';
}

/** The options page: the archive as a searchable, pageable list, with import, export and the sample. */
export function OptionsApp({ api = defaultApi, initialQuery = '', browser }: { api?: ArchiveApi; initialQuery?: string; browser?: SettingsBrowser }) {
  const [stats, setStats] = useState<ArchiveStats | null>(null);
  const [query, setQuery] = useState(initialQuery);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; items: ArchiveListItem[] } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const request = useRef(0);

  const refresh = useCallback(async (q: string, from: number) => {
    const ticket = ++request.current;
    try {
      const [list, s] = await Promise.all([api.list({ query: q, offset: from, limit: PAGE_SIZE }), api.stats()]);
      if (ticket !== request.current) return;
      if (list.items.length === 0 && from > 0 && list.total > 0) {
        setOffset(Math.max(0, Math.floor((list.total - 1) / PAGE_SIZE) * PAGE_SIZE));
        return;
      }
      setPage(list);
      setStats(s);
    } catch (e) {
      if (ticket === request.current) setError(e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  useEffect(() => {
    const timer = setTimeout(() => void refresh(query, offset), query ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [query, offset, refresh]);

  const reload = () => refresh(query, offset);

  /** Runs an archive change with one notice at a time; errors go to the error line. */
  const run = async (work: () => Promise<Notice | null>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      // The list and count first, so the message and the numbers change together.
      await reload();
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

  const deleteSelected = () => run(async () => {
    const ids = [...selected];
    const deleted = await api.remove(ids);
    setSelected(new Set());
    return { kind: 'info', text: tn('deletedCount', deleted) };
  });

  return (
    <main class="options">
      <header class="options-header">
        <h1>{t('optionsHeading')}</h1>
        <StorageSummary stats={stats} />
      </header>
      <p class="muted intro">{t('optionsIntro')}</p>
      {browser && <Settings browser={browser} />}
      {browser && <GrowthSettings onArchiveChange={() => void reload()} />}
      {browser && <Feeds />}
      <ArchiveToolbar api={api} busy={busy} run={run} notice={notice} error={error} />
      <ArchiveTable
        page={page}
        query={query}
        offset={offset}
        pageSize={PAGE_SIZE}
        selected={selected}
        busy={busy}
        archiveEmpty={stats?.count === 0}
        onQuery={(q) => {
          setQuery(q);
          setOffset(0);
        }}
        onOffset={setOffset}
        onSelect={setSelected}
        onDelete={() => void deleteSelected()}
      />
    </main>
  );
}
