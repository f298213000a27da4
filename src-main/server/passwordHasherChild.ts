// The password-hashing process (started by passwordHasher.ts): scrypt for the contest folder's
// passwords, one at a time, at the lowest CPU priority, so that hashing 1000 accounts after a start
// only ever uses CPU time the server leaves idle. It exits as soon as its IPC channel closes: when
// the server ends it, and when the server dies, even by kill -9.
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { hashPassword, verifyPassword } from '../store/password.ts';

export interface HashRequest {
  id: number;
  password: string;
  /** The hash the store holds for the account now, if any. */
  storedHash: string | null;
}

export interface HashReply {
  id: number;
  /** The hash to store, or null when storedHash already is a hash of the password. */
  hash: string | null;
}

/** Nice 19: the scheduler gives this process a core only when nothing else wants it. */
const LOWEST_PRIORITY = 19;

/**
 * On Linux a niceness belongs to one thread: every thread started so far (the main one, V8's
 * helpers) is reniced; threads started later inherit it. Elsewhere pid 0 is the whole process.
 */
function lowerPriority(): void {
  let threads: number[];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    threads = [0];
  }
  for (const thread of threads) {
    try {
      setPriority(thread, LOWEST_PRIORITY);
    } catch {
      /* gone meanwhile */
    }
  }
}

const queue: HashRequest[] = [];
let scheduled = false;

/** One hash per turn of the event loop, so that a closed channel is noticed between hashes. */
function hashNext(): void {
  scheduled = false;
  const job = queue.shift();
  if (!job) return;
  const hash = job.storedHash !== null && verifyPassword(job.password, job.storedHash) ? null : hashPassword(job.password);
  if (!process.connected) process.exit(0);
  process.send!({ id: job.id, hash } satisfies HashReply);
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(hashNext);
}

if (!process.send) {
  process.stderr.write('verdict: passwordHasherChild.ts is started by the server (passwordHasher.ts), not by hand\n');
  process.exit(2);
}
lowerPriority();
process.on('disconnect', () => process.exit(0));
process.on('message', (job: HashRequest) => {
  queue.push(job);
  schedule();
});
