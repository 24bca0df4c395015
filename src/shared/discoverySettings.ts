/**
 * Finding coverage online: off until the reader accepts the consent screen, which says what
 * is sent and to whom. Stored in storage.local under its own key; only the background writes
 * it (message 'discover/setSettings', validated by this schema), and every reader validates
 * what it reads: a damaged or foreign value counts as the default, never as "on".
 */
import * as v from 'valibot';
import type { ProviderName } from '../core/discover/types';
import { readStored, type StorageArea } from './storage';

export const DISCOVERY_KEY = 'discoverySettings';

export const PROVIDER_NAMES = ['gdelt', 'bing'] as const satisfies readonly ProviderName[];
export const MAX_DISCOVERY_PAGES = 20;
export const DEFAULT_DISCOVERY_PAGES = 8;

export interface DiscoverySettings {
  /** True once the reader accepted the consent screen; the options page turns it off again. */
  enabled: boolean;
  /** Services asked, in order: the first is the primary, the next ones only when it fails or finds nothing. */
  providers: ProviderName[];
  /** Base addresses replacing the services' own (a self-hosted mirror, or a local stand-in in tests). */
  endpoints: Partial<Record<ProviderName, string>>;
  /** Result pages read per click. */
  maxPages: number;
  /** Time limit of one result page, in seconds. */
  pageTimeoutSeconds: number;
}

export const DEFAULT_DISCOVERY: DiscoverySettings = {
  enabled: false,
  providers: ['gdelt', 'bing'],
  endpoints: {},
  maxPages: DEFAULT_DISCOVERY_PAGES,
  pageTimeoutSeconds: 15,
};

const provider = v.picklist(PROVIDER_NAMES);

/** Why an address cannot be a search service's, or null when it can. */
export type EndpointProblem = 'invalid' | 'insecure' | 'credentials' | 'query';

/**
 * A service address: https, or plain http only to this computer (127.0.0.1: a local mirror
 * or a test stand-in), since the query would otherwise cross the network readable by anyone
 * on the way. No user name or password in it, no query or fragment (the search adds its own).
 */
export function endpointProblem(value: string): EndpointProblem | null {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return 'invalid';
  }
  if (!u.hostname) return 'invalid';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && u.hostname === '127.0.0.1'))
    return u.protocol === 'http:' ? 'insecure' : 'invalid';
  if (u.username || u.password) return 'credentials';
  if (u.search || u.hash || value.includes('?') || value.includes('#')) return 'query';
  return null;
}

const endpoint = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check((s) => endpointProblem(s) === null, 'not an https address (or http://127.0.0.1)'),
);

export const DiscoverySettingsSchema = v.strictObject({
  enabled: v.boolean(),
  providers: v.pipe(
    v.array(provider),
    v.minLength(1, 'no search service'),
    v.maxLength(PROVIDER_NAMES.length),
    v.check((list) => new Set(list).size === list.length, 'a service is listed twice'),
  ),
  endpoints: v.strictObject({ gdelt: v.optional(endpoint), bing: v.optional(endpoint) }),
  maxPages: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DISCOVERY_PAGES)),
  pageTimeoutSeconds: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
});

export function parseDiscovery(value: unknown): DiscoverySettings {
  const parsed = v.safeParse(DiscoverySettingsSchema, value);
  return parsed.success ? parsed.output : DEFAULT_DISCOVERY;
}

export async function readDiscovery(storage: StorageArea): Promise<DiscoverySettings> {
  return parseDiscovery(await readStored(storage, DISCOVERY_KEY));
}
