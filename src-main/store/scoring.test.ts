// A score contest in the store: scores and test groups' results stored with their judgement, read back,
// announced in CLICS, and ranked by the scoreboard service; overrides and rejudges keep working.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GroupResult, JudgeResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';
import { ScoreboardService } from './scoreboardService.ts';
import type { Store } from './store.ts';
import { contestDefinition, HOUR, judgeResult, START, tempStore } from './testFixtures.ts';

/** A scoring problem's result: subtasks secret/g1 (worth 40) and secret/g2 (worth 60), each all or nothing. */
function scored(g1: boolean, g2: boolean): JudgeResult {
  const v = (ok: boolean): Verdict => (ok ? 'AC' : 'WA');
  const result = judgeResult(g1 && g2 ? 'AC' : 'WA', [['secret/g1/1', v(g1), 10], ['secret/g2/1', v(g2), 20]]);
  const g1Score = g1 ? 40 : 0;
  const g2Score = g2 ? 60 : 0;
  const groups: GroupResult[] = [
    { name: '', verdict: result.verdict, score: g1Score + g2Score, maxScore: 100 },
    { name: 'secret', verdict: result.verdict, score: g1Score + g2Score, maxScore: 100 },
    { name: 'secret/g1', verdict: v(g1), score: g1Score, maxScore: 40 },
    { name: 'secret/g2', verdict: v(g2), score: g2Score, maxScore: 60 },
  ];
  result.tests[0].score = g1Score;
  result.tests[1].score = g2Score;
  return { ...result, score: g1Score + g2Score, groups };
}

function scoreContest(mode: 'best-submission' | 'best-per-subtask') {
  const t = tempStore({ imported: false });
  t.store.contest.import({ ...contestDefinition(), scoring: { scoreboardType: 'score', scoreMode: mode } }, { hashPasswords: false, now: START - HOUR });
  t.store.contest.setProblemInfo('hello', { timeLimitMs: 1000, testDataCount: 2, scoring: true, maxScore: 100 }, START - HOUR);
  t.store.contest.setProblemInfo('sum', { timeLimitMs: 1000, testDataCount: 1 }, START - HOUR);
  return t;
}

/** Submits and judges one submission at contest minute `minute`; returns its id. */
function judged(store: Store, teamId: string, problemId: string, minute: number, result: JudgeResult): string {
  const at = START + minute * 60_000;
  const { submission } = store.submissions.add({ teamId, problemId, languageId: 'python', fileName: 'a.py', source: Buffer.from('print(1)'), submittedAt: at });
  const judgement = store.judgements.start(submission.id, 'host', at);
  assert.equal(store.judgements.finish(judgement, result, at + 1000), true);
  return submission.id;
}

test('a judgement keeps its score, its groups and its runs\' scores; they are read back and announced in CLICS', () => {
  const t = scoreContest('best-submission');
  try {
    const id = judged(t.store, 't1', 'hello', 10, scored(true, false));
    const submission = t.store.submissions.get(id)!;
    assert.equal(submission.score, 40);
    const [judgement] = t.store.judgements.list({ submissionId: id });
    assert.equal(judgement.score, 40);
    assert.deepEqual(judgement.groups?.map((g) => [g.name, g.verdict, g.score, g.maxScore]), [
      ['', 'WA', 40, 100],
      ['secret', 'WA', 40, 100],
      ['secret/g1', 'AC', 40, 40],
      ['secret/g2', 'WA', 0, 60],
    ]);
    assert.deepEqual(t.store.judgements.runs(judgement.id).map((r) => r.score), [40, 0]);
    // A pass-fail problem's judgement has no score of its own.
    const plain = judged(t.store, 't1', 'sum', 11, judgeResult('AC', [['1', 'AC', 5]]));
    assert.equal(t.store.submissions.get(plain)!.score, null);
    assert.equal(t.store.judgements.list({ submissionId: plain })[0].groups, null);

    // What CLICS hears: the contest's type without a penalty, problems' max_score, judgements' and runs' scores.
    const events = t.store.events.since(null, 100_000);
    const contest = events.findLast((e) => e.type === 'contest')!.data!;
    assert.equal(contest.scoreboard_type, 'score');
    assert.ok(!('penalty_time' in contest));
    const problem = (pid: string) => events.findLast((e) => e.type === 'problems' && e.id === pid)!.data!;
    assert.equal(problem('hello').max_score, 100);
    assert.equal(problem('sum').max_score, 1, 'a pass-fail problem: an AC scores 1');
    const judgementEvent = (jid: string) => events.findLast((e) => e.type === 'judgements' && e.id === jid)!.data!;
    assert.equal(judgementEvent(judgement.id).score, 40);
    assert.equal(judgementEvent(t.store.judgements.list({ submissionId: plain })[0].id).score, 1);
    assert.deepEqual(events.filter((e) => e.type === 'runs' && e.data!.judgement_id === judgement.id).map((e) => e.data!.score), [40, 0]);

    // Still there after reopening.
    const reopened = t.reopen();
    assert.deepEqual(reopened.judgements.get(judgement.id), judgement);
  } finally {
    t.dispose();
  }
});

test('the scoreboard service ranks a score contest by total score; overrides and rejudges count as they should', () => {
  const t = scoreContest('best-submission');
  try {
    const board = new ScoreboardService(t.store);
    judged(t.store, 't1', 'hello', 10, scored(true, false)); // 40
    const t1Best = judged(t.store, 't1', 'hello', 20, scored(false, true)); // 60
    judged(t.store, 't1', 'sum', 30, judgeResult('AC', [['1', 'AC', 5]])); // 1
    judged(t.store, 't2', 'hello', 15, scored(true, true)); // 100
    board.invalidate();
    let rows = board.snapshot('judges', START + 2 * HOUR).rows;
    assert.deepEqual(rows.map((r) => [r.rank, r.teamId, r.score]), [
      [1, 't2', 100],
      [2, 't1', 61],
      [3, 't3', 0],
    ]);
    assert.deepEqual(rows[1].problems.map((c) => [c.problemId, c.score, c.timeMinutes]), [['hello', 60, 20], ['sum', 1, 30]]);

    // A judge sets t1's best to CE: it no longer counts, its 40 does.
    t.store.judgements.override(t1Best, 'CE', 'copied code', 'judge', START + 2 * HOUR);
    board.invalidate();
    rows = board.snapshot('judges', START + 2 * HOUR).rows;
    assert.equal(rows.find((r) => r.teamId === 't1')!.score, 41);
    // A rejudge: pending until judged again, then its new score counts.
    t.store.judgements.rejudge(t1Best, START + 2 * HOUR);
    board.invalidate();
    rows = board.snapshot('judges', START + 2 * HOUR).rows;
    const t1 = rows.find((r) => r.teamId === 't1')!;
    assert.deepEqual([t1.score, t1.problems[0].pending], [41, 1]);
    const again = t.store.judgements.start(t1Best, 'host', START + 2 * HOUR);
    t.store.judgements.finish(again, scored(true, true), START + 2 * HOUR);
    board.invalidate();
    rows = board.snapshot('judges', START + 2 * HOUR).rows;
    assert.deepEqual(rows.map((r) => [r.rank, r.teamId, r.score]), [
      [1, 't1', 101],
      [2, 't2', 100],
      [3, 't3', 0],
    ]);
  } finally {
    t.dispose();
  }
});

test('best per subtask: the service reads the judgements\' groups; the public board hides the freeze', () => {
  const t = scoreContest('best-per-subtask');
  try {
    const board = new ScoreboardService(t.store);
    judged(t.store, 't1', 'hello', 10, scored(true, false)); // g1: 40
    judged(t.store, 't1', 'hello', 20, scored(false, true)); // g2: 60 → 100 over both
    // After the freeze (the contest's last hour): hidden from the public.
    judged(t.store, 't2', 'hello', 4 * 60 + 30, scored(true, true));
    board.invalidate();
    const judges = board.snapshot('judges', START + 5 * HOUR - 1000).rows;
    assert.deepEqual(judges.map((r) => [r.rank, r.teamId, r.score]), [
      [1, 't1', 100],
      [2, 't2', 100],
      [3, 't3', 0],
    ]);
    const publicView = board.snapshot('public', START + 5 * HOUR - 1000);
    assert.equal(publicView.frozen, true);
    const t2 = publicView.rows.find((r) => r.teamId === 't2')!;
    assert.deepEqual([t2.score, t2.problems[0].pending], [0, 1]);
    assert.ok(!publicView.rows.some((r) => r.teamId === 't3'), 'the hidden team is the judges\' only');
  } finally {
    t.dispose();
  }
});

test('re-importing a pass-fail folder makes the contest pass-fail again; a pass-fail contest ranks a scoring problem by its AC', () => {
  const t = scoreContest('best-submission');
  try {
    judged(t.store, 't1', 'hello', 10, scored(true, false));
    judged(t.store, 't2', 'hello', 20, scored(true, true));
    t.store.contest.import(contestDefinition(), { hashPasswords: false, now: START });
    assert.deepEqual([t.store.contest.get()!.scoreboardType, t.store.contest.get()!.scoreMode], ['pass-fail', 'best-submission']);
    const contest = t.store.events.since(null, 100_000).findLast((e) => e.type === 'contest')!.data!;
    assert.deepEqual([contest.scoreboard_type, contest.penalty_time], ['pass-fail', '0:20:00.000']);
    assert.ok(!('max_score' in t.store.events.since(null, 100_000).findLast((e) => e.type === 'problems' && e.id === 'hello')!.data!));
    const rows = new ScoreboardService(t.store).snapshot('judges', START + HOUR).rows;
    assert.deepEqual(rows.map((r) => [r.rank, r.teamId, r.solved, r.score]), [
      [1, 't2', 1, undefined],
      [2, 't1', 0, undefined],
      [2, 't3', 0, undefined],
    ]);
  } finally {
    t.dispose();
  }
});
