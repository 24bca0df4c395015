import { buildOpml, hostPattern, OpmlError, parseOpml, type OpmlImport } from '../core/feeds';
import { t } from '../shared/i18n';
import type { FeedStatus } from '../shared/messages';

/** Largest OPML file read (subscription lists are a few kilobytes). */
export const MAX_OPML_BYTES = 2_000_000;

export type OpmlRead = { ok: true; list: OpmlImport } | { ok: false; reason: string };

/** Reads an OPML file the reader chose: its feeds and what was skipped, or why it is refused. */
export async function readOpmlFile(file: Blob): Promise<OpmlRead> {
  if (file.size > MAX_OPML_BYTES) return { ok: false, reason: t('opmlTooLarge', [MAX_OPML_BYTES / 1_000_000]) };
  try {
    return { ok: true, list: parseOpml(await file.text()) };
  } catch (e) {
    if (e instanceof OpmlError) return { ok: false, reason: e.message };
    throw e;
  }
}

/** The host patterns to request for a set of feeds, each once. */
export function originsOf(urls: readonly string[]): string[] {
  return [...new Set(urls.map(hostPattern))];
}

/** "https://www.example.org/*" → "www.example.org": a host pattern as the reader reads it. */
export function hostOfPattern(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

/** The subscriptions as an OPML 2.0 file. */
export function feedsOpml(feeds: readonly FeedStatus[], title: string, now = new Date()): Blob {
  const text = buildOpml(
    feeds.map((f) => ({ url: f.url, title: f.title, siteUrl: f.siteUrl })),
    title,
    now,
  );
  return new Blob([text], { type: 'text/x-opml' });
}

/** "framelens-feeds-2026-11-22.opml" */
export function opmlFileName(now = new Date()): string {
  return `framelens-feeds-${now.toISOString().slice(0, 10)}.opml`;
}
