// A form's error line that does not outlive the connection trouble it may describe: an error shown
// before the live stream came back (the server restarted, the network returned) is no longer shown
// after it, so a team does not keep reading "could not be sent" once everything works again.
import { useCallback, useState } from 'react';
import { usePortal } from './store.ts';

export function useFormError(): [string | null, (message: string | null) => void] {
  const reconnects = usePortal((s) => s.reconnects);
  const [error, setError] = useState<{ message: string; reconnects: number } | null>(null);
  const setMessage = useCallback((message: string | null): void => {
    setError(message === null ? null : { message, reconnects: usePortal.getState().reconnects });
  }, []);
  return [error !== null && error.reconnects === reconnects ? error.message : null, setMessage];
}
