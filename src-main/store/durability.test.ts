// kill -9 at a random moment loses nothing that was acknowledged: a child process adds submissions in a
// loop and prints each id only after addSubmission returned; we SIGKILL it, reopen the store and check.
// (A process kill, not a power cut: the OS still has the page cache. synchronous=FULL covers the latter.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Store } from './store.ts';
import { durabilityPayload, JUDGED_SEQ, JUDGING_SEQ, tempStore } from './testFixtures.ts';

const CHILD = fileURLToPath(new URL('./durabilityChild.ts', import.meta.url));
const ROUNDS = 3;
/** A round that has not reached its kill point by then has hung. */
const ROUND_TIMEOUT_MS = 6000;

interface ChildRun {
  /** Acknowledged submission id -> seq. */
  acks: Map<string, number>;
  judged: string | null;
  judging: { submissionId: string; judgementId: string } | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the child until `killAfter` acks have been read, then SIGKILLs it; every complete line counts. */
function runChild(file: string, round: number, killAfter: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { acks: new Map(), judged: null, judging: null, signal: null, stderr: '' };
    let buffered = '';
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`round ${round}: only ${run.acks.size} acks after ${ROUND_TIMEOUT_MS} ms; stderr: ${run.stderr}`));
    }, ROUND_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!; // an incomplete last line is not (yet) an acknowledgement
      for (const line of lines) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'ack') run.acks.set(a, Number(b));
        else if (kind === 'judged') run.judged = a!;
        else if (kind === 'judging') run.judging = { submissionId: a, judgementId: b };
      }
      if (!killed && run.acks.size >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      run.stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      run.signal = signal;
      resolve(run);
    });
  });
}

test('acknowledged submissions survive SIGKILL at random moments; judgements in flight are re-queued', { timeout: 30_000 }, async () => {
  const t = tempStore(); // imports the contest
  t.store.close();
  const acknowledged = new Map<string, { round: number; seq: number }>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const killAfter = 100 + Math.floor(Math.random() * 301);
      const run = await runChild(t.file, round, killAfter);
      assert.equal(run.signal, 'SIGKILL', `round ${round} ended by the kill, not by itself; stderr: ${run.stderr}`);
      assert.ok(run.acks.size >= killAfter, `round ${round}: ${run.acks.size} acks`);
      for (const [id, seq] of run.acks) acknowledged.set(id, { round, seq });

      const store = Store.open(t.file);
      try {
        // Every acknowledged submission is there, with its source byte for byte and its event.
        const created = new Set(store.events.since(null, 1_000_000).filter((e) => e.type === 'submissions' && e.op === 'create').map((e) => e.id));
        for (const [id, { round: r, seq }] of acknowledged) {
          const s = store.submissions.get(id);
          assert.ok(s, `acknowledged submission ${id} (round ${r}, seq ${seq}) is missing`);
          assert.equal(s.teamId, seq % 2 === 0 ? 't1' : 't2');
          assert.ok(store.submissions.source(id)!.source.equals(durabilityPayload(r, seq)), `source of ${id} is intact`);
          assert.ok(created.has(id), `the create event of ${id} is in the log`);
        }
        // Nothing is stored without its event; beyond the acknowledged ones, at most the one whose commit
        // the kill caught before its ack was printed, per round.
        const all = store.submissions.list();
        assert.equal(all.length, created.size, 'one create event per stored submission');
        assert.ok(all.length - acknowledged.size <= round + 1, `${all.length - acknowledged.size} unacknowledged submissions after ${round + 1} kills`);

        assert.ok(run.judged, 'the child finished a judgement before the kill');
        const judged = store.submissions.get(run.judged)!;
        assert.deepEqual([judged.status, judged.verdict], ['judged', 'AC']);
        assert.equal(store.judgements.runs(judged.judgementId!).length, 2);
        assert.equal(run.acks.get(run.judged), JUDGED_SEQ);

        assert.ok(run.judging, 'the child left a judgement in flight');
        assert.equal(run.acks.get(run.judging.submissionId), JUDGING_SEQ);
        assert.equal(store.submissions.get(run.judging.submissionId)?.status, 'judging', 'as the kill left it');
        assert.equal(store.judgements.recoverInFlight(), 1, 'exactly the judgement in flight is recovered');
        assert.equal(store.submissions.get(run.judging.submissionId)?.status, 'queued');
        assert.equal(store.judgements.get(run.judging.judgementId)?.valid, false);
        assert.equal(store.submissions.get(run.judged)?.status, 'judged', 'a finished judgement is left alone');
      } finally {
        store.close();
      }
    }
    const db = new Database(t.file, { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(db.pragma('foreign_key_check'), []);
    } finally {
      db.close();
    }
  } finally {
    t.store = Store.open(':memory:'); // dispose() closes it
    t.dispose();
  }
});
