import polyfill, { type Browser } from 'webextension-polyfill';

/**
 * The one seam to the browser's extension APIs (Bitwarden's BrowserApi, Hypothesis's
 * getChromeAPI): the popup, options page and background call `getBrowser()` and never
 * `chrome.*` or `browser.*` directly, so tests can install a fake with `setBrowser()`.
 *
 * webextension-polyfill gives Chrome the promise-based `browser` API Firefox has natively,
 * including `runtime.onMessage` listeners that answer by returning a promise.
 * Outside an extension (Node tests) the polyfill throws on import: tests replace the
 * module, e.g. `vi.mock('webextension-polyfill', () => ({ default: {} }))`, then call
 * `setBrowser(fake)`.
 */

export type { Browser };

let override: Browser | null = null;

export function getBrowser(): Browser {
  return override ?? polyfill;
}

/** Replaces the browser API (tests); `null` restores the real one. */
export function setBrowser(browser: Browser | null): void {
  override = browser;
}
