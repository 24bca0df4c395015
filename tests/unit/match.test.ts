import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../src/core/match';
import type { ArticleRecord } from '../../src/core/types';
import { CBC, DAILY_MAIL, byId, fixtureRecords } from './support/match-helpers';

function indexOf(records: ArticleRecord[]): MatchIndex {
  const index = new MatchIndex();
  for (const r of records) index.add(r);
  return index;
}

/** The story label, read by the test only (the matcher never sees it). */
const storyOf = (records: ArticleRecord[], id: string) => byId(records, id).story;

describe('MatchIndex', () => {
  const records = fixtureRecords();

  it('ranks the Daily Mail seed first for the CBC seed among other stories', () => {
    const results = indexOf(records).search(byId(records, CBC));
    expect(results[0]?.id).toBe(DAILY_MAIL);
  });

  it('ranks same-story articles above other stories for every fixture story', () => {
    const index = indexOf(records);
    for (const q of records) {
      const results = index.search(q, { top: 3 });
      expect(results.length, q.id).toBeGreaterThan(0);
      expect(storyOf(records, results[0]!.id), q.id).toBe(q.story);
    }
  });

  it('separates two events of the same kind (ECB+ topic 1: Tara Reid vs Lindsay Lohan rehab)', () => {
    const index = indexOf(records);
    const results = index.search(byId(records, 'ecb:1_1ecbplus'), { top: 2 });
    expect(results.map((r) => storyOf(records, r.id))).toEqual(['1ecbplus', '1ecbplus']);
  });

  it('never returns the query itself or an excluded id', () => {
    const index = indexOf(records);
    for (const q of records) {
      const results = index.search(q, { top: 50, excludeIds: [DAILY_MAIL] });
      const ids = results.map((r) => r.id);
      expect(ids).not.toContain(q.id);
      expect(ids).not.toContain(DAILY_MAIL);
    }
  });

  it('respects top and orders results best first', () => {
    const results = indexOf(records).search(byId(records, 'newswcl50:0_M'), { top: 4 });
    expect(results).toHaveLength(4);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    expect(indexOf(records).search(byId(records, CBC), { top: 0 })).toEqual([]);
  });

  it('adds, replaces and removes articles', () => {
    const index = indexOf(records);
    expect(index.size).toBe(records.length);
    expect(index.has(DAILY_MAIL)).toBe(true);
    index.add({ ...byId(records, DAILY_MAIL), title: 'China invites EU diplomats to Xinjiang' });
    expect(index.size).toBe(records.length);
    index.remove(DAILY_MAIL);
    expect(index.has(DAILY_MAIL)).toBe(false);
    expect(index.size).toBe(records.length - 1);
    expect(index.search(byId(records, CBC), { top: 50 }).map((r) => r.id)).not.toContain(DAILY_MAIL);
    index.remove('no-such-id');
    expect(index.size).toBe(records.length - 1);
  });

  it('answers the same after removals as an index built without those articles', () => {
    const removed = new Set(records.filter((_, i) => i % 3 === 0).map((r) => r.id));
    removed.delete(CBC);
    const shrunk = indexOf(records);
    for (const id of removed) shrunk.remove(id);
    const fresh = indexOf(records.filter((r) => !removed.has(r.id)));
    for (const q of records) expect(shrunk.search(q)).toEqual(fresh.search(q));
  });

  it('finds articles added after the first query (the unindexed tail)', () => {
    const index = indexOf(records.filter((r) => r.id !== DAILY_MAIL));
    index.search(byId(records, CBC));
    index.add(byId(records, DAILY_MAIL));
    expect(index.search(byId(records, CBC))[0]?.id).toBe(DAILY_MAIL);
  });

  it('snapshot round-trip gives identical results, through structured clone too', () => {
    const index = indexOf(records);
    index.remove('newswcl50:5_M');
    const snapshot = structuredClone(index.toJSON());
    const restored = MatchIndex.fromJSON(snapshot);
    expect(restored.size).toBe(index.size);
    for (const q of records) expect(restored.search(q)).toEqual(index.search(q));
    restored.add(byId(records, 'newswcl50:5_M'));
    expect(restored.has('newswcl50:5_M')).toBe(true);
  });

  it('takes new articles after restoring an empty snapshot, or one whose articles were all removed', () => {
    const fromEmpty = MatchIndex.fromJSON(structuredClone(new MatchIndex().toJSON()));
    for (const r of records) fromEmpty.add(r);
    expect(fromEmpty.size).toBe(records.length);
    expect(fromEmpty.search(byId(records, CBC))[0]?.id).toBe(DAILY_MAIL);
    const emptied = indexOf(records.slice(0, 2));
    for (const r of records.slice(0, 2)) emptied.remove(r.id);
    const fromEmptied = MatchIndex.fromJSON(structuredClone(emptied.toJSON()));
    for (const r of records) fromEmptied.add(r);
    expect(fromEmptied.search(byId(records, CBC))).toEqual(indexOf(records).search(byId(records, CBC)));
  });

  it('refuses a snapshot it cannot read', () => {
    const snapshot = indexOf(records.slice(0, 3)).toJSON();
    expect(() => MatchIndex.fromJSON({ ...snapshot, version: 99 } as unknown as typeof snapshot)).toThrow(TypeError);
    expect(() => MatchIndex.fromJSON({ ...snapshot, offsets: new Uint32Array(1) })).toThrow(TypeError);
  });

  it('never reads the story label', () => {
    const relabelled = records.map((r) => ({ ...r, story: 'same-for-all' }));
    const plain = records.map((r) => ({ ...r, story: null }));
    for (const q of records.slice(0, 6)) expect(indexOf(relabelled).search(q)).toEqual(indexOf(plain).search(q));
  });

  it('handles empty archives and empty queries', () => {
    const empty = new MatchIndex();
    expect(empty.search(byId(records, CBC))).toEqual([]);
    const blank: ArticleRecord = { id: 'blank', url: null, title: '', outlet: '', published: null, text: '' };
    expect(indexOf(records).search(blank)).toEqual([]);
  });
});

describe('MatchIndex on the pruned path (probe postings, rerank a few candidates)', () => {
  const records = fixtureRecords();
  // Few candidates, so queries go through the postings and the unindexed tail, not a full scan.
  const tuning = { candidates: { candidates: 4, probeTerms: 12 } };
  const build = (rs: ArticleRecord[]) => {
    const index = new MatchIndex(tuning);
    for (const r of rs) index.add(r);
    return index;
  };

  it('still ranks the Daily Mail seed first for the CBC seed', () => {
    expect(build(records).search(byId(records, CBC))[0]?.id).toBe(DAILY_MAIL);
  });

  it('finds articles added after the postings were built', () => {
    const index = build(records.filter((r) => r.id !== DAILY_MAIL));
    index.compact();
    index.add(byId(records, DAILY_MAIL));
    expect(index.search(byId(records, CBC))[0]?.id).toBe(DAILY_MAIL);
  });

  it('gives identical results after a snapshot round-trip, with a tail and holes', () => {
    const index = build(records.slice(0, 15));
    index.compact();
    for (const r of records.slice(15)) index.add(r);
    index.remove('newswcl50:5_M');
    const restored = MatchIndex.fromJSON(structuredClone(index.toJSON()), tuning);
    for (const q of records) expect(restored.search(q)).toEqual(index.search(q));
  });

  it('never returns excluded ids', () => {
    const index = build(records);
    for (const q of records) {
      const ids = index.search(q, { excludeIds: new Set([DAILY_MAIL, 'ecb:1_2ecb']) }).map((r) => r.id);
      expect(ids).not.toContain(q.id);
      expect(ids).not.toContain(DAILY_MAIL);
      expect(ids).not.toContain('ecb:1_2ecb');
    }
  });
});
