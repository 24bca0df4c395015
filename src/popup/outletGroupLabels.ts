import { useEffect, useState } from 'preact/hooks';
import { getBrowser } from '../shared/browser';
import { groupLabels, readGroups, watchGroups, type OutletGroup } from '../ui/outletGroups';

/** outlet → the reader's group names for it (options page, "Outlet groups"), kept current. */
export function useOutletGroupLabels(): (outlet: string) => string[] {
  const [groups, setGroups] = useState<OutletGroup[]>([]);
  useEffect(() => {
    const { storage } = getBrowser();
    void readGroups(storage).then(setGroups);
    watchGroups(storage, setGroups);
  }, []);
  return groupLabels(groups);
}
