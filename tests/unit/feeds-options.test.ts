import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpml } from '../../src/core/feeds';
import { feedsOpml, hostOfPattern, MAX_OPML_BYTES, opmlFileName, originsOf, readOpmlFile } from '../../src/options/feedsFile';
import type { FeedStatus } from '../../src/shared/messages';

const feed = (url: string, title: string, siteUrl: string | null = null): FeedStatus => ({
  id: url,
  url,
  title,
  siteUrl,
  intervalMinutes: 60,
  addedAt: 0,
  lastPollAt: null,
  lastError: null,
  lastNew: 0,
  itemCount: 0,
  savedCount: 0,
  pending: 0,
  polling: false,
  blockedOrigins: [],
});

describe('the Feeds section’s files', () => {
  it('reads an OPML file into feeds and skipped outlines', async () => {
    const text = readFileSync(new URL('../fixtures/feeds/subscriptions.opml', import.meta.url), 'utf8');
    const read = await readOpmlFile(new Blob([text]));
    expect(read.ok && read.list.feeds.length).toBe(3);
    expect(read.ok && read.list.skipped.map((s) => s.reason)).toEqual(['listed twice', 'not an http or https address']);
  });

  it('refuses a file that is not OPML or too large, with the reason', async () => {
    expect(await readOpmlFile(new Blob(['<rss version="2.0"/>']))).toEqual({
      ok: false,
      reason: 'This is not an OPML file: the document is <rss>, not <opml>.',
    });
    expect(await readOpmlFile(new Blob(['x'.repeat(MAX_OPML_BYTES + 1)]))).toEqual({ ok: false, reason: 'larger than 2 MB' });
  });

  it('asks for each site once, any port', () => {
    expect(hostOfPattern('https://www.a.example/*')).toBe('www.a.example');
    expect(originsOf(['https://a.example/feed', 'https://a.example:8443/other', 'http://a.example/x', 'http://127.0.0.1:9000/f'])).toEqual([
      'https://a.example/*',
      'http://a.example/*',
      'http://127.0.0.1/*',
    ]);
  });

  it('exports the subscriptions as OPML that imports back to the same feeds', async () => {
    const feeds = [feed('https://a.example/feed', 'A & B <news>', 'https://a.example/'), feed('https://b.example/rss', '')];
    const blob = feedsOpml(feeds, 'Framelens feeds', new Date('2026-11-22T00:00:00Z'));
    expect(blob.type).toBe('text/x-opml');
    expect(parseOpml(await blob.text()).feeds).toEqual([
      { url: 'https://a.example/feed', title: 'A & B <news>', siteUrl: 'https://a.example/' },
      { url: 'https://b.example/rss', title: 'https://b.example/rss', siteUrl: null },
    ]);
    expect(opmlFileName(new Date('2026-11-22T10:00:00Z'))).toBe('framelens-feeds-2026-11-22.opml');
  });
});
