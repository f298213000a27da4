// A view's own data, fetched when it opens and again (coalesced) whenever one of the signals it
// follows arrives: for the lists no store keeps (balloons, statistics).
import { useCallback, useEffect, useState } from 'react';
import { coalesce } from '../shared/coalesce.ts';
import { messageOf } from '../shared/http.ts';
import { onSignal, type Signal } from './signals.ts';

/** Signals come with every judged submission: one refetch per quarter second at most. */
const REFRESH_MS = 250;

export interface LiveQuery<T> {
  data: T | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useLiveQuery<T>(fetch: () => Promise<T>, signals: readonly Signal[]): LiveQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The state is set when the answer arrives (a callback, not the effect's own body).
  const reload = useCallback(
    (): Promise<void> =>
      fetch().then(
        (answer) => {
          setData(answer);
          setError(null);
        },
        (e: unknown) => setError(messageOf(e)),
      ),
    [fetch],
  );
  const followed = signals.join(' ');

  useEffect(() => {
    void reload();
    const refresh = coalesce(reload, REFRESH_MS);
    const stops = followed.split(' ').map((signal) => onSignal(signal as Signal, refresh));
    return () => {
      for (const stop of stops) stop();
      refresh.cancel();
    };
  }, [reload, followed]);

  return { data, error, reload };
}
