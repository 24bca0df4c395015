import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/text';
import { compareFraming } from '../../src/core/framing';
import { findQuoteSpans } from '../../src/core/framing/quoteMarks';
import { extractQuotes } from '../../src/core/framing/quotes';
import { articleFromRecord } from '../../src/core/types';

const quotesOf = (text: string) => extractQuotes(text, splitSentences(text));
const direct = (text: string) =>
  quotesOf(text)
    .quotes.filter((q) => q.kind === 'direct')
    .map((q) => ({ text: q.text, speaker: q.speaker, verb: q.verb }));

describe('quote marks', () => {
  const marks: [string, string, string][] = [
    ['straight double', '"', '"'],
    ['curly double', '“', '”'],
    ['straight single', "'", "'"],
    ['curly single', '‘', '’'],
    ['guillemets', '«', '»'],
    ['reversed guillemets', '»', '«'],
    ['low-high', '„', '“'],
    ['TeX', '``', "''"],
  ];
  for (const [name, open, close] of marks) {
    it(`finds a ${name} quote and its speaker`, () => {
      expect(direct(`${open}We will not back down,${close} Maria Lopez said on Monday.`)).toEqual([
        { text: 'We will not back down,', speaker: 'Maria Lopez', verb: 'said' },
      ]);
    });
  }

  it('does not take apostrophes for quotes', () => {
    expect(findQuoteSpans("China's ministry rejected the countries' claims and Beijing's critics' views.")).toEqual([]);
    expect(findQuoteSpans('It’s the ministry’s view that rock ’n’ roll isn’t banned.')).toEqual([]);
  });

  it('keeps single quotes nested in a double-quoted quote inside it', () => {
    const spans = findQuoteSpans(`"Not a so-called 'investigation' at all," he said.`);
    expect(spans).toHaveLength(1);
  });

  it('keeps a multi-sentence quote whole', () => {
    expect(direct(`"They have lost their minds. They are hysterical," Xu Guixiang told a news conference.`)).toEqual([
      { text: 'They have lost their minds. They are hysterical,', speaker: 'Xu Guixiang', verb: 'told' },
    ]);
  });

  it('continues a quote over paragraphs to the same speaker', () => {
    const text = `Sadiq Khan tweeted: "If he comes to London, he will see an open city.\n\n"He will also see that Londoners hold their values dear."`;
    expect(direct(text).map((q) => q.speaker)).toEqual(['Sadiq Khan', 'Sadiq Khan']);
  });
});

describe('attribution', () => {
  it('resolves "he added" to the last named speaker', () => {
    const text = `'The EU has raised their desire to visit,' Wang Wenbin told reporters.\n\n'China always welcomes friends from other countries,' he added.`;
    expect(direct(text).map((q) => [q.speaker, q.verb])).toEqual([
      ['Wang Wenbin', 'told'],
      ['Wang Wenbin', 'added'],
    ]);
  });

  it('reads "said X", "according to X" and a speaker before the quote', () => {
    expect(direct('"It was a mistake," said Senator Jane Roe.')[0]!.speaker).toBe('Senator Jane Roe');
    expect(direct('The talks failed, "a complete waste of time," according to John Smith.')[0]!.speaker).toBe('John Smith');
    expect(direct('Trudeau called it "excellent news" but deferred to the UN.')[0]).toEqual({
      text: 'excellent news',
      speaker: 'Trudeau',
      verb: 'called',
    });
  });

  it('reads a perfect tense after a contracted pronoun ("He’s said") as that pronoun speaking', () => {
    const text = `"We will appeal," Jane Roe said.\n\nShe’s said the charges are a "political stunt that insults voters."`;
    expect(direct(text).map((q) => q.speaker)).toEqual(['Jane Roe', 'Jane Roe']);
  });

  it('credits a possessive role ("according to Trump’s outside counsel") to the role, not the possessor', () => {
    expect(direct('The two sides traded messages "back and forth," according to Trump\'s outside counsel.')[0]!.speaker).toBe(
      "Trump's outside counsel",
    );
  });

  it('resolves "she" to a person introduced by name and description, not to the last "he"', () => {
    const text = `"We will close the border," Mr. Trump said.\n\n"It will be worth it," said Mr. Quintanillo. "Everything is possible," he said.\n\nHeather Cronk, co-director of an advocacy group, traveled to Tijuana.\n\n"This is about who we are," she said.\n\nMr. Trump, however, has denounced that practice; he dismissed it as "catch and release."`;
    expect(direct(text).map((q) => q.speaker)).toEqual(['Mr. Trump', 'Mr. Quintanillo', 'Mr. Quintanillo', 'Heather Cronk', 'Mr. Trump']);
  });

  it('credits the name before two appositives, and a quote after "vowing"', () => {
    const { quotes } = quotesOf(
      'Alex Mensing, project coordinator for Pueblo Sin Fronteras, a group that organized the caravan, told reporters that the migrants would remain at the gate.',
    );
    expect(quotes[0]).toEqual(
      expect.objectContaining({ kind: 'indirect', speaker: 'Alex Mensing', role: 'project coordinator for Pueblo Sin Fronteras' }),
    );
    expect(
      direct(
        'Mr. Trump, in a tweet last week, ratcheted up his rhetoric, vowing "not to let these large Caravans of people into our Country."',
      )[0]!.speaker,
    ).toBe('Mr. Trump');
  });

  it('credits an address standing for its office, and a surname subject to the full name before it', () => {
    const text = `Trump will meet Prime Minister Theresa May in July. "He will hold talks," 10 Downing Street said.\n\nPress Secretary Sarah Sanders confirmed the visit to reporters.\n\nMay was glowing in her praise of what she called a "really special relationship between the two countries."`;
    expect(direct(text).map((q) => q.speaker)).toEqual(['10 Downing Street', 'Theresa May']);
  });

  it('takes the role from an appositive and finds indirect quotes', () => {
    const { quotes } = quotesOf(
      "Wang Wenbin, a spokesman from China's foreign ministry, said today that Beijing had extended the invitation.",
    );
    expect(quotes).toEqual([
      expect.objectContaining({
        kind: 'indirect',
        speaker: 'Wang Wenbin',
        role: "a spokesman from China's foreign ministry",
        verb: 'said',
      }),
    ]);
    expect(quotes[0]!.text).toMatch(/^Beijing had extended the invitation/);
  });

  it('treats a short quoted phrase nobody is credited with as a scare quote', () => {
    const r = quotesOf('In Canada, MPs voted to label the actions as "genocide."');
    expect(r.quotes).toHaveLength(0);
    expect(r.scare.map((s) => s.text)).toEqual(['genocide.']);
  });

  it('merges "Wang" with "Wang Wenbin" and an unnamed spokesman with the named one in voices', () => {
    const text = [
      "Chinese foreign ministry spokesman responded by saying that the bloc was 'welcome' to visit.",
      "Wang Wenbin, a spokesman from China's foreign ministry, said today that Beijing had extended the invitation.",
      "'China has already agreed,' Wang told reporters.",
    ].join('\n\n');
    const a = articleFromRecord({ id: 'a', url: null, title: 't', outlet: 'X', published: null, text });
    const b = articleFromRecord({
      id: 'b',
      url: null,
      title: 't',
      outlet: 'Y',
      published: null,
      text: 'Nothing quoted here at all today.',
    });
    const voices = compareFraming([a, b]).voices;
    expect(voices.map((v) => v.speaker)).toEqual(['Wang Wenbin']);
    expect(voices[0]).toMatchObject({ quotes: 3, direct: 2, indirect: 1, only: true });
    expect(voices[0]!.verbs).toEqual(expect.arrayContaining(['responded', 'said', 'told']));
  });

  it('marks loaded attribution verbs', () => {
    const a = articleFromRecord({
      id: 'a',
      url: null,
      title: 't',
      outlet: 'X',
      published: null,
      text: '"We did nothing wrong," the minister insisted.',
    });
    const b = articleFromRecord({
      id: 'b',
      url: null,
      title: 't',
      outlet: 'Y',
      published: null,
      text: '"We did nothing wrong," the minister said.',
    });
    const voices = compareFraming([a, b]).voices;
    expect(voices.find((v) => v.article === 'a')!.loadedVerbs).toEqual(['insisted']);
    expect(voices.find((v) => v.article === 'b')!.loadedVerbs).toEqual([]);
    expect(voices.every((v) => !v.only)).toBe(true);
  });
});
