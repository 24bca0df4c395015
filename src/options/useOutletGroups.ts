import { useEffect, useState } from 'preact/hooks';
import { readGroups, saveGroups, watchGroups, type OutletGroup } from '../ui/outletGroups';
import type { SettingsBrowser } from './Settings';

/** The reader's outlet groups, followed as they change in storage; without a browser (a fixture page) they live in the page only. */
export function useOutletGroups(browser: SettingsBrowser | undefined): { groups: OutletGroup[]; save(next: OutletGroup[]): Promise<void> } {
  const [groups, setGroups] = useState<OutletGroup[]>([]);
  useEffect(() => {
    if (!browser) return;
    void readGroups(browser.storage).then(setGroups);
    watchGroups(browser.storage, setGroups);
  }, [browser]);
  const save = async (next: OutletGroup[]) => {
    setGroups(browser ? await saveGroups(browser.storage, next) : next);
  };
  return { groups, save };
}
