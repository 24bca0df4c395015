import { useState } from 'preact/hooks';
import { checkGroups, type OutletGroup } from '../ui/outletGroups';
import { t, tn } from '../shared/i18n';
import { errorText } from '../core/errors';

interface Props {
  groups: OutletGroup[];
  onSave(groups: OutletGroup[]): Promise<void>;
}

/**
 * The reader's outlet groups (a country, an owner, an own tag): a name and outlets, one a
 * line. Saved whole after validation; a refusal says why and keeps what was typed.
 */
export function OutletGroups({ groups, onSave }: Props) {
  const [draft, setDraft] = useState<{ name: string; outlets: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const rows = draft ?? groups.map((g) => ({ name: g.name, outlets: g.outlets.join('\n') }));
  const edit = (next: { name: string; outlets: string }[]) => {
    setDraft(next);
    setSaved(false);
  };
  const save = async () => {
    const parsed = rows.map((r) => ({
      name: r.name,
      outlets: r.outlets
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean),
    }));
    const checked = checkGroups(parsed);
    if (!checked.ok) {
      setError(t('groupsRefused', [checked.reason]));
      return;
    }
    try {
      await onSave(checked.groups);
      setDraft(null);
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(t('groupsRefused', [errorText(e)]));
    }
  };
  return (
    <section class="groups" aria-labelledby="groups-heading" data-testid="outlet-groups">
      <h2 id="groups-heading">{t('groupsHeading')}</h2>
      <p class="muted">{t('groupsExplain')}</p>
      {rows.map((row, i) => (
        <fieldset key={i} class="group-row" data-testid="group-row">
          <legend class="visually-hidden">{t('groupNumber', [i + 1])}</legend>
          <label>
            {t('groupName')}{' '}
            <input
              type="text"
              data-testid="group-name"
              value={row.name}
              maxLength={60}
              onInput={(e) => edit(rows.map((r, k) => (k === i ? { ...r, name: e.currentTarget.value } : r)))}
            />
          </label>
          <label class="group-outlets">
            {t('groupOutlets')}
            <textarea
              data-testid="group-outlets"
              rows={3}
              value={row.outlets}
              onInput={(e) => edit(rows.map((r, k) => (k === i ? { ...r, outlets: e.currentTarget.value } : r)))}
            />
          </label>
          <button type="button" data-testid="group-remove" onClick={() => edit(rows.filter((_, k) => k !== i))}>
            {t('groupRemove')}
          </button>
        </fieldset>
      ))}
      <div class="toolbar-row">
        <button type="button" data-testid="group-add" onClick={() => edit([...rows, { name: '', outlets: '' }])}>
          {t('groupAdd')}
        </button>
        <button type="button" class="primary" data-testid="groups-save" disabled={draft === null} onClick={() => void save()}>
          {t('groupsSave')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {error && (
          <p class="error" data-testid="groups-error">
            {error}
          </p>
        )}
        {saved && !error && <p class="notice">{tn('groupsSaved', groups.length)}</p>}
      </div>
    </section>
  );
}
