import { errorText } from '../core/errors';
import { useState } from 'preact/hooks';
import { t, tn } from '../shared/i18n';
import type { CaptureSettings as Settings, CaptureStatus } from '../shared/settings';
import { formatDate } from '../ui/format';
import type { CaptureRetentionApi } from './connector';
import { blockEntryFor } from './captureRetentionForm';

export interface CaptureState {
  settings: Settings;
  /** The extension holds the host access capture needs. */
  access: boolean;
  status: CaptureStatus;
  captured: number | null;
}

/** Auto-capture: the switch (host access asked for on the click), the block list, what it captured. */
export function CaptureSettings({ api, state }: { api: CaptureRetentionApi; state: CaptureState }) {
  const { settings, status } = state;
  const on = settings.enabled && state.access;
  const [error, setError] = useState<string | null>(null);
  const [entry, setEntry] = useState('');
  const [busy, setBusy] = useState(false);

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (next: boolean) =>
    attempt(async () => {
      if (next) {
        // The browser grants host access only during the reader's click: ask before anything else.
        const granted = await api.requestAccess();
        if (!granted) {
          setError(t('capturePermissionDenied'));
          return;
        }
        await api.setCapture({ ...settings, enabled: true });
      } else {
        await api.setCapture({ ...settings, enabled: false });
        await api.releaseAccess();
      }
    });

  const add = (e: Event) => {
    e.preventDefault();
    const checked = blockEntryFor(entry, settings.blocklist);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    void attempt(async () => {
      await api.setCapture({ ...settings, blocklist: [...settings.blocklist, checked.domain].sort() });
      setEntry('');
    });
  };

  const unblock = (domain: string) =>
    attempt(async () => {
      await api.setCapture({ ...settings, blocklist: settings.blocklist.filter((d) => d !== domain) });
    });

  return (
    <section class="settings capture-retention" aria-labelledby="capture-heading" data-testid="capture-settings">
      <h2 id="capture-heading">{t('captureHeading')}</h2>
      <label class="toggle">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={busy}
          data-testid="capture-toggle"
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />{' '}
        {t('captureToggle')}
      </label>
      <p class="muted">{t('captureExplain')}</p>
      {settings.enabled && !state.access && <p class="notice">{t('captureNoAccess')}</p>}
      <p data-testid="captured-count">{state.captured === null ? t('counting') : tn('capturedCount', state.captured)}</p>
      {status.lastCapture && (
        <p class="muted" data-testid="capture-last">
          {t('captureLast', [status.lastCapture.title || t('untitledArticle'), formatDate(new Date(status.lastCapture.at).toISOString())])}
        </p>
      )}
      {status.lastError && (
        <p class="error" role="alert" data-testid="capture-error">
          {t('captureLastError', [formatDate(new Date(status.lastError.at).toISOString()), status.lastError.message])}
        </p>
      )}
      <h3>{t('blocklistHeading')}</h3>
      <p class="muted">{t('blocklistExplain')}</p>
      <form class="blocklist-form" onSubmit={add}>
        <label>
          {t('blocklistInputLabel')}{' '}
          <input
            type="text"
            value={entry}
            placeholder="example.com"
            maxLength={300}
            spellcheck={false}
            autocomplete="off"
            data-testid="blocklist-input"
            onInput={(e) => setEntry(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit" disabled={busy} data-testid="blocklist-add">
          {t('blocklistAdd')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert" data-testid="capture-settings-error">
          {error}
        </p>
      )}
      {settings.blocklist.length === 0 ? (
        <p class="muted">{t('blocklistEmpty')}</p>
      ) : (
        <ul class="blocklist" data-testid="blocklist">
          {settings.blocklist.map((domain) => (
            <li key={domain} data-domain={domain}>
              <span>{domain}</span>{' '}
              <button
                type="button"
                class="link"
                disabled={busy}
                aria-label={t('blocklistRemoveLabel', [domain])}
                onClick={() => void unblock(domain)}
              >
                {t('blocklistRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
