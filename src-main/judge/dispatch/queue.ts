// The queue that feeds the worker pool. Behind an interface: a durable (SQLite) or distributed
// queue can take the in-memory FIFO's place without the pool knowing.

export interface JudgeQueue<T> {
  readonly length: number;
  push(item: T): void;
  /** The next item to judge, or undefined when empty. */
  shift(): T | undefined;
  /** Moves matching items to the front (judges' "prioritise"), keeping their relative order. */
  prioritise(match: (item: T) => boolean): number;
  /** Removes and returns matching items. */
  remove(match: (item: T) => boolean): T[];
  /** A snapshot in judging order. */
  snapshot(): readonly T[];
}

/** First in, first out. Amortised O(1) shift via a moving head index. */
export class FifoQueue<T> implements JudgeQueue<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined as T;
    // Compact once the consumed prefix dominates, so memory stays proportional to the queue.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  prioritise(match: (item: T) => boolean): number {
    const live = this.snapshot();
    const first = live.filter(match);
    this.items = [...first, ...live.filter((item) => !match(item))];
    this.head = 0;
    return first.length;
  }

  remove(match: (item: T) => boolean): T[] {
    const live = this.snapshot();
    const removed = live.filter(match);
    this.items = live.filter((item) => !match(item));
    this.head = 0;
    return removed;
  }

  snapshot(): readonly T[] {
    return this.items.slice(this.head);
  }
}
