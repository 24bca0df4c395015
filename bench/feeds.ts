/**
 * Feed parsing benchmark: parseFeed (src/core/feeds, no DOM) on generated RSS 2.0 and Atom
 * feeds of realistic shape (200 items with content:encoded, about 1 MB, and one at the 5 MB
 * limit), against a peer measured in the same run: jsdom's XML parser (saxes, strict) plus
 * the same fields read through the DOM, what one would write with a DOMParser.
 * `npm run bench -- feeds`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { JSDOM } from 'jsdom';
import { parseFeed } from '../src/core/feeds';

function paragraph(i: number): string {
  return `<p>Paragraph ${i} of the story: officials said on Tuesday that talks would resume &amp; that &quot;progress&quot; was made.</p>`;
}

function rssFeed(items: number, paragraphs: number): string {
  const body = Array.from(
    { length: items },
    (_, i) => `<item>
  <title><![CDATA[Story number ${i}: talks resume after overnight break]]></title>
  <link>https://news.example.org/world/story-${i}</link>
  <guid isPermaLink="false">https://news.example.org/?p=${i}</guid>
  <dc:creator><![CDATA[Desk ${i % 7}]]></dc:creator>
  <pubDate>Sun, 22 Nov 2026 ${String(i % 24).padStart(2, '0')}:00:00 +0000</pubDate>
  <description><![CDATA[Summary of story ${i}, with <b>markup</b> to strip.]]></description>
  <content:encoded><![CDATA[${Array.from({ length: paragraphs }, (_, p) => paragraph(p)).join('\n')}]]></content:encoded>
</item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>https://news.example.org/</link>${body}</channel></rss>`;
}

function atomFeed(items: number, paragraphs: number): string {
  const body = Array.from(
    { length: items },
    (_, i) => `<entry>
  <title type="html">Story &lt;em&gt;${i}&lt;/em&gt;</title>
  <link rel="alternate" type="text/html" href="/world/story-${i}"/>
  <id>tag:news.example.org,2026:${i}</id>
  <updated>2026-11-22T${String(i % 24).padStart(2, '0')}:00:00Z</updated>
  <summary type="html">${Array.from({ length: paragraphs }, (_, p) => paragraph(p).replace(/&/g, '&amp;').replace(/</g, '&lt;')).join(' ')}</summary>
</entry>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/"><title>Bench</title>${body}</feed>`;
}

/** The peer: a strict XML DOM (jsdom / saxes) and the fields read with querySelector, as code with a DOMParser would. */
function peerParse(xml: string): number {
  const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  const items = [...doc.querySelectorAll('item, entry')].map((item) => ({
    title: item.querySelector('title')?.textContent ?? '',
    link: item.querySelector('link')?.textContent || item.querySelector('link')?.getAttribute('href') || '',
    date: item.querySelector('pubDate, updated')?.textContent ?? '',
    summary: (item.querySelector('description, summary')?.textContent ?? '').replace(/<[^>]*>/g, ' '),
  }));
  return items.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function run(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const cases: [string, string, number][] = [
    ['RSS 2.0, 200 items with content:encoded', rssFeed(200, 8), 20],
    ['Atom 1.0, 200 entries with html summaries', atomFeed(200, 8), 20],
    ['RSS 2.0 near the 5 MB limit', rssFeed(200, 190), 5],
  ];
  // Warm the JIT on every shape first, so the first row is not the slowest for that reason alone.
  for (const [, xml] of cases) for (let i = 0; i < 3; i++) parseFeed(xml, null, { maxChars: 6_000_000 });
  console.log('| feed | size | parseFeed (median) | jsdom XML + DOM reads (median) | ratio |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, xml, runs] of cases) {
    const ours = time(() => parseFeed(xml, 'https://news.example.org/feed', { maxChars: 6_000_000 }), runs);
    const peer = time(() => peerParse(xml), runs);
    const items = parseFeed(xml, 'https://news.example.org/feed', { maxChars: 6_000_000 }).items.length;
    if (items !== 200 || peerParse(xml) !== 200) throw new Error(`${name}: expected 200 items, got ${items}`);
    console.log(
      `| ${name} | ${(xml.length / 1e6).toFixed(2)} MB | ${ours.toFixed(1)} ms | ${peer.toFixed(1)} ms | ${(peer / ours).toFixed(1)}x faster |`,
    );
  }
}
