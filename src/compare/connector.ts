import type { FramingReport } from '../core/framing/types';
import { send } from '../ui/client';
import { t } from '../shared/i18n';
import { parseCompareQuery } from './evidence';

/**
 * Loads the report the page shows: the tab's article (read again from the tab) or an
 * archived one, against the archived ids in the URL.
 */
export async function loadReport(search: string): Promise<FramingReport> {
  const query = parseCompareQuery(search);
  if (!query) throw new Error(t('compareLinkIncomplete'));
  if (query.self) return (await send('framing/compare', { ids: [query.self, ...query.ids] })).report;
  const analysis = await send('tab/analyze', query.tabId === undefined ? {} : { tabId: query.tabId });
  if (analysis.status !== 'ok') throw new Error(analysis.message);
  return (await send('framing/compare', { article: analysis.article, ids: query.ids })).report;
}
