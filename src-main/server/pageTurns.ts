// Long answers (an event feed's history) sent a page at a time, every open one in turn, and all of
// them together only for a short slice of each turn of the event loop: fifty teams reading their
// feeds at once cost other requests (/health, submissions) one slice of waiting, not fifty pages.
// A page that cannot be written (a slow reader) waits for its client without holding a turn.

/** How long the pages of all open answers may run per turn of the event loop before other work gets in. */
const PAGE_SLICE_MS = 3;

/**
 * One page of an answer: 'more' (another page follows), 'done', or a promise when the answer must wait
 * (for its client to drain what was written): its next page comes after that settles.
 */
export type PageStep = () => 'more' | 'done' | Promise<unknown>;

interface Answer {
  step: PageStep;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class PageTurns {
  private readonly ready: Answer[] = [];
  private scheduled = false;
  private readonly sliceMs: number;
  private readonly clock: () => number;
  private readonly defer: (run: () => void) => void;

  /** `clock` and `defer` (the next turn of the event loop) are for tests. */
  constructor(options: { sliceMs?: number; clock?: () => number; defer?: (run: () => void) => void } = {}) {
    this.sliceMs = options.sliceMs ?? PAGE_SLICE_MS;
    this.clock = options.clock ?? (() => performance.now());
    this.defer = options.defer ?? ((run) => void setImmediate(run));
  }

  /** Runs `step` page by page, in turn with the other answers, from the next turn of the event loop; resolves when it is done. */
  send(step: PageStep): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ready.push({ step, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.ready.length === 0) return;
    this.scheduled = true;
    // setImmediate: the next turn comes after the event loop has polled for I/O, so requests get in between.
    this.defer(() => this.turn());
  }

  /** One page of each answer in turn, round and round, until the slice is spent (at least one page). */
  private turn(): void {
    this.scheduled = false;
    const end = this.clock() + this.sliceMs;
    do {
      const answer = this.ready.shift()!;
      let outcome: ReturnType<PageStep>;
      try {
        outcome = answer.step();
      } catch (error) {
        answer.reject(error);
        continue;
      }
      if (outcome === 'more') this.ready.push(answer);
      else if (outcome === 'done') answer.resolve();
      else {
        const back = () => {
          this.ready.push(answer);
          this.schedule();
        };
        outcome.then(back, back);
      }
    } while (this.ready.length > 0 && this.clock() < end);
    this.schedule();
  }
}
