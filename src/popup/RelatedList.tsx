import type { RelatedItem } from '../shared/messages';
import { formatDate, formatDateGap, formatScore, plural } from '../ui/format';

/** Related coverage, best first, each with why it matched. */
export function RelatedList(props: { items: RelatedItem[]; weak: RelatedItem[]; selected: string | null; onSelect: (item: RelatedItem) => void }) {
  return (
    <section class="related" aria-label="Related coverage">
      {props.items.length > 0 && (
        <>
          <h2>Related coverage ({props.items.length})</h2>
          <Items items={props.items} selected={props.selected} onSelect={props.onSelect} label="Choose an article to compare with" />
        </>
      )}
      {props.weak.length > 0 && (
        <details class="weak" data-testid="weak-matches">
          <summary>
            {props.weak.length} weaker {props.weak.length === 1 ? 'match' : 'matches'}, probably other events
          </summary>
          <Items items={props.weak} selected={props.selected} onSelect={props.onSelect} label="Weaker matches" />
        </details>
      )}
    </section>
  );
}

function Items(props: { items: RelatedItem[]; selected: string | null; onSelect: (item: RelatedItem) => void; label: string }) {
  return (
    <ul role="listbox" aria-label={props.label}>
      {props.items.map((item) => (
        <li
          key={item.id}
          role="option"
          aria-selected={item.id === props.selected}
          tabIndex={0}
          class={item.id === props.selected ? 'selected' : ''}
          data-testid="related-item"
          onClick={() => props.onSelect(item)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              props.onSelect(item);
            }
          }}
        >
          <div class="related-top">
            <span class="outlet">{item.outlet || 'Unknown outlet'}</span>
            <span class="muted">{formatDate(item.published)}</span>
            <span class="score" data-testid="related-score" title="Same-story similarity">
              {formatScore(item.score)}
            </span>
          </div>
          <div class="related-title" data-testid="related-title">
            {item.title || 'Untitled'}
          </div>
          <Reasons item={item} />
        </li>
      ))}
    </ul>
  );
}

function Reasons({ item }: { item: RelatedItem }) {
  const { entities, terms, numbers, dateGapDays } = item.reasons;
  const gap = formatDateGap(dateGapDays);
  const shown = [...entities.slice(0, 4), ...terms.slice(0, Math.max(0, 5 - Math.min(4, entities.length)))];
  return (
    <div class="reasons" data-testid="related-reasons">
      {shown.map((r) => (
        <span class="chip" key={r}>
          {r}
        </span>
      ))}
      {numbers && numbers.length > 0 && <span class="chip">{numbers.slice(0, 2).join(', ')}</span>}
      {gap && <span class="chip">{gap}</span>}
      {item.duplicates && item.duplicates.length > 0 && (
        <span class="chip" title="Syndicated copies of the same text, collapsed">
          +{plural(item.duplicates.length, 'copy', 'copies')}
        </span>
      )}
    </div>
  );
}
