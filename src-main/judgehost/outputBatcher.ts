// Batches live output per job before it crosses a process boundary: one message per job every
// BATCH_INTERVAL_MS instead of one per pty chunk, and never more than MAX_BATCH_CHARS at once.

/** Like VS Code's pty host: 5 ms is invisible to a person and merges bursts of small chunks. */
const BATCH_INTERVAL_MS = 5;
/** A flooding program cannot make one message huge. */
const MAX_BATCH_CHARS = 64 * 1024;

export class OutputBatcher {
  private readonly pending = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly emit: (id: string, data: string) => void;

  constructor(emit: (id: string, data: string) => void) {
    this.emit = emit;
  }

  push(id: string, chunk: string): void {
    const list = this.pending.get(id);
    if (list) list.push(chunk);
    else this.pending.set(id, [chunk]);
    const size = (this.sizes.get(id) ?? 0) + chunk.length;
    this.sizes.set(id, size);
    if (size >= MAX_BATCH_CHARS) this.flush(id);
    else this.timer ??= setTimeout(() => this.flushAll(), BATCH_INTERVAL_MS);
  }

  flush(id: string): void {
    const list = this.pending.get(id);
    if (!list) return;
    this.pending.delete(id);
    this.sizes.delete(id);
    this.emit(id, list.join(''));
  }

  flushAll(): void {
    this.timer = null;
    for (const id of [...this.pending.keys()]) this.flush(id);
  }
}
