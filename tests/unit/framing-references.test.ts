import { describe, expect, it } from 'vitest';
import { compareFraming } from '../../src/core/framing';
import { articleFromRecord } from '../../src/core/types';

const article = (id: string, text: string) => articleFromRecord({ id, url: null, title: '', outlet: id, published: null, text });
const naming = (a: string, b: string) => compareFraming([article('a', a), article('b', b)]).naming;
const forms = (n: { variants: { form: string }[] }) => n.variants.map((v) => v.form);

describe('groups named through a person, acronyms and a country’s officials', () => {
  it('groups "the president’s lawyers" with "Trump’s lawyers", but not forms that differ only by an honorific or the possessive', () => {
    const n = naming(
      'President Donald Trump met advisers on Monday. The president’s lawyers said the questions were unfair. Trump spoke later.',
      'Donald Trump met advisers on Monday. Trump’s lawyers said the questions were unfair. Mr. Trump left.',
    );
    const lawyers = n.find((x) => /lawyers$/.test(x.concept));
    expect(lawyers && forms(lawyers).sort()).toEqual(['Trump’s lawyers', 'the president’s lawyers']);
    const honorific = naming(
      'Robert Mueller leads the inquiry. Mr. Mueller’s team questioned witnesses. Mr. Mueller declined to comment.',
      'Robert Mueller leads the inquiry. Mueller’s team questioned witnesses. Mueller declined to comment.',
    );
    expect(honorific.some((x) => /team$/.test(x.concept))).toBe(false);
    const possessive = naming(
      'Donald Trump spoke. The Trump campaign raised money. The president’s lawyers met. Trump left.',
      'Donald Trump spoke. Trump’s campaign raised money. Trump’s lawyers met. Mr. Trump left.',
    );
    expect(possessive.some((x) => /campaign$/.test(x.concept))).toBe(false);
  });

  it('matches an acronym that keeps the initial of "of" to its long form', () => {
    const n = naming(
      'The Iran nuclear deal, known as the Joint Comprehensive Plan of Action, was signed in 2015. Iran complied with it.',
      'Critics of the JCPOA say Iran cheated. The JCPOA expires in 2025.',
    );
    const deal = n.find((x) => x.concept.includes('JCPOA'));
    expect(deal && forms(deal)).toEqual(['Joint Comprehensive Plan of Action', 'JCPOA']);
  });

  it('counts "officials from Japan" as naming the country, as "Japanese officials" does', () => {
    const n = naming(
      'Officials said officials from Japan would attend the talks in Seoul.',
      'Japan will attend the talks in Seoul, Japan said.',
    );
    const japan = n.find((x) => x.concept === 'Japan');
    expect(japan && forms(japan)).toContain('officials from Japan');
  });
});
