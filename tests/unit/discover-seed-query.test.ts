import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticles, readRecords } from '../../src/cli/inputs';
import { planDiscovery, queryTerms } from '../../src/core/discover';
import { ContextFrequency } from '../../src/core/discover/terms';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// The extension and the CLI weigh terms against the bundled sample.
const context = readRecords(here('../../public/sample/sample.ndjson'));
const GENERIC = new Set(['china', 'chinese', 'visit', 'situation', 'real', 'invites', 'welcomes', 'opposes', 'investigation']);

function seed(name: string) {
  const [article] = loadArticles(here(`../fixtures/pages/${name}/source.html`), `https://example.org/${name}`);
  return article!;
}

const occurrences = (text: string, phrase: string) => text.toLowerCase().split(phrase.toLowerCase()).length - 1;

describe('the query the consent screen shows for the seed pages', () => {
  for (const name of ['cbc-xinjiang-un', 'dailymail-xinjiang-eu']) {
    it(`${name}: leads with the distinctive place, in the form the article uses, never a long form it writes once`, () => {
      const article = seed(name);
      const plan = planDiscovery(article, { providers: ['gdelt', 'bing'], context }, new Date('2021-03-30T12:00:00Z'));
      const first = plan.steps[0]!.query;
      expect(first.split(/\s+/)).toContain('Xinjiang');
      expect(
        first
          .toLowerCase()
          .split(/\s+/)
          .some((w) => !GENERIC.has(w.replace(/"/g, ''))),
      ).toBe(true);
      for (const step of plan.steps) {
        for (const [, phrase] of step.query.matchAll(/"([^"]+)"/g)) {
          expect(occurrences(`${article.title}\n${article.text}`, phrase!), `${step.query}`).toBeGreaterThan(1);
        }
      }
    });
  }
});

describe('the surface form of a name', () => {
  const text = [
    'Officials visited the Xinjiang Autonomous Region on Monday. Xinjiang has been closed to reporters.',
    'Reporters who reached Xinjiang were followed. The envoy Michelle Bachelet asked for access to Xinjiang.',
    'Guests stayed at Trump Tower while Trump spoke. Trump left early.',
  ].join('\n\n');
  const terms = queryTerms({ title: 'Visitors in Xinjiang', text, outlet: 'Example News' }, 20, new ContextFrequency([]));
  const texts = terms.map((t) => t.text);

  it('takes the head of an official place name when the article writes it alone as often', () => {
    expect(texts).toContain('Xinjiang');
    expect(texts).not.toContain('Xinjiang Autonomous Region');
    expect(terms[0]!.text).toBe('Xinjiang');
  });

  it("keeps a person's full name and a name that is not a place's long form", () => {
    expect(terms.find((t) => t.text === 'Michelle Bachelet')).toMatchObject({ phrase: true });
    expect(texts).toContain('Trump Tower');
  });

  it('keeps the long form when the article rarely writes the head alone', () => {
    const t = queryTerms({
      title: 'Floods in Sichuan Province',
      text: 'Sichuan Province was flooded. Rescuers reached Sichuan Province on Monday. Sichuan is large.',
      outlet: '',
    });
    expect(t.map((x) => x.text)).toContain('Sichuan Province');
  });

  it("never uses a name that starts with the outlet's own", () => {
    const t = queryTerms({
      title: 'Storm hits coast',
      text: 'Speaking on CBC News Network, the mayor said the storm hit the coast. CBC News Network showed the coast.',
      outlet: 'CBC News',
    });
    expect(t.map((x) => x.text)).not.toContain('CBC News Network');
  });
});
