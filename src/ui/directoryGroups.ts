import { outletNames, type DirectoryOutlet } from '../core/feeds';
import { MAX_GROUP_NAME, MAX_GROUP_OUTLETS, MAX_GROUPS, type OutletGroup } from './outletGroups';

export interface DirectoryGroupsResult {
  groups: OutletGroup[];
  /** Names of the groups that now list the outlets. */
  touched: string[];
  /** Outlets no group could take (at most MAX_GROUPS groups, MAX_GROUP_OUTLETS outlets each). */
  left: string[];
}

/**
 * Adds subscribed outlets to the reader's groups, one per country ("Canada"), as the groups
 * match articles: by the outlet's names and site, without case. An existing group of that
 * name is extended, never replaced; the reader's other groups stay as they are.
 */
export function withDirectoryGroups(
  groups: readonly OutletGroup[],
  outlets: readonly DirectoryOutlet[],
  countryName: (code: string) => string,
): DirectoryGroupsResult {
  const next = groups.map((g) => ({ name: g.name, outlets: [...g.outlets] }));
  const touched = new Set<string>();
  const left: string[] = [];
  for (const outlet of outlets) {
    const name = countryName(outlet.country).slice(0, MAX_GROUP_NAME).trim() || outlet.country;
    let group = next.find((g) => g.name.toLowerCase() === name.toLowerCase());
    if (!group) {
      if (next.length >= MAX_GROUPS) {
        left.push(outlet.name);
        continue;
      }
      group = { name, outlets: [] };
      next.push(group);
    }
    const have = new Set(group.outlets.map((o) => o.toLowerCase()));
    const missing = outletNames(outlet).filter((n) => !have.has(n.toLowerCase()));
    if (group.outlets.length + missing.length > MAX_GROUP_OUTLETS) {
      left.push(outlet.name);
      continue;
    }
    group.outlets.push(...missing);
    touched.add(group.name);
  }
  return { groups: next.filter((g) => g.outlets.length > 0), touched: [...touched], left };
}
