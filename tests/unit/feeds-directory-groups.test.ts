import { describe, expect, it } from 'vitest';
import { directoryNames, type DirectoryOutlet } from '../../src/core/feeds';
import { checkGroups, groupLabels, MAX_GROUPS } from '../../src/ui/outletGroups';
import { withDirectoryGroups } from '../../src/ui/directoryGroups';

const outlet = (id: string, name: string, country: string, aliases?: string[]): DirectoryOutlet => ({
  id,
  name,
  site: `https://www.${id}.example/`,
  feeds: [`https://${id}.example/feed`],
  country,
  language: 'en',
  kind: 'commercial',
  source: `https://${id}.example/rss`,
  ...(aliases ? { aliases } : {}),
});
const country = directoryNames('en').country;

describe('outlet groups filled from the directory', () => {
  it("adds each outlet to its country's group by names and site, so articles naming it get the label", () => {
    const cbc = outlet('cbc', 'CBC News', 'CA', ['CBC']);
    const mail = outlet('dailymail', 'Daily Mail', 'GB', ['Mail Online']);
    const result = withDirectoryGroups([], [cbc, mail], country);
    expect(result.groups).toEqual([
      { name: 'Canada', outlets: ['CBC News', 'CBC', 'cbc.example'] },
      { name: 'United Kingdom', outlets: ['Daily Mail', 'Mail Online', 'dailymail.example'] },
    ]);
    expect(result.touched).toEqual(['Canada', 'United Kingdom']);
    expect(checkGroups(result.groups).ok).toBe(true);
    const labels = groupLabels(result.groups);
    expect(labels('cbc news')).toEqual(['Canada']);
    expect(labels('Mail Online')).toEqual(['United Kingdom']);
    expect(labels('dailymail.example')).toEqual(['United Kingdom']);
  });

  it("extends the reader's group of that name (any case) without repeating outlets, and leaves other groups alone", () => {
    const groups = [
      { name: 'canada', outlets: ['cbc news', 'Toronto Star'] },
      { name: 'Right', outlets: ['National Post'] },
    ];
    const result = withDirectoryGroups(groups, [outlet('cbc', 'CBC News', 'CA'), outlet('np', 'National Post', 'CA')], country);
    expect(result.groups).toEqual([
      { name: 'canada', outlets: ['cbc news', 'Toronto Star', 'cbc.example', 'National Post', 'np.example'] },
      { name: 'Right', outlets: ['National Post'] },
    ]);
    expect(groups[0]!.outlets).toEqual(['cbc news', 'Toronto Star']);
  });

  it('says which outlets no group could take when the groups are full', () => {
    const full = Array.from({ length: MAX_GROUPS }, (_, i) => ({ name: `Group ${i}`, outlets: ['x'] }));
    const result = withDirectoryGroups(full, [outlet('cbc', 'CBC News', 'CA')], country);
    expect(result.left).toEqual(['CBC News']);
    expect(result.groups).toHaveLength(MAX_GROUPS);
  });
});
