// A component whose code loads on first use (a chunk of its own), like React.lazy, but one that
// survives a failed load: React.lazy keeps the rejected import for good (and without an error
// boundary the whole page goes blank), so a page first opened while the judge's server was
// unreachable stayed broken until reloaded. This one says what failed, offers a retry, and tries
// again by itself until the chunk arrives.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Loading, Notice } from './ui.tsx';

/** How often a failed load is tried again without the user asking (the server may be back). */
const CHUNK_RETRY_MS = 3_000;

export interface RetryingLazyOptions<P> {
  /** What is being loaded, for the messages: "the editor". */
  what: string;
  /** Shown while loading, and beside the message if loading fails (default: "Loading the editor…"). */
  placeholder?: (props: P) => ReactNode;
}

export function retryingLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, options: RetryingLazyOptions<P>): ComponentType<P> {
  // Once loaded, every later mount renders at once.
  let loaded: ComponentType<P> | null = null;

  function RetryingLazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    // Bumped by the Retry button: the effect starts over and tries at once.
    const [retries, setRetries] = useState(0);

    useEffect(() => {
      if (component) return;
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const attempt = (): void => {
        load().then(
          (module) => {
            loaded = module.default;
            if (!stopped) setComponent(() => module.default);
          },
          () => {
            if (stopped) return;
            setFailed(true);
            timer = setTimeout(attempt, CHUNK_RETRY_MS);
          },
        );
      };
      attempt();
      // A browser that says it is back online need not wait for the next attempt.
      const onOnline = (): void => {
        if (timer === null) return;
        clearTimeout(timer);
        timer = null;
        attempt();
      };
      window.addEventListener('online', onOnline);
      return () => {
        stopped = true;
        if (timer !== null) clearTimeout(timer);
        window.removeEventListener('online', onOnline);
      };
    }, [component, retries]);

    if (component) {
      const Loaded = component;
      return <Loaded {...props} />;
    }
    const placeholder = options.placeholder?.(props);
    if (failed) {
      return (
        <>
          <Notice tone="error" role="alert">
            <span data-chunk-failed="">
              Could not load {options.what}: the judge’s server cannot be reached. Trying again every {CHUNK_RETRY_MS / 1000} seconds…
            </span>{' '}
            <button type="button" className="small" onClick={() => setRetries((n) => n + 1)}>
              Retry now
            </button>
          </Notice>
          {placeholder}
        </>
      );
    }
    return placeholder ?? <Loading what={options.what} />;
  }
  return RetryingLazy;
}
