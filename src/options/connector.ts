import { getBrowser } from '../shared/browser';
import { send } from '../ui/client';
import type { ArchiveFilter, ArchiveStats, ImportSummary, ListQuery } from '../shared/messages';

/** The options page's one connector to the background (so the page can also be rendered with fixture data). */
export const archiveApi = {
  list: (query: ListQuery) => send('archive/list', query),
  ids: async (query: ListQuery): Promise<string[]> => (await send('archive/ids', query)).ids,
  stats: (): Promise<ArchiveStats> => send('archive/stats', {}),
  facets: () => send('archive/facets', {}),
  get: async (id: string) => (await send('archive/get', { id })).record,
  related: async (id: string) => (await send('archive/related', { id })).related,
  remove: async (ids: string[]): Promise<number> => (await send('archive/delete', { ids })).deleted,
  removeMatching: async (filter: ArchiveFilter, except: string[]): Promise<number> => (await send('archive/deleteMatching', { filter, except })).deleted,
  loadSample: (): Promise<ImportSummary> => send('archive/loadSample', {}),
  /** The full comparison page for an archived article against another. */
  compareUrl: (self: string, other: string): string => getBrowser().runtime.getURL(`compare.html?${new URLSearchParams({ self, ids: other }).toString()}`),
  send,
};

export type ArchiveApi = typeof archiveApi;

/** A search to open with, from `options.html?q=…` (the context menu "Search the archive for …"). */
export function initialQuery(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').slice(0, 500);
}
