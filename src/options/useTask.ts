import { errorText } from '../core/errors';
import { useCallback, useState } from 'preact/hooks';

/** What came of an action: a line for the reader, or an error line. */
export interface Notice {
  text: string;
  kind: 'info' | 'error';
}

export interface Task {
  busy: boolean;
  notice: string | null;
  error: string | null;
  /**
   * Runs one action at a time: clears the last notice and error, shows what the action
   * returns (a string is an info notice) or the message of what it throws. Never rejects.
   */
  run(work: () => Promise<Notice | string | null>): Promise<void>;
  /** Shows an error without an action (a refused field, a failed read). */
  fail(message: string): void;
}

/** A section's busy flag, notice and error line, shared by the options page's sections. */
export function useTask(): Task {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = useCallback((message: string) => {
    setNotice(null);
    setError(message);
  }, []);

  const run = useCallback(async (work: () => Promise<Notice | string | null>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const result = await work();
      const shown: Notice | null = typeof result === 'string' ? { kind: 'info', text: result } : result;
      if (shown?.kind === 'error') setError(shown.text);
      else setNotice(shown?.text ?? null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, notice, error, run, fail };
}
