import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../src/core/match';
import { termOf, titleOf } from '../../src/core/match/entries';
import { extractFeatures } from '../../src/core/match/features';
import { STORED_TERMS, encodeArticle } from '../../src/core/match/vectors';
import { Vocabulary } from '../../src/core/match/vocabulary';
import { fixtureRecords } from './support/match-helpers';

describe('match vocabulary (typed-array term table)', () => {
  const keys = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `@name ${i}` : i % 3 === 1 ? `#${i}` : `word${i}ž`));

  it('interns, finds and names terms through growth and rehashing', () => {
    const v = new Vocabulary();
    const ids = keys.map((k) => v.intern(k));
    expect(new Set(ids).size).toBe(keys.length);
    expect(keys.map((k) => v.intern(k))).toEqual(ids);
    keys.forEach((k, i) => {
      expect(v.lookup(k)).toBe(ids[i]);
      expect(v.key(ids[i]!)).toBe(k);
    });
    expect(v.lookup('word1')).toBeUndefined();
    expect(v.lookup('')).toBeUndefined();
    expect([v.kind[ids[0]!], v.kind[ids[1]!], v.kind[ids[2]!]]).toEqual([1, 2, 0]);
  });

  it('restores from its arrays, and refuses duplicate keys', () => {
    const v = new Vocabulary();
    for (const k of keys) v.intern(k);
    v.trim();
    const starts = v.starts.slice(0, v.count + 1);
    const chars = v.chars.slice(0, starts[v.count]);
    const restored = Vocabulary.restore(chars, starts, v.df.slice(0, v.count));
    for (const k of keys) expect(restored.lookup(k)).toBe(v.lookup(k));
    expect(restored.intern('new term')).toBe(keys.length);
    const dup = Uint16Array.from('abab', (c) => c.charCodeAt(0));
    expect(() => Vocabulary.restore(dup, Uint32Array.of(0, 2, 4), new Int32Array(2))).toThrow(TypeError);
  });
});

describe('stored terms per article', () => {
  it('keeps at most STORED_TERMS terms, title and lead words always among them', () => {
    const filler = Array.from(
      { length: 600 },
      (_, i) => `filler${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    const record = {
      id: 'long',
      url: null,
      title: 'Zebra crossing',
      outlet: '',
      published: null,
      text: `Quiet opening words here.\n\nMore lead.\n\n${filler.join(' ')}`,
    };
    const v = new Vocabulary();
    const entries = encodeArticle(extractFeatures(record), v);
    expect(entries.length).toBe(STORED_TERMS);
    const kept = new Set(Array.from(entries, (e) => v.key(termOf(e))));
    for (const k of ['zebra', 'cross', 'quiet', 'open', 'lead']) expect(kept.has(k)).toBe(true);
    expect(Array.from(entries).filter((e) => titleOf(e)).length).toBe(2);
  });

  it('refuses a snapshot whose entries name terms it does not have', () => {
    const index = new MatchIndex();
    for (const r of fixtureRecords().slice(0, 3)) index.add(r);
    const snapshot = index.toJSON();
    const entries = snapshot.entries.slice();
    entries[0] = (snapshot.termStarts.length + 5) << 8;
    expect(() => MatchIndex.fromJSON({ ...snapshot, entries })).toThrow(TypeError);
  });
});
