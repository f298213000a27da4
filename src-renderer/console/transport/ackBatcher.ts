// Acknowledges live output in batches: the terminal acknowledges each chunk once parsed, and the
// core only needs to hear about it now and then (it pauses above OUTPUT_HIGH_WATERMARK_CHARS
// unacknowledged characters). One request per ACK_BATCH_CHARS or per ACK_BATCH_MS, whichever first.
import { realTimers, type Timers } from '../timers.ts';

/** Well under the core's low watermark (5,000), so a paused stream resumes after one acknowledgement. */
const ACK_BATCH_CHARS = 5_000;
/** A trickle of output is still acknowledged promptly. */
const ACK_BATCH_MS = 100;

export interface AckBatcher {
  /** `chars` more characters have been parsed by the terminal. */
  add(chars: number): void;
  /** Sends what is pending now. */
  flush(): void;
  /** Drops what is pending (the stream was closed: nobody is counting any more). */
  cancel(): void;
}

export function createAckBatcher(
  send: (chars: number) => void,
  options: { maxChars?: number; maxDelayMs?: number; timers?: Timers } = {},
): AckBatcher {
  const maxChars = options.maxChars ?? ACK_BATCH_CHARS;
  const maxDelayMs = options.maxDelayMs ?? ACK_BATCH_MS;
  const timers = options.timers ?? realTimers;
  let pending = 0;
  let timer: unknown = null;
  let cancelled = false;

  const clear = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const flush = (): void => {
    clear();
    if (cancelled || pending <= 0) return;
    const chars = pending;
    pending = 0;
    send(chars);
  };
  return {
    add(chars) {
      if (cancelled || chars <= 0) return;
      pending += chars;
      if (pending >= maxChars) flush();
      else if (timer === null) timer = timers.setTimeout(flush, maxDelayMs);
    },
    flush,
    cancel() {
      cancelled = true;
      pending = 0;
      clear();
    },
  };
}
