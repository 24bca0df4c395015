/**
 * Pages the browser forbids extensions to script, by URL (src/background/forbidden.ts):
 * spellings a page or a redirect may produce (letter case, ports, user info, query strings,
 * fragments) still get the reader's sentence, and ordinary news URLs that merely look
 * similar are not refused. The Web Store cannot load offline, so this is where it is tested.
 */
import { describe, expect, it } from 'vitest';
import { forbiddenFromError, forbiddenReason } from '../../src/background/forbidden';

describe('forbiddenReason', () => {
  it.each([
    ['https://chromewebstore.google.com/detail/framelens/abc', /Chrome Web Store/],
    ['https://CHROMEWEBSTORE.GOOGLE.COM/category/extensions', /Chrome Web Store/],
    ['https://chromewebstore.google.com:443/', /Chrome Web Store/],
    ['https://user:pass@chromewebstore.google.com/', /Chrome Web Store/],
    ['https://chrome.google.com/webstore/category/extensions?hl=en', /Chrome Web Store/],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/#reviews', /Firefox add-ons/],
    ['https://microsoftedge.microsoft.com/addons/detail/x', /Edge add-ons/],
    ['CHROME://settings', /browser's own pages/],
    ['chrome-extension://abcdefghijklmnop/popup.html', /belongs to an extension/],
    ['moz-extension://1234/options.html', /belongs to an extension/],
    ['about:newtab', /browser's own pages/],
    ['view-source:https://news.example/a', /page source/],
    ['data:text/html,<script>alert(1)</script>', /inline data address/],
    ['javascript:alert(1)', /script address/],
    ['https://news.example/report.PDF?download=1#page=2', /PDF/],
    ['file:///C:/Users/me/article.html', /Allow access to file URLs/],
  ])('%s: refused, saying why and what to do', (url, why) => {
    const reason = forbiddenReason(url, false);
    expect(reason).toMatch(why);
    expect(reason).toMatch(/\.$/);
  });

  it.each([
    'https://news.example/chromewebstore.google.com/story',
    'https://chromewebstore.google.com.news.example/story',
    'https://chrome.google.com/search?q=webstore',
    'https://news.example/pdf-guide',
    'https://news.example/story?format=.pdf',
    'http://127.0.0.1:8080/article/',
  ])('%s: an ordinary page, not refused', (url) => {
    expect(forbiddenReason(url, false)).toBeNull();
  });

  it('does not throw on addresses that are not URLs, and leaves them to the browser', () => {
    for (const url of ['', 'not a url', '::::', 'http://[::1', '\u0000', 'x'.repeat(100_000)])
      expect(forbiddenReason(url, false)).toBeNull();
    expect(forbiddenReason(undefined, false)).toBeNull();
  });
});

describe('forbiddenFromError', () => {
  it.each([
    'Cannot access contents of url "https://chromewebstore.google.com/". Extension manifest must request permission to access this host.',
    'The extensions gallery cannot be scripted.',
    'Cannot access a chrome:// URL',
    'Missing host permission for the tab',
  ])('maps "%s" to a reader\'s sentence', (message) => {
    expect(forbiddenFromError(message)).toMatch(/not allowed to read this page.*Open a news article/);
  });

  it('leaves other failures alone', () => {
    expect(forbiddenFromError('No tab with id: 5.')).toBeNull();
    expect(forbiddenFromError('Frame with ID 0 was removed.')).toBeNull();
  });
});
