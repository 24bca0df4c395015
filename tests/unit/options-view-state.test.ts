import { describe, expect, it } from 'vitest';
import { checkGroups, groupLabels } from '../../src/ui/outletGroups';
import { ALL, isSelected, NONE, selectedCount, setSelected, toggle } from '../../src/options/selection';
import { DEFAULT_VIEW, isFiltered, parseViewHash, viewFilter, viewHash } from '../../src/options/viewState';

describe('the archive view in the URL hash', () => {
  it('round-trips every field, and an empty view is an empty hash', () => {
    const view = {
      query: 'flood & fire',
      outlets: ['NPR', 'Fox News'],
      group: 'US',
      from: '2024-01-01',
      to: '2024-12-31',
      story: 's1',
      sameStoryAs: 'abp:1',
      sort: 'title' as const,
      dir: 'asc' as const,
      article: 'x/y?z',
    };
    expect(parseViewHash(viewHash(view))).toEqual(view);
    expect(viewHash(DEFAULT_VIEW)).toBe('');
    expect(parseViewHash('')).toEqual(DEFAULT_VIEW);
  });

  it('ignores what it cannot use: bad dates and sorts, and keeps the context menu query when the hash has none', () => {
    expect(parseViewHash('#from=2024-1-1&to=yesterday&sort=random&dir=up', 'from menu')).toEqual({ ...DEFAULT_VIEW, query: 'from menu' });
    expect(parseViewHash('#q=hash', 'from menu').query).toBe('hash');
    // A sort without a direction takes that sort's natural one.
    expect(parseViewHash('#sort=outlet')).toMatchObject({ sort: 'outlet', dir: 'asc' });
  });

  it('turns a view into the list filter: a group narrows to its outlets, an unknown group to nothing', () => {
    const groups = (name: string) => (name === 'UK' ? ['Daily Mail', 'The Guardian'] : null);
    expect(viewFilter({ ...DEFAULT_VIEW, query: '  flood ', group: 'UK' }, groups)).toEqual({
      query: 'flood',
      outlets: ['Daily Mail', 'The Guardian'],
    });
    expect(viewFilter({ ...DEFAULT_VIEW, outlets: ['Daily Mail', 'NPR'], group: 'UK' }, groups)).toEqual({ outlets: ['Daily Mail'] });
    expect(viewFilter({ ...DEFAULT_VIEW, group: 'Gone' }, groups)).toEqual({ outlets: [] });
    expect(viewFilter({ ...DEFAULT_VIEW, from: '2024-01-01', story: 's', sameStoryAs: 'id' }, groups)).toEqual({
      from: '2024-01-01',
      story: 's',
      sameStoryAs: 'id',
    });
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, sort: 'title' })).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, to: '2024-01-01' })).toBe(true);
  });
});

describe('selection over a list that is never all loaded', () => {
  it('selects ids, or all matching but the ones taken out', () => {
    let sel = setSelected(NONE, ['a', 'b', 'c'], true);
    expect(selectedCount(sel, 100)).toBe(3);
    sel = toggle(sel, 'b');
    expect(['a', 'b', 'c'].map((id) => isSelected(sel, id))).toEqual([true, false, true]);
    let all = toggle(ALL, 'x');
    expect(selectedCount(all, 100)).toBe(99);
    expect(isSelected(all, 'x')).toBe(false);
    expect(isSelected(all, 'y')).toBe(true);
    all = setSelected(all, ['x'], true);
    expect(selectedCount(all, 100)).toBe(100);
  });
});

describe('outlet groups', () => {
  it('accepts named groups, trimming and de-duplicating outlets', () => {
    expect(checkGroups([{ name: ' UK ', outlets: ['Daily Mail', ' Daily Mail ', 'BBC News'] }])).toEqual({
      ok: true,
      groups: [{ name: 'UK', outlets: ['Daily Mail', 'BBC News'] }],
    });
  });

  it('refuses with a reason: no name, no outlets, the same name twice, not a list', () => {
    expect(checkGroups([{ name: '', outlets: ['a'] }])).toEqual({ ok: false, reason: 'a group needs a name' });
    expect(checkGroups([{ name: 'x', outlets: [] }])).toEqual({ ok: false, reason: 'a group needs at least one outlet' });
    expect(
      checkGroups([
        { name: 'UK', outlets: ['a'] },
        { name: 'uk', outlets: ['b'] },
      ]),
    ).toEqual({ ok: false, reason: 'two groups have the same name' });
    expect(checkGroups('UK')).toMatchObject({ ok: false });
    expect(checkGroups([{ name: 'x', outlets: ['a'], extra: 1 }])).toMatchObject({ ok: false });
  });

  it('labels an outlet with every group it is in, ignoring case', () => {
    const labels = groupLabels([
      { name: 'UK', outlets: ['Daily Mail'] },
      { name: 'Tabloids', outlets: ['daily mail', 'Sun'] },
    ]);
    expect(labels('Daily Mail')).toEqual(['UK', 'Tabloids']);
    expect(labels('NPR')).toEqual([]);
    expect(labels('')).toEqual([]);
  });
});
