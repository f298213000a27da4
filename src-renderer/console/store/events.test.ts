import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConsoleClarification, ConsoleClock, ConsoleEvent, ConsoleSubmission, JudgehostView, PoolView, SubmissionDetail } from '../../../src-main/shared/judgeApi.ts';
import { applyEvents, eventEffects, type EventData } from './events.ts';
import { initialSnapshot } from './snapshot.ts';
import { EMPTY_SUBMISSIONS, upsertSubmissions } from './submissions.ts';

const T0 = 1_700_000_000_000;

function submission(id: number, patch: Partial<ConsoleSubmission> = {}): ConsoleSubmission {
  return {
    id: String(id),
    teamId: 't1',
    problemId: 'a',
    languageId: 'cpp',
    fileName: 'a.cpp',
    submittedAt: T0 + id * 1000,
    contestTimeMs: id * 1000,
    status: 'queued',
    verdict: null,
    overridden: false,
    timeMs: null,
    memoryKb: null,
    score: null,
    ...patch,
  };
}

const pool = (patch: Partial<PoolView> = {}): PoolView => ({
  workers: 2,
  busy: 0,
  paused: false,
  queued: 0,
  sandbox: 'namespaces',
  judgehost: { status: 'running', restarts: 0, lastFailure: null },
  problems: [],
  ...patch,
});

const clar = (id: string, time: number, patch: Partial<ConsoleClarification> = {}): ConsoleClarification => ({
  id,
  fromTeamId: 't1',
  toTeamId: null,
  problemId: null,
  replyToId: null,
  text: 'why?',
  time,
  ...patch,
});

function state(patch: Partial<EventData> = {}): EventData & { other: string } {
  return {
    ...initialSnapshot,
    ...upsertSubmissions(EMPTY_SUBMISSIONS, [submission(1), submission(2)]),
    detailId: null,
    detail: null,
    detailError: null,
    clarifications: [],
    other: 'kept',
    ...patch,
  };
}

test('no events, or only refetch signals: the very same state', () => {
  const s = state();
  assert.equal(applyEvents(s, []), s);
  assert.equal(applyEvents(s, [{ type: 'scoreboard' }, { type: 'problems' }]), s);
  assert.equal(applyEvents(s, [{ type: 'unknown-in-a-newer-core' } as unknown as ConsoleEvent]), s);
});

test('snapshot events replace their field; the last of a kind in a batch wins; the rest keeps identity', () => {
  const s = state();
  const workers = [{ slot: 1, activity: { state: 'idle' as const } }];
  const next = applyEvents(s, [{ type: 'pool', pool: pool({ busy: 1 }) }, { type: 'workers', workers }, { type: 'pool', pool: pool({ busy: 2 }) }]);
  assert.equal(next.pool!.busy, 2);
  assert.equal(next.workers, workers);
  assert.equal(next.queue, s.queue);
  assert.equal(next.submissions, s.submissions, 'no submission event: the map is untouched');
  assert.equal(next.submissionOrder, s.submissionOrder);
  assert.equal(next.other, 'kept');
  assert.equal(s.pool, null, 'the old state is not changed');
});

test('a judgehosts event replaces the list', () => {
  const judgehosts: JudgehostView[] = [
    { id: 'local', name: 'local (this server)', local: true, workers: 2, sandbox: 'full', languages: ['c', 'python'], state: 'paused', lastHeartbeatAt: null, goneAt: null, submissionIds: [], judged: null, calibrationMs: 88, calibrationError: null, speedFactor: 1, offSpeed: false },
    { id: 'remote:jh', name: 'jh', local: false, workers: 1, sandbox: 'full', languages: ['c'], state: 'gone', lastHeartbeatAt: T0, goneAt: T0 + 6001, submissionIds: [], judged: 3, calibrationMs: 120, calibrationError: null, speedFactor: 120 / 88, offSpeed: true },
  ];
  const s = state();
  const next = applyEvents(s, [{ type: 'judgehosts', judgehosts }]);
  assert.equal(next.judgehosts, judgehosts);
  assert.equal(s.judgehosts.length, 0, 'the old state is not changed');
});

test('clock, queue and throughput events carry their data', () => {
  const clock: ConsoleClock = { startTime: T0, durationMs: 1, freezeMs: 0, penaltyMinutes: 20, serverTime: T0, started: true, frozen: false, ended: false, thawed: true };
  const queue = [{ submissionId: '2', teamId: 't1', problemId: 'a', languageId: 'cpp', position: 1, queuedAt: T0, estimatedStart: null, preempted: false }];
  const throughput = [{ at: T0, judgedPerMinute: 12, queueLength: 3 }];
  const next = applyEvents(state(), [
    { type: 'clock', clock },
    { type: 'queue', queue },
    { type: 'throughput', throughput },
  ]);
  assert.equal(next.clock, clock);
  assert.equal(next.queue, queue);
  assert.equal(next.throughput, throughput);
});

test('submission events go into the map by id; new ones into the order', () => {
  const s = state();
  const judging = submission(1, { status: 'judging' });
  const fresh = submission(3);
  const next = applyEvents(s, [{ type: 'submission', submission: judging }, { type: 'submission', submission: fresh }]);
  assert.equal(next.submissions.get('1'), judging);
  assert.deepEqual(next.submissionOrder, ['3', '2', '1']);
  assert.equal(s.submissions.get('1')!.status, 'queued');
});

test('the open detail takes the newest submission at once (its runs are refetched: see eventEffects)', () => {
  const detail: SubmissionDetail = { submission: submission(2), source: 'int main(){}', otherFiles: [], compileOutput: '', judgeError: null, judgehost: null, runs: [], groups: null, failing: null, overrides: [] };
  const s = state({ detailId: '2', detail });
  const judged = submission(2, { status: 'judged', verdict: 'WA' });
  const next = applyEvents(s, [{ type: 'submission', submission: judged }]);
  assert.equal(next.detail!.submission, judged);
  assert.equal(next.detail!.source, 'int main(){}');
  // Another submission's event leaves the detail as it is.
  const other = applyEvents(next, [{ type: 'submission', submission: submission(1, { status: 'judging' }) }]);
  assert.equal(other.detail, next.detail);
});

test('clarifications are added or replaced by id, in time order', () => {
  const s = state({ clarifications: [clar('c1', 10)] });
  const next = applyEvents(s, [
    { type: 'clarification', clarification: clar('c3', 30) },
    { type: 'clarification', clarification: clar('c2', 20) },
    { type: 'clarification', clarification: clar('c1', 10, { text: 'edited' }) },
  ]);
  assert.deepEqual(next.clarifications.map((c) => c.id), ['c1', 'c2', 'c3']);
  assert.equal(next.clarifications[0]!.text, 'edited');
});

test('eventEffects: refetch the scoreboard, the problems, the exports, the balloons, the rejudgings, the print jobs, the open detail', () => {
  assert.deepEqual(eventEffects([{ type: 'submission', submission: submission(2) }], '2'), { scoreboard: false, problems: false, exports: false, balloons: false, rejudgings: false, printJobs: false, detail: true });
  assert.deepEqual(eventEffects([{ type: 'submission', submission: submission(1) }], '2'), { scoreboard: false, problems: false, exports: false, balloons: false, rejudgings: false, printJobs: false, detail: false });
  assert.deepEqual(eventEffects([{ type: 'scoreboard' }, { type: 'problems' }], null), { scoreboard: true, problems: true, exports: false, balloons: false, rejudgings: false, printJobs: false, detail: false });
  const job = { id: 'e1', startedAt: 1, state: 'running' as const, path: '/x', filesWritten: 3, message: '' };
  assert.deepEqual(eventEffects([{ type: 'export', job }], null), { scoreboard: false, problems: false, exports: true, balloons: false, rejudgings: false, printJobs: false, detail: false });
  assert.deepEqual(eventEffects([{ type: 'balloons' }], null), { scoreboard: false, problems: false, exports: false, balloons: true, rejudgings: false, printJobs: false, detail: false });
  assert.deepEqual(eventEffects([{ type: 'rejudgings' }], null), { scoreboard: false, problems: false, exports: false, balloons: false, rejudgings: true, printJobs: false, detail: false });
  assert.deepEqual(eventEffects([{ type: 'printJobs' }], null), { scoreboard: false, problems: false, exports: false, balloons: false, rejudgings: false, printJobs: true, detail: false });
});
