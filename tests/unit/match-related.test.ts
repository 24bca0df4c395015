import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/core/types';
import { MatchIndex, RELATED_THRESHOLD, SAME_STORY_THRESHOLD } from '../../src/core/match';
import { byId, CBC, DAILY_MAIL, fixtureRecords, readRecords } from './support/match-helpers';

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

describe('the canonical pair in the sample archive', () => {
  const sample = readRecords(new URL('../../public/sample/sample.ndjson', import.meta.url));
  const index = new MatchIndex();
  for (const r of sample) index.add(r);
  const results = index.search(byId(sample, CBC), { top: 5 });

  it('ranks the Daily Mail report first, with a score clearly above the next story', () => {
    expect(results[0]?.id).toBe(DAILY_MAIL);
    expect(results[0]!.score - results[1]!.score).toBeGreaterThanOrEqual(0.01);
  });

  it('does not let two reports of another story vote each other above it', () => {
    // newswcl50:7_* are one other story; only the first result and results like it vote in the feedback.
    const other = results.filter((r) => r.id.startsWith('newswcl50:7_'));
    expect(other.length).toBeGreaterThanOrEqual(2);
    for (const r of other) expect(r.score).toBeLessThan(results[0]!.score);
  });
});

describe('numbers corroborate, they do not make a match', () => {
  const rec = (id: string, title: string, text: string): ArticleRecord => ({ id, url: null, title, outlet: '', published: null, text });
  const index = new MatchIndex();
  index.add(
    rec(
      'budget',
      'Council budget vote delayed',
      'The council postponed its vote on the 2031 budget after a long debate about parking fees and library hours.',
    ),
  );
  index.add(
    rec(
      'storm',
      'Storm floods coastal towns',
      'Heavy rain flooded coastal towns overnight and emergency crews evacuated residents from low streets near the harbour.',
    ),
  );
  index.add(
    rec(
      'flood-2',
      'Coastal towns flooded by storm',
      'Emergency crews evacuated residents as heavy rain flooded coastal towns and the harbour overnight.',
    ),
  );
  for (let i = 0; i < 30; i++)
    index.add(
      rec(`filler-${i}`, `Garden note ${i}`, `Tomatoes and beans grow well in warm soil number ${i} with careful watering and sunlight.`),
    );
  const query = rec(
    'q',
    'Storm hits harbour towns in 2031',
    'A storm flooded coastal towns in 2031 and crews evacuated residents near the harbour.',
  );

  it('lists the reports sharing words, not one sharing only a year', () => {
    const ids = index.search(query, { top: 40 }).map((r) => r.id);
    expect(ids.slice(0, 2).sort()).toEqual(['flood-2', 'storm']);
    expect(ids).not.toContain('budget');
  });
});
