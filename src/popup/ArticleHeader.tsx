import type { Article } from '../core/types';
import { formatDate } from '../ui/format';
import { t, tn } from '../shared/i18n';

/** The article Framelens read on this page, and the Save button. */
export function ArticleHeader(props: {
  article: Article;
  saved: boolean;
  onSave: () => void;
  saveError: string | null;
  capturedAt?: number | undefined;
  groups?: string[];
}) {
  const { article } = props;
  return (
    <section class="article" aria-label={t('thisArticle')}>
      <h1 data-testid="article-title">{article.title || t('untitledArticle')}</h1>
      <p class="meta">
        <span data-testid="article-outlet">{article.outlet}</span>
        {props.groups?.map((g) => (
          <span class="chip group" key={g} data-testid="group-label">
            {g}
          </span>
        ))}
        {' · '}
        <span data-testid="article-date">{formatDate(article.published)}</span>
        {' · '}
        <span>{tn('wordCount', article.words)}</span>
        {article.byline && <span> · {article.byline}</span>}
      </p>
      <div class="actions">
        <button type="button" class={props.saved ? '' : 'primary'} data-testid="save" onClick={props.onSave} disabled={props.saved}>
          {t(props.saved ? 'savedInArchive' : props.capturedAt !== undefined ? 'keepCaptured' : 'saveToArchive')}
        </button>
        {props.capturedAt !== undefined && (
          <span class="muted" data-testid="captured-note">
            {t('capturedNote', [formatDate(new Date(props.capturedAt).toISOString())])}
          </span>
        )}
        {props.saveError && (
          <span class="error" role="alert">
            {props.saveError}
          </span>
        )}
      </div>
    </section>
  );
}
