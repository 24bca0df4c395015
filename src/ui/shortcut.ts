/**
 * The keyboard shortcut that opens the popup (the manifest's `_execute_action` command), as
 * the browser currently has it: the reader may have changed or removed it.
 */
export interface CommandsApi {
  getAll(): Promise<Array<{ name?: string; shortcut?: string }>>;
  /** Firefox 137+: opens about:addons at the shortcut settings. */
  openShortcutSettings?: () => Promise<void>;
}

/** The shortcut for opening the popup ("Alt+Shift+F"), or null when none is set. */
export async function popupShortcut(commands: CommandsApi): Promise<string | null> {
  const all = await commands.getAll().catch(() => []);
  return all.find((c) => c.name === '_execute_action')?.shortcut || null;
}

/**
 * Opens the browser's page for changing extension shortcuts: Firefox has an API for it;
 * Chrome, Edge and other Chromium browsers list them at chrome://extensions/shortcuts, which
 * an extension may open in a tab (a link to it from a page would be blocked).
 */
export async function openShortcutSettings(commands: CommandsApi, openTab: (url: string) => Promise<unknown>): Promise<void> {
  if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
  else await openTab('chrome://extensions/shortcuts');
}
