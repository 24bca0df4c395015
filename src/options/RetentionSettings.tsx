import { errorText } from '../core/errors';
import { useEffect, useState } from 'preact/hooks';
import type { RetentionPolicy } from '../core/retention';
import { t, tn } from '../shared/i18n';
import type { CaptureRetentionApi } from './connector';
import { policyFromForm } from './captureRetentionForm';

type Mode = RetentionPolicy['mode'];

function describePolicy(policy: RetentionPolicy): string {
  if (policy.mode === 'days') return tn('retentionCurrentDays', policy.days);
  if (policy.mode === 'count') return tn('retentionCurrentCount', policy.count);
  return t('retentionCurrentUnlimited');
}

const PREVIEW_DELAY_MS = 250;

/** Retention: keep everything (default), N days or N articles; shows what a choice would remove before it is applied. */
export function RetentionSettings({
  api,
  stored,
  onApplied,
}: {
  api: CaptureRetentionApi;
  stored: RetentionPolicy;
  onApplied: () => void;
}) {
  const [mode, setMode] = useState<Mode>(stored.mode);
  const [amount, setAmount] = useState(stored.mode === 'days' ? String(stored.days) : stored.mode === 'count' ? String(stored.count) : '');
  const [preview, setPreview] = useState<{ removes: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = policyFromForm(mode, amount);
  const policyKey = form.ok ? JSON.stringify(form.policy) : null;

  useEffect(() => {
    setPreview(null);
    if (!form.ok) return;
    let current = true;
    const timer = setTimeout(() => {
      api.previewRetention(form.policy).then(
        (p) => current && setPreview(p),
        (e: unknown) => current && setError(errorText(e)),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // policyKey stands for the form's policy (a new object every render).
  }, [api, policyKey, stored]);

  const apply = async (e: Event) => {
    e.preventDefault();
    if (!form.ok) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const removed = await api.setRetention(form.policy);
      setNotice(tn('retentionApplied', removed));
      onApplied();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="settings capture-retention" aria-labelledby="retention-heading" data-testid="retention-settings">
      <h2 id="retention-heading">{t('retentionHeading')}</h2>
      <p class="muted">{t('retentionExplain')}</p>
      <p data-testid="retention-current">{describePolicy(stored)}</p>
      <form class="retention-form" onSubmit={(e) => void apply(e)}>
        <label>
          {t('retentionModeLabel')}{' '}
          <select value={mode} data-testid="retention-mode" onChange={(e) => setMode(e.currentTarget.value as Mode)}>
            <option value="unlimited">{t('retentionUnlimited')}</option>
            <option value="days">{t('retentionDays')}</option>
            <option value="count">{t('retentionCount')}</option>
          </select>
        </label>{' '}
        {mode !== 'unlimited' && (
          <label>
            {t(mode === 'days' ? 'retentionDaysLabel' : 'retentionCountLabel')}{' '}
            <input
              type="text"
              inputMode="numeric"
              size={8}
              value={amount}
              data-testid="retention-amount"
              onInput={(e) => setAmount(e.currentTarget.value)}
            />
          </label>
        )}{' '}
        <button type="submit" disabled={busy || !form.ok} data-testid="retention-apply">
          {t('retentionApply')}
        </button>
      </form>
      <p role="status" data-testid="retention-preview">
        {!form.ok
          ? ''
          : preview === null
            ? t('counting')
            : preview.removes === 0
              ? t('retentionPreviewNone')
              : tn('retentionPreview', preview.removes)}
      </p>
      {!form.ok && amount.trim() !== '' && (
        <p class="error" role="alert">
          {form.message}
        </p>
      )}
      {notice && (
        <p class="notice" data-testid="retention-notice">
          {notice}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
