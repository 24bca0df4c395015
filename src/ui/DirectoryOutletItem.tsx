import type { DirectoryOutlet } from '../core/feeds';
import { t } from '../shared/i18n';

interface Props {
  outlet: DirectoryOutlet;
  /** Site, language or country, kind: what tells two outlets of one name apart. */
  meta: string;
  /** Followed already: shown ticked, and not offered again. */
  followed: boolean;
  selected: boolean;
  busy: boolean;
  onToggle(on: boolean): void;
}

/** One outlet of the starter directory: its checkbox, name and what it is. */
export function DirectoryOutletItem({ outlet, meta, followed, selected, busy, onToggle }: Props) {
  return (
    <li data-testid="directory-outlet" data-id={outlet.id}>
      <label>
        <input
          type="checkbox"
          checked={followed || selected}
          disabled={busy || followed}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />{' '}
        <bdi class="directory-name">{outlet.name}</bdi>
      </label>{' '}
      <span class="muted directory-meta">{meta}</span>
      {followed && (
        <span class="chip" data-testid="directory-followed">
          {t('directoryFollowed')}
        </span>
      )}
      {outlet.note && <span class="muted directory-note">{outlet.note}</span>}
    </li>
  );
}
