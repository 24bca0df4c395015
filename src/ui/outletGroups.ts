import * as v from 'valibot';
import { readStored, watchStored, type StorageArea } from '../shared/storage';

/**
 * Outlet groups the reader defines (a country, an owner, an own tag): a name and a list of
 * outlets. Stored in storage.local, so the options page edits them and the popup shows them
 * as labels beside each outlet; checked with a schema whenever read or saved.
 */
export interface OutletGroup {
  name: string;
  outlets: string[];
}

export const GROUPS_KEY = 'outletGroups';
export const MAX_GROUPS = 100;
export const MAX_GROUP_OUTLETS = 1000;
export const MAX_GROUP_NAME = 60;

const GroupSchema = v.strictObject({
  name: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'a group needs a name'),
    v.maxLength(MAX_GROUP_NAME, `a group name has at most ${MAX_GROUP_NAME} characters`),
  ),
  outlets: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500))),
    v.minLength(1, 'a group needs at least one outlet'),
    v.maxLength(MAX_GROUP_OUTLETS, `a group has at most ${MAX_GROUP_OUTLETS} outlets`),
  ),
});

const GroupsSchema = v.pipe(
  v.array(GroupSchema),
  v.maxLength(MAX_GROUPS, `at most ${MAX_GROUPS} groups`),
  v.check((groups) => new Set(groups.map((g) => g.name.toLowerCase())).size === groups.length, 'two groups have the same name'),
);

/** Checks groups; outlets are trimmed and de-duplicated. The reason is a sentence fragment for the reader. */
export function checkGroups(value: unknown): { ok: true; groups: OutletGroup[] } | { ok: false; reason: string } {
  const result = v.safeParse(GroupsSchema, value);
  if (!result.success) return { ok: false, reason: result.issues[0].message };
  return { ok: true, groups: result.output.map((g) => ({ name: g.name, outlets: [...new Set(g.outlets)] })) };
}

/** The stored groups; an unreadable value counts as none (and is replaced by the next save). */
export async function readGroups(storage: Pick<StorageArea, 'local'>): Promise<OutletGroup[]> {
  const checked = checkGroups((await readStored(storage, GROUPS_KEY)) ?? []);
  return checked.ok ? checked.groups : [];
}

export async function saveGroups(storage: Pick<StorageArea, 'local'>, groups: OutletGroup[]): Promise<OutletGroup[]> {
  const checked = checkGroups(groups);
  if (!checked.ok) throw new Error(checked.reason);
  await storage.local.set({ [GROUPS_KEY]: checked.groups });
  return checked.groups;
}

/** Calls `onChange` with the groups whenever a page stores new ones. */
export function watchGroups(storage: StorageArea, onChange: (groups: OutletGroup[]) => void): void {
  watchStored(storage, GROUPS_KEY, (value) => {
    const checked = checkGroups(value ?? []);
    onChange(checked.ok ? checked.groups : []);
  });
}

/** outlet → names of the groups it belongs to (outlets compared without case). */
export function groupLabels(groups: readonly OutletGroup[]): (outlet: string) => string[] {
  const map = new Map<string, string[]>();
  for (const g of groups) {
    for (const o of g.outlets) {
      const key = o.toLowerCase();
      const names = map.get(key) ?? [];
      if (!names.includes(g.name)) names.push(g.name);
      map.set(key, names);
    }
  }
  return (outlet) => (outlet ? (map.get(outlet.toLowerCase()) ?? []) : []);
}
