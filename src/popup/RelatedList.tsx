import { useRef, useState } from 'preact/hooks';
import type { RelatedItem } from '../shared/messages';
import { formatDate, formatDateGap, formatScore, matchSimilarity } from '../ui/format';
import { formatList, t, tn } from '../shared/i18n';
import { nextOptionIndex } from './listboxKeys';
import { incompleteLabel } from '../ui/incomplete';

/** Related coverage, best first, each with why it matched. */
export function RelatedList(props: {
  items: RelatedItem[];
  weak: RelatedItem[];
  selected: string | null;
  onSelect: (item: RelatedItem) => void;
  labels?: (outlet: string) => string[];
  found?: ReadonlySet<string>;
}) {
  return (
    <section class="related" aria-labelledby={props.items.length > 0 ? 'related-heading' : undefined}>
      {props.items.length > 0 && <h2 id="related-heading">{t('relatedCoverage', [props.items.length])}</h2>}
      <p class="hint muted" id="related-hint">
        {t('relatedListHint')}
      </p>
      {props.items.length > 0 && (
        <>
          <Options
            items={props.items}
            selected={props.selected}
            onSelect={props.onSelect}
            label={t('chooseToCompare')}
            labels={props.labels}
            found={props.found}
          />
        </>
      )}
      {props.weak.length > 0 && (
        <details class="weak" data-testid="weak-matches">
          <summary>{tn('weakerMatches', props.weak.length)}</summary>
          <Options
            items={props.weak}
            selected={props.selected}
            onSelect={props.onSelect}
            label={t('weakerMatchesLabel')}
            labels={props.labels}
            found={props.found}
          />
        </details>
      )}
    </section>
  );
}

/**
 * A single-select listbox (WAI-ARIA APG listbox pattern): one tab stop, arrow keys, Home and
 * End move focus between options, Enter or Space compares the focused one. Selection does
 * not follow focus, because each selection runs a framing comparison.
 * https://www.w3.org/WAI/ARIA/apg/patterns/listbox/
 */
function Options(props: {
  items: RelatedItem[];
  selected: string | null;
  onSelect: (item: RelatedItem) => void;
  label: string;
  labels?: (outlet: string) => string[];
  found?: ReadonlySet<string> | undefined;
}) {
  const selectedIndex = props.items.findIndex((i) => i.id === props.selected);
  const [active, setActive] = useState(Math.max(0, selectedIndex));
  const list = useRef<HTMLUListElement>(null);
  const focusOption = (index: number) => {
    setActive(index);
    list.current?.querySelectorAll<HTMLElement>('[role="option"]')[index]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      const item = props.items[active];
      if (!item) return;
      e.preventDefault();
      props.onSelect(item);
      return;
    }
    const next = nextOptionIndex(e.key, active, props.items.length);
    if (next === null) return;
    e.preventDefault();
    focusOption(next);
  };
  return (
    <ul role="listbox" aria-label={props.label} aria-describedby="related-hint" ref={list} onKeyDown={onKeyDown}>
      {props.items.map((item, index) => (
        <li
          key={item.id}
          role="option"
          aria-selected={item.id === props.selected}
          tabIndex={index === active ? 0 : -1}
          class={item.id === props.selected ? 'selected' : ''}
          data-testid="related-item"
          onClick={() => {
            setActive(index);
            props.onSelect(item);
          }}
          onFocus={() => setActive(index)}
        >
          <div class="related-top">
            <span class="outlet">{item.outlet || t('unknownOutlet')}</span>
            {props.labels?.(item.outlet).map((g) => (
              <span class="chip group" key={g} data-testid="group-label">
                {g}
              </span>
            ))}
            <span class="muted">{formatDate(item.published)}</span>
            <span class="score" data-testid="related-score" title={t('similarityTitle')}>
              {formatScore(matchSimilarity(item))}
            </span>
          </div>
          <div class="related-title" data-testid="related-title">
            {item.title || t('untitled')}
          </div>
          <Reasons item={item} found={props.found?.has(item.id) ?? false} />
        </li>
      ))}
    </ul>
  );
}

function Reasons({ item, found }: { item: RelatedItem; found: boolean }) {
  const { entities, terms, numbers, dateGapDays } = item.reasons;
  const gap = formatDateGap(dateGapDays);
  const shown = [...entities.slice(0, 4), ...terms.slice(0, Math.max(0, 5 - Math.min(4, entities.length)))];
  return (
    <div class="reasons" data-testid="related-reasons">
      {item.sameStory && (
        <span class="chip same-story" title={t('sameStoryTitle')}>
          {t('sameStory')}
        </span>
      )}
      {found && (
        <span class="chip" data-testid="found-online" title={t('foundOnlineTitle')}>
          {t('foundOnline')}
        </span>
      )}
      {item.incomplete && (
        <span class="chip weak" data-testid="incomplete-label">
          {incompleteLabel(item.incomplete)}
        </span>
      )}
      {shown.map((r) => (
        <span class="chip" key={r}>
          {r}
        </span>
      ))}
      {numbers && numbers.length > 0 && <span class="chip">{formatList(numbers.slice(0, 2))}</span>}
      {gap && <span class="chip">{gap}</span>}
      {item.duplicates && item.duplicates.length > 0 && (
        <span class="chip" title={t('copiesTitle')}>
          {tn('copies', item.duplicates.length)}
        </span>
      )}
    </div>
  );
}
