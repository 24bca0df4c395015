import { useState } from 'preact/hooks';
import { endpointProblem, type EndpointProblem } from '../shared/discoverySettings';
import { t, type MessageKey } from '../shared/i18n';

const PROBLEMS: Record<EndpointProblem, MessageKey> = {
  invalid: 'discoverEndpointInvalid',
  insecure: 'discoverEndpointInsecure',
  credentials: 'discoverEndpointCredentials',
  query: 'discoverEndpointQuery',
};

interface Props {
  label: string;
  /** The address searches go to now. */
  endpoint: string;
  defaultEndpoint: string;
  /** Whether the settings name an address of their own. */
  custom: boolean;
  disabled: boolean;
  /** A checked address, or null to go back to the service's own. */
  onChange(endpoint: string | null): void;
}

/**
 * One service's address, and for an advanced reader a field to change it (a mirror, a local
 * stand-in): checked before it is stored, https only (plain http only to 127.0.0.1).
 */
export function DiscoveryEndpoint({ label, endpoint, defaultEndpoint, custom, disabled, onChange }: Props) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(endpoint);
  const [problem, setProblem] = useState<EndpointProblem | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const next = value.trim();
    const why = endpointProblem(next);
    setProblem(why);
    if (why) return;
    setEditing(false);
    onChange(next === defaultEndpoint ? null : next);
  };
  return (
    <>
      <code data-testid="discovery-endpoint">{endpoint}</code>
      {custom && <span class="muted"> ({t('discoverEndpointCustom', [defaultEndpoint])})</span>}{' '}
      {!editing && (
        <button
          type="button"
          class="link"
          disabled={disabled}
          aria-label={t('discoverEndpointChangeLabel', [label])}
          data-testid="discovery-endpoint-change"
          onClick={() => {
            setValue(endpoint);
            setProblem(null);
            setEditing(true);
          }}
        >
          {t('discoverEndpointChange')}
        </button>
      )}{' '}
      {custom && !editing && (
        <button type="button" class="link" disabled={disabled} data-testid="discovery-endpoint-reset" onClick={() => onChange(null)}>
          {t('discoverEndpointReset')}
        </button>
      )}
      {editing && (
        <form class="endpoint" onSubmit={submit} data-testid="discovery-endpoint-form">
          <label>
            {t('discoverEndpointField', [label])}{' '}
            <input
              type="url"
              size={48}
              value={value}
              spellcheck={false}
              aria-invalid={problem ? 'true' : 'false'}
              aria-describedby={problem ? 'discovery-endpoint-problem' : undefined}
              data-testid="discovery-endpoint-input"
              onInput={(e) => setValue(e.currentTarget.value)}
            />
          </label>{' '}
          <button type="submit" disabled={disabled} data-testid="discovery-endpoint-save">
            {t('discoverEndpointSave')}
          </button>{' '}
          <button type="button" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
          <p class="muted">{t('discoverEndpointHint')}</p>
          {problem && (
            <p class="error" role="alert" id="discovery-endpoint-problem" data-testid="discovery-endpoint-problem">
              {t(PROBLEMS[problem])}
            </p>
          )}
        </form>
      )}
    </>
  );
}
