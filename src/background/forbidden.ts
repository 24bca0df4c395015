/**
 * Pages where browsers do not let extensions run scripts, with the reason in the reader's
 * terms and what to do instead. Chrome: chrome://, the Web Store, the PDF viewer, file://
 * without "Allow access to file URLs"; Firefox: about:, addons.mozilla.org and other
 * restricted domains (https://extensionworkshop.com/documentation/publish/restricted-domains/).
 */
const FORBIDDEN_SCHEMES: Record<string, string> = {
  'chrome:': "it is one of the browser's own pages",
  'edge:': "it is one of the browser's own pages",
  'brave:': "it is one of the browser's own pages",
  'opera:': "it is one of the browser's own pages",
  'vivaldi:': "it is one of the browser's own pages",
  'about:': "it is one of the browser's own pages",
  'chrome-search:': "it is one of the browser's own pages",
  'devtools:': 'it is part of the developer tools',
  'view-source:': 'it shows page source, not the page',
  'chrome-extension:': "it belongs to an extension",
  'moz-extension:': "it belongs to an extension",
  'resource:': "it is one of the browser's own pages",
  'data:': 'it is an inline data address, not a web page',
  'javascript:': 'it is a script address, not a web page',
};

const STORE_HOSTS: Record<string, string> = {
  'chromewebstore.google.com': 'the Chrome Web Store',
  'chrome.google.com': 'the Chrome Web Store',
  'addons.mozilla.org': 'the Firefox add-ons site',
  'microsoftedge.microsoft.com': 'the Edge add-ons site',
};

const NEXT_STEP = 'Open a news article on a website and click Framelens again.';

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
  if (scheme) return `Framelens cannot read this page: ${scheme}, and browsers do not let extensions read those. ${NEXT_STEP}`;
  const store = STORE_HOSTS[parsed.hostname];
  if (store && (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))) {
    return `Framelens cannot read this page: browsers do not let extensions run on ${store}. ${NEXT_STEP}`;
  }
  if (parsed.protocol === 'file:' && !fileAccessAllowed) {
    return 'Framelens cannot read files on your computer until you allow it: open the extensions page, choose Framelens → Details, and turn on "Allow access to file URLs". Then reload this page and try again.';
  }
  if (/\.pdf$/i.test(parsed.pathname)) return pdfReason;
  return null;
}

const pdfReason = "Framelens cannot read PDF documents: the browser's PDF viewer does not let extensions read them. Open the article's web page instead and click Framelens again.";

/**
 * Maps an executeScript failure to a reader's sentence when it is the browser refusing
 * (the URL was not known beforehand, e.g. without the tabs permission); null otherwise.
 */
export function forbiddenFromError(message: string): string | null {
  if (/cannot be scripted|chrome:\/\/|edge:\/\/|about:|extensions gallery|restricted|Missing host permission|Cannot access contents|Cannot access a chrome|file:\/\//i.test(message)) {
    return `Framelens is not allowed to read this page (the browser says: "${message}"). Pages of the browser itself, extension stores and PDF viewers are off limits. ${NEXT_STEP}`;
  }
  return null;
}
