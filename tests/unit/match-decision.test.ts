import { describe, expect, it } from 'vitest';
import { DECISION, DECISION_TERMS, MatchIndex, decisionTerms, sameStoryProbability, type DecisionSignals } from '../../src/core/match';
import type { ArticleRecord } from '../../src/core/types';
import { byId, CBC, DAILY_MAIL, fixtureRecords } from './support/match-helpers';

const has = { title: true, lead: true, body: true, entities: true, numbers: true };
const pair = (over: Partial<DecisionSignals['parts']>, gapDays: number | null, sameOutlet = false): DecisionSignals => ({
  parts: { title: 0.3, lead: 0.3, body: 0.35, entities: 0.4, numbers: 0.2, ...over },
  queryHas: has,
  gapDays,
  sameOutlet,
});

describe('the same-story decision on pairwise signals', () => {
  it('has one coefficient per term and a related bar below the same-story bar', () => {
    expect(DECISION.weights).toHaveLength(DECISION_TERMS.length);
    expect(decisionTerms(pair({}, 0))).toHaveLength(DECISION_TERMS.length);
    expect(DECISION.related).toBeLessThan(DECISION.sameStory);
  });

  it('reads each signal in the direction of its evidence', () => {
    const p = (s: DecisionSignals) => sameStoryProbability(s);
    // More shared text, headline and names: more likely one event.
    expect(p(pair({ body: 0.6 }, 1))).toBeGreaterThan(p(pair({ body: 0.3 }, 1)));
    expect(p(pair({ title: 0.7 }, 1))).toBeGreaterThan(p(pair({ title: 0.1 }, 1)));
    expect(p(pair({ entities: 0.7 }, 1))).toBeGreaterThan(p(pair({ entities: 0.1 }, 1)));
    // Days apart: less likely; the same outlet twice: less likely.
    expect(p(pair({}, 0))).toBeGreaterThan(p(pair({}, 3)));
    expect(p(pair({}, 3))).toBeGreaterThan(p(pair({}, 60)));
    expect(p(pair({}, 1, true))).toBeLessThan(p(pair({}, 1, false)));
  });

  it('counts a missing date as neither near nor far', () => {
    const p = (s: DecisionSignals) => sameStoryProbability(s);
    expect(p(pair({}, null))).toBeLessThan(p(pair({}, 0)));
    expect(p(pair({}, null))).toBeGreaterThan(p(pair({}, 365)));
  });

  it('reads a headline the query lacks as its lead, not as a headline shared by nothing', () => {
    const noTitle = { ...has, title: false };
    const a = sameStoryProbability({ ...pair({ title: 0, lead: 0.5 }, 1), queryHas: noTitle });
    const b = sameStoryProbability(pair({ title: 0.5, lead: 0.5 }, 1));
    expect(a).toBeCloseTo(b, 10);
  });

  it('calls a close same-day report of another outlet the same story', () => {
    expect(sameStoryProbability(pair({ title: 0.6, lead: 0.5, body: 0.55, entities: 0.6, numbers: 0.4 }, 0))).toBeGreaterThanOrEqual(
      DECISION.sameStory,
    );
  });

  it('does not call these known false pairs the same story', () => {
    // Signals as measured on abp articles judged by hand (bench/data/abp-pairs.json):
    const cases: [string, DecisionSignals][] = [
      // one outlet's two undated reports on the Khashoggi killing, days apart in fact
      [
        'Erdogan: murder planned / Turkey vows to reveal truth (BBC, BBC)',
        pair({ title: 0.44, lead: 0.4, body: 0.53, entities: 0.57, numbers: 0 }, null, true),
      ],
      // a digest's shared opening paragraph, two days apart
      [
        'business liability shields / immunity passports (Yahoo, Yahoo)',
        pair({ title: 0, lead: 1, body: 0.21, entities: 0.12, numbers: 1 }, 2, true),
      ],
      // the same topic a month later
      [
        "O'Malley's Baltimore record / O'Malley joins the race",
        pair({ title: 0.29, lead: 0.39, body: 0.38, entities: 0.57, numbers: 0.7 }, 32),
      ],
      // the same people, a week apart: the bill's passage and its signing
      [
        'Congress passes the anti-violence law / Obama signs it',
        pair({ title: 0, lead: 0.15, body: 0.45, entities: 0.35, numbers: 0.46 }, 7),
      ],
    ];
    for (const [name, s] of cases) expect(sameStoryProbability(s), name).toBeLessThan(DECISION.sameStory);
  });
});

describe('the decision in the index', () => {
  const records = fixtureRecords();
  const index = new MatchIndex();
  for (const r of records) index.add(r);

  it('never flags another story as the same story among the fixtures (other April 2018 stories about Trump, another rehab)', () => {
    let flags = 0;
    for (const q of records) {
      for (const r of index.search(q, { top: 10 })) {
        if (!r.sameStory) continue;
        flags++;
        expect(byId(records, r.id).story, `${q.id} → ${r.id}`).toBe(q.story);
      }
    }
    expect(flags).toBeGreaterThan(10);
  });

  it('reports the probability it decided on among the result parts', () => {
    const [first] = index.search(byId(records, CBC), { top: 1 });
    expect(first?.id).toBe(DAILY_MAIL);
    const p = first!.reasons.parts?.probability;
    expect(p).toBeGreaterThan(0);
    expect(first!.related).toBe(p! >= DECISION.related);
    expect(first!.sameStory).toBe(p! >= DECISION.sameStory);
  });

  it('keeps outlets through compaction and a snapshot, so the decision is the same after a restore', () => {
    const rec = (id: string, outlet: string, title: string, text: string): ArticleRecord => ({
      id,
      url: null,
      title,
      outlet,
      published: '2020-03-02',
      text,
    });
    const small = new MatchIndex();
    // Removed and compacted away first, so every slot after it moves.
    small.add(rec('gone', 'Coast Times', 'Ferry timetable changes', 'The ferry timetable changes on Monday.'));
    small.add(
      rec(
        'b',
        'Harbour Herald',
        'Harbour bridge repairs approved by council',
        'Councillors backed the harbour bridge repairs nine to four on Monday, ending a dispute over tolls and the rusting steel cables.',
      ),
    );
    small.add(
      rec(
        'c',
        'Coast Times',
        'Council approves harbour bridge repairs',
        'The mayor called the harbour bridge repairs overdue after Monday’s council vote; tolls will pay for new steel cables.',
      ),
    );
    for (let i = 0; i < 20; i++)
      small.add(
        rec(
          `other-${i}`,
          'Coast Times',
          `Garden show ${i} opens`,
          `Roses and tulips fill the hall number ${i} as growers compete for ribbons and prizes.`,
        ),
      );
    const query = rec(
      'q',
      'Harbour Herald',
      'Council votes for harbour bridge repairs',
      'The council voted on Monday for the harbour bridge repairs after a long debate about tolls, ferries and the steel cables.',
    );
    small.remove('gone');
    small.compact();
    const before = small.search(query, { top: 3 });
    const restored = MatchIndex.fromJSON(structuredClone(small.toJSON()));
    const after = restored.search(query, { top: 3 });
    expect(after.map((r) => [r.id, r.reasons.parts?.probability])).toEqual(before.map((r) => [r.id, r.reasons.parts?.probability]));
    const p = (rs: typeof before, id: string) => rs.find((r) => r.id === id)!.reasons.parts!.probability!;
    // The query's own outlet filing the same text again is less likely a second report of the event.
    expect(p(after, 'b')).toBeLessThan(p(after, 'c'));
    const unknownOutlet = restored.search({ ...query, outlet: '' }, { top: 3 });
    expect(p(after, 'b')).toBeLessThan(p(unknownOutlet, 'b'));
    expect(p(after, 'c')).toBeCloseTo(p(unknownOutlet, 'c'), 10);
    expect(after.find((r) => r.id === 'c')!.sameStory).toBe(true);
  });

  it('reads a snapshot without outlets as outlets unknown, and rejects malformed ones', () => {
    const snap = index.toJSON();
    const { outlets, outletOf, ...older } = snap;
    expect(outlets?.length).toBeGreaterThan(1);
    const q = byId(records, CBC);
    const plain = MatchIndex.fromJSON({ ...older }).search({ ...q, outlet: '' }, { top: 3 });
    expect(MatchIndex.fromJSON({ ...older }).search(q, { top: 3 })).toEqual(plain);
    expect(() => MatchIndex.fromJSON({ ...snap, outletOf: outletOf!.slice(1) })).toThrow(/outlets disagree/);
    expect(() => MatchIndex.fromJSON({ ...snap, outletOf: outletOf!.map(() => 9999) })).toThrow(/outlets disagree/);
    expect(() => MatchIndex.fromJSON({ ...snap, outlets: [1, 2] as unknown as string[] })).toThrow(/outlets malformed/);
  });
});
