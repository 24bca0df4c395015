import type { ArchiveFilter, ArchiveSort, ListQuery } from '../shared/messages';

/**
 * What the archive list shows, kept in the page's URL hash so a reload (or a bookmark)
 * keeps the search, the filters, the order and the open article:
 * `#q=flood&outlet=NPR&outlet=CNN&group=US&from=2024-01-01&to=2024-12-31&story=s1&same=<id>&sort=title&dir=asc&article=<id>`.
 */
export interface ViewState {
  query: string;
  outlets: string[];
  group: string;
  from: string;
  to: string;
  story: string;
  sameStoryAs: string;
  sort: ArchiveSort;
  dir: 'asc' | 'desc';
  article: string;
}

export const DEFAULT_VIEW: ViewState = {
  query: '',
  outlets: [],
  group: '',
  from: '',
  to: '',
  story: '',
  sameStoryAs: '',
  sort: 'saved',
  dir: 'desc',
  article: '',
};

const SORTS: readonly ArchiveSort[] = ['saved', 'published', 'outlet', 'title'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX = 500;

/** A search to open with, from `options.html?q=…` (the context menu "Search the archive for …"). */
export function initialQuery(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').slice(0, MAX);
}

export function parseViewHash(hash: string, fallbackQuery = ''): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const text = (key: string) => (p.get(key) ?? '').slice(0, MAX);
  const day = (key: string) => (DAY.test(text(key)) ? text(key) : '');
  const sort = text('sort') as ArchiveSort;
  return {
    query: p.has('q') ? text('q') : fallbackQuery.slice(0, MAX),
    outlets: p
      .getAll('outlet')
      .slice(0, 200)
      .map((o) => o.slice(0, MAX)),
    group: text('group'),
    from: day('from'),
    to: day('to'),
    story: text('story'),
    sameStoryAs: text('same'),
    sort: SORTS.includes(sort) ? sort : DEFAULT_VIEW.sort,
    dir:
      text('dir') === 'asc' ? 'asc' : text('dir') === 'desc' ? 'desc' : sort && SORTS.includes(sort) ? defaultDir(sort) : DEFAULT_VIEW.dir,
    article: text('article'),
  };
}

export function viewHash(view: ViewState): string {
  const p = new URLSearchParams();
  if (view.query) p.set('q', view.query);
  for (const o of view.outlets) p.append('outlet', o);
  if (view.group) p.set('group', view.group);
  if (view.from) p.set('from', view.from);
  if (view.to) p.set('to', view.to);
  if (view.story) p.set('story', view.story);
  if (view.sameStoryAs) p.set('same', view.sameStoryAs);
  if (view.sort !== DEFAULT_VIEW.sort || view.dir !== DEFAULT_VIEW.dir) {
    p.set('sort', view.sort);
    p.set('dir', view.dir);
  }
  if (view.article) p.set('article', view.article);
  const s = p.toString();
  return s ? `#${s}` : '';
}

/** Dates newest first, names A to Z. */
export function defaultDir(sort: ArchiveSort): 'asc' | 'desc' {
  return sort === 'saved' || sort === 'published' ? 'desc' : 'asc';
}

/**
 * The list filter of a view. A group narrows to its outlets (intersected with outlets
 * picked one by one when both are set); an unknown group matches nothing rather than
 * everything, so a stale link never shows more than it says.
 */
export function viewFilter(view: ViewState, groupOutlets: (name: string) => string[] | null): ArchiveFilter {
  const filter: ArchiveFilter = {};
  if (view.query.trim()) filter.query = view.query.trim();
  let outlets: string[] | null = view.outlets.length ? view.outlets : null;
  if (view.group) {
    const members = groupOutlets(view.group) ?? [];
    outlets = outlets ? outlets.filter((o) => members.some((m) => m.toLowerCase() === o.toLowerCase())) : members;
  }
  if (outlets) filter.outlets = outlets;
  if (view.from) filter.from = view.from;
  if (view.to) filter.to = view.to;
  if (view.story) filter.story = view.story;
  if (view.sameStoryAs) filter.sameStoryAs = view.sameStoryAs;
  return filter;
}

export function listQuery(view: ViewState, filter: ArchiveFilter, offset: number, limit: number): ListQuery {
  return { ...filter, sort: view.sort, dir: view.dir, offset, limit };
}

/** True when any filter (not the order) narrows the list. */
export function isFiltered(view: ViewState): boolean {
  return Boolean(view.query.trim() || view.outlets.length || view.group || view.from || view.to || view.story || view.sameStoryAs);
}
