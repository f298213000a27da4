// The judgehost's side of a worker slot's slot host: the runner in serve mode (runner.c,
// slot_host_main), started under node-pty at the slot's first run and kept. Each run is a request on
// a unix socket the slot host connected to; the slot host forks a runner for it and answers with the
// run's result (the runner's JSON) as soon as the runner has it. Its pty carries each run's live output in turn, ended by a marker with the
// run's token. A slot host that dies fails the run in flight (a RunnerError: a judge fault, judged
// again) and is started anew for the next run.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import pty, { type IPty } from 'node-pty';
import { runnerBinaryPath } from '../../common/paths.ts';

/** A slot host that has not connected by then is a failure to start (ms). */
const START_TIMEOUT_MS = 20_000;
/** What a failed start shows of the slot host's own output, at most (characters). */
const START_OUTPUT_CHARS = 2000;
/** Written by the slot host after each run's output, then the run's token (runner.c). */
const MARKER_PREFIX = '\u001b]verdict-run-end;';
const MARKER_SUFFIX = '\u0007';

export interface SlotHostOptions {
  slot: number;
  /** A folder only the judgehost's user can enter: the control sockets are made there. */
  controlDir: string;
  /** The slot's memory cgroup, which the slot host joins (its runs are born in it). */
  cgroupDir: string | null;
  /** As root: the slot host makes the slot's empty network namespace, and its runs share it. */
  holdNetwork: boolean;
  /** The CPU the slot host (and so every run it starts) sits on; null: not pinned. */
  cpu: number | null;
}

/** How the runner of one run ended: its result (the runner's JSON text), or, when it ended without
 *  one (killed, or unable to write it), its exit code and signal. */
export interface RunnerExit {
  result?: string;
  exitCode: number;
  signal: number;
}

/** The slot host could not run a request (it died, or could not start): the run failed on the judge's side. */
class SlotHostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlotHostError';
  }
}

interface PendingRun {
  marker: string;
  onData?: (chunk: string) => void;
  /** Both must be in before the run is over: the slot host's reply, and its marker on the pty. */
  exit: RunnerExit | null;
  markerSeen: boolean;
  resolve: (exit: RunnerExit) => void;
  reject: (error: Error) => void;
}

/** One running slot host process. */
class SlotHostProcess {
  private run: PendingRun | null = null;
  /** The end of the pty data that could be the start of the run's marker, held back. */
  private carry = '';
  private replies = '';
  private ended: string | null = null;
  readonly child: IPty;
  private readonly socket: Socket;

  constructor(child: IPty, socket: Socket) {
    this.child = child;
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => this.reply(text));
    socket.on('error', () => {});
    socket.on('close', () => this.end('its control socket closed'));
  }

  get alive(): boolean {
    return this.ended === null;
  }

  /** Pty data: the live output of the run in progress, up to its marker. */
  data(chunk: string): void {
    const run = this.run;
    if (!run || run.markerSeen) return; // nothing is running: nothing to show
    const text = this.carry + chunk;
    const at = text.indexOf(run.marker);
    if (at >= 0) {
      this.carry = '';
      if (at > 0) run.onData?.(text.slice(0, at));
      run.markerSeen = true;
      this.settle();
      return;
    }
    // Hold back a tail that may be the marker's beginning, cut between two chunks.
    let keep = Math.min(run.marker.length - 1, text.length);
    while (keep > 0 && !run.marker.startsWith(text.slice(text.length - keep))) keep--;
    this.carry = text.slice(text.length - keep);
    if (text.length > keep) run.onData?.(text.slice(0, text.length - keep));
  }

  send(args: string[], onData?: (chunk: string) => void): Promise<RunnerExit> {
    if (this.ended !== null) return Promise.reject(new SlotHostError(`the slot host ended (${this.ended})`));
    const token = randomBytes(8).toString('hex');
    return new Promise((resolve, reject) => {
      this.run = { marker: `${MARKER_PREFIX}${token}${MARKER_SUFFIX}`, onData, exit: null, markerSeen: false, resolve, reject };
      this.carry = '';
      this.write(['run', token, ...args]);
    });
  }

  /** Kills the run in progress (its runner; the run's processes die with it). */
  kill(): void {
    if (this.run && this.ended === null) this.write(['kill']);
  }

  /** The process ended, or must: the run in flight fails. */
  end(why: string): void {
    if (this.ended !== null) return;
    this.ended = why;
    try {
      this.child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
    this.socket.destroy();
    const run = this.run;
    this.run = null;
    run?.reject(new SlotHostError(`the slot host ended during the run (${why})`));
  }

  private write(strings: string[]): void {
    const payload = Buffer.from(strings.map((s) => `${s}\0`).join(''), 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32LE(payload.length);
    this.socket.write(Buffer.concat([head, payload]));
  }

  private reply(text: string): void {
    this.replies += text;
    let newline: number;
    while ((newline = this.replies.indexOf('\n')) >= 0) {
      const line = this.replies.slice(0, newline);
      this.replies = this.replies.slice(newline + 1);
      if (this.run && line.startsWith('result ')) {
        this.run.exit = { result: line.slice('result '.length), exitCode: 0, signal: 0 };
        this.settle();
        continue;
      }
      const done = /^done (-?\d+) (\d+)$/.exec(line);
      if (!this.run || (!done && !line.startsWith('fail '))) {
        this.end(`an unexpected reply: ${JSON.stringify(line.slice(0, 100))}`);
        return;
      }
      if (!done) {
        const run = this.run;
        this.run = null;
        run.reject(new SlotHostError(`the slot host could not start the run (${line})`));
        continue;
      }
      this.run.exit = { exitCode: Number(done[1]), signal: Number(done[2]) };
      this.settle();
    }
  }

  private settle(): void {
    const run = this.run;
    if (!run?.exit || !run.markerSeen) return;
    this.run = null;
    run.resolve(run.exit);
  }
}

/** A worker slot's slot host: started at the first run, kept, started anew after it dies. Runs go
 *  one at a time (a slot's runs are sequential; its memory cgroup serves one run at a time). */
export class SlotHost {
  /** The slot host running (perhaps ended since: then the next run starts another). */
  private current: SlotHostProcess | null = null;
  private starting: Promise<SlotHostProcess> | null = null;
  /** The pty of the slot host being started or running: what dispose kills. */
  private child: IPty | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private starts = 0;
  private disposed = false;
  private readonly options: SlotHostOptions;

  constructor(options: SlotHostOptions) {
    this.options = options;
  }

  /** The slot host's pid, once started (tests). */
  async pid(): Promise<number> {
    return (await this.live()).child.pid;
  }

  /**
   * Sends one run (the one-shot runner's arguments but --result) and resolves with its result
   * when the runner has it (or with how the runner ended without one). `onData` gets the run's live output; `signal` kills the run.
   * `sent` gets how long sending the request blocked the event loop (ms).
   */
  run(args: string[], onData?: (chunk: string) => void, signal?: AbortSignal, sent?: (blockMs: number) => void): Promise<RunnerExit> {
    const turn = this.queue.then(async () => {
      if (signal?.aborted) throw new SlotHostError('run cancelled before it started');
      const host = await this.live();
      const sendStart = performance.now();
      const running = host.send(args, onData);
      sent?.(performance.now() - sendStart);
      const abort = () => host.kill();
      signal?.addEventListener('abort', abort, { once: true });
      try {
        return await running;
      } finally {
        signal?.removeEventListener('abort', abort);
      }
    });
    this.queue = turn.catch(() => {});
    return turn;
  }

  /** Kills the slot host now (its runs die with it: PDEATHSIG); the run in flight fails. */
  dispose(): void {
    this.disposed = true;
    try {
      this.child?.kill('SIGKILL');
    } catch {
      /* already gone */
    }
    this.child = null;
    this.current?.end('disposed');
  }

  private live(): Promise<SlotHostProcess> {
    if (this.disposed) return Promise.reject(new SlotHostError('the sandbox was disposed'));
    if (this.current?.alive) return Promise.resolve(this.current);
    this.starting ??= this.start().then(
      (host) => {
        this.starting = null;
        this.current = host;
        return host;
      },
      (error: unknown) => {
        this.starting = null;
        throw error;
      },
    );
    return this.starting;
  }

  private start(): Promise<SlotHostProcess> {
    const { slot, controlDir, cgroupDir, holdNetwork, cpu } = this.options;
    mkdirSync(controlDir, { recursive: true, mode: 0o700 });
    const path = join(controlDir, `slot-${slot}-${++this.starts}.sock`);
    rmSync(path, { force: true });
    const args = ['--slot-host', '--control', path];
    if (cgroupDir) args.push('--cgroup', cgroupDir);
    if (holdNetwork) args.push('--hold-net');
    if (cpu !== null) args.push('--cpu', String(cpu));
    return new Promise((resolve, reject) => {
      const server = createServer();
      let child: IPty | null = null;
      let host: SlotHostProcess | null = null;
      let output = '';
      const fail = (why: string) => {
        clearTimeout(timer);
        server.close();
        rmSync(path, { force: true });
        try {
          child?.kill('SIGKILL');
        } catch {
          /* already gone */
        }
        reject(new SlotHostError(`the slot host of worker slot ${slot} did not start: ${why}${output ? `: ${output.trim()}` : ''}`));
      };
      const timer = setTimeout(() => fail(`no connection within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
      server.once('error', (error) => fail(error.message));
      server.once('connection', (socket) => {
        if (this.disposed) {
          socket.destroy();
          fail('the sandbox was disposed');
          return;
        }
        clearTimeout(timer);
        // Only the first connection counts: no one else may send runs.
        server.close();
        rmSync(path, { force: true });
        host = new SlotHostProcess(child!, socket);
        resolve(host);
      });
      server.listen(path, () => {
        child = pty.spawn(runnerBinaryPath(), args, {
          name: 'xterm-256color',
          cols: 120,
          rows: 30,
          cwd: '/',
          env: { PATH: '/usr/bin:/bin', TERM: 'xterm-256color' },
        });
        this.child = child;
        child.onData((chunk) => {
          if (host) host.data(chunk);
          else if (output.length < START_OUTPUT_CHARS) output += chunk;
        });
        child.onExit(({ exitCode, signal }) => {
          if (host) host.end(`exit ${exitCode}, signal ${signal}`);
          else fail(`it exited (code ${exitCode}, signal ${signal})`);
        });
      });
    });
  }
}
