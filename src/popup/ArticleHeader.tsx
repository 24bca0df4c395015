import type { Article } from '../core/types';
import { formatDate, plural } from '../ui/format';

/** The article Framelens read on this page, and the Save button. */
export function ArticleHeader(props: { article: Article; saved: boolean; onSave: () => void; saveError: string | null }) {
  const { article } = props;
  return (
    <section class="article" aria-label="This article">
      <h1 data-testid="article-title">{article.title || 'Untitled article'}</h1>
      <p class="meta">
        <span data-testid="article-outlet">{article.outlet}</span>
        {' · '}
        <span data-testid="article-date">{formatDate(article.published)}</span>
        {' · '}
        <span>{plural(article.words, 'word')}</span>
        {article.byline && <span> · {article.byline}</span>}
      </p>
      <div class="actions">
        <button type="button" class={props.saved ? '' : 'primary'} data-testid="save" onClick={props.onSave} disabled={props.saved}>
          {props.saved ? 'Saved in archive' : 'Save to archive'}
        </button>
        {props.saveError && (
          <span class="error" role="alert">
            {props.saveError}
          </span>
        )}
      </div>
    </section>
  );
}
