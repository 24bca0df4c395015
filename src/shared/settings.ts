/**
 * The auto-capture and retention settings shared by the options page, the popup and the
 * background: auto-capture (off by default, a domain block list) and retention (unlimited
 * by default). Stored in storage.local, each under its own key; only the background writes
 * them (through the messages 'capture/set' and 'retention/set', validated by
 * the same schemas), and every reader validates what it reads: a damaged or foreign value
 * counts as the default, never as "on".
 */
import { readStored, watchStored, type StorageArea } from './storage';
import * as v from 'valibot';
import { checkBlockEntry, MAX_BLOCKLIST_ENTRIES } from '../core/capture';
import { DEFAULT_RETENTION, MAX_RETENTION_COUNT, MAX_RETENTION_DAYS, type RetentionPolicy } from '../core/retention';

export const CAPTURE_KEY = 'captureSettings';
export const RETENTION_KEY = 'retentionPolicy';
/** What the last capture did, written by the background for the options page. */
export const CAPTURE_STATUS_KEY = 'captureStatus';

export interface CaptureSettings {
  enabled: boolean;
  /** Normalised domains (checkBlockEntry); each blocks itself and its subdomains. */
  blocklist: string[];
}

export const DEFAULT_CAPTURE: CaptureSettings = { enabled: false, blocklist: [] };

const domain = v.pipe(
  v.string(),
  v.check((s) => {
    const c = checkBlockEntry(s);
    return c.ok && c.domain === s;
  }, 'not a normalised domain'),
);

export const CaptureSettingsSchema = v.strictObject({
  enabled: v.boolean(),
  blocklist: v.pipe(v.array(domain), v.maxLength(MAX_BLOCKLIST_ENTRIES, `at most ${MAX_BLOCKLIST_ENTRIES} blocked domains`)),
});

const whole = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const RetentionPolicySchema: v.GenericSchema<unknown, RetentionPolicy> = v.variant('mode', [
  v.strictObject({ mode: v.literal('unlimited') }),
  v.strictObject({ mode: v.literal('days'), days: whole(1, MAX_RETENTION_DAYS) }),
  v.strictObject({ mode: v.literal('count'), count: whole(1, MAX_RETENTION_COUNT) }),
]);

export interface CaptureStatus {
  /** Last article captured: when, and its title. */
  lastCapture?: { at: number; title: string };
  /** Last capture that failed for a reason the reader should know (a full quota). */
  lastError?: { at: number; message: string };
}

const CaptureStatusSchema = v.object({
  lastCapture: v.optional(v.object({ at: v.number(), title: v.pipe(v.string(), v.maxLength(2000)) })),
  lastError: v.optional(v.object({ at: v.number(), message: v.pipe(v.string(), v.maxLength(2000)) })),
});

/** The slice of browser.storage these settings need. */
export type SettingsStorage = StorageArea;

export function parseCapture(value: unknown): CaptureSettings {
  const parsed = v.safeParse(CaptureSettingsSchema, value);
  return parsed.success ? parsed.output : DEFAULT_CAPTURE;
}

export function parseRetention(value: unknown): RetentionPolicy {
  const parsed = v.safeParse(RetentionPolicySchema, value);
  return parsed.success ? parsed.output : DEFAULT_RETENTION;
}

export function parseCaptureStatus(value: unknown): CaptureStatus {
  const parsed = v.safeParse(CaptureStatusSchema, value);
  return parsed.success ? parsed.output : {};
}

export async function readCapture(storage: SettingsStorage): Promise<CaptureSettings> {
  return parseCapture(await readStored(storage, CAPTURE_KEY));
}

export async function readRetention(storage: SettingsStorage): Promise<RetentionPolicy> {
  return parseRetention(await readStored(storage, RETENTION_KEY));
}

export async function readCaptureStatus(storage: SettingsStorage): Promise<CaptureStatus> {
  return parseCaptureStatus(await readStored(storage, CAPTURE_STATUS_KEY));
}

export const watchSetting = watchStored;

/**
 * The host permissions auto-capture asks for: the manifest's optional ones (every http and
 * https site). A build that already holds host permissions (the E2E test build's
 * http://127.0.0.1/*) asks for exactly those, which needs no prompt.
 */
export function captureOrigins(manifest: { host_permissions?: string[]; optional_host_permissions?: string[] }): string[] {
  return manifest.host_permissions?.length ? manifest.host_permissions : (manifest.optional_host_permissions ?? []);
}
