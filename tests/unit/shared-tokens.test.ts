import { describe, expect, it } from 'vitest';
import { MatchIndex } from '../../src/core/match';
import { ArchiveCatalog } from '../../src/core/search/catalog';
import { searchWords, searchWordsOfTokens } from '../../src/core/search/words';
import { tokenize, tokenizeArticle } from '../../src/core/text';
import { countWords } from '../../src/core/types';
import { fixtureRecords } from './support/match-helpers';

/** The tokeniser as first written (every word lower-cased on its own): the reference for the faster one. */
function referenceTokenize(text: string) {
  const out: { text: string; lower: string; start: number; end: number }[] = [];
  const make = (word: string, start: number) => ({
    text: word,
    lower: word.toLowerCase().replace(/[’‘]/g, "'"),
    start,
    end: start + word.length,
  });
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[''’\-.,][\p{L}\p{N}]+)*/gu)) {
    let word = m[0];
    if (/[.,]/.test(word) && !/^\d[\d.,]*\d$/.test(word)) {
      let offset = m.index;
      for (const part of word.split(/[.,]/)) {
        if (part) out.push(make(part, offset));
        offset += part.length + 1;
      }
      continue;
    }
    if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
    out.push(make(word, m.index));
  }
  return out;
}

const TRICKY = [
  'Obama’s aides said the U.S. would pay $1,000.50 by 3.5pm; the end.Next one',
  "ΟΔΟΣ.ΑΒΓ and ΣΟΦΟΣ's text: the Greek capital sigma lower-cases by its neighbours",
  'İstanbul’s mayor met the ‘re-education’ critics in Zürich, don’t you know',
  'KELVIN \u212a and ÅNGSTRÖM \u212b, Straße and STRASSE, ﬁnance',
  '',
  'Ünïcödé   spaces\n\nand a new paragraph of 12 words',
];

describe('shared tokenisation for bulk indexing', () => {
  it('tokenises exactly as the per-word reference does, Greek sigma and dotted capital I included', () => {
    for (const text of TRICKY) expect(tokenize(text)).toEqual(referenceTokenize(text));
    for (const r of fixtureRecords().slice(0, 40)) expect(tokenize(r.text)).toEqual(referenceTokenize(r.text));
  });

  it("derives the catalog's search words from the tokens, or says it cannot", () => {
    const plain = {
      title: "Trump's 2,000-page budget",
      outlet: 'NPR News',
      text: "The senate’s vote.Then re-election talk: it's 10.5% of GDP",
    };
    const words = searchWordsOfTokens(plain.title, plain.outlet, plain.text, tokenizeArticle(plain));
    expect(words).not.toBeNull();
    expect(new Set(words)).toEqual(new Set(searchWords(`${plain.title}\n${plain.outlet}\n${plain.text}`)));
    // Letters `fold` decomposes, the Angstrom sign and Greek capital sigma: only the full pass is exact.
    for (const text of ['café society', 'ÅNGSTRÖM', 'ΟΔΟΣ', 'the \u212b unit'])
      expect(searchWordsOfTokens('t', 'o', text, tokenizeArticle({ title: 't', text }))).toBeNull();
  });

  it('gives the same match answers and snapshot whether the index tokenises or is given the tokens', () => {
    const records = fixtureRecords();
    const own = new MatchIndex();
    const given = new MatchIndex();
    for (const r of records) {
      own.add(r);
      given.add(r, tokenizeArticle(r));
    }
    expect(given.toJSON()).toEqual(own.toJSON());
    for (const q of records.slice(0, 30)) expect(given.search(q)).toEqual(own.search(q));
  });

  it('gives the same catalog answers whether the catalog tokenises or is given the tokens', () => {
    const records = fixtureRecords();
    const own = new ArchiveCatalog();
    const given = new ArchiveCatalog();
    records.forEach((r, i) => {
      const input = { ...r, outlet: r.outlet ?? '', story: r.story ?? null, words: countWords(r.text), savedAt: i };
      own.add(input);
      given.add(input, tokenizeArticle(r));
    });
    given.flush();
    for (const r of records.slice(0, 40)) {
      const words = searchWords(r.title).filter((w) => w.length > 3);
      for (const query of [words[0] ?? 'x', words.slice(0, 2).join(' '), (words[1] ?? 'xx').slice(0, 3), `${r.outlet ?? ''}'s`]) {
        expect(given.list({ query, limit: 500 })).toEqual(own.list({ query, limit: 500 }));
      }
    }
  });
});
