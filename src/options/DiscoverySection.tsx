import { useEffect, useState } from 'preact/hooks';
import type { DiscoverService } from '../shared/discoverMessages';
import { MAX_DISCOVERY_PAGES, PROVIDER_NAMES, type DiscoverySettings } from '../shared/discoverySettings';
import { t } from '../shared/i18n';
import { discoveryApi, type DiscoveryApi } from './connector';
import { DiscoveryEndpoint } from './DiscoveryEndpoint';
import { errorText } from '../core/errors';

/**
 * Finding coverage online: on or off, the services asked (in order) with the address each
 * search goes to (an advanced reader may change it), and how many result pages a search
 * reads. Stored by the background.
 */
export function DiscoverySection({ api = discoveryApi }: { api?: DiscoveryApi }) {
  const [settings, setSettings] = useState<DiscoverySettings | null>(null);
  // The core's services, asked of the background (the page does not load the search code).
  const [services, setServices] = useState<DiscoverService[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void api.read().then(setSettings);
    api.services().then(setServices, (e: unknown) => setError(errorText(e)));
    return api.watch(setSettings);
  }, []);
  if (!settings) return null;
  const service = (name: DiscoverService['name']) => services.find((s) => s.name === name);

  const store = async (next: DiscoverySettings) => {
    const before = settings;
    // Shown at once (a switch that springs back until the answer would undo the click).
    setSettings(next);
    setBusy(true);
    setError(null);
    try {
      setSettings(await api.set(next));
    } catch (e) {
      setSettings(before);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (on: boolean) => {
    if (!on) return void store({ ...settings, enabled: false });
    // Host access is granted only during the reader's click: asked first.
    void api.requestAccess().then(
      (granted) => (granted ? store({ ...settings, enabled: true }) : setError(t('discoverDenied'))),
      (e: unknown) => setError(errorText(e)),
    );
  };

  return (
    <section class="settings growth" aria-labelledby="discovery-heading" data-testid="discovery-settings">
      <h2 id="discovery-heading">{t('discoverHeading')}</h2>
      <label class="toggle">
        <input
          type="checkbox"
          role="switch"
          checked={settings.enabled}
          disabled={busy}
          data-testid="discovery-toggle"
          onChange={(e) => toggle(e.currentTarget.checked)}
        />{' '}
        {t('discoverToggle')}
      </label>
      <p class="muted">{t('discoverOptionsExplain')}</p>
      <h3>{t('discoverServices')}</h3>
      <ol data-testid="discovery-services">
        {settings.providers.map((p) => {
          const defaultEndpoint = service(p)?.defaultEndpoint ?? '';
          const label = service(p)?.label ?? p;
          return (
            <li key={p}>
              <strong>{label}</strong>{' '}
              <DiscoveryEndpoint
                label={label}
                endpoint={settings.endpoints[p] ?? defaultEndpoint}
                defaultEndpoint={defaultEndpoint}
                custom={settings.endpoints[p] !== undefined}
                disabled={busy || !defaultEndpoint}
                onChange={(next) => {
                  const endpoints = { ...settings.endpoints };
                  if (next === null) delete endpoints[p];
                  else endpoints[p] = next;
                  void store({ ...settings, endpoints });
                }}
              />
            </li>
          );
        })}
      </ol>
      <label>
        {t('discoverPrimaryLabel')}{' '}
        <select
          value={settings.providers[0]}
          disabled={busy}
          data-testid="discovery-primary"
          onChange={(e) => {
            const first = PROVIDER_NAMES.find((p) => p === e.currentTarget.value);
            if (first) void store({ ...settings, providers: [first, ...PROVIDER_NAMES.filter((p) => p !== first)] });
          }}
        >
          {PROVIDER_NAMES.map((p) => (
            <option key={p} value={p}>
              {service(p)?.label ?? p}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('discoverPagesLabel')}{' '}
        <input
          type="number"
          min={1}
          max={MAX_DISCOVERY_PAGES}
          value={settings.maxPages}
          disabled={busy}
          data-testid="discovery-pages"
          onChange={(e) => {
            const n = Math.round(Number(e.currentTarget.value));
            if (n >= 1 && n <= MAX_DISCOVERY_PAGES) void store({ ...settings, maxPages: n });
          }}
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
