import { analyzeTab, relatedCoverage } from '../analyze';
import type { HandlersFor } from './types';

/** The reader's tab: read its article and find related coverage in the archive. */
export const tabHandlers: HandlersFor<'tab'> = {
  'tab/analyze': async ({ tabId }, deps) => analyzeTab(deps, tabId),
  'tab/related': async ({ article }, deps) => relatedCoverage(deps, article),
};
