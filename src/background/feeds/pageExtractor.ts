import type { Browser } from 'webextension-polyfill';
import { extractArticle } from '../../core/extract/index';
import type { ExtractResult } from '../../core/types';
import type { OffscreenExtract } from '../../shared/messages';
import { t } from '../../shared/i18n';
import { errorText } from '../../core/errors';

/**
 * Readability needs a DOM. Firefox runs the background as a page (background.scripts), which
 * has DOMParser; Chrome's service worker has none, so the page goes to an offscreen document
 * (chrome.offscreen, reason DOM_PARSER) created for a poll and closed after it. Which one is
 * decided by what exists, not by the browser's name.
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen
 */
export interface PageExtractor {
  extract(html: string, url: string): Promise<ExtractResult>;
  /** Frees what the extraction holds (the offscreen document) once nobody is polling. */
  release(): Promise<void>;
}

/** The slice of chrome.offscreen and runtime Framelens uses (the polyfill passes them through untouched). */
interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

export const OFFSCREEN_PATH = 'offscreen.html';

const shared = new WeakMap<OffscreenApi, OffscreenExtractor>();

export function createPageExtractor(browser: Browser, domParser: typeof DOMParser | undefined = globalThis.DOMParser): PageExtractor {
  if (typeof domParser === 'function') {
    return {
      extract: async (html, url) => extractArticle(new domParser().parseFromString(html, 'text/html'), url),
      release: async () => undefined,
    };
  }
  const offscreen = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (!offscreen) {
    return {
      extract: async () => ({ ok: false, reason: 'error', message: t('errNoDomContext') }),
      release: async () => undefined,
    };
  }
  // One per worker: feed polls and searches for coverage share the single offscreen document,
  // so one of them releasing it never closes it under the other's extraction.
  let extractor = shared.get(offscreen);
  if (!extractor) {
    extractor = new OffscreenExtractor(browser, offscreen);
    shared.set(offscreen, extractor);
  }
  return extractor;
}

class OffscreenExtractor implements PageExtractor {
  private users = 0;
  private opening: Promise<void> | null = null;

  constructor(
    private readonly browser: Browser,
    private readonly offscreen: OffscreenApi,
  ) {}

  async extract(html: string, url: string): Promise<ExtractResult> {
    this.users++;
    try {
      await this.open();
      const request: OffscreenExtract = { target: 'offscreen', type: 'offscreen/extract', html, url };
      const answer: unknown = await this.browser.runtime.sendMessage(request);
      if (!isExtractResult(answer)) return { ok: false, reason: 'error', message: t('errOffscreenAnswer') };
      return answer;
    } finally {
      this.users--;
    }
  }

  async release(): Promise<void> {
    if (this.users > 0) return;
    this.opening = null;
    await this.offscreen.closeDocument().catch(() => undefined);
  }

  private open(): Promise<void> {
    this.opening ??= this.create().catch((e: unknown) => {
      this.opening = null;
      throw e;
    });
    return this.opening;
  }

  private async create(): Promise<void> {
    // A document left open by a worker that was stopped mid-poll is reused.
    if (await this.offscreen.hasDocument?.().catch(() => false)) return;
    try {
      await this.offscreen.createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['DOM_PARSER'],
        justification:
          'Read the articles of the feeds the reader subscribed to, or found when the reader asked for coverage online, with Readability, which needs a DOM.',
      });
    } catch (e) {
      if (!/single offscreen/i.test(errorText(e))) throw e;
    }
  }
}

function isExtractResult(value: unknown): value is ExtractResult {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'article' in value && typeof value.article === 'object' && value.article !== null;
  return value.ok === false && 'message' in value && typeof value.message === 'string';
}
