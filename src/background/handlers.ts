import type { Browser } from 'webextension-polyfill';
import { compareFraming } from '../core/framing';
import { parseRecords } from '../core/records';
import { articleFromRecord, type Article } from '../core/types';
import type { Archive } from './archive';
import { feedHandlers } from './feeds/handlers';
import type { FeedService } from './feeds/service';
import { analyzeTab } from './analyze';
import { growthHandlers } from './growthHandlers';
import type { MatchIndexStore } from './matchIndexStore';
import type { CatalogStore } from './catalogStore';
import { deleteMatching, listPage, matchingIds, relatedOf } from './archiveView';
import type { TermBackgroundStore } from './termBackgroundStore';
import type { Handlers } from './router';
import { abortImport, commitImport, stageBatch, startImport } from './stagedImport';
import { t } from '../shared/i18n';
import { errorText } from '../core/errors';

export interface BackgroundDeps {
  browser: Browser;
  archive: Archive;
  matches: MatchIndexStore;
  catalog: CatalogStore;
  terms: TermBackgroundStore;
  /** Feed subscriptions and their polls. */
  feeds: FeedService;
  /** The text of public/sample/sample.ndjson as built into the extension. */
  readSample(): Promise<string>;
}

/** Every message's handler. Each waits for `ready` (database open, match index loaded) first. */
export function createHandlers(ready: () => Promise<BackgroundDeps>): Handlers {
  return {
    ...growthHandlers(ready),
    'tab/analyze': async ({ tabId }) => analyzeTab(await ready(), tabId),
    'archive/save': async ({ article }) => (await ready()).archive.save(article),
    'archive/get': async ({ id }) => ({ record: await (await ready()).archive.get(id) }),
    'archive/list': async (query) => listPage(await ready(), query),
    'archive/ids': async (query) => ({ ids: await matchingIds(await ready(), query) }),
    'archive/deleteMatching': async ({ filter, except }) => ({ deleted: await deleteMatching(await ready(), filter, except) }),
    'archive/facets': async () => (await ready()).catalog.facets(),
    'archive/related': async ({ id }) => ({ related: await relatedOf(await ready(), id) }),
    'archive/delete': async ({ ids }) => ({ deleted: await (await ready()).archive.delete(ids) }),
    'archive/import': async ({ records }) => (await ready()).archive.importRecords(records),
    'archive/importStart': async ({ source }) => ({ importId: await startImport((await ready()).archive, source ?? 'file') }),
    'archive/importBatch': async ({ importId, records }) => ({ staged: await stageBatch((await ready()).archive, importId, records) }),
    'archive/importCommit': async ({ importId }) => commitImport((await ready()).archive, importId),
    'archive/importAbort': async ({ importId }) => ({ discarded: await abortImport((await ready()).archive, importId) }),
    'archive/export': async ({ after, limit }) => (await ready()).archive.exportPage(after, limit),
    'archive/loadSample': async () => {
      const deps = await ready();
      const parsed = parseRecords(await deps.readSample());
      if (!parsed.ok) throw new Error(t('errSampleDamaged', [parsed.line, parsed.reason]));
      return deps.archive.importRecords(parsed.records, 'sample');
    },
    'archive/stats': async () => {
      const count = await (await ready()).archive.count();
      const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
      return { count, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
    },
    'framing/compare': async ({ article, ids }) => {
      const { archive, terms } = await ready();
      const archived: Article[] = [];
      for (const id of ids) {
        const record = await archive.get(id);
        if (!record) throw new Error(t('errArticleGone', [id]));
        archived.push(articleFromRecord(record));
      }
      const articles = article ? [article, ...archived.filter((a) => a.id !== article.id)] : archived;
      if (articles.length < 2) throw new Error(t('errNeedTwo'));
      try {
        return { report: compareFraming(articles, { background: terms.get() }) };
      } catch (e) {
        throw new Error(t('errFramingFailed', [errorText(e)]), { cause: e });
      }
    },
    ...feedHandlers(ready),
  };
}

