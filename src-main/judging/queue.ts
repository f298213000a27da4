// The in-memory queue that feeds the worker pool: the jobs it was handed and has no free worker for
// yet, and a job judged again after a judge-side failure (put at the front).

/** First in, first out. Amortised O(1) shift via a moving head index. */
export class FifoQueue<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The next item, or undefined when empty. */
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

  /** Moves matching items to the front, keeping their relative order; how many moved. */
  prioritise(match: (item: T) => boolean): number {
    const live = this.snapshot();
    const first = live.filter(match);
    this.items = [...first, ...live.filter((item) => !match(item))];
    this.head = 0;
    return first.length;
  }

  /** Removes and returns matching items. */
  remove(match: (item: T) => boolean): T[] {
    const live = this.snapshot();
    const removed = live.filter(match);
    this.items = live.filter((item) => !match(item));
    this.head = 0;
    return removed;
  }

  /** The items in order. */
  snapshot(): readonly T[] {
    return this.items.slice(this.head);
  }
}
