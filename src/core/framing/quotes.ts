import type { Sentence } from '../text';
import { attributionAfter, attributionBefore, attributionTail, type Attribution } from './attribution';
import { colonSubject, invertedBefore, tidyAttribution, withPersonBeforeOf } from './attributionHeads';
import { indirectQuote } from './indirect';
import { Antecedents } from './antecedents';
import { findQuoteSpans, type QuoteSpan } from './quoteMarks';

/** A quote found in an article, with its (resolved) speaker. */
export interface Quote {
  kind: 'direct' | 'indirect';
  /** The quoted words (direct) or the reported clause (indirect). */
  text: string;
  /** Offsets in the article text. */
  start: number;
  end: number;
  sentence: number;
  /** The speaker after pronoun resolution; null when the text never says who. */
  speaker: string | null;
  /** How the text refers to the speaker at this quote ("he", "Wang", "a spokesman"). */
  mention: string | null;
  role: string | null;
  /** The attribution verb, null when the quote continues an earlier attribution. */
  verb: string | null;
}

/** A short quoted phrase that is not attributed speech: distance-taking ("scare") quotes. */
export interface ScareQuote {
  text: string;
  start: number;
  end: number;
  sentence: number;
}

/** Words a quoted span may have and still be a scare quote when nobody is credited with it. */
const SCARE_MAX_WORDS = 5;

interface Paragraph {
  start: number;
  end: number;
  sentences: Sentence[];
}

function paragraphsOf(sentences: Sentence[], usable: (i: number) => boolean): Paragraph[] {
  const out: Paragraph[] = [];
  for (const s of sentences) {
    if (!usable(s.index)) continue;
    const last = out[out.length - 1];
    if (last && last.sentences[last.sentences.length - 1]!.paragraph === s.paragraph) {
      last.sentences.push(s);
      last.end = s.end;
    } else out.push({ start: s.start, end: s.end, sentences: [s] });
  }
  return out;
}

function wordsToSentenceEnd(text: string, from: number): number {
  const rest = text.slice(from);
  const end = rest.search(/[.!?]/);
  return (end < 0 ? rest : rest.slice(0, end)).split(/\s+/).filter(Boolean).length;
}

/**
 * Direct quotes (every kind of quote mark, multi-sentence, continued over paragraphs) and
 * indirect quotes ("X said (that) …") with their speakers. `usable` leaves out captions,
 * boilerplate and repeated sentences.
 */
/** How far before or after a quote its attribution is looked for (characters): a long sentence's speaker is named near the quote. */
const ATTRIBUTION_WINDOW = 400;
const PARTY_TAG = /\s*\((?:R|D|I)-[A-Z][A-Za-z. ]{1,20}\)/g;

export function extractQuotes(
  text: string,
  sentences: Sentence[],
  usable: (i: number) => boolean = () => true,
): { quotes: Quote[]; scare: ScareQuote[] } {
  const quotes: Quote[] = [];
  const scare: ScareQuote[] = [];
  const ante = new Antecedents();
  let previousSpeaker: Quote | null = null;
  let previousOpen = false;
  let introduced: Attribution | null = null;
  for (const para of paragraphsOf(sentences, usable)) {
    const ptext = text.slice(para.start, para.end);
    const spans = findQuoteSpans(ptext);
    const sentenceAt = (offset: number) => para.sentences.findLast((s) => s.start <= para.start + offset) ?? para.sentences[0]!;
    // Other quotes in the sentence are masked so words inside them are never taken for a speaker.
    // Spans are in text order, so a binary search finds the first one that reaches into the window:
    // without it, a paragraph of thousands of quote marks took time quadratic in its length.
    const masked = (from: number, to: number) => {
      let lo = 0;
      let hi = spans.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (spans[mid]!.after <= from) lo = mid + 1;
        else hi = mid;
      }
      let t = '';
      let at = from;
      for (let i = lo; i < spans.length && spans[i]!.before < to; i++) {
        t += ptext.slice(at, Math.max(at, spans[i]!.before)) + ' … ';
        at = Math.min(to, spans[i]!.after);
      }
      return t + ptext.slice(at, to);
    };
    const found: { span: QuoteSpan; attribution: Attribution | null }[] = spans.map((span, k) => {
      const sent = sentenceAt(span.before);
      const sentEnd = Math.min(ptext.length, sentenceAt(Math.max(span.before, span.end - 1)).end - para.start);
      const after = ptext.slice(span.after, spans[k + 1]?.before ?? ptext.length).replace(PARTY_TAG, '');
      const quoted = ptext.slice(span.start, span.end).replace(/["'”’»]+\s*$/, '');
      const endsLikeSpeech = /[,.!?…—–-]\s*$/.test(quoted) || /^\s*[,—–]/.test(after);
      let afterAttribution = endsLikeSpeech ? attributionAfter(after) : null;
      // `"… later." Comey says he advised …` starts a new sentence, not an attribution.
      if (afterAttribution && /[.!?]\s*$/.test(quoted) && wordsToSentenceEnd(after, afterAttribution.end) > 6) afterAttribution = null;
      // "Sen. Jim Risch (R-Idaho) said": the party tag is no part of the attribution.
      const lead = masked(Math.max(sent.start - para.start, span.before - ATTRIBUTION_WINDOW), span.before).replace(PARTY_TAG, '');
      const plain = attributionBefore(lead);
      const before = (plain && withPersonBeforeOf(lead, plain)) ?? invertedBefore(lead) ?? colonSubject(lead);
      // `"…," the Associated Press reported`: the news agency relays; the sentence's own speaker speaks.
      const relayed = afterAttribution && /^(reported|reports|according to)$/.test(afterAttribution.verb) && before;
      const attribution =
        (relayed ? before : (afterAttribution ?? before)) ??
        attributionTail(masked(span.after, Math.max(span.after, Math.min(sentEnd, span.after + ATTRIBUTION_WINDOW))));
      // `Pompeo said:` closing the paragraph before introduces a quote that opens this one.
      if (!attribution && k === 0 && introduced && /^\s*$/.test(ptext.slice(0, span.before)))
        return { span, attribution: tidyAttribution(introduced) };
      return { span, attribution: attribution && tidyAttribution(attribution) };
    });
    introduced = null;
    const paraStartsWithQuote = spans[0] !== undefined && /^\s*$/.test(ptext.slice(0, spans[0].before));
    // Events in reading order, so pronouns resolve to the speaker named just before them.
    const events: ({ at: number; k: number } | { at: number; sentence: Sentence } | { at: number; subject: Sentence })[] = found.map(
      (_, k) => ({ at: para.start + spans[k]!.before, k }),
    );
    for (const s of para.sentences) events.push({ at: s.start - 0.5, subject: s });
    for (const s of para.sentences) {
      if (!spans.some((sp) => para.start + sp.before < s.end && para.start + sp.after > s.start)) events.push({ at: s.start, sentence: s });
    }
    events.sort((a, b) => a.at - b.at);
    const resolvedAt = new Map<number, { speaker: string | null; role: string | null }>();
    for (const ev of events) {
      if ('subject' in ev) {
        ante.noteSubject(ev.subject.text);
        continue;
      }
      if ('sentence' in ev) {
        // Headings and teasers ("China says visit shouldn't be an investigation") have no
        // closing punctuation and are not reported speech in the running text.
        if (!/[.!?"'”’»]\s*$/.test(ev.sentence.text)) continue;
        const found = indirectQuote(ev.sentence.text);
        if (!found) continue;
        const tidy = tidyAttribution(found);
        const at = ev.sentence.text.indexOf(tidy.speaker);
        const iq = at > 0 ? { ...tidy, ...withPersonBeforeOf(ev.sentence.text, { ...tidy, start: at }), start: tidy.start } : tidy;
        const r = ante.resolve(iq);
        if (!r.speaker) continue;
        const offset = Math.max(0, ev.sentence.text.lastIndexOf(iq.clause));
        const start = ev.sentence.start + offset;
        ante.noteStatement(ev.sentence.text, r);
        const q: Quote = {
          kind: 'indirect',
          text: iq.clause,
          start,
          end: start + iq.clause.length,
          sentence: ev.sentence.index,
          speaker: r.speaker,
          mention: iq.speaker,
          role: r.role,
          verb: iq.verb,
        };
        quotes.push(q);
        previousSpeaker = q;
        continue;
      }
      const k = ev.k;
      const { span, attribution } = found[k]!;
      const quoted = ptext.slice(span.start, span.end).trim();
      const words = quoted.split(/\s+/).filter(Boolean).length;
      const sentence = sentenceAt(span.start).index;
      const start = para.start + span.start;
      let who: { speaker: string | null; role: string | null; mention: string | null; verb: string | null } | null = null;
      const resolveSibling = (j: number) => {
        let r = resolvedAt.get(j);
        if (!r) {
          r = ante.resolve(found[j]!.attribution!);
          resolvedAt.set(j, r);
        }
        return r;
      };
      if (attribution) {
        const r = resolvedAt.get(k) ?? ante.resolve(attribution);
        resolvedAt.set(k, r);
        ante.noteStatement(ptext.slice(sentenceAt(span.before).start - para.start, sentenceAt(span.before).end - para.start), r);
        who = { ...r, mention: attribution.speaker, verb: attribution.verb };
      } else {
        const before = found
          .slice(0, k)
          .map((f, j) => (f.attribution ? j : -1))
          .filter((j) => j >= 0)
          .pop();
        const afterIdx = found.findIndex((f, j) => j > k && f.attribution);
        const j = before ?? (afterIdx >= 0 ? afterIdx : undefined);
        if (j !== undefined) who = { ...resolveSibling(j), mention: null, verb: null };
        else if (k === 0 && paraStartsWithQuote && previousSpeaker && (previousOpen || words > SCARE_MAX_WORDS)) {
          who = { speaker: previousSpeaker.speaker, role: previousSpeaker.role, mention: null, verb: null };
        } else if (
          k > 0 &&
          paraStartsWithQuote &&
          previousSpeaker &&
          quotes[quotes.length - 1] === previousSpeaker &&
          previousSpeaker.start >= para.start
        ) {
          // A paragraph of quotes continuing the one before: its later quotes are the same speaker's.
          who = { speaker: previousSpeaker.speaker, role: previousSpeaker.role, mention: null, verb: null };
        }
      }
      if (!who && words <= SCARE_MAX_WORDS) {
        scare.push({ text: quoted, start, end: para.start + span.end, sentence });
        continue;
      }
      const q: Quote = {
        kind: 'direct',
        text: quoted,
        start,
        end: para.start + span.end,
        sentence,
        speaker: who?.speaker ?? null,
        mention: who?.mention ?? null,
        role: who?.role ?? null,
        verb: who?.verb || null,
      };
      quotes.push(q);
      if (q.speaker) previousSpeaker = q;
    }
    previousOpen = spans.length > 0 && spans[spans.length - 1]!.open;
    const closing = para.sentences[para.sentences.length - 1]!;
    if (/:\s*$/.test(closing.text) && !spans.some((sp) => para.start + sp.after > closing.start)) {
      const plain = attributionBefore(closing.text);
      introduced = (plain && withPersonBeforeOf(closing.text, plain)) ?? colonSubject(closing.text);
    }
  }
  quotes.sort((a, b) => a.start - b.start);
  return { quotes, scare };
}
