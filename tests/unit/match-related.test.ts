import { describe, expect, it } from 'vitest';
import { MatchIndex, RELATED_THRESHOLD, SAME_STORY_THRESHOLD } from '../../src/core/match';
import { byId, CBC, DAILY_MAIL, fixtureRecords } from './match-helpers';

describe('related and same-story decisions', () => {
  const records = fixtureRecords();
  const index = new MatchIndex();
  for (const r of records) index.add(r);
  const results = index.search(byId(records, CBC), { top: 10 });

  it('keeps the related bar below the same-story bar', () => {
    expect(RELATED_THRESHOLD).toBeLessThan(SAME_STORY_THRESHOLD);
  });

  it('lists the canonical pair as related coverage, first', () => {
    expect(results[0]?.id).toBe(DAILY_MAIL);
    expect(results[0]?.related).toBe(true);
  });

  it('never calls a result same-story without calling it related, and flags the other stories as weak', () => {
    for (const r of results) if (r.sameStory) expect(r.related).toBe(true);
    const others = results.filter((r) => r.id !== DAILY_MAIL);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.related === false)).toBe(true);
  });
});
