/**
 * The manifest's promises (minimal permissions, host access only as optional, a
 * strict CSP; one manifest for Chrome and Firefox) and the build step that writes it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildManifest, type Manifest } from '../../scripts/manifest';

const ROOT = new URL('../../', import.meta.url);
const source = JSON.parse(readFileSync(new URL('manifest.json', ROOT), 'utf8')) as Manifest;
const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string };

/** Width and height from a PNG's IHDR chunk (bytes 16-23). */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(new URL(path, ROOT));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function cspDirectives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

describe('manifest.json', () => {
  it('asks for the minimal permissions, host access only as optional', () => {
    expect(source.manifest_version).toBe(3);
    // contextMenus: the "Compare coverage" entry on pages and selected text; it grants no host access.
    // alarms: feed polls on a schedule; offscreen: a DOM for reading feed items in Chrome (Firefox ignores it).
    expect([...(source.permissions as string[])].sort()).toEqual([
      'activeTab',
      'alarms',
      'contextMenus',
      'offscreen',
      'scripting',
      'storage',
    ]);
    expect(source).not.toHaveProperty('host_permissions');
    expect(source.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(source).not.toHaveProperty('content_scripts');
    expect(source).not.toHaveProperty('web_accessible_resources');
  });

  it('has a CSP that allows only the extension’s own code, and connections only to web pages (feed subscriptions)', () => {
    const csp = (source.content_security_policy as { extension_pages: string }).extension_pages;
    const directives = cspDirectives(csp);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    // Feed subscriptions fetch feeds and their articles from the worker; which sites
    // it may read is still decided by the optional host permissions the reader grants.
    expect(directives.get('connect-src')).toEqual(["'self'", 'http:', 'https:']);
    const others = csp
      .split(';')
      .filter((d) => !d.trim().startsWith('connect-src'))
      .join(';');
    expect(others).not.toMatch(/unsafe|https?:|\*/);
    expect(csp).not.toMatch(/unsafe|\*|ws:|wss:/);
  });

  it('is one manifest for both browsers', () => {
    expect(source.background).toEqual({ service_worker: 'background.js', scripts: ['background.js'], type: 'module' });
    const gecko = (source.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(Number.parseFloat(String(gecko.strict_min_version))).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('points at files the build produces, with icons of the declared sizes', () => {
    expect((source.action as { default_popup: string }).default_popup).toBe('popup.html');
    expect(source.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    const icons = {
      ...(source.icons as Record<string, string>),
      ...(source.action as { default_icon: Record<string, string> }).default_icon,
    };
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, path] of Object.entries(icons)) expect(pngSize(path)).toEqual([Number(size), Number(size)]);
  });

  it('names a default locale whose messages exist (the pages read their strings through browser.i18n)', () => {
    expect(source.default_locale).toBe('en');
    const messages = JSON.parse(readFileSync(new URL(`_locales/${String(source.default_locale)}/messages.json`, ROOT), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(messages).length).toBeGreaterThan(0);
  });

  it('opens the popup from the keyboard', () => {
    const commands = source.commands as Record<string, { suggested_key?: { default?: string } }>;
    expect(commands._execute_action?.suggested_key?.default).toBe('Alt+Shift+F');
  });
});

describe('buildManifest', () => {
  it('takes the version from package.json and puts it after the name', () => {
    const built = buildManifest(source, pkg, null);
    expect(built.version).toBe(pkg.version);
    expect(Object.keys(built).slice(0, 3)).toEqual(['manifest_version', 'name', 'version']);
    expect(built).not.toHaveProperty('host_permissions');
  });

  it('adds host permissions only when asked (the test build)', () => {
    expect(buildManifest(source, pkg, ['http://127.0.0.1/*']).host_permissions).toEqual(['http://127.0.0.1/*']);
  });

  it('refuses a source manifest with host permissions', () => {
    expect(() => buildManifest({ ...source, host_permissions: ['<all_urls>'] }, pkg, null)).toThrow(/host_permissions/);
  });

  it('refuses versions browsers reject', () => {
    for (const version of ['1.0.0-beta', '', '1.2.3.4.5', undefined]) {
      expect(() => buildManifest(source, { version }, null)).toThrow(/version/);
    }
    expect(buildManifest(source, { version: '2.10.0.7' }, null).version).toBe('2.10.0.7');
  });
});
