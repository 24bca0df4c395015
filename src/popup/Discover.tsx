import { useEffect, useRef } from 'preact/hooks';
import type { FailureReason } from '../core/discover/types';
import type { DiscoverPlanResponse } from '../shared/discoverMessages';
import { t, tn, type MessageKey } from '../shared/i18n';
import { formatDate } from '../ui/format';
import { incompleteLabel } from '../ui/incomplete';
import type { Discovery } from './useDiscovery';

const REASONS: Record<FailureReason, MessageKey> = {
  'not-found': 'discoverReasonNotFound',
  'not-article': 'discoverReasonNotArticle',
  paywalled: 'discoverReasonPaywalled',
  'too-large': 'discoverReasonTooLarge',
  'not-html': 'discoverReasonNotHtml',
  'timed-out': 'discoverReasonTimedOut',
  network: 'discoverReasonNetwork',
  forbidden: 'discoverReasonForbidden',
  'same-article': 'discoverReasonSameArticle',
};

/**
 * "Find coverage online": the button (prominent when the archive holds little of the story),
 * the consent screen the first time, then the search's progress, what it found and what it
 * could not read. Every text from the pages is rendered as text.
 */
export function Discover({ discovery, prominent }: { discovery: Discovery; prominent: boolean }) {
  const { state } = discovery;
  const busy = state.phase === 'running' || state.phase === 'planning';
  return (
    <section class="discover" aria-labelledby="discover-heading" data-testid="discover">
      <h2 id="discover-heading" class={prominent ? '' : 'visually-hidden'}>
        {t('discoverHeading')}
      </h2>
      {state.phase === 'consent' && state.plan ? (
        <Consent plan={state.plan} onAccept={discovery.accept} onDecline={discovery.decline} />
      ) : (
        <div class="actions">
          <button type="button" class={prominent ? 'primary' : 'link'} data-testid="discover-find" disabled={busy} onClick={discovery.find}>
            {t('discoverFind')}
          </button>
          {state.phase === 'running' && (
            <button type="button" data-testid="discover-cancel" onClick={discovery.cancel}>
              {t('cancel')}
            </button>
          )}
        </div>
      )}
      {prominent && state.phase === 'idle' && <p class="hint muted">{t('discoverHint')}</p>}
      {state.phase === 'denied' && (
        <p class="notice" role="alert" data-testid="discover-denied">
          {t('discoverDenied')}
        </p>
      )}
      <Progress discovery={discovery} />
      {state.error && (
        <p class="error" role="alert" data-testid="discover-error">
          {state.error}
        </p>
      )}
      <Results discovery={discovery} />
    </section>
  );
}

function Consent({ plan, onAccept, onDecline }: { plan: DiscoverPlanResponse; onAccept: () => void; onDecline: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { plan: p } = plan;
  const steps = p.steps.slice(0, plan.maxQueries);
  const later = steps.slice(1);
  const fallback = p.fallback;
  // The fallback's own syntax may write a query differently: then its searches are listed too.
  const fallbackDiffers = fallback !== null && fallback.queries.slice(0, steps.length).some((q, i) => q !== steps[i]?.query);
  return (
    <div class="consent" data-testid="discover-consent">
      <h3 ref={heading} tabIndex={-1}>
        {t('discoverConsentTitle')}
      </h3>
      <p>{t('discoverConsentSends', [p.label, p.host])}</p>
      <p class="query" data-testid="discover-query">
        <code>{p.query}</code>
      </p>
      {p.from && p.to && <p data-testid="discover-window">{t('discoverConsentWindow', [formatDate(p.from), formatDate(p.to)])}</p>}
      {later.length > 0 && (
        <>
          <p>{tn('discoverConsentLater', later.length)}</p>
          <ol class="steps" data-testid="discover-steps" start={2}>
            {later.map((s) => (
              <li key={s.url}>
                <code>{s.query}</code>
              </li>
            ))}
          </ol>
        </>
      )}
      {fallback && (
        <p data-testid="discover-fallback">
          {t('discoverConsentFallback', [p.label, fallback.label, fallback.host, Math.min(plan.maxQueries, steps.length || 1)])}
          {fallbackDiffers && (
            <>
              {' '}
              {t('discoverConsentFallbackQueries', [fallback.label])}{' '}
              {fallback.queries.slice(0, steps.length).map((q, i) => (
                <span key={q}>
                  {i > 0 && ' · '}
                  <code>{q}</code>
                </span>
              ))}
            </>
          )}
        </p>
      )}
      <p data-testid="discover-fetches">{tn('discoverConsentFetches', p.maxPages)}</p>
      <p class="muted">{t('discoverConsentKept')}</p>
      <div class="actions">
        <button type="button" class="primary" data-testid="discover-accept" onClick={onAccept}>
          {t('discoverAccept')}
        </button>
        <button type="button" data-testid="discover-decline" onClick={onDecline}>
          {t('discoverDecline')}
        </button>
      </div>
    </div>
  );
}

function Progress({ discovery }: { discovery: Discovery }) {
  const { state } = discovery;
  let line = '';
  if (state.phase === 'planning') line = t('discoverPlanning');
  else if (state.phase === 'running') {
    line = state.reading
      ? t('discoverReading', [state.reading.index, state.reading.total, state.reading.outlet])
      : state.query
        ? t('discoverSearching', [state.query.label, state.query.host])
        : t('discoverStarting');
  } else if (state.summary) {
    const same = state.found.filter((f) => f.sameStory).length;
    line = state.summary.cancelled
      ? t('discoverCancelled', [state.found.length])
      : state.found.length === 0
        ? t('discoverNothing')
        : tn('discoverSummary', state.found.length, [same]);
  }
  return (
    <>
      <p class="progress-line" role="status" aria-live="polite" data-testid="discover-progress">
        {line}
      </p>
      {state.phase === 'running' && state.reading && (
        <progress max={state.reading.total} value={state.reading.index - 1} aria-label={t('discoverProgressLabel')} />
      )}
    </>
  );
}

function Results({ discovery }: { discovery: Discovery }) {
  const { state } = discovery;
  const problems = state.failed.length + state.providerErrors.length;
  return (
    <>
      {state.found.length > 0 && (
        <details class="weak" data-testid="discover-found">
          <summary>{tn('discoverFoundFold', state.found.length)}</summary>
          <ul class="plain">
            {state.found.map((f) => (
              <li key={f.id} data-testid="discover-found-item">
                <strong>{f.outlet}</strong>: {f.title || t('untitled')}
                {f.incomplete && <span class="badge">{incompleteLabel(f.incomplete)}</span>}{' '}
                {state.kept.includes(f.id) ? (
                  <span class="muted">{t('discoverKept')}</span>
                ) : (
                  <button
                    type="button"
                    class="link"
                    aria-label={t('discoverKeepLabel', [f.title || f.outlet])}
                    onClick={() => discovery.keep(f.id)}
                  >
                    {t('discoverKeep')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {problems > 0 && (
        <details class="weak" data-testid="discover-failures">
          <summary>{tn('discoverFailedFold', problems)}</summary>
          <ul class="plain">
            {state.providerErrors.map((e, i) => (
              <li key={`p${i}`} data-testid="discover-provider-error">
                <strong>{e.label}</strong>: {e.detail}
              </li>
            ))}
            {state.failed.map((f, i) => (
              <li key={`f${i}`} data-testid="discover-failed-item" data-reason={f.reason}>
                <strong>{f.outlet}</strong>: {t(REASONS[f.reason])} <span class="muted">{f.title || f.url}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
