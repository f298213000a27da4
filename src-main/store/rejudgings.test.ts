// Rejudgings in the store: their judgements are never current and announce nothing until the rejudging is
// applied, then every one becomes current in one transaction with its events; a cancelled one leaves
// everything anyone saw as it was; a restart in the middle loses nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Verdict } from '../common/types.ts';
import type { Store } from './store.ts';
import { judgeResult, source, START, tempStore } from './testFixtures.ts';

function submit(store: Store, teamId: string, text: string, at: number): string {
  return store.submissions.add({ teamId, problemId: 'hello', languageId: 'python', fileName: 'main.py', source: source(text), submittedAt: at }).submission.id;
}

/** Starts and finishes the judging of a queued submission; returns its judgement. */
function judge(store: Store, submissionId: string, verdict: Verdict): string {
  const j = store.judgements.start(submissionId, 'h');
  assert.equal(store.judgements.finish(j, judgeResult(verdict, [['sample/1', verdict, 10]])), true);
  return j;
}

/** The judgement and run events after `token`: [type, op, id, current or null]. */
function judgingEvents(store: Store, token: string | null): [string, string, string, boolean | null][] {
  return store.events
    .since(token, 100_000)
    .filter((e) => e.type === 'judgements' || e.type === 'runs')
    .map((e) => [e.type, e.op, e.id!, e.type === 'judgements' ? (e.data as { current: boolean }).current : null]);
}

/** Each submission's [status, verdict] as everyone sees it. */
function seen(store: Store, ids: string[]): [string, Verdict | null][] {
  return ids.map((id) => {
    const s = store.submissions.get(id)!;
    return [s.status, s.verdict];
  });
}

test('a rejudging judges into judgements nobody else sees; applied, they all become current at once with their events', () => {
  const t = tempStore();
  try {
    const store = t.store;
    const a = submit(store, 't1', 'a', START + 1000);
    const b = submit(store, 't2', 'b', START + 2000);
    const oldA = judge(store, a, 'AC');
    const oldB = judge(store, b, 'TLE');
    const c = submit(store, 't1', 'c', START + 3000);
    const before = store.events.lastToken();

    assert.throws(() => store.rejudgings.create([a, c], 'time limit raised', 'judge', START + 4000), /submission 3 has no verdict yet/);
    const r = store.rejudgings.create([a, b], 'time limit raised', 'judge', START + 4000);
    assert.deepEqual([r.state, r.total, r.done, r.createdBy, r.reason], ['open', 2, 0, 'judge', 'time limit raised']);
    assert.deepEqual(seen(store, [a, b]), [['judged', 'AC'], ['judged', 'TLE']], 'nothing changed as anyone sees it');
    assert.equal(store.submissions.get(a)!.rejudgingId, r.id);
    assert.deepEqual(store.queue.nextInLine(10).map((p) => [p.id, p.priority]), [[c, 0], [a, -1], [b, -1]], 'behind every new submission');
    assert.throws(() => store.rejudgings.create([b], 'again', 'judge'), /submission 2 is already in rejudging 1/);
    assert.throws(() => store.judgements.rejudge(a), /apply or cancel that first/);

    judge(store, c, 'WA');
    const newA = judge(store, a, 'WA');
    assert.deepEqual(seen(store, [a]), [['judged', 'AC']]);
    assert.deepEqual(store.judgements.list({ submissionId: a }).map((j) => j.id), [oldA], 'the Contest API knows only the current one');
    const newB = store.judgements.start(b, 'h');
    assert.equal(store.judgements.addRuns(newB, [{ ordinal: 1, test: judgeResult('AC', [['sample/1', 'AC', 10]]).tests[0], time: START + 5000 }]), 1);
    assert.deepEqual(
      store.rejudgings.items(r.id).map((i) => [i.submissionId, i.oldVerdict, i.newVerdict, i.status]),
      [[a, 'AC', 'WA', 'judged'], [b, 'TLE', null, 'judging']],
    );
    assert.throws(() => store.rejudgings.apply(r.id, 'judge'), /rejudging 1 is not finished: 1 submission still to judge/);
    assert.deepEqual(judgingEvents(store, before).filter(([, , id]) => id !== '3' && id !== '4'), [], 'the feed heard only of c');

    assert.equal(store.judgements.finish(newB, judgeResult('AC', [['sample/1', 'AC', 10]])), true);
    assert.equal(store.rejudgings.get(r.id)!.done, 2);
    const beforeApply = store.events.lastToken();
    const applied = store.rejudgings.apply(r.id, 'chief', START + 9000);
    assert.deepEqual([applied.state, applied.closedBy, applied.closedAt], ['applied', 'chief', START + 9000]);
    assert.deepEqual(seen(store, [a, b]), [['judged', 'WA'], ['judged', 'AC']]);
    assert.equal(store.submissions.get(a)!.rejudgingId, null);
    const runOf = (j: string) => store.judgements.runs(j)[0].id;
    assert.deepEqual(judgingEvents(store, beforeApply), [
      ['judgements', 'update', oldA, false],
      ['judgements', 'create', newA, true],
      ['runs', 'create', runOf(newA), null],
      ['judgements', 'update', newA, true],
      ['judgements', 'update', oldB, false],
      ['judgements', 'create', newB, true],
      ['runs', 'create', runOf(newB), null],
      ['judgements', 'update', newB, true],
    ]);
    assert.deepEqual(store.judgements.list({ submissionId: a }).map((j) => [j.id, j.valid]), [[oldA, false], [newA, true]]);
    assert.throws(() => store.rejudgings.apply(r.id, 'judge'), /rejudging 1 is already applied/);
    assert.doesNotThrow(() => store.judgements.rejudge(a), 'out of the rejudging, a submission can be rejudged again');
  } finally {
    t.dispose();
  }
});

test('applying is all or nothing: a failure halfway leaves every verdict, event and the rejudging as they were', () => {
  const t = tempStore();
  try {
    const store = t.store;
    const a = submit(store, 't1', 'a', START + 1000);
    const b = submit(store, 't2', 'b', START + 2000);
    judge(store, a, 'AC');
    judge(store, b, 'AC');
    const r = store.rejudgings.create([a, b], 'new test data', 'judge');
    judge(store, a, 'WA');
    judge(store, b, 'WA');
    // The second submission's new judgement cannot become current: the first one's change must be undone too.
    store.db.prepare(`CREATE TEMP TRIGGER fail_b BEFORE UPDATE OF valid ON judgements WHEN NEW.valid = 1 AND NEW.submission_id = ${b}
                      BEGIN SELECT RAISE(ABORT, 'the disk failed'); END`).run();
    const before = store.events.lastToken();
    assert.throws(() => store.rejudgings.apply(r.id, 'judge'), /the disk failed/);
    assert.deepEqual(seen(store, [a, b]), [['judged', 'AC'], ['judged', 'AC']]);
    assert.equal(store.events.lastToken(), before, 'no event');
    assert.equal(store.rejudgings.get(r.id)!.state, 'open');
    store.db.prepare('DROP TRIGGER fail_b').run();
    store.rejudgings.apply(r.id, 'judge');
    assert.deepEqual(seen(store, [a, b]), [['judged', 'WA'], ['judged', 'WA']]);
  } finally {
    t.dispose();
  }
});

test('a cancelled rejudging changes nothing anyone saw, drops its queue, and refuses what a running judging would store', () => {
  const t = tempStore();
  try {
    const store = t.store;
    const a = submit(store, 't1', 'a', START + 1000);
    const b = submit(store, 't2', 'b', START + 2000);
    const c = submit(store, 't2', 'c', START + 2500);
    const oldA = judge(store, a, 'AC');
    judge(store, b, 'TLE');
    judge(store, c, 'RTE');
    const before = store.events.lastToken();
    const r = store.rejudgings.create([a, b, c], 'wrong checker', 'judge');
    judge(store, a, 'WA');
    const running = store.judgements.start(b, 'h');

    assert.deepEqual(store.rejudgings.cancel(r.id, 'chief', START + 6000), [b], 'b is being judged: the caller stops it');
    assert.equal(store.judgements.finish(running, judgeResult('AC', [['sample/1', 'AC', 10]])), false, 'its verdict is refused');
    assert.equal(store.judgements.returnToQueue(running), false);
    assert.deepEqual(seen(store, [a, b, c]), [['judged', 'AC'], ['judged', 'TLE'], ['judged', 'RTE']]);
    assert.deepEqual(store.queue.nextInLine(10), [], 'c no longer waits');
    assert.equal(store.events.lastToken(), before, 'the feed heard nothing of it');
    assert.deepEqual(store.judgements.list({ submissionId: a }).map((j) => j.id), [oldA]);
    const closed = store.rejudgings.get(r.id)!;
    assert.deepEqual([closed.state, closed.closedBy, closed.done, closed.total], ['cancelled', 'chief', 1, 3]);
    assert.deepEqual(store.rejudgings.items(r.id).map((i) => [i.oldVerdict, i.newVerdict, i.status]), [['AC', 'WA', 'judged'], ['TLE', null, 'judged'], ['RTE', null, 'judged']]);
    assert.throws(() => store.rejudgings.cancel(r.id, 'judge'), /already cancelled/);
    assert.equal(store.rejudgings.create([a, b], 'once more', 'judge').id, '2', 'its submissions are free for another');
  } finally {
    t.dispose();
  }
});

test('a restart in the middle of a rejudging loses nothing: what was judged stays, what was being judged is judged again', () => {
  const t = tempStore();
  try {
    const a = submit(t.store, 't1', 'a', START + 1000);
    const b = submit(t.store, 't2', 'b', START + 2000);
    const oldB = judge(t.store, a, 'AC') && judge(t.store, b, 'TLE');
    const r = t.store.rejudgings.create([a, b], 'time limit raised', 'judge');
    const newA = judge(t.store, a, 'AC');
    const dropped = t.store.judgements.start(b, 'h');
    const before = t.store.events.lastToken();

    const store = t.reopen();
    assert.equal(store.judgements.recoverInFlight(), 1);
    assert.deepEqual(seen(store, [a, b]), [['judged', 'AC'], ['judged', 'TLE']]);
    assert.equal(store.submissions.get(b)!.judgementId, oldB, 'its current judgement untouched');
    assert.deepEqual(store.queue.nextInLine(10).map((p) => [p.id, p.priority]), [[b, -1]]);
    assert.equal(store.judgements.finish(dropped, judgeResult('AC', [])), false, 'the judging cut short stores nothing');
    const newB = judge(store, b, 'AC');
    assert.notEqual(newB, dropped);
    assert.deepEqual(store.rejudgings.items(r.id).map((i) => [i.newJudgementId, i.newVerdict]), [[newA, 'AC'], [newB, 'AC']]);
    assert.equal(store.events.lastToken(), before, 'nothing announced');
    store.rejudgings.apply(r.id, 'judge');
    assert.deepEqual(seen(store, [a, b]), [['judged', 'AC'], ['judged', 'AC']]);
    assert.deepEqual(store.judgements.list({ submissionId: b }).map((j) => j.id), [oldB, newB], 'the dropped judgement never reaches the API');
  } finally {
    t.dispose();
  }
});
