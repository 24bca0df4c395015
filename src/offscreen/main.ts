/**
 * The offscreen document (Chrome): a DOM for the service worker, which has none. It reads a
 * feed item's page with the same extractor as the content script, on a document parsed from
 * the fetched HTML (DOMParser runs no script and loads nothing), and answers the
 * ExtractResult. It answers only its own request from this extension's worker, so the
 * options page's messages to the background pass it by.
 */
import type { Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { extractArticle } from '../core/extract/index';
import { errorText } from '../core/errors';
import type { ExtractResult } from '../core/types';
import { getBrowser } from '../shared/browser';
import { OffscreenExtractSchema } from '../shared/schemas';

const browser = getBrowser();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<ExtractResult> | undefined => {
  if (sender.id !== browser.runtime.id) return undefined;
  const request = v.safeParse(OffscreenExtractSchema, message);
  if (!request.success) return undefined;
  const { html, url } = request.output;
  try {
    return Promise.resolve(extractArticle(new DOMParser().parseFromString(html, 'text/html'), url));
  } catch (e) {
    return Promise.resolve({ ok: false, reason: 'error', message: errorText(e) });
  }
});
