import { parseRecords } from '../../core/records';
import { t } from '../../shared/i18n';
import { deleteMatching, listPage, matchingIds, relatedOf } from '../archiveView';
import { originCounts } from '../retention';
import { abortImport, commitImport, stageBatch, startImport } from '../stagedImport';
import type { HandlersFor } from './types';

/** The archive: records, the list and its filters, staged imports, export and the sample. */
export const archiveHandlers: HandlersFor<'archive'> = {
  'archive/save': async ({ article }, { archive }) => archive.save(article),
  'archive/get': async ({ id }, { archive }) => ({ record: await archive.get(id) }),
  'archive/list': async (query, deps) => listPage(deps, query),
  'archive/ids': async (query, deps) => ({ ids: await matchingIds(deps, query) }),
  'archive/deleteMatching': async ({ filter, except }, deps) => ({ deleted: await deleteMatching(deps, filter, except) }),
  'archive/facets': async (_, { catalog }) => (await catalog()).facets(),
  'archive/related': async ({ id }, deps) => ({ related: await relatedOf(deps, id) }),
  'archive/delete': async ({ ids }, { archive }) => ({ deleted: await archive.delete(ids) }),
  'archive/import': async ({ records }, { archive }) => archive.importRecords(records),
  'archive/importStart': async ({ source }, { archive }) => ({ importId: await startImport(archive, source ?? 'file') }),
  'archive/importBatch': async ({ importId, records }, { archive }) => ({ staged: await stageBatch(archive, importId, records) }),
  'archive/importCommit': async ({ importId }, { archive }) => commitImport(archive, importId),
  'archive/importAbort': async ({ importId }, { archive }) => ({ discarded: await abortImport(archive, importId) }),
  'archive/export': async ({ after, limit }, { archive }) => archive.exportPage(after, limit),
  'archive/loadSample': async (_, { archive, readSample }) => {
    const parsed = parseRecords(await readSample());
    if (!parsed.ok) throw new Error(t('errSampleDamaged', [parsed.line, parsed.reason]));
    return archive.importRecords(parsed.records, 'sample');
  },
  'archive/stats': async (_, { archive }) => {
    const count = await archive.count();
    const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined);
    return { count, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
  },
  'archive/origins': async (_, { archive }) => ({ counts: await originCounts(archive) }),
};
