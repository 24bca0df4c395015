import { errorText } from '../core/errors';
import { useEffect, useState } from 'preact/hooks';
import type { ArchiveFacets, ArchiveStats } from '../shared/messages';
import type { ArchiveApi } from './connector';

/** The archive's size and its filter values (outlets, stories, dates), asked again at each `version`. */
export function useArchiveStats(
  api: ArchiveApi,
  version: number,
  onError: (message: string) => void,
): { stats: ArchiveStats | null; facets: ArchiveFacets | null } {
  const [stats, setStats] = useState<ArchiveStats | null>(null);
  const [facets, setFacets] = useState<ArchiveFacets | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.stats(), api.facets()]).then(
      ([s, f]) => {
        if (!live) return;
        setStats(s);
        setFacets(f);
      },
      (e: unknown) => live && onError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [version, api]);
  return { stats, facets };
}

/** The headline of an archived record (its id when it has none), null while unknown or when there is no such record. */
export function useRecordTitle(api: ArchiveApi, id: string): string | null {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    setTitle(null);
    if (id)
      void api.get(id).then(
        (r) => setTitle(r ? r.title || r.id : null),
        () => undefined,
      );
  }, [id, api]);
  return title;
}
