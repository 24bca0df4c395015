import type { PartValues } from './vectors';

/**
 * The same-story decision: is a result a report of the query's own event, or another story
 * about the same people in the same weeks? One bar on one similarity cannot tell them apart
 * (on US political news a bar high enough for precision finds under half of an event's
 * reports), so the decision reads a few pairwise signals of the two articles alone, each
 * evidence of its own kind, and combines them in a logistic model:
 *
 * - the body, lead and headline cosines (headlines of one event name its specifics; two
 *   stories about one person share the name and little else),
 * - the cosine of the named entities, and of the numbers (a count, a sum, a vote tally),
 * - the date gap, log(1 + days), when both dates are known: reports of one event are days
 *   apart, other stories about the same people fill the months around it,
 * - whether a date is missing, as its own term: a missing date is neither near nor far, so
 *   the text must carry the decision alone,
 * - whether both come from one outlet: an outlet seldom files two reports of one happening,
 *   so its second article about the same people is more often a follow-up or another story
 *   (and the popup is there to compare outlets).
 *
 * The cosines are the plain ones, before the neighbourhood rescoring, so the decision does
 * not move when the ranking reorders results. The coefficients are fitted by
 * bench/matching-decision.ts (L2-regularised logistic regression on the tuned parts of the
 * development sets only, each set weighing the same); bench/README.md has the figures.
 */
export interface DecisionSignals {
  parts: PartValues;
  /** Which parts the query has (see decisionTerms for the headline and numbers it lacks). */
  queryHas: Readonly<Record<keyof PartValues, boolean>>;
  /** Days between the two publication dates; null when either is unknown. */
  gapDays: number | null;
  /** Both articles name the same outlet (false when either is unknown). */
  sameOutlet: boolean;
}

/** The model's terms, in the order of `DecisionCoefficients.weights`. */
export const DECISION_TERMS = ['body', 'lead', 'title', 'entities', 'numbers', 'logGap', 'noDate', 'sameOutlet'] as const;

export interface DecisionCoefficients {
  intercept: number;
  weights: readonly number[];
  /** Probability at or above which a result is called the same story. */
  sameStory: number;
  /** Probability at or above which a result is listed as related coverage. */
  related: number;
}

/**
 * Fitted by `npx tsx bench/matching-decision.ts --cache=DIR` at ~38.5k articles, with the
 * bars it chose: same story at the lowest probability with precision >= 0.95 on the tuned
 * part of every development set, related at the lowest with even odds (precision >= 0.5).
 * bench/README.md has the data, the split and the figures on the held-out parts.
 */
export const DECISION: Readonly<DecisionCoefficients> = {
  intercept: -1.785,
  weights: [2.734, 3.293, 1.9, 1.367, 0.478, -0.819, -0.898, -1.234],
  sameStory: 0.74,
  related: 0.3,
};

/** The model's inputs for one pair, in DECISION_TERMS order. */
export function decisionTerms(s: DecisionSignals): number[] {
  const p = s.parts;
  // A headline the query lacks is no evidence against: it reads as the lead's value.
  // Numbers it lacks count as none shared, the weight of that term being small.
  const title = s.queryHas.title ? p.title : p.lead;
  const numbers = s.queryHas.numbers ? p.numbers : 0;
  const known = s.gapDays !== null;
  return [p.body, p.lead, title, p.entities, numbers, known ? Math.log1p(s.gapDays!) : 0, known ? 0 : 1, s.sameOutlet ? 1 : 0];
}

/** The probability that the pair reports one event. */
export function sameStoryProbability(s: DecisionSignals, c: Readonly<DecisionCoefficients> = DECISION): number {
  const x = decisionTerms(s);
  let z = c.intercept;
  for (let i = 0; i < x.length; i++) z += (c.weights[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
