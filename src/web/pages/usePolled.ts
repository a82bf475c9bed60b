import { useCallback, useEffect, useRef, useState } from 'react';
import type { TabApiClient } from './tabApiClient';

/** How often an open page asks whether anything changed (an unchanged answer is a 304 with no body). */
export const POLL_MS = 4000;

/** A polled read: the latest value, the latest error, and a way to read again now. */
export interface Polled<T> {
  value?: T;
  error?: string;
  refresh(): Promise<void>;
}

/**
 * Reads `path` now and every few seconds while the page is visible, so a change made anywhere (the
 * chat, a card, another tab) shows within seconds. Polling with ETags rather than a socket: it
 * works through every proxy and host Teams runs in, and an unchanged log costs a 304.
 */
export function usePolled<T>(client: TabApiClient, path: string | undefined): Polled<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const busy = useRef(false);
  // A refresh asked for during a read (after a change) runs when that read ends, so it sees the change.
  const again = useRef(false);
  const refresh = useCallback(async (): Promise<void> => {
    if (!path) return;
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      const answer = await client.read<T>(path);
      if (answer.kind === 'ok') {
        setValue(answer.value);
        setError(undefined);
      } else if (answer.kind === 'error') {
        setError(answer.message);
        if (answer.status === 403 || answer.status === 401) setValue(undefined);
      }
    } catch {
      setError('Cannot reach the bot right now; the page will try again.');
    } finally {
      busy.current = false;
    }
    if (again.current) {
      again.current = false;
      await refresh();
    }
  }, [client, path]);
  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);
  return { ...(value !== undefined ? { value } : {}), ...(error ? { error } : {}), refresh };
}
