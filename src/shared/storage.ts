/**
 * The slice of `browser.storage` that settings need (the browser seam passes the real one),
 * and the two things every setting does with it: read its key, and follow its changes.
 */
export interface StorageArea {
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  onChanged: {
    addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

/** The stored value of `key` in storage.local; undefined when absent or unreadable. */
export async function readStored(storage: Pick<StorageArea, 'local'>, key: string): Promise<unknown> {
  const items = await storage.local.get(key).catch((): Record<string, unknown> => ({}));
  return items[key];
}

/** Calls `onChange` with the stored value whenever `key` changes in storage.local; returns the unsubscribe. */
export function watchStored(storage: StorageArea, key: string, onChange: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(changes[key]?.newValue);
  };
  storage.onChanged.addListener(listener);
  return () => storage.onChanged.removeListener(listener);
}
