import { describe, expect, it } from 'vitest';
import { highlight } from '../../src/ui/highlight';

describe('highlight', () => {
  it('marks whole words case-insensitively and keeps the text intact', () => {
    const segs = highlight('The Uighur minority; uighurs are not Uighur-ish.', [{ phrase: 'Uighur', kind: 'naming', note: 'n' }]);
    expect(segs.map((s) => s.text).join('')).toBe('The Uighur minority; uighurs are not Uighur-ish.');
    expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['Uighur', 'Uighur']);
  });
  it('prefers the longer phrase where two overlap', () => {
    const segs = highlight('Inside re-education camps today', [
      { phrase: 'camps', kind: 'term', note: '' },
      { phrase: 're-education camps', kind: 'naming', note: '' },
    ]);
    expect(segs.filter((s) => s.mark).map((s) => [s.text, s.mark?.kind])).toEqual([['re-education camps', 'naming']]);
  });
  it('treats phrases as text, not patterns', () => {
    const segs = highlight('a (b) c', [{ phrase: '(b)', kind: 'term', note: '' }]);
    expect(segs.map((s) => s.text)).toEqual(['a ', '(b)', ' c']);
  });
  it('returns one plain segment when nothing matches', () => {
    expect(highlight('nothing here', [])).toEqual([{ text: 'nothing here', mark: null }]);
  });
});
