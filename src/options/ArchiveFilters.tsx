import type { ArchiveFacets, ArchiveSort } from '../shared/messages';
import type { OutletGroup } from '../ui/outletGroups';
import { formatNumber, t, tn } from '../shared/i18n';
import { defaultDir, type ViewState } from './viewState';

interface Props {
  view: ViewState;
  facets: ArchiveFacets | null;
  groups: OutletGroup[];
  sameStoryTitle: string | null;
  onChange(patch: Partial<ViewState>): void;
}

const SORTS: ArchiveSort[] = ['saved', 'published', 'outlet', 'title'];
const SORT_LABELS = { saved: 'sortSaved', published: 'sortPublished', outlet: 'sortOutlet', title: 'sortTitle' } as const;

/** Search, the filters (outlets, group, published dates, story, same story as) and the order, as one form. */
export function ArchiveFilters({ view, facets, groups, sameStoryTitle, onChange }: Props) {
  const outlets = facets?.outlets ?? [];
  const picked = new Set(view.outlets);
  const togglePicked = (name: string, on: boolean) =>
    onChange({ outlets: on ? [...view.outlets, name] : view.outlets.filter((o) => o !== name) });
  return (
    <div class="filters" role="search" aria-label={t('archiveFiltersLabel')}>
      <input
        type="search"
        data-testid="archive-search"
        placeholder={t('archiveSearchPlaceholder')}
        aria-label={t('archiveSearchLabel')}
        value={view.query}
        onInput={(e) => onChange({ query: e.currentTarget.value })}
      />
      <div class="filter-row">
        <details class="outlet-picker" data-testid="outlet-picker">
          <summary>{view.outlets.length ? tn('outletsChosen', view.outlets.length) : t('allOutlets')}</summary>
          <fieldset>
            <legend class="visually-hidden">{t('filterOutlets')}</legend>
            {outlets.length === 0 && <p class="muted">{t('noOutletsYet')}</p>}
            {/* Picked outlets no longer archived stay listed so they can be unpicked. */}
            {view.outlets
              .filter((o) => !outlets.some((f) => f.name === o))
              .map((o) => (
                <label key={`gone-${o}`}>
                  <input type="checkbox" checked onChange={() => togglePicked(o, false)} /> {o || t('outletUnknown')} ({formatNumber(0)})
                </label>
              ))}
            {outlets.map((o) => (
              <label key={o.name}>
                <input
                  type="checkbox"
                  data-testid="outlet-option"
                  data-outlet={o.name}
                  checked={picked.has(o.name)}
                  onChange={(e) => togglePicked(o.name, e.currentTarget.checked)}
                />{' '}
                {o.name || t('outletUnknown')} ({formatNumber(o.count)})
              </label>
            ))}
          </fieldset>
        </details>
        <label>
          {t('filterGroup')}{' '}
          <select data-testid="group-filter" value={view.group} onChange={(e) => onChange({ group: e.currentTarget.value })}>
            <option value="">{t('anyGroup')}</option>
            {view.group && !groups.some((g) => g.name === view.group) && <option value={view.group}>{view.group}</option>}
            {groups.map((g) => (
              <option key={g.name} value={g.name}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterFrom')}{' '}
          <input
            type="date"
            data-testid="date-from"
            value={view.from}
            max={view.to || undefined}
            onChange={(e) => onChange({ from: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('filterTo')}{' '}
          <input
            type="date"
            data-testid="date-to"
            value={view.to}
            min={view.from || undefined}
            onChange={(e) => onChange({ to: e.currentTarget.value })}
          />
        </label>
        {(facets?.stories.length ?? 0) > 0 || view.story ? (
          <label>
            {t('filterStory')}{' '}
            <select data-testid="story-filter" value={view.story} onChange={(e) => onChange({ story: e.currentTarget.value })}>
              <option value="">{t('anyStory')}</option>
              {view.story && !facets?.stories.some((s) => s.name === view.story) && <option value={view.story}>{view.story}</option>}
              {facets?.stories.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name} ({formatNumber(s.count)})
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('sortBy')}{' '}
          <select
            data-testid="sort-key"
            value={view.sort}
            onChange={(e) => {
              const sort = e.currentTarget.value as ArchiveSort;
              onChange({ sort, dir: defaultDir(sort) });
            }}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="sort-dir"
          aria-label={t(view.dir === 'asc' ? 'sortAscending' : 'sortDescending')}
          title={t(view.dir === 'asc' ? 'sortAscending' : 'sortDescending')}
          onClick={() => onChange({ dir: view.dir === 'asc' ? 'desc' : 'asc' })}
        >
          {view.dir === 'asc' ? '▲' : '▼'}
        </button>
      </div>
      {view.sameStoryAs && (
        <p class="same-story-filter" data-testid="same-story-filter">
          {t('sameStoryFilter', [sameStoryTitle ?? view.sameStoryAs])}{' '}
          <button type="button" class="link" onClick={() => onChange({ sameStoryAs: '' })}>
            {t('clearFilter')}
          </button>
        </p>
      )}
    </div>
  );
}
