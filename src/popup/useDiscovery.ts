import { useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../core/types';
import type { DiscoverPlanResponse, DiscoverUpdate } from '../shared/discoverMessages';
import type { DiscoverySettings } from '../shared/discoverySettings';
import { t } from '../shared/i18n';
import type { RelatedItem } from '../shared/messages';
import { browserDiscoverApi, type DiscoverApi } from './discoverConnector';
import { errorText } from '../core/errors';

type Of<K extends DiscoverUpdate['kind']> = Extract<DiscoverUpdate, { kind: K }>;

export type DiscoverPhase = 'idle' | 'planning' | 'consent' | 'denied' | 'running' | 'done' | 'error';

export interface DiscoverState {
  phase: DiscoverPhase;
  plan: DiscoverPlanResponse | null;
  error: string | null;
  /** The last search sent. */
  query: Of<'query'> | null;
  reading: Of<'reading'> | null;
  found: Of<'found'>[];
  failed: Of<'failed'>[];
  providerErrors: Of<'provider-error'>[];
  summary: Of<'done'> | null;
  /** Found articles the reader kept for good. */
  kept: string[];
}

const INITIAL: DiscoverState = {
  phase: 'idle',
  plan: null,
  error: null,
  query: null,
  reading: null,
  found: [],
  failed: [],
  providerErrors: [],
  summary: null,
  kept: [],
};

function apply(state: DiscoverState, u: DiscoverUpdate): DiscoverState {
  switch (u.kind) {
    case 'query':
      return { ...state, query: u };
    case 'provider-error':
      return { ...state, providerErrors: [...state.providerErrors, u] };
    case 'links':
      return state;
    case 'reading':
      return { ...state, reading: u };
    case 'found':
      return { ...state, found: [...state.found, u] };
    case 'failed':
      return { ...state, failed: [...state.failed, u] };
    case 'done':
      return { ...state, summary: u, reading: null };
    case 'error':
      return { ...state, error: u.message };
  }
}

/**
 * A job's status; asked again when the answer is lost (the browser stopped the worker while
 * it waited: the worker that wakes for the next ask answers 'gone').
 */
async function statusOf(api: DiscoverApi, jobId: string, since: number) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.status(jobId, since);
    } catch (e) {
      if (attempt >= 2) throw e;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

export interface Discovery {
  state: DiscoverState;
  /** "Find coverage online": the consent screen the first time, else the search (host access asked in the click). */
  find(): void;
  accept(): void;
  decline(): void;
  cancel(): void;
  keep(id: string): void;
}

/**
 * The popup's side of a search for coverage online: consent, host access, then the job's
 * updates as they come (long-polled), with the related list refreshed as articles arrive.
 */
export function useDiscovery(
  article: Article,
  onRelated: (related: RelatedItem[]) => void,
  api: DiscoverApi = browserDiscoverApi(),
): Discovery {
  const [state, setState] = useState<DiscoverState>(INITIAL);
  const settings = useRef<DiscoverySettings | null>(null);
  const job = useRef<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    void api.readSettings().then((s) => (settings.current = s));
    return () => {
      alive.current = false;
    };
  }, []);

  const fail = (e: unknown) => alive.current && setState((s) => ({ ...s, phase: 'error', error: errorText(e) }));

  /** Follows a job's updates until it ends (or the popup closes: the job goes on in the background). */
  const follow = async (jobId: string) => {
    job.current = jobId;
    let since = 0;
    while (alive.current) {
      const status = await statusOf(api, jobId, since);
      if (!alive.current) return;
      since = status.next;
      if (status.related) onRelated(status.related);
      setState((s) => status.updates.reduce(apply, s));
      if (status.state === 'gone') setState((s) => ({ ...s, error: s.error ?? t('discoverGone') }));
      if (status.state !== 'running') break;
    }
    job.current = null;
    setState((s) => ({ ...s, phase: s.error && !s.summary ? 'error' : 'done', reading: null }));
  };

  /**
   * The search starts in the same click that asks for host access: the background waits for
   * the access before sending anything, so the search runs even when the browser's prompt
   * closes the popup. Refused access cancels it unsent.
   */
  const launch = (asked: Promise<boolean>, started: Promise<string>) => {
    setState((s) => ({ ...INITIAL, kept: s.kept, plan: s.plan, phase: 'running' }));
    void Promise.all([asked, started])
      .then(async ([granted, jobId]) => {
        if (!granted) {
          await api.cancel(jobId).catch(() => false);
          if (alive.current) setState((s) => ({ ...s, phase: 'denied' }));
          return;
        }
        await follow(jobId);
      })
      .catch(fail);
  };

  return {
    state,
    find: () => {
      if (settings.current?.enabled) {
        launch(api.requestAccess(), api.start(article));
        return;
      }
      setState((s) => ({ ...s, phase: 'planning', error: null }));
      api.plan(article).then((plan) => alive.current && setState((s) => ({ ...s, phase: 'consent', plan })), fail);
    },
    accept: () => {
      const plan = state.plan;
      if (!plan) return;
      // The browser grants host access only during the reader's click: asked before anything else.
      const asked = api.requestAccess();
      launch(
        asked,
        api.setSettings({ ...plan.settings, enabled: true }).then((stored) => {
          settings.current = stored;
          return api.start(article);
        }),
      );
    },
    decline: () => setState((s) => ({ ...s, phase: 'idle' })),
    cancel: () => {
      if (job.current) void api.cancel(job.current).catch(fail);
    },
    keep: (id) => {
      api.keep(id).then((kept) => kept && setState((s) => ({ ...s, kept: [...s.kept, id] })), fail);
    },
  };
}
