import { send } from '../shared/client';
import type { ArchiveListItem, ArchiveStats, ImportSummary, ListQuery } from '../shared/messages';

/** The options page's one connector to the background (so the page can also be rendered with fixture data). */
export const archiveApi = {
  list: (query: ListQuery): Promise<{ total: number; items: ArchiveListItem[] }> => send('archive/list', query),
  stats: (): Promise<ArchiveStats> => send('archive/stats', {}),
  remove: async (ids: string[]): Promise<number> => (await send('archive/delete', { ids })).deleted,
  loadSample: (): Promise<ImportSummary> => send('archive/loadSample', {}),
  send,
};

export type ArchiveApi = typeof archiveApi;

/** A search to open with, from `options.html?q=…` (the context menu "Search the archive for …"). */
export function initialQuery(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').slice(0, 500);
}
