import type { DiscoveryEvent, DiscoveryIO, DiscoveryOptions, DiscoveryResult, FoundEvent, ProviderName } from '../../core/discover/types';
import { checkRecord } from '../../core/records';
import type { Article, ArticleRecord } from '../../core/types';
import type { DiscoverStatus, DiscoverUpdate } from '../../shared/discoverMessages';
import type { DiscoverySettings } from '../../shared/discoverySettings';
import { t } from '../../shared/i18n';
import type { RelatedItem } from '../../shared/messages';
import { relatedCoverage } from '../analyze';
import type { Archive } from '../archive';
import { canonicalUrlKey } from '../canonicalUrl';
import type { MatchIndexStore } from '../matchIndexStore';
import { recordFromArticle } from '../upsert';
import { errorText } from '../../core/errors';

export interface DiscoveryJobDeps {
  archive: Archive;
  matches: MatchIndexStore;
  settings(): Promise<DiscoverySettings>;
  io(settings: DiscoverySettings): DiscoveryIO;
  run(article: Article, io: DiscoveryIO, options: DiscoveryOptions): Promise<DiscoveryResult>;
  /** The services' names, for the progress line. */
  label(provider: ProviderName): string;
  /** An extension call that tells the browser the worker is busy (MV3 stops an idle one after 30 s). */
  keepAlive(): void;
  /** Frees the page reader (the offscreen document) after a search. */
  release(): Promise<void>;
  /** Articles the matcher reads word frequencies from when it ranks what was read (never ranked themselves). */
  context(): Promise<readonly ArticleRecord[]>;
  /** Whether the extension holds the host access a search needs (the reader may be granting it right now). */
  hasAccess(): Promise<boolean>;
}

interface Job {
  id: string;
  key: string;
  article: Article;
  updates: DiscoverUpdate[];
  done: boolean;
  controller: AbortController;
  /** Found articles are archived one after another, in the order the core reported them. */
  chain: Promise<void>;
  waiters: Set<() => void>;
}

/** A status request with nothing new waits this long before answering (long polling). */
export const STATUS_WAIT_MS = 1_000;
/** A finished search's updates stay this long, for a popup opened again. */
const KEEP_FINISHED_MS = 10 * 60_000;
const KEEP_ALIVE_MS = 20_000;
/**
 * The popup starts a search in the same click that asks for host access, so the search
 * still runs when the browser's prompt closes the popup (Firefox does): the job waits this
 * long for the access before it sends anything, and gives up without sending.
 */
export const ACCESS_WAIT_MS = 120_000;
const ACCESS_POLL_MS = 250;

/**
 * Searches for coverage online, one job per article at a time (a popup opened again joins the
 * running one). Each job runs the core's discoverCoverage; every found article is archived
 * with origin 'found' as soon as it is read, so a worker stopped midway keeps what it found.
 * Jobs live in the worker's memory only: the popup polls them with 'discover/status'.
 */
export class DiscoveryJobs {
  private readonly jobs = new Map<string, Job>();
  /** When each service was last asked: its minimum interval holds across clicks. */
  private readonly lastRequestAt: Partial<Record<ProviderName, number>> = {};

  constructor(private readonly deps: DiscoveryJobDeps) {}

  /** The word frequencies a search's query is built with: the consent screen must show the same query. */
  context(): Promise<readonly ArticleRecord[]> {
    return this.deps.context().catch(() => []);
  }

  start(article: Article): string {
    const key = canonicalUrlKey(article.url) ?? article.id;
    for (const job of this.jobs.values()) if (job.key === key && !job.done) return job.id;
    const job: Job = {
      id: crypto.randomUUID(),
      key,
      article,
      updates: [],
      done: false,
      controller: new AbortController(),
      chain: Promise.resolve(),
      waiters: new Set(),
    };
    this.jobs.set(job.id, job);
    void this.run(job);
    return job.id;
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.done) return false;
    job.controller.abort();
    return true;
  }

  /** Stops every running search (the reader turned the feature off). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (!job.done) job.controller.abort();
  }

  async status(jobId: string, since: number): Promise<DiscoverStatus<RelatedItem>> {
    const job = this.jobs.get(jobId);
    if (!job) return { state: 'gone', updates: [], next: since, related: null };
    if (since >= job.updates.length && !job.done) await waitForNews(job);
    const updates = job.updates.slice(since);
    const foundSome = updates.some((u) => u.kind === 'found');
    const related = foundSome ? (await relatedCoverage(this.deps, job.article)).related : null;
    return {
      state: job.done && since + updates.length >= job.updates.length ? 'done' : 'running',
      updates,
      next: since + updates.length,
      related,
    };
  }

  private async accessGranted(signal: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + ACCESS_WAIT_MS;
    while (!signal.aborted) {
      if (await this.deps.hasAccess().catch(() => false)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, ACCESS_POLL_MS);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    }
    return false;
  }

  private push(job: Job, update: DiscoverUpdate): void {
    job.updates.push(update);
    for (const wake of [...job.waiters]) wake();
  }

  private async run(job: Job): Promise<void> {
    const timer = setInterval(() => this.deps.keepAlive(), KEEP_ALIVE_MS);
    try {
      const settings = await this.deps.settings();
      if (!settings.enabled) {
        this.push(job, { kind: 'error', message: t('discoverIsOff') });
        return;
      }
      if (!(await this.accessGranted(job.controller.signal))) {
        this.push(
          job,
          job.controller.signal.aborted
            ? { kind: 'done', found: 0, failed: 0, queries: 0, fetches: 0, cancelled: true }
            : { kind: 'error', message: t('discoverNoAccess') },
        );
        return;
      }
      const result = await this.deps.run(job.article, this.deps.io(settings), {
        providers: settings.providers,
        endpoints: settings.endpoints,
        max: settings.maxPages,
        signal: job.controller.signal,
        lastRequestAt: this.lastRequestAt,
        context: await this.context(),
        onEvent: (e) => {
          job.chain = job.chain.then(() => this.onEvent(job, e));
        },
      });
      await job.chain;
      if (!job.updates.some((u) => u.kind === 'done')) {
        this.push(job, {
          kind: 'done',
          found: result.found.length,
          failed: result.failed.length,
          queries: result.queries,
          fetches: result.fetches,
          cancelled: result.cancelled,
        });
      }
    } catch (e) {
      await job.chain.catch(() => undefined);
      this.push(job, { kind: 'error', message: t('discoverFailed', [errorText(e)]) });
    } finally {
      clearInterval(timer);
      job.done = true;
      for (const wake of [...job.waiters]) wake();
      void this.deps.release().catch(() => undefined);
      setTimeout(() => this.jobs.delete(job.id), KEEP_FINISHED_MS);
    }
  }

  private async onEvent(job: Job, e: DiscoveryEvent): Promise<void> {
    switch (e.kind) {
      case 'query':
        return this.push(job, {
          kind: 'query',
          provider: e.provider,
          label: this.deps.label(e.provider),
          host: hostOf(e.url),
          query: e.query,
        });
      case 'provider-error':
        return this.push(job, {
          kind: 'provider-error',
          provider: e.provider,
          label: this.deps.label(e.provider),
          reason: e.reason,
          detail: e.detail,
        });
      case 'links':
        return this.push(job, { kind: 'links', count: e.count });
      case 'reading':
        return this.push(job, {
          kind: 'reading',
          index: e.index,
          total: e.total,
          outlet: e.link.outlet || hostOf(e.link.url),
          url: e.link.url,
        });
      case 'failed':
        return this.push(job, {
          kind: 'failed',
          url: e.link.url,
          outlet: e.link.outlet || hostOf(e.link.url),
          title: e.link.title,
          reason: e.reason,
          detail: e.detail,
        });
      case 'found':
        return this.found(job, e);
      case 'done':
        return this.push(job, {
          kind: 'done',
          found: e.found,
          failed: e.failed,
          queries: e.queries,
          fetches: e.fetches,
          cancelled: e.cancelled,
        });
    }
  }

  /** Archives a found article (an archived copy is kept as it is: a reader's save is never replaced) and reports it. */
  private async found(job: Job, e: FoundEvent): Promise<void> {
    const outlet = e.article.outlet || e.link.outlet || hostOf(e.link.url);
    const title = e.article.title || e.link.title;
    const fail = (detail: string) => this.push(job, { kind: 'failed', url: e.link.url, outlet, title, reason: 'not-article', detail });
    const article = {
      ...e.article,
      url: e.article.url ?? e.link.url,
      title,
      outlet,
      ...(e.incomplete ? { incomplete: e.incomplete } : {}),
    } as Article;
    let id: string;
    try {
      const archived = (await this.deps.archive.findStoredByUrl(article.url)) ?? (await this.deps.archive.findStoredByUrl(e.link.url));
      if (archived) id = archived.id;
      else {
        const checked = checkRecord(recordFromArticle(article));
        if (!checked.ok) return fail(checked.reason);
        id = (await this.deps.archive.save(article, 'found')).id;
      }
    } catch (err) {
      return fail(errorText(err));
    }
    this.push(job, { kind: 'found', id, url: article.url ?? e.link.url, outlet, title, sameStory: e.sameStory, incomplete: e.incomplete });
  }
}

function waitForNews(job: Job): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(wake, STATUS_WAIT_MS);
    function wake() {
      clearTimeout(timer);
      job.waiters.delete(wake);
      resolve();
    }
    job.waiters.add(wake);
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}
