import type { RetentionPolicy } from '../core/retention';
import { getBrowser } from '../shared/browser';
import { send } from '../ui/client';
import { captureOrigins, CAPTURE_KEY, CAPTURE_STATUS_KEY, RETENTION_KEY, readCapture, readCaptureStatus, readRetention, watchSetting, type CaptureSettings, type CaptureStatus } from '../shared/settings';

/**
 * The options page's connector for the archive-growth settings (auto-capture, retention):
 * settings are read from storage and written by the background; host access is asked for
 * and given back here, because permissions.request needs the reader's click.
 */
export interface GrowthApi {
  readCapture(): Promise<CaptureSettings>;
  readStatus(): Promise<CaptureStatus>;
  readRetention(): Promise<RetentionPolicy>;
  /** Whether the extension holds the host access capture needs. */
  hasAccess(): Promise<boolean>;
  /** Asks the browser for host access; must be the first await of a click handler. */
  requestAccess(): Promise<boolean>;
  /** Gives host access back; a build whose access is required (the test build) keeps it. */
  releaseAccess(): Promise<void>;
  setCapture(settings: CaptureSettings): Promise<CaptureSettings>;
  setRetention(policy: RetentionPolicy): Promise<number>;
  previewRetention(policy: RetentionPolicy): Promise<{ removes: number; eligible: number }>;
  originCounts(): Promise<Record<string, number>>;
  /** Calls `onChange` when a growth setting, the capture status or host access changes; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
}

export function browserGrowthApi(): GrowthApi {
  const browser = getBrowser();
  const origins = () => captureOrigins(browser.runtime.getManifest());
  return {
    readCapture: () => readCapture(browser.storage),
    readStatus: () => readCaptureStatus(browser.storage),
    readRetention: () => readRetention(browser.storage),
    hasAccess: () => browser.permissions.contains({ origins: origins() }),
    requestAccess: () => browser.permissions.request({ origins: origins() }),
    releaseAccess: async () => {
      await browser.permissions.remove({ origins: origins() }).catch(() => false);
    },
    setCapture: (settings) => send('capture/set', settings),
    setRetention: async (policy) => (await send('retention/set', { policy })).removed,
    previewRetention: (policy) => send('retention/preview', { policy }),
    originCounts: async () => (await send('archive/origins', {})).counts,
    watch: (onChange) => {
      const stops = [CAPTURE_KEY, CAPTURE_STATUS_KEY, RETENTION_KEY].map((key) => watchSetting(browser.storage, key, onChange));
      browser.permissions.onRemoved.addListener(onChange);
      browser.permissions.onAdded.addListener(onChange);
      return () => {
        for (const stop of stops) stop();
        browser.permissions.onRemoved.removeListener(onChange);
        browser.permissions.onAdded.removeListener(onChange);
      };
    },
  };
}
