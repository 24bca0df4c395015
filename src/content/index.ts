/**
 * The content script: deliberately thin. The background injects the built content.js
 * (one classic IIFE script: content scripts cannot be ES modules) with
 * `scripting.executeScript({ files: ['content.js'] })`, then calls
 * `globalThis.__framelens?.extract()` in a second executeScript. Nothing runs on its own:
 * the page is read only when the reader asks, or by `capture()` when the reader turned
 * auto-capture on. extractArticle parses a clone, so the live
 * page is never modified. Injecting twice just replaces the global.
 */
import { extractArticle } from '../core/extract/index';
import { captureArticle, type CaptureResult } from '../core/extract/news';
import type { ExtractResult } from '../core/types';

/** What the content script exposes to the background's executeScript call. */
export interface FramelensContentApi {
  extract(): ExtractResult;
  /** The article only when the page is news (auto-capture, src/core/extract/news.ts). */
  capture(): CaptureResult;
}

declare global {
  var __framelens: FramelensContentApi | undefined;
}

globalThis.__framelens = {
  extract: () => extractArticle(document, location.href),
  capture: () => captureArticle(document, location.href),
};
