/** One result page: fetched, read, checked; and the read pages ranked by the matcher against the article. */
import { isSameArticle, MatchIndex } from '../match';
import type { Article, ArticleRecord } from '../types';
import type { DiscoveryIO, FailureReason, FoundLink } from './types';

export type PageResult = { ok: true; article: Article } | { ok: false; reason: FailureReason; detail: string };

/** Fewer words than this behind a paywall prompt is a stub, not a readable part of the article. */
export const PAYWALL_STUB_WORDS = 120;

function httpReason(status: number | undefined): FailureReason {
  if (status === 404 || status === 410) return 'not-found';
  if (status === 401 || status === 402) return 'paywalled';
  if (status === 403 || status === 451) return 'forbidden';
  return 'network';
}

/** The link's facts fill what the page does not say (outlet, date, language, address). */
function completed(article: Article, link: FoundLink, finalUrl: string): Article {
  return {
    ...article,
    url: article.url ?? finalUrl ?? link.url,
    outlet: article.outlet || link.outlet,
    published: article.published ?? (link.published ? link.published.slice(0, 10) : null),
    lang: article.lang ?? link.lang,
    title: article.title || link.title,
  };
}

export async function readLink(link: FoundLink, self: ArticleRecord, io: DiscoveryIO, signal?: AbortSignal): Promise<PageResult> {
  const fetched = await io
    .fetchText(link.url, 'page', signal)
    .catch((e: unknown) => ({ ok: false as const, reason: 'network' as const, status: undefined, detail: String(e) }));
  if (!fetched.ok) {
    const reason: FailureReason = fetched.reason === 'http' ? httpReason(fetched.status) : fetched.reason;
    return { ok: false, reason, detail: fetched.detail };
  }
  let read;
  try {
    read = await io.readPage(fetched.body, fetched.url || link.url);
  } catch (e) {
    return { ok: false, reason: 'not-article', detail: `The page could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!read.ok) return { ok: false, reason: read.reason, detail: read.detail };
  const article = completed(read.article, link, fetched.url);
  if (article.incomplete === 'paywall' && article.words < PAYWALL_STUB_WORDS) {
    return { ok: false, reason: 'paywalled', detail: `Only ${article.words} words are readable before the subscription prompt` };
  }
  if (isSameArticle(article, self))
    return { ok: false, reason: 'same-article', detail: 'This is the article you are reading, at another address' };
  return { ok: true, article };
}

export interface Ranked {
  score: number;
  sameStory: boolean;
}

/**
 * The matcher's score and same-story decision for each read page against the article,
 * with the context articles in the index for word frequencies (they are never ranked). A
 * page collapsed into another as a copy of its text (syndicated wire copy) takes that one's.
 */
export class Ranker {
  private index = new MatchIndex();
  private ids = new Set<string>();
  private query: ArticleRecord;
  private contextSize: number;

  constructor(self: ArticleRecord, context: readonly ArticleRecord[] = []) {
    for (const c of context) this.index.add({ ...c, id: `\u0000context:${c.id}` });
    this.contextSize = context.length;
    this.query = { ...self, id: `\u0000query:${self.id}` };
  }

  add(a: Article): void {
    this.ids.add(a.id);
    this.index.add(a);
  }

  rank(): Map<string, Ranked> {
    const out = new Map<string, Ranked>();
    if (!this.ids.size) return out;
    for (const r of this.index.search(this.query, { top: this.ids.size + (this.contextSize ? 20 : 0) })) {
      const ranked = { score: r.score, sameStory: r.sameStory ?? false };
      for (const id of [r.id, ...(r.duplicates ?? [])]) if (this.ids.has(id)) out.set(id, ranked);
    }
    return out;
  }
}
