// Live output of running submissions, for the console's terminals. Output is kept in a bounded
// buffer per submission and sent to watchers with flow control: a watcher that has more than the
// high watermark of unacknowledged characters is paused until it acknowledges below the low one.
// Appending never waits for anyone, so a slow console cannot slow a graded run, and a flooding
// program cannot flood a console (what a paused watcher misses is skipped with a notice).
// Output is filtered as it comes in (terminalFilter.ts): both consoles, the browser's and
// Electron's, are fed from here, so no program can drive a judge's terminal beyond colours.
import { OUTPUT_HIGH_WATERMARK_CHARS, OUTPUT_LOW_WATERMARK_CHARS } from '../shared/judgeApi.ts';
import { INITIAL_FILTER_STATE, filterTerminalOutput, type FilterState } from './terminalFilter.ts';

/** Output kept per submission for watchers that join late or fall behind. */
const BUFFER_CHARS = 256 * 1024;
/** Finished submissions keep their buffer this long (a judge opening the detail right after). */
const KEEP_FINISHED_MS = 60_000;
/** The hub's own notices start by resetting colours: a program may have left its text invisible. */
const NOTICE_START = '\r\n\x1b[0;2m';
const NOTICE_END = '\x1b[0m\r\n';

interface Watcher {
  send: (data: string) => void;
  /** Absolute offset (in characters written to this submission) sent so far. */
  sent: number;
  unacked: number;
  paused: boolean;
}

interface Stream {
  chunks: string[];
  /** Absolute offset of the first character still in `chunks`. */
  start: number;
  /** Characters written in all (absolute end offset). */
  end: number;
  watchers: Set<Watcher>;
  finishedAt: number | null;
  /** Where the terminal filter is in this run's output (a sequence may span appends). */
  filter: FilterState;
}

export class OutputHub {
  private readonly streams = new Map<string, Stream>();

  /** New output of a submission (called from the judging service; never blocks). */
  append(submissionId: string, raw: string): void {
    const stream = this.stream(submissionId);
    const { text: data, state } = filterTerminalOutput(stream.filter, raw);
    stream.filter = state;
    if (data === '') return;
    stream.chunks.push(data);
    stream.end += data.length;
    let kept = stream.end - stream.start;
    while (kept > BUFFER_CHARS && stream.chunks.length > 1) {
      const dropped = stream.chunks.shift()!;
      stream.start += dropped.length;
      kept -= dropped.length;
    }
    for (const watcher of stream.watchers) this.pushTo(stream, watcher);
  }

  /** A submission's judging ended: its buffer is kept a little while, then dropped. */
  finish(submissionId: string, now = Date.now()): void {
    const stream = this.streams.get(submissionId);
    if (stream) stream.finishedAt = now;
    for (const [id, s] of this.streams) if (s.finishedAt !== null && now - s.finishedAt > KEEP_FINISHED_MS && s.watchers.size === 0) this.streams.delete(id);
  }

  /** A new judging of a submission (a rejudge) starts with an empty terminal. */
  restart(submissionId: string): void {
    const stream = this.streams.get(submissionId);
    if (!stream) return;
    stream.start = stream.end;
    stream.chunks = [];
    stream.finishedAt = null;
    stream.filter = INITIAL_FILTER_STATE; // a sequence the last run left open does not eat this one's output
    for (const watcher of stream.watchers) watcher.send(`${NOTICE_START}--- judging again ---${NOTICE_END}`);
  }

  /** Starts sending a submission's output (what is buffered first). Returns `ack` and `stop`. */
  watch(submissionId: string, send: (data: string) => void): { ack: (chars: number) => void; stop: () => void } {
    const stream = this.stream(submissionId);
    const watcher: Watcher = { send, sent: stream.start, unacked: 0, paused: false };
    stream.watchers.add(watcher);
    this.pushTo(stream, watcher);
    return {
      ack: (chars: number) => {
        watcher.unacked = Math.max(0, watcher.unacked - chars);
        if (watcher.paused && watcher.unacked < OUTPUT_LOW_WATERMARK_CHARS) {
          watcher.paused = false;
          this.pushTo(stream, watcher);
        }
      },
      stop: () => stream.watchers.delete(watcher),
    };
  }

  private stream(submissionId: string): Stream {
    let stream = this.streams.get(submissionId);
    if (!stream) {
      stream = { chunks: [], start: 0, end: 0, watchers: new Set(), finishedAt: null, filter: INITIAL_FILTER_STATE };
      this.streams.set(submissionId, stream);
    }
    return stream;
  }

  private pushTo(stream: Stream, watcher: Watcher): void {
    if (watcher.paused || watcher.sent >= stream.end) return;
    let out = '';
    if (watcher.sent < stream.start) {
      out += `${NOTICE_START}[… ${stream.start - watcher.sent} characters skipped …]${NOTICE_END}`;
      watcher.sent = stream.start;
    }
    // Everything from `sent` to the end, out of the kept chunks.
    let offset = stream.start;
    for (const chunk of stream.chunks) {
      const chunkEnd = offset + chunk.length;
      if (chunkEnd > watcher.sent) out += chunk.slice(Math.max(0, watcher.sent - offset));
      offset = chunkEnd;
    }
    watcher.sent = stream.end;
    watcher.unacked += out.length;
    if (watcher.unacked > OUTPUT_HIGH_WATERMARK_CHARS) watcher.paused = true;
    watcher.send(out);
  }
}
