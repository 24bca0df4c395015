/**
 * Which visited pages auto-capture may look at (src/core/capture.ts) and the settings it
 * is driven by (src/shared/settings.ts): block list entries, domain matching, local hosts,
 * validated storage.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  captureSkipReason,
  checkBlockEntry,
  hostMatches,
  isBlocked,
  isLocalHost,
  MAX_BLOCKLIST_ENTRIES,
  namedHosts,
} from '../../src/core/capture';
import { blockEntryFor, policyFromForm } from '../../src/options/captureRetentionForm';
import {
  CaptureSettingsSchema,
  captureOrigins,
  DEFAULT_CAPTURE,
  parseCapture,
  parseCaptureStatus,
  parseRetention,
  RetentionPolicySchema,
} from '../../src/shared/settings';
import { validateRequest } from '../../src/shared/schemas';

describe('block list entries', () => {
  it('turn what a reader types into the domain it blocks', () => {
    expect(checkBlockEntry('Example.com')).toEqual({ ok: true, domain: 'example.com' });
    expect(checkBlockEntry('  https://www.example.com/news/story?id=1 ')).toEqual({ ok: true, domain: 'example.com' });
    expect(checkBlockEntry('*.news.example.co.uk')).toEqual({ ok: true, domain: 'news.example.co.uk' });
    expect(checkBlockEntry('.example.org.')).toEqual({ ok: true, domain: 'example.org' });
    expect(checkBlockEntry('bücher.example')).toEqual({ ok: true, domain: 'xn--bcher-kva.example' });
    expect(checkBlockEntry('127.0.0.1')).toEqual({ ok: true, domain: '127.0.0.1' });
  });

  it('refuse what cannot be a domain, and a bare top-level domain', () => {
    for (const bad of [
      'not a domain!',
      'exa_mple.com',
      '-example.com',
      'example-.com',
      'http://user:pw@example.com',
      'example.com:8080',
      '[::1]',
      'a'.repeat(64) + '.com',
      'example.123',
    ]) {
      expect(checkBlockEntry(bad), bad).toMatchObject({ ok: false, reason: 'invalid' });
    }
    expect(checkBlockEntry('com')).toEqual({ ok: false, reason: 'too-broad' });
    expect(checkBlockEntry('   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('say in the options page why an entry was refused', () => {
    expect(blockEntryFor('', [])).toEqual({ ok: false, message: 'Type a domain to block, such as example.com.' });
    expect(blockEntryFor('x y', [])).toMatchObject({ ok: false, message: expect.stringContaining('is not a domain name') });
    expect(blockEntryFor('uk', [])).toMatchObject({ ok: false, message: expect.stringContaining('whole top-level domain') });
    expect(blockEntryFor('www.example.com', ['example.com'])).toEqual({ ok: false, message: 'example.com is already blocked.' });
    const full = Array.from({ length: MAX_BLOCKLIST_ENTRIES }, (_, i) => `s${i}.example`);
    expect(blockEntryFor('new.example', full)).toMatchObject({ ok: false, message: expect.stringContaining('at most 1,000 sites') });
    expect(blockEntryFor('new.example', [])).toEqual({ ok: true, domain: 'new.example' });
  });
});

describe('block list matching', () => {
  it('matches the domain and its subdomains, never a look-alike', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('news.example.com', 'example.com')).toBe(true);
    expect(hostMatches('a.b.example.com.', 'example.com')).toBe(true);
    expect(hostMatches('NEWS.Example.COM', 'example.com')).toBe(true);
    expect(hostMatches('notexample.com', 'example.com')).toBe(false);
    expect(hostMatches('example.com.evil.net', 'example.com')).toBe(false);
    expect(hostMatches('example.co', 'example.com')).toBe(false);
    expect(isBlocked('www.bbc.co.uk', ['cnn.com', 'bbc.co.uk'])).toBe(true);
    expect(isBlocked('www.bbc.com', ['cnn.com', 'bbc.co.uk'])).toBe(false);
  });
});

describe('pages auto-capture never looks at', () => {
  const scope = { blocklist: ['blocked.example.com'], grantedHosts: [] as string[] };

  it('anything but http(s) pages', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'file:///home/me/a.html',
      'ftp://x.example.com/a',
      'data:text/html,hi',
      'chrome://settings',
      'about:blank',
      'https://user:pw@news.example.com/a',
    ]) {
      expect(captureSkipReason(url, scope), String(url)).toBe('not-web');
    }
    expect(captureSkipReason('https://news.example.com/a', scope)).toBeNull();
    expect(captureSkipReason('http://news.example.com/a#comments', scope)).toBeNull();
  });

  it('blocked domains and their subdomains', () => {
    expect(captureSkipReason('https://blocked.example.com/a', scope)).toBe('blocked');
    expect(captureSkipReason('https://www.blocked.example.com/a', scope)).toBe('blocked');
    expect(captureSkipReason('https://notblocked.example.com/a', scope)).toBeNull();
  });

  it("hosts of the reader's own machine or network, unless granted by name", () => {
    for (const host of [
      'localhost',
      'app.localhost',
      '127.0.0.1',
      '127.1.2.3',
      '10.0.0.8',
      '192.168.1.1',
      '172.16.5.4',
      '172.31.0.1',
      '169.254.1.1',
      '100.64.0.1',
      '0.0.0.0',
      'printer.local',
      'wiki.internal',
      'router',
      'nas.home.arpa',
      'site.test',
      'docs.example',
      '[::1]',
      '[fd12:3456::1]',
      '[fe80::1]',
    ]) {
      expect(isLocalHost(host), host).toBe(true);
      expect(captureSkipReason(`http://${host}/a`, scope), host).toBe('local');
    }
    for (const host of ['news.example.com', '8.8.8.8', '172.32.0.1', '192.169.0.1', '[2001:db8::1]', 'localhost.news.com']) {
      expect(isLocalHost(host), host).toBe(false);
    }
    // The test build's http://127.0.0.1/* names its host: someone chose it.
    expect(captureSkipReason('http://127.0.0.1:4567/news/', { ...scope, grantedHosts: namedHosts(['http://127.0.0.1/*']) })).toBeNull();
    expect(captureSkipReason('http://127.0.0.1/news/', { ...scope, grantedHosts: namedHosts(['http://*/*', 'https://*/*']) })).toBe(
      'local',
    );
  });

  it('reads named hosts from host permission patterns, never wildcards', () => {
    expect(
      namedHosts([
        'http://*/*',
        'https://*/*',
        '<all_urls>',
        'http://127.0.0.1/*',
        'https://Intranet.Example:8443/*',
        '*://*.example.com/*',
      ]),
    ).toEqual(['127.0.0.1', 'intranet.example']);
  });
});

describe('the retention form', () => {
  it('reads the number a reader types, or says what it takes', () => {
    expect(policyFromForm('unlimited', 'whatever')).toEqual({ ok: true, policy: { mode: 'unlimited' } });
    expect(policyFromForm('days', ' 30 ')).toEqual({ ok: true, policy: { mode: 'days', days: 30 } });
    expect(policyFromForm('count', '1,234')).toEqual({ ok: true, policy: { mode: 'count', count: 1234 } });
    expect(policyFromForm('count', '1.234.567')).toEqual({ ok: true, policy: { mode: 'count', count: 1234567 } });
    for (const bad of ['', '0', '-3', '2.5', '2.5e3', '12,34', 'ten', '99999999999']) {
      expect(policyFromForm('count', bad), bad).toEqual({ ok: false, message: 'Type a whole number from 1 to 10,000,000.' });
    }
    expect(policyFromForm('days', '40000')).toEqual({ ok: false, message: 'Type a whole number from 1 to 36,500.' });
  });
});

describe('settings validation', () => {
  it('takes only normalised, valid, bounded block lists', () => {
    expect(v.safeParse(CaptureSettingsSchema, { enabled: true, blocklist: ['example.com', 'news.example.org'] }).success).toBe(true);
    for (const blocklist of [
      ['Example.com'],
      ['www.example.com'],
      ['https://example.com'],
      ['com'],
      [''],
      [42],
      Array.from({ length: MAX_BLOCKLIST_ENTRIES + 1 }, (_, i) => `s${i}.example`),
    ]) {
      expect(v.safeParse(CaptureSettingsSchema, { enabled: true, blocklist }).success, JSON.stringify(blocklist).slice(0, 60)).toBe(false);
    }
    expect(v.safeParse(CaptureSettingsSchema, { enabled: 'yes', blocklist: [] }).success).toBe(false);
    expect(v.safeParse(CaptureSettingsSchema, { enabled: true, blocklist: [], extra: 1 }).success).toBe(false);
  });

  it('reads a damaged or foreign stored value as the default: capture off, keep everything', () => {
    for (const stored of [
      undefined,
      null,
      'on',
      { enabled: true },
      { enabled: true, blocklist: ['not a domain'] },
      { enabled: 1, blocklist: [] },
    ]) {
      expect(parseCapture(stored)).toEqual(DEFAULT_CAPTURE);
    }
    expect(parseCapture({ enabled: true, blocklist: ['a.example'] })).toEqual({ enabled: true, blocklist: ['a.example'] });
    for (const stored of [
      undefined,
      { mode: 'days' },
      { mode: 'days', days: 0 },
      { mode: 'count', count: -1 },
      { mode: 'count', count: 2.5 },
      { mode: 'days', days: 1e9 },
      { mode: 'forever' },
    ]) {
      expect(parseRetention(stored)).toEqual({ mode: 'unlimited' });
    }
    expect(parseRetention({ mode: 'days', days: 30 })).toEqual({ mode: 'days', days: 30 });
    expect(parseCaptureStatus({ lastError: { at: 'x' } })).toEqual({});
  });

  it('refuses invalid settings messages at the router with a reason', () => {
    expect(validateRequest('capture/set', { enabled: true, blocklist: ['Not A Domain'] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('blocklist'),
    });
    expect(validateRequest('retention/set', { policy: { mode: 'count', count: 0 } })).toMatchObject({ ok: false });
    expect(validateRequest('retention/preview', { policy: { mode: 'days', days: 7 } })).toMatchObject({ ok: true });
    expect(v.safeParse(RetentionPolicySchema, { mode: 'unlimited', days: 3 }).success).toBe(false);
  });

  it('asks for the optional host permissions, or exactly the ones a build already holds', () => {
    expect(captureOrigins({ optional_host_permissions: ['http://*/*', 'https://*/*'] })).toEqual(['http://*/*', 'https://*/*']);
    expect(captureOrigins({ host_permissions: ['http://127.0.0.1/*'], optional_host_permissions: ['http://*/*', 'https://*/*'] })).toEqual([
      'http://127.0.0.1/*',
    ]);
  });
});
