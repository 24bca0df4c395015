import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../src/core/match';
import { CBC, DAILY_MAIL, byId, fixtureRecords } from './support/match-helpers';

describe('match reasons and duplicates', () => {
  const records = fixtureRecords();
  const index = new MatchIndex();
  for (const r of records) index.add(r);

  it('names shared entities and terms in readable words, with part scores', () => {
    const best = index.search(byId(records, CBC))[0]!;
    expect(best.id).toBe(DAILY_MAIL);
    expect(best.reasons.entities).toEqual(expect.arrayContaining(['Xinjiang', 'China']));
    expect(best.reasons.terms.length).toBeGreaterThan(0);
    // Surface words, not Porter stems ("minority", not "minor").
    for (const t of best.reasons.terms) expect(byId(records, CBC).text.toLowerCase()).toContain(t.toLowerCase());
    expect(best.reasons.dateGapDays).toBeNull();
    expect(Object.keys(best.reasons.parts ?? {})).toEqual(expect.arrayContaining(['title', 'lead', 'body', 'entities', 'numbers']));
  });

  it('reports the date gap in days when both dates are known', () => {
    const q = byId(records, 'newswcl50:0_M');
    const dated = index.search(q, { top: 10 }).find((r) => byId(records, r.id).published);
    expect(dated).toBeDefined();
    const gap = Math.abs(Date.parse(q.published!) - Date.parse(byId(records, dated!.id).published!)) / 86_400_000;
    expect(dated!.reasons.dateGapDays).toBe(gap);
    expect(dated!.reasons.parts?.date).toBeGreaterThan(0);
  });

  it('lists shared numbers', () => {
    const q = {
      ...byId(records, 'ecb:1_2ecb'),
      id: 'q',
    };
    const hit = index.search(q).find((r) => r.id === 'ecb:1_1ecb');
    expect(hit?.reasons.numbers).toContain('33'); // Tara Reid's age, in both reports
  });

  it('collapses syndicated copies of one text into the best result', () => {
    const original = byId(records, 'newswcl50:7_M');
    const copies = ['copy-a', 'copy-b'].map((id, i) => ({
      ...original,
      id,
      outlet: `Syndicator ${i}`,
      // A wire copy: same text, a different headline and a closing credit line.
      title: `${original.title} (wire)`,
      text: `${original.text}\n\nThis story was provided by a news agency.`,
    }));
    const withCopies = new MatchIndex();
    for (const r of [...records, ...copies]) withCopies.add(r);
    const results = withCopies.search(byId(records, 'newswcl50:7_L'), { top: 10 });
    const ids = results.map((r) => r.id);
    const members = ['newswcl50:7_M', 'copy-a', 'copy-b'];
    expect(ids.filter((id) => members.includes(id))).toHaveLength(1);
    const kept = results.find((r) => members.includes(r.id))!;
    expect([kept.id, ...(kept.duplicates ?? [])].sort()).toEqual([...members].sort());
    // Distinct reports of the same event are not duplicates of each other.
    expect(results.filter((r) => r.id.startsWith('newswcl50:7_')).length).toBeGreaterThanOrEqual(3);
  });

  it('marks the same-story decision', () => {
    const results = index.search(byId(records, 'newswcl50:0_M'), { top: 20 });
    for (const r of results) expect(typeof r.sameStory).toBe('boolean');
    const sameStory = results.filter((r) => r.sameStory);
    expect(sameStory.length).toBeGreaterThan(0);
    for (const r of sameStory) expect(byId(records, r.id).story).toBe('0');
  });
});
