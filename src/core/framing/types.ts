/**
 * The framing report of docs/DESIGN.md (`compare --json`). Every entry names the article it
 * belongs to by `id`, and wherever possible points at the sentence it comes from, so the
 * UI can show the evidence for each difference.
 */

export interface ReportArticle {
  id: string;
  title: string;
  outlet: string;
  published: string | null;
  words: number;
  /** Why the article's text is known to be incomplete ('paywall', 'truncated'), or null. */
  incomplete?: string | null;
}

/** A distinctive word or phrase of one article against the others. */
export interface TermEntry {
  article: string;
  /** As written in the article (the most frequent surface form). */
  term: string;
  /** Log-odds z-score with an informative Dirichlet prior (Monroe et al. 2008). */
  z: number;
  count: number;
  /** Sentence indexes (into the article's sentences) where the term occurs. */
  sentences?: number[];
}

/** One referent named with different words by different articles. */
export interface NamingEntry {
  concept: string;
  kind?: 'spelling' | 'label' | 'alignment' | 'reference';
  /** Where the contested label comes from (lexicon source), when curated. */
  source?: string;
  /**
   * 0..1, how strong the evidence is (uses in each article, a loaded label or a descriptor
   * only one side uses): the section is sorted by it, and the popup shows the strongest few.
   */
  strength?: number;
  variants: {
    article: string;
    form: string;
    count: number;
    sentences?: number[];
    /** Which of the lexicon's labels (kind "label"). */
    label?: number;
    /** A form only some articles use that says something: an honorific, a judging descriptor (kind "reference"). */
    noteworthy?: boolean;
  }[];
}

/** A quoted person in one article. */
export interface VoiceEntry {
  article: string;
  speaker: string;
  role?: string | null;
  quotes: number;
  words: number;
  verbs: string[];
  /** True when no other article quotes this speaker. */
  only?: boolean;
  sentences?: number[];
  /** Direct quotes (in quotation marks) and indirect ones ("X said that …"). */
  direct?: number;
  indirect?: number;
  /** Verbs that carry judgement (claimed, insisted, admitted, slammed...). */
  loadedVerbs?: string[];
  /** Each quote, for the evidence view. */
  items?: { kind: 'direct' | 'indirect'; text: string; sentence: number; verb: string | null }[];
}

/** Sentences of one article with no counterpart in the others. */
export interface CoverageEntry {
  article: string;
  /** Sentences with no counterpart; `incomplete` when another article's text is incomplete, so it may be there unread. */
  only: { index: number; text: string; incomplete?: true }[];
  /** Each sentence's closest counterpart in another article (cosine of IDF-weighted stems). */
  aligned?: { index: number; other: { article: string; index: number }; score: number }[];
  /** Same quantity given differently across articles. */
  quantities?: { index: number; text: string; other: { article: string; index: number; text: string } }[];
}

export interface ToneEntry {
  article: string;
  /** Mean lexicon polarity, -1..1, indicative only. */
  score: number;
  positive: number;
  negative: number;
  words?: string[];
  entities?: { entity: string; score: number; mentions: number }[];
}

export interface FrameEntry {
  article: string;
  /** One of the 15 Media Frames Corpus dimensions. */
  frame: string;
  /** Cue words per 1,000 analysed words. */
  score: number;
  cues: string[];
  sentences?: number[];
}

export interface HedgeEntry {
  article: string;
  kind: 'hedge' | 'scare-quote' | 'agentless-passive' | 'attribution';
  text: string;
  sentence: number;
}

export interface HeadlineEntry {
  article: string;
  /** Content words the headline stresses that the body hardly uses. */
  stressed: string[];
  /** Prominent body terms the headline leaves out. */
  omitted: string[];
}

export interface FramingReport {
  articles: ReportArticle[];
  terms: TermEntry[];
  naming: NamingEntry[];
  voices: VoiceEntry[];
  coverage: CoverageEntry[];
  tone: ToneEntry[];
  frames: FrameEntry[];
  hedging?: HedgeEntry[];
  headline?: HeadlineEntry[];
  /** Sentences of each article, so offsets in the entries can be shown in context. */
  sentences?: Record<
    string,
    { index: number; text: string; paragraph: number; skip?: 'boilerplate' | 'caption' | 'duplicate' | 'title' }[]
  >;
}
