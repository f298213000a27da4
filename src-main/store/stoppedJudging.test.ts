// The store's side of sharing the workers fairly: a judging the judge stopped to make room goes back to the
// queue at its place and, when it starts again, goes on as the same judgement (one judgement, one verdict in
// the event feed), across a restart too; a rejudge that came first wins.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Store } from './store.ts';
import { judgeResult, source, START, tempStore } from './testFixtures.ts';

function submit(store: Store, teamId: string, text: string, at: number): string {
  return store.submissions.add({ teamId, problemId: 'hello', languageId: 'python', fileName: 'main.py', source: source(text), submittedAt: at }).submission.id;
}

/** The judgement events after `token`: [op, judgement id, verdict or null]. */
function judgementEvents(store: Store, token: string | null): [string, string, string | null][] {
  return store
    .events.since(token, 100_000)
    .filter((e) => e.type === 'judgements')
    .map((e) => [e.op, e.id!, (e.data as { judgement_type_id: string | null }).judgement_type_id]);
}

test('a stopped judging waits at its place, keeps its open judgement through a restart, and goes on as that judgement', () => {
  const t = tempStore();
  try {
    const a1 = submit(t.store, 't1', 'a1', START + 1000);
    const a2 = submit(t.store, 't1', 'a2', START + 2000);
    const b = submit(t.store, 't2', 'b', START + 3000);
    const c = submit(t.store, 't2', 'c', START + 4000);
    t.store.judgements.start(a1, 'h');
    const j2 = t.store.judgements.start(a2, 'h'); // t1 holds two workers
    assert.deepEqual(t.store.queue.nextInLine(10), [
      { id: b, teamId: 't2', priority: 0, turn: 1 },
      { id: c, teamId: 't2', priority: 0, turn: 2 },
    ]);
    assert.equal(t.store.queue.topPriority(), 0);
    const before = t.store.events.lastToken();

    assert.equal(t.store.judgements.returnToQueue(j2), true);
    assert.deepEqual(judgementEvents(t.store, before), [], 'nothing in the feed: the judgement goes on later');
    const waiting = t.store.submissions.get(a2)!;
    assert.deepEqual([waiting.status, waiting.judgementId, waiting.verdict], ['queued', j2, null]);
    // At its place in the fair order: t1 still holds a worker, so a2 is t1's turn 2, after t2's turn 1.
    assert.deepEqual(t.store.queue.nextInLine(10), [
      { id: b, teamId: 't2', priority: 0, turn: 1 },
      { id: a2, teamId: 't1', priority: 0, turn: 2 },
      { id: c, teamId: 't2', priority: 0, turn: 2 },
    ]);
    assert.deepEqual(t.store.queue.list(10).map((s) => s.id), [b, a2, c]);
    assert.equal(t.store.queue.position(a2), 2);
    assert.equal(t.store.judgements.returnToQueue(j2), false, 'only a judging submission goes back');

    // A crash now: a1's judging was in flight and is judged anew; a2 was waiting, and its judgement stays open.
    const store = t.reopen();
    assert.equal(store.judgements.recoverInFlight(START + 5000), 1);
    assert.equal(store.submissions.get(a2)!.judgementId, j2);
    const afterRestart = store.events.lastToken();
    assert.equal(store.judgements.start(a2, 'h2'), j2, 'started again: the same judgement');
    assert.equal(store.judgements.get(j2)!.judgehost, 'h2');
    assert.ok(store.judgements.finish(j2, judgeResult('AC', [['sample/1', 'AC', 10]])));
    assert.deepEqual(judgementEvents(store, afterRestart), [['update', j2, 'AC']], 'one verdict, no second judgement');
    assert.deepEqual(store.judgements.list({ submissionId: a2 }).map((j) => [j.id, j.valid, j.verdict]), [[j2, true, 'AC']]);
  } finally {
    t.dispose();
  }
});

test('a rejudge that came first wins over putting the stopped judging back', () => {
  const t = tempStore();
  try {
    const a = submit(t.store, 't1', 'a', START + 1000);
    const j = t.store.judgements.start(a, 'h');
    t.store.judgements.rejudge(a, START + 2000);
    assert.equal(t.store.judgements.returnToQueue(j), false);
    assert.deepEqual(t.store.queue.nextInLine(10), [{ id: a, teamId: 't1', priority: -1, turn: 1 }], 'queued once, as a rejudge');
    assert.equal(t.store.queue.topPriority(), -1);
    const next = t.store.judgements.start(a, 'h');
    assert.notEqual(next, j, 'a fresh judgement: the stopped one was invalidated by the rejudge');
    assert.equal(t.store.queue.topPriority(), null, 'nothing waits');
  } finally {
    t.dispose();
  }
});
