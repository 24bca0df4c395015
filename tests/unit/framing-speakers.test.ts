import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/text';
import { prepareArticle } from '../../src/core/framing/prepare';
import { extractQuotes } from '../../src/core/framing/quotes';
import { articleQuotes, speakerCanonicalizer } from '../../src/core/framing/voices';
import { articleFromRecord } from '../../src/core/types';

const speakers = (text: string) =>
  extractQuotes(text, splitSentences(text))
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => [q.text, q.speaker]);

describe('speakers of quotes the common attribution patterns miss', () => {
  it('credits the subject of a sentence that introduces the quote with a colon, in the same or the previous paragraph', () => {
    expect(speakers('Mr. Trump drew a red line: “We won’t be defunding our police.”')).toEqual([
      ['We won’t be defunding our police.', 'Mr. Trump'],
    ]);
    expect(speakers('Asked about the reports, Pompeo said:\n\n“We talked about what the North Koreans are continuing to do.')).toEqual([
      ['We talked about what the North Koreans are continuing to do.', 'Pompeo'],
    ]);
    // The writer's own voice and an opening word are no speakers.
    expect(speakers('And I’ll say it again: "The wall will be built, and it will be paid for."')[0]![1]).toBeNull();
    expect(
      speakers('Given the events of last night, this passage is prescient: "Democracy works only if we think beyond ourselves."')[0]![1],
    ).toBeNull();
  });

  it('takes the person before "of …", not the place, and a verb before its subject in a parenthesis', () => {
    expect(speakers('Deborah Davis of Hartford told those gathered that "our children are crying out from the grave."')).toEqual([
      ['our children are crying out from the grave.', 'Deborah Davis'],
    ]);
    expect(speakers('The bill, writes the New Haven Register, "also addressed mental health reforms and money for schools."')).toEqual([
      ['also addressed mental health reforms and money for schools.', 'the New Haven Register'],
    ]);
  });

  it('never resolves "he" to a country, and falls back to the person the previous sentences named', () => {
    const q = speakers(
      'North Korea accused the United States of making “gangster-like” demands after Mike Pompeo left. During talks in Pyongyang, Pompeo had sought a timeline. As he departed, he said he had made progress on “almost all of the central issues,” although work remained.',
    );
    expect(q.find(([t]) => t!.startsWith('almost'))![1]).toBe('Mike Pompeo');
    const layser = speakers(
      'To media-studies professor Nikki Usher Layser, the result speaks to how people share. “We can’t break out of patterns if we only consume information online,” she says.',
    );
    expect(layser[0]![1]).toBe('Nikki Usher Layser');
  });

  it('keeps rhetorical repetition inside one paragraph, and drops a pull quote rather than the attributed paragraph it repeats', () => {
    const text = '“We are still in search of a more perfect union. We will always be in search of a more perfect union,” he added.';
    expect(speakers(`Clyburn spoke at length on Monday.\n\n${text}`)[0]![0]).toContain('We will always');
    const pull = 'Over time, the landscape has shifted on so many of these issues that now Democrats don’t have to hide from them';
    const art = articleFromRecord({
      id: 'v',
      url: null,
      title: 't',
      outlet: 'o',
      published: null,
      text: `Clinton moved left this spring.\n\n"${pull}"\n\nHer allies agree.\n\n"${pull}," one campaign official said.`,
    });
    const quotes = articleQuotes(prepareArticle(art)).quotes.filter((x) => x.kind === 'direct');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.speaker).toBe('one campaign official');
  });

  it('splits a leadership title off the name and merges a two-word surname with the full name', () => {
    const text = '“With few exceptions, they came willingly,” said House Majority Whip James E. Clyburn.';
    const quotes = extractQuotes(text, splitSentences(text)).quotes;
    const canonical = speakerCanonicalizer([quotes]);
    expect(quotes.filter((q) => q.kind === 'direct').map((q) => canonical(0, q.speaker!))).toEqual(['James E. Clyburn']);
    const both = extractQuotes(
      '“Hello there, all,” said Nikki Usher Layser. “It’s genius,” says Usher Layser.',
      splitSentences('“Hello there, all,” said Nikki Usher Layser. “It’s genius,” says Usher Layser.'),
    ).quotes;
    const c2 = speakerCanonicalizer([both]);
    expect(both.filter((q) => q.kind === 'direct').map((q) => c2(0, q.speaker!))).toEqual(['Nikki Usher Layser', 'Nikki Usher Layser']);
  });

  it('reads "disclosed" and "praised" as attribution verbs', () => {
    expect(speakers('The president also disclosed that, amid planning, "we have had direct talks at very high levels."')[0]![1]).toBe(
      'president',
    );
    expect(
      speakers('Malloy praised lawmakers for coming together "as few places in our nation have demonstrated the ability to do."')[0]![1],
    ).toBe('Malloy');
  });
});
