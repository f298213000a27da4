// The server's side of the password-hashing process (passwordHasherChild.ts): scrypt checks and
// hashes of the contest folder's passwords run there, at the lowest CPU priority, never in the
// process that answers contestants. The child is started on the first request and ended with end().
// Should it fail to start or die, the work goes on in this process, on the libuv pool: slower for
// everyone, but every password still ends up hashed.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setSessionNiceness } from '../common/processes.ts';
import { hashPasswordAsync, verifyPasswordAsync } from '../store/password.ts';
import type { HashReply, HashRequest } from './passwordHasherChild.ts';

/** Nice 19 from the first instruction on: the child also renices the threads it starts itself. */
const LOWEST_PRIORITY = 19;

export interface PasswordHasherOptions {
  /** Entry script of the child; default passwordHasherChild.ts beside this file (Node strips its types). */
  entry?: string;
  /** Runtime to start it with; in Electron, the Electron binary with ELECTRON_RUN_AS_NODE. */
  execPath?: string;
  env?: NodeJS.ProcessEnv;
}

interface Waiting {
  request: HashRequest;
  resolve: (hash: string | null) => void;
  reject: (error: Error) => void;
}

export class PasswordHasher {
  private readonly options: PasswordHasherOptions;
  private child: ChildProcess | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** The child could not run: hash in this process from now on. */
  private inProcess = false;

  constructor(options: PasswordHasherOptions = {}) {
    this.options = options;
  }

  /** The hash to store for `password`, or null when `storedHash` already is one of it. */
  check(password: string, storedHash: string | null): Promise<string | null> {
    const request: HashRequest = { id: this.nextId++, password, storedHash };
    if (this.inProcess) return checkHere(request);
    const child = this.child ?? this.start();
    if (!child) return checkHere(request);
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { request, resolve, reject });
      child.send(request);
    });
  }

  /** Ends the child (a later check starts another); checks still waiting for it are rejected. Resolves once it has exited. */
  end(): Promise<void> {
    const child = this.child;
    this.child = null;
    for (const { reject } of this.waiting.values()) reject(new Error('password hashing stopped'));
    this.waiting.clear();
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill();
    return exited;
  }

  private start(): ChildProcess | null {
    const entry = this.options.entry ?? fileURLToPath(new URL('./passwordHasherChild.ts', import.meta.url));
    if (!existsSync(entry)) {
      this.fallBack(`${entry} is missing`);
      return null;
    }
    const child = fork(entry, [], {
      execPath: this.options.execPath ?? process.execPath,
      execArgv: [],
      env: this.options.env ?? process.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // A session of its own on Linux, whose scheduling group is niced too (setSessionNiceness): in the
      // server's session it would take the server's share of a CPU ahead of judging.
      detached: process.platform === 'linux',
    });
    if (child.pid) {
      try {
        setPriority(child.pid, LOWEST_PRIORITY);
      } catch {
        /* it has exited already: 'exit' follows */
      }
      setSessionNiceness(child.pid, LOWEST_PRIORITY);
    }
    child.on('message', (reply: HashReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      waiting?.resolve(reply.hash);
    });
    const lost = (why: string) => {
      if (this.child !== child) return; // ended on purpose
      this.child = null;
      this.fallBack(why);
      for (const { request, resolve, reject } of this.waiting.values()) checkHere(request).then(resolve, reject);
      this.waiting.clear();
    };
    child.on('error', (error) => lost(error.message));
    child.on('exit', (code, signal) => lost(`it exited (${signal ?? `code ${code}`})`));
    this.child = child;
    return child;
  }

  private fallBack(why: string): void {
    this.inProcess = true;
    process.stderr.write(`verdict: the password-hashing process cannot run (${why}); passwords are hashed in the server process instead\n`);
  }
}

async function checkHere(request: HashRequest): Promise<string | null> {
  if (request.storedHash !== null && (await verifyPasswordAsync(request.password, request.storedHash))) return null;
  return hashPasswordAsync(request.password);
}
