import type { ReportArticle } from '../core/framing/types';
import { formatDate } from '../ui/format';
import { highlight } from '../ui/highlight';
import { formatList, t } from '../shared/i18n';
import type { ArticleEvidence } from './evidence';
import { incompleteLabel } from '../ui/incomplete';

interface SentenceView {
  index: number;
  text: string;
  paragraph: number;
}

/** One article's text, paragraph by paragraph, with the evidence layers the reader turned on. */
export function ArticleColumn(props: {
  article: ReportArticle;
  side: number;
  sentences: SentenceView[];
  evidence: ArticleEvidence;
  layers: Set<string>;
}) {
  const { article, evidence, layers } = props;
  const marks = evidence.marks.filter((m) => layers.has(m.kind));
  const paragraphs = new Map<number, SentenceView[]>();
  for (const s of props.sentences) paragraphs.set(s.paragraph, [...(paragraphs.get(s.paragraph) ?? []), s]);
  return (
    <article
      class={`article-col col-${props.side % 2 === 0 ? 'a' : 'b'}`}
      aria-label={t('articleColumnLabel', [article.outlet || t('unknownOutlet'), article.title || t('untitled')])}
      data-testid="compare-article"
    >
      <header>
        <div class="outlet">{article.outlet || t('unknownOutlet')}</div>
        <h2>{article.title || t('untitled')}</h2>
        <div class="muted">{formatDate(article.published)}</div>
        {article.incomplete && (
          <p class="incomplete" data-testid="compare-incomplete">
            {t('incompleteCompare', [incompleteLabel(article.incomplete)])}
          </p>
        )}
      </header>
      {[...paragraphs.values()].map((sentences) => (
        <p key={sentences[0]!.index}>
          {sentences.map((s) => {
            const only = layers.has('only') && evidence.only.has(s.index);
            const speakers = layers.has('quoted') ? evidence.quoted.get(s.index) : undefined;
            return (
              <span
                key={s.index}
                id={`s-${article.id}-${s.index}`}
                tabIndex={-1}
                class={`sentence${only ? ' only' : ''}${speakers ? ' quoted' : ''}`}
                data-testid={only ? 'only-sentence' : undefined}
                title={
                  [only ? t('layerOnly') : '', speakers ? t('quotesSpeakers', [formatList(speakers, 'conjunction')]) : '']
                    .filter(Boolean)
                    .join(' · ') || undefined
                }
              >
                {speakers && <span class="speaker-tag">{formatList(speakers)}</span>}
                {highlight(s.text, marks).map((seg, i) =>
                  seg.mark ? (
                    <mark key={i} class={`mark-${seg.mark.kind}`} title={seg.mark.note} data-testid={`mark-${seg.mark.kind}`}>
                      {seg.text}
                    </mark>
                  ) : (
                    seg.text
                  ),
                )}{' '}
              </span>
            );
          })}
        </p>
      ))}
    </article>
  );
}
