// Export and backup under load: the snapshot of a busy contest's database (thousands of judged
// submissions) finishes, and is one committed state, while another process writes to it as the server
// does when judging (a commit every few ms). SQLite's online backup API, used before, started over on
// each of those commits: here it had not finished after SNAPSHOT_DEADLINE_MS in any run. A snapshot
// that cannot finish under load makes this test fail (by the deadline, or once the writer stops by itself).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { judgeResult } from '../store/testFixtures.ts';
import { backupFiles } from './backup.ts';
import { backupDatabase } from './storeBackup.ts';
import { makeContest, START, type TestContest } from './testContest.ts';

const CHILD = fileURLToPath(new URL('./judgingLoadChild.ts', import.meta.url));
/** A busy contest's store: this many submissions (~3 KB of source each), each judged on TESTS_PER_SUBMISSION tests: ~60 MiB. */
const SUBMISSIONS = 5000;
const TESTS_PER_SUBMISSION = 30;
/** Submissions added and judged per transaction while building (one fsync each: the build takes seconds, not minutes). */
const SUBMISSIONS_PER_TRANSACTION = 500;
/** The snapshot takes about a second here (its check included). */
const SNAPSHOT_DEADLINE_MS = 15_000;
/** Commits the writer makes before a snapshot starts (it is really writing), and how long that may take. */
const WARM_UP_WRITES = 20;
const WARM_UP_TIMEOUT_MS = 10_000;
/** Fewer commits during a snapshot would prove nothing. */
const MIN_WRITES_DURING = 5;
const TEST_TIMEOUT_MS = 120_000;

const scratch = mkdtempSync(join(tmpdir(), 'verdict-snapshot-load-'));
let c: TestContest;

before(async () => {
  c = await makeContest(join(scratch, 'live'));
  const teams = c.def.teams.map((t) => t.id);
  const problems = c.def.problems.map((p) => p.id);
  const tests = Array.from({ length: TESTS_PER_SUBMISSION }, (_, i): [string, 'AC', number] => [`secret/${i + 1}`, 'AC', 100 + i]);
  for (let first = 0; first < SUBMISSIONS; first += SUBMISSIONS_PER_TRANSACTION) {
    c.store.db.transaction(() => {
      for (let n = first; n < Math.min(SUBMISSIONS, first + SUBMISSIONS_PER_TRANSACTION); n++) {
        const submittedAt = START + n * 1000;
        const source = Buffer.from(`// submission ${n}\n${'int x; /* a line of a solution */\n'.repeat(90)}`);
        const { submission } = c.store.submissions.add({ teamId: teams[n % teams.length], problemId: problems[n % problems.length], languageId: 'c', fileName: 'main.c', source, submittedAt });
        const judgement = c.store.judgements.start(submission.id, 'host-1', submittedAt + 500);
        c.store.judgements.finish(judgement, judgeResult('AC', tests), submittedAt + 900);
      }
    });
  }
  // From here on only the writer process (the "server") has the store open.
  c.store.close();
});
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Load {
  /** Every state the writer committed, in order: last event token → submissions then. */
  states: Map<string, number>;
  /** The position of each token in the writer's order of commits. */
  order: Map<string, number>;
  /** The writer's own count of its commits. */
  writes: number;
}

/**
 * Runs `work` while a writer process commits every few ms; the writer is stopped (stdin closed) after it.
 * While a synchronous snapshot holds this thread the writer's lines wait in the pipe (64 KiB: thousands of commits).
 */
async function underLoad<T>(dbFile: string, work: () => Promise<T>): Promise<{ result: T; load: Load }> {
  const child = spawn(process.execPath, [CHILD, dbFile], { stdio: ['pipe', 'pipe', 'pipe'] });
  const load: Load = { states: new Map(), order: new Map(), writes: -1 };
  let stderr = '';
  let buffered = '';
  let warmedUp: () => void = () => {};
  const warm = new Promise<void>((resolve) => (warmedUp = resolve));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const [kind, a, b] = line.split(' ');
      if (kind === 'state') {
        load.order.set(a, load.order.size);
        load.states.set(a, Number(b));
      } else if (kind === 'done') load.writes = Number(a);
    }
    if (load.states.size > WARM_UP_WRITES) warmedUp();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    await withDeadline(Promise.race([warm, closed.then(() => Promise.reject(new Error(`the writer ended early: ${stderr}`)))]), WARM_UP_TIMEOUT_MS, 'the writer warming up');
    return { result: await work(), load };
  } finally {
    child.stdin.end();
    const code = await closed;
    assert.equal(code, 0, `the writer failed: ${stderr}`);
  }
}

async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The last event token of the live database, read on a connection of its own. */
function liveLastToken(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT CAST(max(token) AS TEXT) FROM events').pluck().get() as string;
  } finally {
    db.close();
  }
}

interface Snapshot {
  lastEventToken: string;
  submissions: number;
  bytes: number;
}

/** A snapshot file that SQLite finds sound and whose tables agree with each other (one moment, not a mix). */
function checkSnapshotFile(file: string): Snapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const submissions = count('SELECT count(*) FROM submissions');
    assert.equal(count("SELECT count(*) FROM events WHERE type = 'submissions' AND op = 'create'"), submissions, 'each submission with its event');
    assert.equal(count('SELECT count(*) FROM submission_sources'), submissions, 'each submission with its source');
    assert.equal(count("SELECT count(*) FROM events WHERE type = 'runs'"), count('SELECT count(*) FROM runs'), 'each run with its event');
    assert.equal(count("SELECT count(*) FROM submissions WHERE status = 'judging'"), count('SELECT count(*) FROM judgements WHERE valid = 1 AND end_time IS NULL'), 'each submission being judged with its judgement');
    assert.equal(count("SELECT count(*) FROM submissions WHERE status = 'judged'"), count('SELECT count(*) FROM judgements WHERE valid = 1 AND end_time IS NOT NULL'), 'each judged submission with its judgement');
    assert.equal(count('SELECT count(*) FROM judgements j WHERE end_time IS NOT NULL AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.judgement_id = j.id)'), 0, 'each finished judgement with its runs');
    return { lastEventToken: db.prepare('SELECT CAST(max(token) AS TEXT) FROM events').pluck().get() as string, submissions, bytes: statSync(file).size };
  } finally {
    db.close();
  }
}

/** The snapshot is a state the writer committed, and the writer kept committing while it was taken. */
function checkAgainstWriter(t: TestContext, load: Load, snapshot: Snapshot, liveAfter: string, elapsedMs: number): void {
  assert.ok(load.writes > 0, 'the writer stopped cleanly and reported its commits');
  assert.equal(load.states.get(snapshot.lastEventToken), snapshot.submissions, 'the snapshot is a state the writer committed');
  const during = load.order.get(liveAfter)! - load.order.get(snapshot.lastEventToken)!;
  t.diagnostic(`snapshot of ${(snapshot.bytes / 2 ** 20).toFixed(1)} MiB in ${elapsedMs.toFixed(0)} ms; ${during} commits meanwhile; ${load.writes} by the writer in all`);
  assert.ok(during >= MIN_WRITES_DURING, `${during} commits during the snapshot`);
}

describe('a snapshot while the server writes every few ms', () => {
  test('the database snapshot finishes and is one committed state', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const copy = join(scratch, 'snapshot', 'verdict.db');
    mkdirSync(join(scratch, 'snapshot'));
    const { result, load } = await underLoad(c.dbFile, async () => {
      const started = performance.now();
      const info = backupDatabase(c.dbFile, copy);
      const elapsedMs = performance.now() - started;
      return { info, elapsedMs, liveAfter: liveLastToken(c.dbFile) };
    });
    assert.ok(result.elapsedMs < SNAPSHOT_DEADLINE_MS, `${result.elapsedMs} ms`);
    const snapshot = checkSnapshotFile(copy);
    assert.equal(result.info.lastEventToken, snapshot.lastEventToken);
    assert.equal(result.info.submissions, snapshot.submissions);
    assert.ok(snapshot.submissions >= SUBMISSIONS);
    checkAgainstWriter(t, load, snapshot, result.liveAfter, result.elapsedMs);
  });

  test('`verdict backup` finishes: backup.json and its database are one committed state', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const out = join(scratch, 'backup');
    const { result, load } = await underLoad(c.dbFile, async () => {
      const started = performance.now();
      const made = await backupFiles(c.dbFile, c.contestDir, out);
      const elapsedMs = performance.now() - started;
      return { made, elapsedMs, liveAfter: liveLastToken(c.dbFile) };
    });
    assert.ok(result.elapsedMs < SNAPSHOT_DEADLINE_MS, `${result.elapsedMs} ms`);
    const snapshot = checkSnapshotFile(join(out, 'verdict.db'));
    assert.equal(result.made.info.last_event_token, snapshot.lastEventToken);
    assert.equal(result.made.info.submissions, snapshot.submissions);
    assert.equal(statSync(join(out, 'verdict.db')).mode & 0o777, 0o600, 'private');
    checkAgainstWriter(t, load, snapshot, result.liveAfter, result.elapsedMs);
  });
});
