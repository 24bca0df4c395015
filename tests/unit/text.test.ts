import { describe, expect, it } from 'vitest';
import { contentStems, splitSentences, stem, tokenize } from '../../src/core/text';

// Behaviour of src/core/text that the framing engine relies on (offsets for evidence,
// paragraphs for continued quotes, abbreviations inside attributions).
describe('text utilities used by framing', () => {
  it('keeps offsets that point back into the text', () => {
    const text = 'Wang Wenbin said: "China’s position is clear."\n\nHe added more.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('ends a sentence after closing quotes and keeps paragraphs apart', () => {
    const s = splitSentences(`"We have acted," he said. "We will act again."\n\n'Second paragraph.'`);
    expect(s.map((x) => [x.text, x.paragraph])).toEqual([
      ['"We have acted," he said.', 0],
      ['"We will act again."', 0],
      ["'Second paragraph.'", 1],
    ]);
  });

  it('does not split after titles, initials or U.S.', () => {
    expect(splitSentences('Mr. Kim met Dr. Lee and John F. Kennedy Jr. in the U.S. State Department.')).toHaveLength(1);
  });

  it('drops possessive endings and stems for counting', () => {
    expect(tokenize("China's ministry").map((t) => t.text)).toEqual(['China', 'ministry']);
    expect(stem('camps')).toBe(stem('camp'));
    expect(contentStems('The camps and the camp')).toEqual([stem('camps'), stem('camp')]);
  });
});
