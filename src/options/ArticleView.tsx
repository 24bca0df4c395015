import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleRecord } from '../core/types';
import type { RelatedItem } from '../shared/messages';
import { formatDate, formatDateGap, formatScore, matchSimilarity } from '../ui/format';
import { formatList, t, tn } from '../shared/i18n';

export interface ArticleSource {
  get(id: string): Promise<ArticleRecord | null>;
  related(id: string): Promise<RelatedItem[]>;
  compareUrl(self: string, other: string): string;
}

interface Props {
  id: string;
  source: ArticleSource;
  labels(outlet: string): string[];
  onClose(): void;
  onOpen(id: string): void;
  onSameStory(id: string): void;
}

/**
 * One archived article in a modal dialog: its headline, outlet, date and address, the text
 * (as text, paragraph by paragraph), and its related coverage from the match index with a
 * link to the full comparison of the pair.
 */
export function ArticleView(p: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [record, setRecord] = useState<ArticleRecord | null | undefined>(undefined);
  const [related, setRelated] = useState<RelatedItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  useEffect(() => {
    let live = true;
    setRecord(undefined);
    setRelated(null);
    setError(null);
    dialog.current?.scrollTo?.({ top: 0 });
    p.source.get(p.id).then(
      (r) => {
        if (!live) return;
        setRecord(r);
        if (r)
          p.source.related(p.id).then(
            (items) => live && setRelated(items),
            (e: unknown) => live && setError((e as Error).message),
          );
      },
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [p.id]);

  const paragraphs = record?.text.split(/\n\s*\n/).filter((para) => para.trim()) ?? [];
  const listed = related?.filter((r) => r.related ?? r.sameStory ?? true) ?? [];
  return (
    <dialog
      ref={dialog}
      class="article-view"
      aria-labelledby="article-view-title"
      data-testid="article-view"
      onClose={p.onClose}
      onCancel={p.onClose}
    >
      <div class="article-view-bar">
        <button type="button" data-testid="article-close" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </div>
      {record === undefined && !error && <p role="status">{t('archiveLoading')}</p>}
      {record === null && <p role="alert">{t('errArticleGone', [p.id])}</p>}
      {record && (
        <article>
          <h2 id="article-view-title" data-testid="article-view-title">
            {record.title || t('noHeadline')}
          </h2>
          <p class="meta">
            <span data-testid="article-view-outlet">{record.outlet || t('outletUnknown')}</span>
            {p.labels(record.outlet).map((g) => (
              <span class="chip group-chip" key={g}>
                {g}
              </span>
            ))}
            {' · '}
            <span>{formatDate(record.published)}</span>
            {record.story && <span> · {t('storyLabel', [record.story])}</span>}
          </p>
          {record.url && (
            <p class="url">
              {/^https?:\/\//i.test(record.url) ? (
                <a href={record.url} target="_blank" rel="noopener noreferrer" data-testid="article-view-url">
                  {record.url}
                </a>
              ) : (
                <span data-testid="article-view-url">{record.url}</span>
              )}
            </p>
          )}
          <section class="related-coverage" aria-labelledby="related-coverage-heading">
            <h3 id="related-coverage-heading">{t('relatedInArchive')}</h3>
            {error && (
              <p class="error" role="alert">
                {error}
              </p>
            )}
            {!related && !error && (
              <p role="status" class="muted">
                {t('findingRelated')}
              </p>
            )}
            {related && listed.length === 0 && (
              <p class="muted" data-testid="no-related">
                {t('noRelatedInArchive')}
              </p>
            )}
            {listed.length > 0 && (
              <>
                <ul class="related-items">
                  {listed.map((item) => (
                    <RelatedRow key={item.id} item={item} self={record.id} {...p} />
                  ))}
                </ul>
                <button type="button" data-testid="show-same-story" onClick={() => p.onSameStory(record.id)}>
                  {t('showStoryInList')}
                </button>
              </>
            )}
          </section>
          <h3>{t('articleText')}</h3>
          <div class="article-text" data-testid="article-view-text">
            {paragraphs.map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
        </article>
      )}
    </dialog>
  );
}

function RelatedRow({ item, self, source, labels, onOpen }: Props & { item: RelatedItem; self: string }) {
  const { entities, terms, numbers, dateGapDays } = item.reasons;
  const gap = formatDateGap(dateGapDays);
  const why = [...entities.slice(0, 4), ...terms.slice(0, 3)];
  return (
    <li data-testid="article-related">
      <div class="related-top">
        <span class="outlet">{item.outlet || t('outletUnknown')}</span>
        {labels(item.outlet).map((g) => (
          <span class="chip group-chip" key={g}>
            {g}
          </span>
        ))}
        <span class="muted">{formatDate(item.published)}</span>
        <span class="score" title={t('similarityTitle')}>
          {formatScore(matchSimilarity(item))}
        </span>
      </div>
      <button type="button" class="link related-title" data-testid="article-related-open" onClick={() => onOpen(item.id)}>
        {item.title || t('noHeadline')}
      </button>
      <div class="reasons">
        {item.sameStory && <span class="chip same-story">{t('sameStory')}</span>}
        {why.map((w) => (
          <span class="chip" key={w}>
            {w}
          </span>
        ))}
        {numbers && numbers.length > 0 && <span class="chip">{formatList(numbers.slice(0, 2))}</span>}
        {gap && <span class="chip">{gap}</span>}
        {item.duplicates && item.duplicates.length > 0 && <span class="chip">{tn('copies', item.duplicates.length)}</span>}
      </div>
      <a href={source.compareUrl(self, item.id)} target="_blank" rel="noopener noreferrer" data-testid="article-related-compare">
        {t('compareFull')}
      </a>
    </li>
  );
}
