import { compareFraming } from '../../core/framing';
import { articleFromRecord, type Article } from '../../core/types';
import { t } from '../../shared/i18n';
import type { HandlersFor } from './types';
import { errorText } from '../../core/errors';

/** The framing report of an article against archived ones. */
export const framingHandlers: HandlersFor<'framing'> = {
  'framing/compare': async ({ article, ids }, { archive, terms }) => {
    const archived: Article[] = [];
    for (const id of ids) {
      const record = await archive.get(id);
      if (!record) throw new Error(t('errArticleGone', [id]));
      archived.push(articleFromRecord(record));
    }
    const articles = article ? [article, ...archived.filter((a) => a.id !== article.id)] : archived;
    if (articles.length < 2) throw new Error(t('errNeedTwo'));
    await terms.load();
    try {
      return { report: compareFraming(articles, { background: terms.get() }) };
    } catch (e) {
      throw new Error(t('errFramingFailed', [errorText(e)]), { cause: e });
    }
  },
};
