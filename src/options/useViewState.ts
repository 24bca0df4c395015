import { useEffect, useState } from 'preact/hooks';
import { parseViewHash, viewHash, type ViewState } from './viewState';

const SEARCH_DELAY_MS = 200;

/**
 * The list's view kept in the URL hash (a reload or a bookmark keeps it), and the search
 * as the list uses it: a typed search waits until the reader pauses, a cleared one applies at once.
 */
export function useViewState(initialQuery: string): { view: ViewState; setView(patch: Partial<ViewState>): void; query: string } {
  const [view, setViewState] = useState<ViewState>(() => parseViewHash(location.hash, initialQuery));
  const [query, setQuery] = useState(view.query);

  const setView = (patch: Partial<ViewState>) =>
    setViewState((old) => {
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

  return { view, setView, query };
}
