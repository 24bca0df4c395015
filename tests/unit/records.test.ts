import { describe, expect, it } from 'vitest';
import { checkRecord, isCalendarDate, parseRecords, toNdjson } from '../../src/core/records';

// Shapes taken from the shared datasets (ECB+, CC BY 3.0; NewsWCL50, CC BY-SA 4.0; ABP, Apache-2.0).
const ECB =
  '{"id":"ecb:1_1ecb","url":null,"title":"Another day in Hollywood; another star in rehab.","outlet":null,"published":null,"text":"Another day in Hollywood; another star in rehab.","story":"1ecb","lang":"en","topic":1}';
const ABP =
  '{"id":"abp:x","url":"https://example.org/a","title":"T","outlet":"Fox News","published":"2019-03-04","text":"Body.","story":null,"lang":"en","lean":"right"}';
const NYT_NO_TITLE =
  '{"id":"newswcl50:0_L","url":"https://www.nytimes.com/x","title":"","outlet":"New York Times","published":"2018-04-12","text":"Body.","story":"0","lang":"en"}';

describe('interchange records', () => {
  it('imports every dataset shape as is: null outlet, empty title, extra fields', () => {
    const parsed = parseRecords([ECB, ABP, NYT_NO_TITLE].join('\n'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.records.map((r) => r.outlet)).toEqual(['', 'Fox News', 'New York Times']);
    expect((parsed.records[0] as unknown as { topic: number }).topic).toBe(1);
    expect((parsed.records[1] as unknown as { lean: string }).lean).toBe('right');
  });

  it('exports what it imported, and the export imports to the same records', () => {
    const first = parseRecords([ECB, ABP].join('\n'));
    if (!first.ok) throw new Error(first.reason);
    const again = parseRecords(toNdjson(first.records));
    expect(again).toEqual(first);
  });

  it('refuses a file at its first bad line, naming the line and the reason', () => {
    const bad = [ABP, '', '{"id":"b","url":null,"title":"t","outlet":"o","published":"2020-13-01","text":"x"}'].join('\n');
    expect(parseRecords(bad)).toEqual({ ok: false, line: 3, reason: 'published is not a real calendar date' });
    expect(parseRecords(`${ABP}\n${ABP}`)).toMatchObject({ ok: false, line: 2, reason: expect.stringMatching(/duplicate id/) });
    expect(parseRecords('{"id":"a"')).toMatchObject({ ok: false, line: 1, reason: expect.stringMatching(/invalid JSON/) });
  });

  it('refuses prototype-polluting keys at any depth and non-objects', () => {
    expect(
      checkRecord(
        JSON.parse('{"id":"a","url":null,"title":"t","outlet":"o","published":null,"text":"x","extra":{"deep":{"__proto__":{"x":1}}}}'),
      ),
    ).toEqual({ ok: false, reason: 'forbidden key "__proto__"' });
    expect(checkRecord([1, 2])).toEqual({ ok: false, reason: 'not a JSON object' });
    expect(checkRecord({ id: 'a', url: null, title: 't', outlet: 'o', published: null })).toEqual({ ok: false, reason: 'text is missing' });
  });

  it('knows real calendar dates', () => {
    expect(['2020-02-29', '2020-09-15T18:20:28Z'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2019-02-29', '2020-06-31', '2020-00-10', '2020-09-15T99:00:00Z'].map(isCalendarDate)).toEqual([false, false, false, false]);
  });
});
