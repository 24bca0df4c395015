/**
 * Recorders for the end-to-end tests: what the extension sends over the network, and what
 * goes wrong in its pages and workers (console errors, uncaught errors, dialogs).
 */
import type { BrowserContext, Request, Worker } from 'playwright-core';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Where it came from: the service worker, an extension page, or a web page. */
  origin: 'service-worker' | 'extension-page' | 'web-page';
}

/**
 * Records every network request made in the context (pages and service workers). The
 * extension's own file loads (chrome-extension:// URLs) are not network traffic and are
 * left out; `fromExtension()` filters what the extension itself sent. Attempts count: a
 * request the extension's CSP then blocks (an <img> with a remote src) is still recorded,
 * and the CSP violation also shows up in `collectProblems` as a console error.
 */
export function recordRequests(context: BrowserContext, extensionId: string) {
  const requests: RecordedRequest[] = [];
  const extensionOrigin = `chrome-extension://${extensionId}/`;
  context.on('request', (request) => {
    if (/^(chrome-extension|chrome|data|about):/.test(request.url())) return;
    const worker = request.serviceWorker();
    let origin: RecordedRequest['origin'] = 'web-page';
    if (worker) origin = worker.url().startsWith(extensionOrigin) ? 'service-worker' : 'web-page';
    else if (frameUrl(request).startsWith(extensionOrigin)) origin = 'extension-page';
    requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), origin });
  });
  return {
    requests,
    fromExtension: () => requests.filter((r) => r.origin !== 'web-page'),
  };
}

/**
 * The URL of the frame that sent a request. A navigation that opens a new page or popup is
 * issued before its frame exists, and Playwright throws for it: such a request is the test's
 * own navigation (an extension page that opened a window would have its own requests recorded).
 */
function frameUrl(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return '';
  }
}

export interface Problems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Dialogs (alert/confirm/prompt) opened by the extension's pages: each is dismissed. */
  dialogs: string[];
  /**
   * Dialogs web pages opened with their own scripts (also dismissed). A hostile fixture's
   * alert() in its own tab is the page's business, not a flaw of ours: not part of `all()`.
   */
  webPageDialogs: string[];
  /** Console errors, uncaught errors and dialogs of the extension, for one `expect(...).toEqual([])`. */
  all(): string[];
}

/**
 * Collects console errors and uncaught errors from the extension's own pages and the given
 * workers (web pages' own errors are not ours), and every dialog, dismissed and filed by
 * whether an extension page or a web page opened it. A worker's
 * uncaught errors are caught from the moment its hook is installed (asynchronously, just
 * after this call); a restarted worker needs a new call.
 */
export function collectProblems(context: BrowserContext, extensionId: string, workers: Worker[] = []): Problems {
  const problems: Problems = {
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    webPageDialogs: [],
    all: () => [...problems.consoleErrors, ...problems.pageErrors, ...problems.dialogs],
  };
  const ours = (url: string | undefined) => url?.startsWith(`chrome-extension://${extensionId}/`) ?? false;
  context.on('console', (message) => {
    const url = message.page()?.url();
    if (message.type() === 'error' && ours(url)) problems.consoleErrors.push(`${url}: ${message.text()}`);
  });
  context.on('weberror', (error) => {
    const url = error.page()?.url();
    if (ours(url)) problems.pageErrors.push(`${url}: ${String(error.error())}`);
  });
  context.on('dialog', (dialog) => {
    const url = dialog.page()?.url();
    (ours(url) || !url ? problems.dialogs : problems.webPageDialogs).push(`${url ?? 'worker'}: ${dialog.type()}: ${dialog.message()}`);
    // The page may close or navigate first, which dismisses the dialog itself: that is not a failure.
    dialog.dismiss().catch(() => undefined);
  });
  for (const worker of workers) {
    worker.on('console', (message) => {
      if (message.type() === 'error') problems.consoleErrors.push(`${worker.url()}: ${message.text()}`);
    });
    // Playwright reports no uncaught errors for workers: turn later ones into console errors.
    void worker
      .evaluate(() => {
        addEventListener('error', (event) => console.error(`Uncaught ${String(event.error ?? event.message)}`));
        addEventListener('unhandledrejection', (event) => console.error(`Unhandled rejection: ${String(event.reason)}`));
      })
      .catch(() => undefined);
  }
  return problems;
}
