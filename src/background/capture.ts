import * as v from 'valibot';
import type { Browser, Tabs } from 'webextension-polyfill';
import { captureSkipReason, namedHosts } from '../core/capture';
import { ArticleSchema } from '../shared/schemas';
import { CAPTURE_KEY, CAPTURE_STATUS_KEY, captureOrigins, parseCaptureStatus, readCapture, type CaptureStatus } from '../shared/settings';
import type { Archive } from './archive';
import { withinTime } from './analyze';
import { forbiddenReason } from './forbidden';
import { StorageFullError } from './storageErrors';
import { t } from '../shared/i18n';
import { errorText } from '../core/errors';

/**
 * Opt-in auto-capture: when a tab finishes loading a page, and the reader turned
 * capture on, the content script's `capture()` reads it; a news article (src/core/extract/
 * news.ts) is saved with origin 'captured' through the same upsert as Save. Nothing runs
 * while capture is off (one storage read per finished page load), on private tabs, on pages
 * outside http(s), on blocked domains or local hosts (src/core/capture.ts), on pages the
 * browser does not let extensions script, or twice on the same address within
 * RECENT_MS. The worker may stop at any time: the memory of recent pages only spares work.
 */

/** A page load the reader cannot see must not hold a page's main thread for long. */
export const CAPTURE_TIMEOUT_MS = 8_000;
/** The same address is read again at most this often (reloads, history navigation, SPA updates). */
export const RECENT_MS = 10 * 60_000;
/** Bound on the addresses remembered. */
const MAX_RECENT = 500;

export type CaptureOutcome =
  'off' | 'private' | 'skipped' | 'recent' | 'unscriptable' | 'no-answer' | 'not-news' | 'no-article' | 'captured' | 'updated' | 'failed';

const CaptureAnswerSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), article: ArticleSchema }),
  v.object({ ok: v.literal(false), reason: v.string(), message: v.string() }),
]);

export interface CaptureDeps {
  browser: Browser;
  archive: Archive;
}

/** The tab fields auto-capture reads (tabs.Tab from onUpdated). */
export type CaptureTab = Pick<Tabs.Tab, 'id' | 'url' | 'incognito'>;

export class AutoCapture {
  private readonly recent = new Map<string, number>();
  private readonly busy = new Map<number, Promise<CaptureOutcome>>();

  constructor(
    private readonly browser: Browser,
    private readonly ready: () => Promise<CaptureDeps>,
    private readonly now: () => number = Date.now,
    private readonly timeoutMs = CAPTURE_TIMEOUT_MS,
  ) {}

  /** tabs.onUpdated: only a finished load is a candidate. */
  onTabUpdated(changeInfo: { status?: string }, tab: CaptureTab | undefined): Promise<CaptureOutcome> | null {
    if (changeInfo.status !== 'complete' || !tab) return null;
    return this.consider(tab);
  }

  async consider(tab: CaptureTab): Promise<CaptureOutcome> {
    const settings = await readCapture(this.browser.storage);
    if (!settings.enabled) return 'off';
    if (tab.incognito) return 'private';
    const tabId = tab.id;
    if (tabId === undefined || tabId < 0) return 'skipped';
    const granted = await this.browser.permissions.getAll().then(
      (p) => p.origins ?? [],
      () => [],
    );
    if (forbiddenReason(tab.url, false) || captureSkipReason(tab.url, { blocklist: settings.blocklist, grantedHosts: namedHosts(granted) }))
      return 'skipped';
    const key = pageKey(tab.url ?? '');
    const now = this.now();
    const seen = this.recent.get(key);
    if (seen !== undefined && now - seen < RECENT_MS) return 'recent';
    this.remember(key, now);
    // One read per tab at a time: a page loaded while the previous one is being read waits
    // for it (bounded by the time limit) instead of being missed.
    const previous = this.busy.get(tabId);
    const run = (async () => {
      await previous?.catch(() => undefined);
      return this.read(tabId);
    })();
    this.busy.set(tabId, run);
    try {
      return await run;
    } finally {
      if (this.busy.get(tabId) === run) this.busy.delete(tabId);
    }
  }

  private remember(key: string, now: number): void {
    this.recent.delete(key);
    this.recent.set(key, now);
    // Maps iterate in insertion order: the first keys are the oldest.
    for (const old of this.recent.keys()) {
      if (this.recent.size <= MAX_RECENT) break;
      this.recent.delete(old);
    }
  }

  private async read(tabId: number): Promise<CaptureOutcome> {
    const target = { tabId };
    const run = async () => {
      await this.browser.scripting.executeScript({ target, files: ['content.js'] });
      const [frame] = await this.browser.scripting.executeScript({
        target,
        func: () => (globalThis as { __framelens?: { capture?(): unknown } }).__framelens?.capture?.(),
      });
      return frame?.result;
    };
    let answer: unknown;
    try {
      const answered = await withinTime(run(), this.timeoutMs);
      if (!answered.inTime) return 'no-answer';
      answer = answered.value;
    } catch {
      // The browser refused (a page it protects, a tab closed or navigated away meanwhile).
      return 'unscriptable';
    }
    const parsed = v.safeParse(CaptureAnswerSchema, answer);
    if (!parsed.success) return 'no-answer';
    if (!parsed.output.ok) return parsed.output.reason === 'not-news' ? 'not-news' : 'no-article';
    const { article } = parsed.output;
    const { archive } = await this.ready();
    try {
      const saved = await archive.save(article, 'captured');
      await this.setStatus({ lastCapture: { at: this.now(), title: article.title.slice(0, 300) } });
      return saved.created ? 'captured' : 'updated';
    } catch (e) {
      const message = e instanceof StorageFullError ? e.message : t('captureFailed', [errorText(e)]);
      await this.setStatus({ lastError: { at: this.now(), message: message.slice(0, 1000) } });
      return 'failed';
    }
  }

  private async setStatus(update: CaptureStatus): Promise<void> {
    const items = await this.browser.storage.local.get(CAPTURE_STATUS_KEY).catch((): Record<string, unknown> => ({}));
    const current = parseCaptureStatus(items[CAPTURE_STATUS_KEY]);
    // A success clears an earlier error: the reader sees what holds now.
    const next: CaptureStatus = update.lastCapture ? { lastCapture: update.lastCapture } : { ...current, ...update };
    await this.browser.storage.local.set({ [CAPTURE_STATUS_KEY]: next }).catch(() => undefined);
  }
}

/** The address without its fragment: #comments on the same page is the same page. */
function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * permissions.onRemoved: the reader took host access away (in the browser's extension
 * settings, or the options page did): capture is switched off, so the setting never says
 * on while nothing can happen.
 */
export async function onHostAccessRemoved(browser: Browser, removed: { origins?: string[] }): Promise<boolean> {
  const needed = captureOrigins(browser.runtime.getManifest());
  if (!removed.origins?.some((o) => needed.includes(o))) return false;
  const settings = await readCapture(browser.storage);
  if (!settings.enabled) return false;
  await browser.storage.local.set({ [CAPTURE_KEY]: { ...settings, enabled: false } });
  return true;
}
