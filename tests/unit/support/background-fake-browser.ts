import type { Browser, Runtime } from 'webextension-polyfill';

/**
 * A fake of the few browser APIs Framelens uses, for background tests through the seam
 * (src/shared/browser.ts). Messages sent with runtime.sendMessage reach the registered
 * onMessage listeners with `sender`, as the browser would deliver them.
 */
export const EXTENSION_ID = 'framelens-test-id';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

type Listener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

export interface FakeTab {
  id: number;
  url?: string;
  incognito?: boolean;
}

type StorageListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

export interface FakeBrowserOptions {
  tabs?: FakeTab[];
  /** What the page answers to __framelens.extract() in a tab, or an error the browser throws on injection; a promise answers when it settles. */
  extract?: (tabId: number) => unknown;
  fileAccess?: boolean;
  /** Host permissions the extension holds (permissions.getAll().origins). */
  origins?: string[];
  /** The manifest runtime.getManifest() answers. */
  manifest?: Record<string, unknown>;
  /** Origins (match patterns) the reader granted through permissions.request. */
  granted?: string[];
}

export interface FakeBrowser {
  browser: Browser;
  messageListeners: Listener[];
  installedListeners: ((details: { reason: string }) => void)[];
  injected: { tabId: number; files?: string[]; func?: boolean }[];
  /** Badge text per tab, as set through action.setBadgeText. */
  badges: Map<number, string>;
  /** Tabs opened with tabs.create. */
  opened: string[];
  tabUpdatedListeners: ((tabId: number, changeInfo: { status?: string }) => void)[];
  /** Sends as the given page of the extension (popup by default) would. */
  sender: Runtime.MessageSender;
  /** storage.local's contents. */
  storage: Map<string, unknown>;
  permissionsRemovedListeners: ((removed: { origins?: string[] }) => void)[];
  /** Alarms by name, as alarms.create left them. */
  alarms: Map<string, { name: string; periodInMinutes?: number; delayInMinutes?: number }>;
  alarmListeners: ((alarm: { name: string }) => void)[];
}

export function makeFakeBrowser(options: FakeBrowserOptions = {}): FakeBrowser {
  const fake: FakeBrowser = {
    browser: undefined as unknown as Browser,
    messageListeners: [],
    installedListeners: [],
    injected: [],
    badges: new Map(),
    opened: [],
    tabUpdatedListeners: [],
    sender: { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` },
    storage: new Map(),
    permissionsRemovedListeners: [],
    alarms: new Map(),
    alarmListeners: [],
  };
  const storageListeners: StorageListener[] = [];
  const granted = new Set(options.granted ?? []);
  const tabs = options.tabs ?? [];
  const api = {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `${EXTENSION_ORIGIN}${path.replace(/^\//, '')}`,
      onMessage: { addListener: (l: Listener) => fake.messageListeners.push(l) },
      onInstalled: { addListener: (l: (details: { reason: string }) => void) => fake.installedListeners.push(l) },
      onStartup: { addListener: () => undefined },
      getManifest: () => options.manifest ?? { optional_host_permissions: ['http://*/*', 'https://*/*'] },
      sendMessage: async (message: unknown) => {
        for (const listener of fake.messageListeners) {
          const answer = listener(structuredClone(message), fake.sender);
          if (answer !== undefined) return structuredClone(await answer);
        }
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void fake.badges.set(tabId, text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    },
    // No translations: every message falls back to the English file (src/shared/i18n.ts).
    i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    tabs: {
      onUpdated: { addListener: (l: (tabId: number, changeInfo: { status?: string }) => void) => fake.tabUpdatedListeners.push(l) },
      create: async ({ url }: { url: string }) => (fake.opened.push(url), { id: 1000 + fake.opened.length, url }),
      query: async () => tabs.slice(0, 1),
      get: async (tabId: number) => {
        const tab = tabs.find((t) => t.id === tabId);
        if (!tab) throw new Error(`No tab with id: ${tabId}.`);
        return tab;
      },
    },
    storage: {
      local: {
        get: async (key: string) => (fake.storage.has(key) ? { [key]: structuredClone(fake.storage.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
          for (const [key, value] of Object.entries(items)) {
            changes[key] = { oldValue: fake.storage.get(key), newValue: structuredClone(value) };
            fake.storage.set(key, structuredClone(value));
          }
          for (const l of storageListeners) l(changes, 'local');
        },
      },
      onChanged: {
        addListener: (l: StorageListener) => void storageListeners.push(l),
        removeListener: (l: StorageListener) => void storageListeners.splice(storageListeners.indexOf(l), 1),
      },
    },
    permissions: {
      getAll: async () => ({ origins: [...(options.origins ?? []), ...granted], permissions: [] }),
      contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)),
      request: async ({ origins = [] }: { origins?: string[] }) => (origins.forEach((o) => granted.add(o)), true),
      onRemoved: { addListener: (l: (removed: { origins?: string[] }) => void) => fake.permissionsRemovedListeners.push(l) },
    },
    alarms: {
      get: async (name: string) => fake.alarms.get(name),
      create: async (name: string, info: { periodInMinutes?: number; delayInMinutes?: number }) =>
        void fake.alarms.set(name, { name, ...info }),
      clear: async (name: string) => fake.alarms.delete(name),
      getAll: async () => [...fake.alarms.values()],
      onAlarm: { addListener: (l: (alarm: { name: string }) => void) => fake.alarmListeners.push(l) },
    },
    extension: { isAllowedFileSchemeAccess: async () => options.fileAccess ?? false },
    scripting: {
      executeScript: async (injection: { target: { tabId: number }; files?: string[]; func?: () => unknown }) => {
        fake.injected.push({ tabId: injection.target.tabId, files: injection.files, func: Boolean(injection.func) });
        // A promise stands for a page that answers late (or never).
        const answer: unknown = await options.extract?.(injection.target.tabId);
        if (answer instanceof Error) throw answer;
        return injection.func ? [{ frameId: 0, result: answer }] : [{ frameId: 0 }];
      },
    },
  };
  fake.browser = api as unknown as Browser;
  return fake;
}
