import { describe, expect, it } from 'vitest';
import { compareFraming } from '../../src/core/framing';
import { articleFromRecord } from '../../src/core/types';

// False findings seen on unseen news (Article-Bias-Prediction story triplets), as small article pairs.
const article = (id: string, text: string) => articleFromRecord({ id, url: null, title: '', outlet: id, published: null, text });
const report = (...texts: string[]) => compareFraming(texts.map((t, i) => article(String.fromCharCode(97 + i), t)));
const speakers = (...texts: string[]) => report(...texts).voices.map((v) => v.speaker);

describe('names and labels on unseen news', () => {
  it('does not pair two institutions by their last word (Justice Department / Defense Department)', () => {
    const r = report(
      'The Justice Department asked the court to act. The Defense Department will comply, the Justice Department said.',
      'The Defense Department said it would comply. The Defense Department set rules on Friday.',
    );
    expect(
      r.naming.some(
        (n) => n.variants.some((v) => v.form === 'Justice Department') && n.variants.some((v) => v.form === 'Defense Department'),
      ),
    ).toBe(false);
  });

  it('does not take a weekday into a name (Oval Office Tuesday)', () => {
    const r = report('Haley met Trump in the Oval Office Tuesday. She smiled.', 'Haley met Trump in the Oval Office on Tuesday. She left.');
    expect(r.naming.some((n) => n.concept.includes('Tuesday') || n.variants.some((v) => /Tuesday/.test(v.form)))).toBe(false);
  });

  it('keeps a relative called by her first name apart from the president who shares her surname', () => {
    const a = 'President Trump praised Haley. “She did a fantastic job,” Trump said. Ivanka Trump was mentioned. Ivanka smiled.';
    const b = 'President Trump spoke on Tuesday. “Nikki is a very special person,” Trump said.';
    const r = report(a, b);
    expect(r.naming.some((n) => n.concept === 'Ivanka Trump' && n.variants.some((v) => v.form === 'President Trump'))).toBe(false);
    expect(r.voices.filter((v) => v.quotes > 0).some((v) => v.speaker === 'Ivanka Trump')).toBe(false);
  });

  it('takes no word of an institution as a title, and no headline verb into a name', () => {
    const r = report(
      'Speaker of the House Nancy Pelosi spoke. Secretary of Defense James Mattis left. Shakeup: Susan Rice To Be Obama’s Adviser\n\nPresident Barack Obama chose Rice.',
      'Nancy Pelosi spoke. Pelosi smiled. James Mattis left. Mattis waved. Obama chose Rice. Mr. Obama smiled.',
    );
    const forms = r.naming.flatMap((n) => n.variants.map((v) => v.form));
    expect(forms.some((f) => /^(House|Defense|Be)\b/.test(f))).toBe(false);
    expect(r.naming.some((n) => n.concept === 'Be Obama')).toBe(false);
  });

  it('takes no pronoun clause as a description ("he was hired as …")', () => {
    const r = report(
      'Kudlow worked for President Ronald Reagan. After that, he was hired as chief economist at Bear Stearns, Reagan recalled.',
      'Ronald Reagan hired Kudlow. Reagan liked him.',
    );
    expect(r.naming.flatMap((n) => n.variants).some((v) => /^he /.test(v.form))).toBe(false);
  });
});

describe('voices on unseen news', () => {
  it('names the speaker, not an opener, a place, a party tag or a title', () => {
    const s = speakers(
      'Like Cohn, he opposed tariffs. “To Sherrilyn Ifill, those are scary,” one aide said. Sen. James Risch of Idaho, chairman of the committee, said he supports the move.',
      '“We will decide,” Sen. Jim Risch (R-Idaho) said in a statement. Speaker of the House Nancy Pelosi tweeted that the policy was “purpose-built to humiliate.”',
    );
    expect(s).toEqual(expect.arrayContaining(['James Risch', 'Nancy Pelosi']));
    expect(s.some((x) => /^(Like|To|For)\b|Idaho|House Nancy/.test(x))).toBe(false);
  });

  it('treats a pronoun or a clause caught as the role as what they are', () => {
    const r = report(
      'Romney spoke. “The law is wrong,” he said. Speaking from the White House East Room, he said:\n\n“It stays.”',
      'That black council member, Ernest Montgomery, says he did not know. The watchdog group, citing Haley’s disclosures, said she accepted flights.',
    );
    const v = r.voices;
    expect(v.some((x) => x.speaker === 'East Room')).toBe(false);
    expect(v.find((x) => x.speaker === 'Ernest Montgomery')?.role).toBe('black council member');
    expect(v.some((x) => /^citing/.test(x.role ?? ''))).toBe(false);
    expect(v.some((x) => /^(Mr|Rep|Sen)\.?$/.test(x.role ?? ''))).toBe(false);
  });

  it('reads no clause into a description ("over the summer as experts say")', () => {
    const s = speakers(
      'The ban takes effect over the summer as experts say it could lead to chaos at airports around the country.',
      'The ban took effect.',
    );
    expect(s.some((x) => /summer/.test(x))).toBe(false);
  });
});
