import type { FramingReport } from '../core/framing/types';
import { formatZ } from '../ui/format';
import type { Mark } from '../ui/highlight';
import { formatList, t } from '../shared/i18n';
import { hedgeKindName } from '../ui/reportSummary';

/** What the comparison page marks in one article's text, derived from the report. */
export interface ArticleEvidence {
  /** Phrases to highlight anywhere in the text. */
  marks: Mark[];
  /** Sentence index -> note, for sentences with no counterpart in the other articles. */
  only: Map<number, string>;
  /** Sentence index -> speakers quoted in it. */
  quoted: Map<number, string[]>;
}

/** Builds the evidence to show in each article's text, keyed by article id. */
export function evidenceByArticle(report: FramingReport, termsPerArticle = 12): Map<string, ArticleEvidence> {
  const out = new Map<string, ArticleEvidence>();
  for (const a of report.articles) out.set(a.id, { marks: [], only: new Map(), quoted: new Map() });
  const get = (id: string) => out.get(id);

  for (const id of out.keys()) {
    const terms = report.terms
      .filter((t) => t.article === id && t.z > 0)
      .sort((x, y) => y.z - x.z)
      .slice(0, termsPerArticle);
    for (const term of terms) get(id)?.marks.push({ phrase: term.term, kind: 'term', note: t('termNote', [formatZ(term.z), term.count]) });
  }
  for (const n of report.naming) {
    const forms = [...new Set(n.variants.map((v) => v.form))];
    if (forms.length < 2) continue;
    for (const v of n.variants) {
      get(v.article)?.marks.push({
        phrase: v.form,
        kind: 'naming',
        note: t('namingNote', [
          n.concept,
          formatList(
            forms.filter((f) => f !== v.form),
            'conjunction',
          ),
        ]),
      });
    }
  }
  for (const h of report.hedging ?? []) {
    if (h.kind === 'hedge' || h.kind === 'scare-quote')
      get(h.article)?.marks.push({ phrase: h.text, kind: 'hedge', note: hedgeKindName(h.kind) });
  }
  for (const c of report.coverage) {
    for (const s of c.only) get(c.article)?.only.set(s.index, t('layerOnly'));
  }
  for (const v of report.voices) {
    for (const i of v.sentences ?? []) {
      const ev = get(v.article);
      if (!ev) continue;
      const list = ev.quoted.get(i) ?? [];
      if (!list.includes(v.speaker)) list.push(v.speaker);
      ev.quoted.set(i, list);
    }
  }
  return out;
}

/** Reads `?tab=<id>&ids=a,b` (or `?self=<archived id>&ids=...`) from the page URL. */
export function parseCompareQuery(search: string): { tabId?: number; self?: string; ids: string[] } | null {
  const p = new URLSearchParams(search);
  const ids = (p.get('ids') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const tab = p.get('tab');
  const self = p.get('self') ?? undefined;
  if (ids.length === 0 || (!self && (tab === null || !/^\d+$/.test(tab)))) return null;
  return { ...(tab !== null && /^\d+$/.test(tab) ? { tabId: Number(tab) } : {}), ...(self ? { self } : {}), ids };
}
