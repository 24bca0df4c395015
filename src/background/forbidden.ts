import { t, type MessageKey } from '../shared/i18n';

/**
 * Pages where browsers do not let extensions run scripts, with the reason in the reader's
 * terms and what to do instead. Chrome: chrome://, the Web Store, the PDF viewer, file://
 * without "Allow access to file URLs"; Firefox: about:, addons.mozilla.org and other
 * restricted domains (https://extensionworkshop.com/documentation/publish/restricted-domains/).
 */
const FORBIDDEN_SCHEMES: Record<string, MessageKey> = {
  'chrome:': 'whyBrowserPage',
  'edge:': 'whyBrowserPage',
  'brave:': 'whyBrowserPage',
  'opera:': 'whyBrowserPage',
  'vivaldi:': 'whyBrowserPage',
  'about:': 'whyBrowserPage',
  'chrome-search:': 'whyBrowserPage',
  'devtools:': 'whyDevtools',
  'view-source:': 'whyViewSource',
  'chrome-extension:': 'whyExtension',
  'moz-extension:': 'whyExtension',
  'resource:': 'whyBrowserPage',
  'data:': 'whyDataUrl',
  'javascript:': 'whyScriptUrl',
};

const STORE_HOSTS: Record<string, MessageKey> = {
  'chromewebstore.google.com': 'storeChrome',
  'chrome.google.com': 'storeChrome',
  'addons.mozilla.org': 'storeFirefox',
  'microsoftedge.microsoft.com': 'storeEdge',
};

/** Why the page at `url` cannot be read, or null when scripts may run there. */
export function forbiddenReason(url: string | undefined, fileAccessAllowed: boolean): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const scheme = FORBIDDEN_SCHEMES[parsed.protocol];
  if (scheme) return t('forbiddenScheme', [t(scheme)]);
  const store = STORE_HOSTS[parsed.hostname];
  if (store && (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))) {
    return t('forbiddenStore', [t(store)]);
  }
  if (parsed.protocol === 'file:' && !fileAccessAllowed) return t('forbiddenFile');
  if (/\.pdf$/i.test(parsed.pathname)) return t('forbiddenPdf');
  return null;
}

/**
 * Maps an executeScript failure to a reader's sentence when it is the browser refusing
 * (the URL was not known beforehand, e.g. without the tabs permission); null otherwise.
 */
export function forbiddenFromError(message: string): string | null {
  if (
    /cannot be scripted|chrome:\/\/|edge:\/\/|about:|extensions gallery|restricted|Missing host permission|Cannot access contents|Cannot access a chrome|file:\/\//i.test(
      message,
    )
  ) {
    return t('forbiddenByBrowser', [message]);
  }
  return null;
}
