import type { Browser } from 'webextension-polyfill';
import { discoverCoverage, PROVIDERS } from '../../core/discover';
import { parseRecords } from '../../core/records';
import type { ArticleRecord } from '../../core/types';
import { readDiscovery } from '../../shared/discoverySettings';
import { captureOrigins } from '../../shared/settings';
import type { Archive } from '../archive';
import { hostPattern } from '../../core/feeds';
import { createPageExtractor } from '../feeds/pageExtractor';
import type { MatchIndexStore } from '../matchIndexStore';
import { createDiscoveryIO } from './io';
import { DiscoveryJobs } from './jobs';

/** What the discovery handlers need of the background. */
export interface DiscoverDeps {
  browser: Browser;
  archive: Archive;
  matches: MatchIndexStore;
  /** The bundled sample archive's text: word frequencies of news for the ranking, whatever the reader's archive holds. */
  readSample(): Promise<string>;
}

/** One job registry per worker (per archive: a test's fresh archive gets its own). */
const registries = new WeakMap<Archive, DiscoveryJobs>();

export function discoveryJobs(deps: DiscoverDeps): DiscoveryJobs {
  let jobs = registries.get(deps.archive);
  if (!jobs) {
    const { browser } = deps;
    const pages = createPageExtractor(browser);
    let context: Promise<ArticleRecord[]> | null = null;
    jobs = new DiscoveryJobs({
      archive: deps.archive,
      matches: deps.matches,
      settings: () => readDiscovery(browser.storage),
      io: (settings) =>
        createDiscoveryIO({
          pages,
          pageTimeoutMs: settings.pageTimeoutSeconds * 1000,
          canRead: (url) => browser.permissions.contains({ origins: [hostPattern(url)] }).catch(() => false),
        }),
      run: discoverCoverage,
      label: (provider) => PROVIDERS[provider].label,
      keepAlive: () => void browser.runtime.getPlatformInfo().catch(() => undefined),
      release: () => pages.release(),
      context: () => {
        context ??= deps.readSample().then((text) => {
          const parsed = parseRecords(text);
          return parsed.ok ? parsed.records : [];
        });
        return context;
      },
      hasAccess: () => browser.permissions.contains({ origins: captureOrigins(browser.runtime.getManifest()) }),
    });
    registries.set(deps.archive, jobs);
  }
  return jobs;
}
