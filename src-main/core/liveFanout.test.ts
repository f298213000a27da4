// The core's fan-out on a real store: every event reaches the transport, the scoreboard signal is
// throttled, a team's progress is throttled per judging. (That teams hear of no change they cannot
// see during the freeze is tested over HTTP: server/freezeLeaks.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LiveJudging } from '../judging/judgingService.ts';
import { ScoreboardService } from '../store/scoreboardService.ts';
import type { StoredEvent } from '../store/store.ts';
import { HOUR, judgeResult, source, START, tempStore } from '../store/testFixtures.ts';
import { startLiveFanout, type LiveSink } from './liveFanout.ts';

/** A transport that keeps what it was asked to deliver. */
class RecordingSink implements LiveSink {
  readonly events: StoredEvent[] = [];
  readonly toJudges: Array<{ version: number; at: number }> = [];
  readonly toTeams: string[] = [];
  readonly toTeam: Array<[string, string, unknown]> = [];
  publish(event: StoredEvent): void {
    this.events.push(event);
  }
  publishToJudges(type: string, data: unknown): void {
    assert.equal(type, 'scoreboard');
    this.toJudges.push({ version: (data as { version: number }).version, at: performance.now() });
  }
  publishToTeams(type: string): void {
    this.toTeams.push(type);
  }
  publishToTeam(teamId: string, type: string, data: unknown): void {
    this.toTeam.push([teamId, type, data]);
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The fan-out on a fresh store; `progress` calls the judging service's progress listeners. */
function fanout(now: number) {
  const t = tempStore();
  t.store.contest.setTimes({ startTime: START, durationMs: 5 * HOUR, freezeMs: HOUR }, START);
  const progressListeners = new Set<(live: LiveJudging) => void>();
  const judging = {
    addProgressListener(listener: (live: LiveJudging) => void) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
  };
  const sink = new RecordingSink();
  const scoreboard = new ScoreboardService(t.store);
  const stop = startLiveFanout({ store: t.store, scoreboard, judging, now: () => now }, sink);
  const progress = (live: LiveJudging) => {
    for (const listener of progressListeners) listener(live);
  };
  return { store: t.store, scoreboard, sink, progress, stop, dispose: () => (stop(), t.dispose()) };
}

function submit(store: ReturnType<typeof fanout>['store'], teamId: string, at: number) {
  return store.submissions.add({ teamId, problemId: 'hello', languageId: 'python', fileName: 'a.py', source: source('print(1)'), submittedAt: at, idempotencyKey: null }).submission;
}

test('every store event reaches the transport; a burst of changes costs one scoreboard signal now and at most one after', async () => {
  const f = fanout(START + HOUR);
  try {
    for (let i = 0; i < 100; i++) submit(f.store, i % 2 === 0 ? 't1' : 't2', START + 60_000 + i);
    assert.equal(f.sink.events.filter((e) => e.type === 'submissions').length, 100);
    assert.equal(f.sink.toJudges.length, 1, 'the first change is signalled at once');
    await until(() => f.sink.toJudges.length === 2, 'the trailing signal of the burst');
    // The trailing signal names the board as it is after the whole burst: nothing more is pending.
    assert.equal(f.sink.toJudges[1].version, f.scoreboard.currentVersion);
    assert.ok(f.sink.toJudges[1].at - f.sink.toJudges[0].at >= 240, 'signals at most every 250 ms');
    submit(f.store, 't1', START + 70_000);
    await until(() => f.sink.toJudges.length === 3, 'the signal of a later change');
    assert.equal(f.sink.toJudges[2].version, f.scoreboard.currentVersion);
  } finally {
    f.dispose();
  }
});

test("a team hears of its judging's progress at most every half second, nothing of a rejudging's, and nothing once the fan-out stops", () => {
  const f = fanout(START + HOUR);
  try {
    const running: LiveJudging = { submissionId: '7', judgementId: '9', teamId: 't1', rejudgingId: null, progress: null };
    f.progress(running);
    f.progress(running);
    f.progress({ ...running, submissionId: '8', judgementId: '10' });
    f.progress({ ...running, submissionId: '5', judgementId: '13', rejudgingId: '1' }); // a rejudging's: the judges' only
    assert.deepEqual(f.sink.toTeam, [
      ['t1', 'progress', { submissionId: '7' }],
      ['t1', 'progress', { submissionId: '8' }],
    ]);
    f.stop();
    f.progress({ ...running, submissionId: '11', judgementId: '12' });
    assert.equal(f.sink.toTeam.length, 2);
  } finally {
    f.dispose();
  }
});

test('a judging that starts leaves the scoreboard as it is; its verdict, or its judgement losing its place, changes it', () => {
  const f = fanout(START + HOUR);
  try {
    const submission = submit(f.store, 't1', START + 60_000);
    const queued = f.scoreboard.snapshot('judges');
    const judgement = f.store.judgements.start(submission.id, 'h');
    assert.equal(f.sink.events.at(-1)?.type, 'judgements', 'the start is published');
    assert.equal(f.scoreboard.snapshot('judges'), queued, 'the board computed before the start still holds');
    f.store.judgements.finish(judgement, judgeResult('AC', [['1', 'AC', 10]]));
    const judged = f.scoreboard.snapshot('judges');
    assert.notEqual(judged, queued);
    assert.equal(judged.rows.find((r) => r.teamId === 't1')?.solved, 1);
    // A rejudge invalidates the verdict (an update), then starts again (a create with no verdict): pending again.
    f.store.judgements.rejudge(submission.id);
    f.store.judgements.start(submission.id, 'h');
    assert.equal(f.scoreboard.snapshot('judges').rows.find((r) => r.teamId === 't1')?.solved, 0);
  } finally {
    f.dispose();
  }
});
