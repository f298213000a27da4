// Scheduling of the worker pool, with a backend whose jobs the test finishes by hand: FIFO order,
// the worker limit, live resizing, pause, cancel, preempt, and a backend that fails.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JudgeResult } from '../common/results.ts';
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import { FifoQueue } from './queue.ts';
import { WorkerPool, type JudgeBackend } from './workerPool.ts';

class ManualBackend implements JudgeBackend {
  readonly started: { id: string; slot: number; finish: (verdict?: JudgeResult['verdict'], extra?: Partial<JudgeResult>) => void; fail: (e: Error) => void }[] = [];
  readonly cancelled: string[] = [];
  /** What the backend was asked, in order ("judge a", "cancel a"). */
  readonly log: string[] = [];

  judge(job: JudgeJob, slot: number): Promise<JudgeResult> {
    this.log.push(`judge ${job.id}`);
    return new Promise((resolve, reject) => {
      this.started.push({
        id: job.id,
        slot,
        finish: (verdict = 'AC', extra = {}) => resolve({ verdict, tests: [], compile: { ok: true, output: '', timeMs: 0 }, timeMs: 0, memoryKb: 0, ...extra }),
        fail: reject,
      });
    });
  }

  cancel(jobId: string): void {
    this.log.push(`cancel ${jobId}`);
    this.cancelled.push(jobId);
  }

  running(id: string) {
    const found = this.started.find((s) => s.id === id);
    assert.ok(found, `${id} should have started`);
    return found;
  }
}

function job(id: string, languageId = 'c'): JudgeJob {
  return { id, sourcePath: '/dev/null', fileName: 'x.c', languageId, problem: { id: 'p', testCases: [], testGroups: [], timeLimitMs: 1000, memoryLimitMb: 256, outputLimitMb: 8, validation: 'default', interactive: false, multiPassLimit: null, submitAnswer: false, outputValidator: null } };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('FifoQueue', () => {
  test('keeps order across many pushes and shifts, and compacts', () => {
    const queue = new FifoQueue<number>();
    for (let i = 0; i < 5000; i++) queue.push(i);
    for (let i = 0; i < 4000; i++) assert.equal(queue.shift(), i);
    assert.equal(queue.length, 1000);
    assert.deepEqual(queue.snapshot().slice(0, 3), [4000, 4001, 4002]);
    assert.equal(queue.prioritise((n) => n === 4500), 1);
    assert.equal(queue.shift(), 4500);
    assert.equal(queue.shift(), 4000);
    assert.deepEqual(queue.remove((n) => n < 4003), [4001, 4002]);
    assert.equal(queue.length, 996);
  });
});

describe('WorkerPool', () => {
  test('runs at most `workers` jobs at once, in FIFO order, each in its own slot', async () => {
    const backend = new ManualBackend();
    const pool = new WorkerPool(backend, { workers: 2 });
    const results = ['a', 'b', 'c', 'd'].map((id) => pool.submit(job(id)));
    await tick();
    assert.deepEqual(backend.started.map((s) => s.id), ['a', 'b']);
    assert.deepEqual(backend.started.map((s) => s.slot), [0, 1]);
    assert.equal(pool.busy, 2);
    assert.equal(pool.queued, 2);
    backend.running('b').finish('WA');
    await tick();
    assert.deepEqual(backend.started.map((s) => s.id), ['a', 'b', 'c']);
    assert.equal(backend.running('c').slot, 1, 'the freed slot is reused');
    backend.running('a').finish();
    backend.running('c').finish();
    await tick();
    backend.running('d').finish('TLE');
    assert.deepEqual((await Promise.all(results)).map((r) => r.verdict), ['AC', 'WA', 'AC', 'TLE']);
    assert.equal(pool.busy, 0);
  });

  test('a slot that cannot take a job (its language) passes it over for the next that fits; it starts once a slot that takes it frees', async () => {
    // Slot 0 takes every language (the local judgehost's), slot 1 only C (a remote judgehost without Python).
    const backend = new (class extends ManualBackend {
      accepts(j: JudgeJob, slot: number): boolean {
        return slot === 0 || j.languageId === 'c';
      }
    })();
    const pool = new WorkerPool(backend, { workers: 2 });
    const results = [pool.submit(job('p1', 'python')), pool.submit(job('p2', 'python')), pool.submit(job('c1'))];
    await tick();
    assert.deepEqual(backend.started.map((s) => [s.id, s.slot]), [['p1', 0], ['c1', 1]], 'p2 waits; c1, behind it, takes the slot that cannot run Python');
    assert.equal(pool.queued, 1);
    backend.running('c1').finish();
    await tick();
    assert.deepEqual(backend.started.map((s) => s.id), ['p1', 'c1'], 'the C-only slot freed: p2 still waits');
    backend.running('p1').finish();
    await tick();
    assert.deepEqual(backend.running('p2').slot, 0);
    backend.running('p2').finish('WA');
    assert.deepEqual((await Promise.all(results)).map((r) => r.verdict), ['AC', 'WA', 'AC']);
  });

  test('growing the pool starts queued jobs at once; shrinking lets running jobs finish', async () => {
    const backend = new ManualBackend();
    const pool = new WorkerPool(backend, { workers: 1 });
    const all = ['a', 'b', 'c', 'd'].map((id) => pool.submit(job(id)));
    await tick();
    assert.equal(backend.started.length, 1);
    pool.setWorkers(3);
    await tick();
    assert.deepEqual(backend.started.map((s) => s.id), ['a', 'b', 'c']);
    pool.setWorkers(1);
    assert.equal(pool.busy, 3, 'running jobs are not interrupted');
    assert.equal(pool.workerStates().length, 3, 'slots above the size stay visible until their job ends');
    backend.running('c').finish();
    backend.running('b').finish();
    await tick();
    assert.equal(backend.started.length, 3, 'no new job while more than one is running');
    backend.running('a').finish();
    await tick();
    assert.deepEqual(backend.started.map((s) => s.id), ['a', 'b', 'c', 'd']);
    assert.equal(backend.running('d').slot, 0);
    backend.running('d').finish();
    await Promise.all(all);
    assert.equal(pool.workerStates().length, 1);
    assert.throws(() => pool.setWorkers(0), /positive integer/);
  });

  test('pause holds the queue, resume releases it in order', async () => {
    const backend = new ManualBackend();
    const pool = new WorkerPool(backend, { workers: 1 });
    pool.pause();
    const all = ['a', 'b', 'c'].map((id) => pool.submit(job(id)));
    await tick();
    assert.equal(backend.started.length, 0);
    assert.equal(pool.queued, 3);
    pool.resume();
    await tick();
    assert.deepEqual(backend.started.map((s) => s.id), ['a']);
    backend.running('a').finish();
    await tick();
    backend.running('b').finish();
    await tick();
    backend.running('c').finish();
    await Promise.all(all);
    assert.deepEqual(backend.started.map((s) => s.id), ['a', 'b', 'c']);
  });

  test('cancel removes a queued job (JE) and asks the backend to stop a running one', async () => {
    const backend = new ManualBackend();
    const pool = new WorkerPool(backend, { workers: 1 });
    const running = pool.submit(job('a'));
    const queued = pool.submit(job('b'));
    await tick();
    assert.ok(pool.cancel('b'));
    const cancelled = await queued;
    assert.equal(cancelled.verdict, 'JE');
    assert.match(cancelled.error ?? '', /cancelled/);
    assert.ok(pool.cancel('a'));
    assert.deepEqual(backend.cancelled, ['a']);
    assert.equal(pool.cancel('nope'), false);
    backend.running('a').finish('JE');
    assert.equal((await running).verdict, 'JE');
  });

  test('preempt stops a running job to free its worker: no verdict, no retry, unless its verdict came first', async () => {
    const backend = new ManualBackend();
    const pool = new WorkerPool(backend, { workers: 1 });
    const a = pool.submit(job('a'));
    const b = pool.submit(job('b'));
    await tick();
    assert.equal(pool.preempt('b'), false, 'a queued job is not running');
    assert.ok(pool.preempt('a'));
    assert.ok(pool.preempt('a'), 'asking again changes nothing');
    assert.deepEqual(backend.cancelled, ['a']);
    assert.equal(pool.workerStates()[0].stopping, true);
    assert.equal(pool.busy, 1, 'the worker is busy until the backend has stopped the job');
    backend.running('a').finish('JE', { error: 'judging was cancelled' }); // how the judgehost reports a cancelled run
    const stopped = await a;
    assert.deepEqual([stopped.verdict, stopped.preempted], ['JE', true]);
    await tick();
    assert.deepEqual(backend.started.map((s) => s.id), ['a', 'b'], 'b takes the freed worker; the pool does not judge a again');
    assert.equal(pool.workerStates()[0].stopping, false);
    // A judgehost that dies while the job is being stopped: no fault of the job's, not judged again here either.
    assert.ok(pool.preempt('b'));
    backend.running('b').finish('JE', { judgeFault: true, error: 'the judgehost was killed by SIGKILL' });
    assert.equal((await b).preempted, true);
    await tick();
    assert.equal(backend.started.length, 2);
    // A verdict that arrives before the stop took effect stands.
    const c = pool.submit(job('c'));
    await tick();
    assert.ok(pool.preempt('c'));
    backend.running('c').finish('WA');
    const judged = await c;
    assert.deepEqual([judged.verdict, judged.preempted], ['WA', undefined]);
  });

  test('a listener that stops a job as soon as it has a worker reaches the backend after the job', async () => {
    const backend = new ManualBackend();
    const pool = new WorkerPool(backend, { workers: 1 });
    pool.onChange(() => {
      if (pool.workerStates()[0].jobId === 'a') pool.preempt('a');
    });
    const a = pool.submit(job('a'));
    await tick();
    assert.deepEqual(backend.log, ['judge a', 'cancel a'], 'a cancel sent before its job would stop nothing');
    backend.running('a').finish('JE');
    assert.equal((await a).preempted, true);
  });

  test('a backend failure becomes JE for that job and the pool keeps going', async () => {
    const backend = new ManualBackend();
    const pool = new WorkerPool(backend, { workers: 1 });
    const first = pool.submit(job('a'));
    const second = pool.submit(job('b'));
    await tick();
    backend.running('a').fail(new Error('host crashed'));
    const failed = await first;
    assert.equal(failed.verdict, 'JE');
    assert.match(failed.error ?? '', /host crashed/);
    await tick();
    backend.running('b').finish();
    assert.equal((await second).verdict, 'AC');
  });
});
