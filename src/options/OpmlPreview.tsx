import type { OpmlImport } from '../core/feeds';
import { t, tn } from '../shared/i18n';

interface Props {
  fileName: string;
  list: OpmlImport;
  busy: boolean;
  onSubscribe(): void;
  onCancel(): void;
}

/** The feeds an OPML file lists and the outlines it skips, before anything is subscribed. */
export function OpmlPreview({ fileName, list, busy, onSubscribe, onCancel }: Props) {
  return (
    <div class="opml-preview" data-testid="opml-preview">
      <p>{tn('opmlFound', list.feeds.length, [fileName])}</p>
      <ul>
        {list.feeds.map((f) => (
          <li key={f.url}>
            {f.title || f.url} <span class="muted">{f.url}</span>
          </li>
        ))}
        {list.skipped.map((s, i) => (
          <li key={`s${i}`} class="muted">
            {t('opmlSkippedItem', [s.text, s.reason])}
          </li>
        ))}
      </ul>
      <div class="toolbar-row">
        <button type="button" data-testid="opml-subscribe" disabled={busy || list.feeds.length === 0} onClick={onSubscribe}>
          {tn('opmlSubscribeAll', list.feeds.length)}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
