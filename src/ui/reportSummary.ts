import type { FrameEntry, FramingReport, HedgeEntry, NamingEntry, TermEntry, ToneEntry, VoiceEntry } from '../core/framing/types';
import { t, type MessageKey } from '../shared/i18n';

/**
 * The strongest differences of a framing report between two articles, a few lines per
 * section: what the popup shows before the reader opens the full comparison.
 */
export interface PairSummary {
  terms: { self: TermEntry[]; other: TermEntry[] };
  naming: { concept: string; self: string[]; other: string[] }[];
  /** Naming differences beyond the strongest few, left to the full comparison. */
  namingMore: number;
  voices: { self: VoiceEntry[]; other: VoiceEntry[] };
  only: { self: string[]; other: string[] };
  tone: { self: ToneEntry | null; other: ToneEntry | null };
  frames: { self: FrameEntry[]; other: FrameEntry[] };
  hedges: { self: number; other: number };
}

export interface SummaryLimits {
  terms: number;
  naming: number;
  voices: number;
  only: number;
  frames: number;
}

const DEFAULT_LIMITS: SummaryLimits = { terms: 8, naming: 3, voices: 4, only: 3, frames: 2 };

export function summarizePair(report: FramingReport, selfId: string, otherId: string, limits: SummaryLimits = DEFAULT_LIMITS): PairSummary {
  const topTerms = (id: string) =>
    report.terms
      .filter((t) => t.article === id && t.z > 0)
      .sort((a, b) => b.z - a.z)
      .slice(0, limits.terms);
  const voices = (id: string) =>
    report.voices
      .filter((v) => v.article === id)
      .sort((a, b) => Number(b.only ?? false) - Number(a.only ?? false) || b.words - a.words || b.quotes - a.quotes)
      .slice(0, limits.voices);
  const only = (id: string) => (report.coverage.find((c) => c.article === id)?.only ?? []).slice(0, limits.only).map((s) => s.text);
  const frames = (id: string) =>
    report.frames
      .filter((f) => f.article === id && f.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limits.frames);
  const hedges = (id: string) => (report.hedging ?? []).filter((h) => h.article === id && h.kind !== 'attribution').length;
  const naming = namingPairs(report.naming, selfId, otherId);
  return {
    terms: { self: topTerms(selfId), other: topTerms(otherId) },
    naming: naming.slice(0, limits.naming),
    namingMore: Math.max(0, naming.length - limits.naming),
    voices: { self: voices(selfId), other: voices(otherId) },
    only: { self: only(selfId), other: only(otherId) },
    tone: {
      self: report.tone.find((t) => t.article === selfId) ?? null,
      other: report.tone.find((t) => t.article === otherId) ?? null,
    },
    frames: { self: frames(selfId), other: frames(otherId) },
    hedges: { self: hedges(selfId), other: hedges(otherId) },
  };
}

/** Naming concepts where the two articles use different forms (one form per side at least), strongest first. */
function namingPairs(naming: NamingEntry[], selfId: string, otherId: string): PairSummary['naming'] {
  const out: PairSummary['naming'] = [];
  const ranked = naming.map((n, i) => ({ n, i })).sort((a, b) => (b.n.strength ?? 0) - (a.n.strength ?? 0) || a.i - b.i);
  for (const { n: entry } of ranked) {
    const formsOf = (id: string) => [...new Set(entry.variants.filter((v) => v.article === id).map((v) => v.form))];
    const self = formsOf(selfId);
    const other = formsOf(otherId);
    if (!self.length || !other.length) continue;
    const selfKeys = new Set(self.map((f) => f.toLowerCase()));
    if (other.every((f) => selfKeys.has(f.toLowerCase()))) continue;
    out.push({ concept: entry.concept, self, other });
  }
  return out;
}

/** Tone as a reader-facing word; the score is indicative only. */
export function toneWord(score: number): string {
  if (score <= -0.15) return t('toneNegative');
  if (score <= -0.05) return t('toneSomewhatNegative');
  if (score < 0.05) return t('toneNeutral');
  if (score < 0.15) return t('toneSomewhatPositive');
  return t('tonePositive');
}

/** The Media Frames Corpus dimensions (src/core/framing/lexicon/frames.json) as messages. */
const FRAME_MESSAGES: Record<string, MessageKey> = {
  Economic: 'frameEconomic',
  'Capacity and resources': 'frameCapacity',
  Morality: 'frameMorality',
  'Fairness and equality': 'frameFairness',
  'Legality, constitutionality and jurisprudence': 'frameLegality',
  'Policy prescription and evaluation': 'framePolicy',
  'Crime and punishment': 'frameCrime',
  'Security and defense': 'frameSecurity',
  'Health and safety': 'frameHealth',
  'Quality of life': 'frameQualityOfLife',
  'Cultural identity': 'frameCulturalIdentity',
  'Public opinion': 'framePublicOpinion',
  Political: 'framePolitical',
  'External regulation and reputation': 'frameExternalRegulation',
  Other: 'frameOther',
};

/** A frame dimension's name in the reader's language (an unknown name is shown as the report gives it). */
export function frameName(frame: string): string {
  const key = FRAME_MESSAGES[frame];
  return key ? t(key) : frame;
}

const HEDGE_MESSAGES: Record<HedgeEntry['kind'], MessageKey> = {
  hedge: 'hedgeKindHedge',
  'scare-quote': 'hedgeKindScareQuote',
  'agentless-passive': 'hedgeKindAgentlessPassive',
  attribution: 'hedgeKindAttribution',
};

/** What kind of hedge or attribution an entry is, for a reader. */
export function hedgeKindName(kind: HedgeEntry['kind']): string {
  return t(HEDGE_MESSAGES[kind]);
}
