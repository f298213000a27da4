import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreboardToClics } from './scoreboard.ts';
import { computeScoreScoreboard, countedScore, type ScoredSubmission } from './scoreScoreboard.ts';
import type { Verdict } from '../common/types.ts';

const MIN = 60_000;
const PROBLEMS = [{ id: 'tasks' }, { id: 'plain' }];

let nextId = 1;
/** A judged submission at `minute`: a scoring problem's when `score` is a number, a pass-fail problem's when null. */
function sub(teamId: string, problemId: string, minute: number, verdict: Verdict | null, score: number | null, groups?: Array<[string, number]>): ScoredSubmission {
  return { id: String(nextId++), teamId, problemId, contestTimeMs: minute * MIN, verdict, score, groups: groups?.map(([name, s]) => ({ name, score: s })) ?? null };
}

describe('countedScore', () => {
  it('a scoring judgement its score, a pass-fail one 1 for AC and 0 otherwise, CE 0, pending (none, JE) null', () => {
    assert.equal(countedScore('WA', 42.5), 42.5);
    assert.equal(countedScore('AC', 100), 100);
    assert.equal(countedScore('AC', null), 1);
    assert.equal(countedScore('TLE', null), 0);
    assert.equal(countedScore('CE', null), 0);
    assert.equal(countedScore('CE', 30), 0, 'a judge who overrides to CE takes the score away');
    assert.equal(countedScore('JE', 30), null);
    assert.equal(countedScore(null, null), null);
  });
});

describe('computeScoreScoreboard: best submission (IOI)', () => {
  const teams = [{ id: 't1' }, { id: 't2' }, { id: 't3' }, { id: 't4' }, { id: 'h', hidden: true }];
  const submissions = [
    // t1: 30 then 70 then 50 on tasks (best 70, reached at minute 40), AC on plain at 10: 71.
    sub('t1', 'tasks', 20, 'WA', 30),
    sub('t1', 'tasks', 40, 'WA', 70),
    sub('t1', 'tasks', 60, 'WA', 50),
    sub('t1', 'plain', 10, 'AC', null),
    // t2: 71 too, but its last improvement is later (minute 50): ranked after t1.
    sub('t2', 'tasks', 50, 'AC', 71),
    sub('t2', 'plain', 5, 'WA', null),
    sub('t2', 'plain', 6, 'CE', null),
    sub('t2', 'plain', 7, 'RTE', null),
    sub('t2', 'tasks', 8, 'WA', 0.5),
    // t3: a pending submission and a JE, nothing scored.
    sub('t3', 'tasks', 30, null, null),
    sub('t3', 'plain', 31, 'JE', null),
    // t4: 71 reached at minute 40 like t1: the same rank.
    sub('t4', 'tasks', 40, 'AC', 71),
    // The hidden team's AC is first, but it is not first to solve.
    sub('h', 'tasks', 1, 'AC', 100),
  ];

  it('ranks by total score, then the last improvement; ties share a rank; cells hold the best score and when it was reached', () => {
    const rows = computeScoreScoreboard({ problems: PROBLEMS, teams, submissions, mode: 'best-submission' });
    assert.deepEqual(rows.map((r) => [r.rank, r.teamId, r.score]), [
      [1, 't1', 71],
      [1, 't4', 71],
      [3, 't2', 71],
      [4, 't3', 0],
    ]);
    const t1 = rows[0];
    assert.equal(t1.lastSolveMs, 40 * MIN);
    assert.deepEqual(t1.problems[0], { problemId: 'tasks', attempts: 3, pending: 0, solved: false, timeMinutes: 40, firstToSolve: false, score: 70 });
    assert.deepEqual(t1.problems[1], { problemId: 'plain', attempts: 1, pending: 0, solved: true, timeMinutes: 10, firstToSolve: true, score: 1 });
    const t2 = rows[2];
    assert.deepEqual(t2.problems[1], { problemId: 'plain', attempts: 2, pending: 0, solved: false, timeMinutes: null, firstToSolve: false, score: 0 }, 'CE is not an attempt');
    assert.equal(t2.problems[0].firstToSolve, false, "t4's AC at minute 40 is before t2's at 50");
    assert.equal(rows[1].problems[0].firstToSolve, true);
    const t3 = rows[3];
    assert.equal(t3.lastSolveMs, null);
    assert.deepEqual(t3.problems.map((c) => c.pending), [1, 1]);
  });

  it('the judges see hidden teams; the freeze makes later submissions pending', () => {
    const judges = computeScoreScoreboard({ problems: PROBLEMS, teams, submissions, mode: 'best-submission', includeHidden: true });
    assert.deepEqual(judges[0].teamId, 'h');
    const frozen = computeScoreScoreboard({ problems: PROBLEMS, teams, submissions, mode: 'best-submission', freezeAtMs: 40 * MIN });
    const t1 = frozen.find((r) => r.teamId === 't1')!;
    assert.equal(t1.score, 31, 'the 70 at minute 40 is hidden: 30 + 1');
    assert.deepEqual([t1.problems[0].attempts, t1.problems[0].pending], [1, 2]);
    assert.deepEqual(frozen.map((r) => r.teamId), ['t1', 't2', 't3', 't4']);
  });

  it('sums scores at a fixed precision: 0.1 + 0.2 ties 0.3', () => {
    const rows = computeScoreScoreboard({
      problems: [{ id: 'a' }, { id: 'b' }],
      teams: [{ id: 'x' }, { id: 'y' }],
      submissions: [sub('x', 'a', 10, 'WA', 0.1), sub('x', 'b', 10, 'WA', 0.2), sub('y', 'a', 10, 'WA', 0.3)],
      mode: 'best-submission',
    });
    assert.deepEqual(rows.map((r) => [r.rank, r.teamId, r.score]), [[1, 'x', 0.3], [1, 'y', 0.3]]);
  });
});

describe('computeScoreScoreboard: best per subtask', () => {
  // Subtasks secret/g1 (40) and secret/g2 (60); the samples score nothing.
  const groups = (g1: number, g2: number): Array<[string, number]> => [['', g1 + g2], ['sample', 0], ['secret', g1 + g2], ['secret/g1', g1], ['secret/g2', g2]];
  const submissions = [
    sub('t1', 'tasks', 10, 'WA', 40, groups(40, 0)),
    sub('t1', 'tasks', 20, 'WA', 30, groups(0, 30)),
    sub('t1', 'tasks', 30, 'WA', 20, groups(0, 20)),
    sub('t2', 'tasks', 15, 'WA', 60, groups(0, 60)),
    sub('t1', 'plain', 5, 'AC', null),
  ];

  it("sums each subtask's best over the submissions: 40 (first) + 30 (second) = 70, reached by the second", () => {
    const rows = computeScoreScoreboard({ problems: PROBLEMS, teams: [{ id: 't1' }, { id: 't2' }], submissions, mode: 'best-per-subtask' });
    assert.deepEqual(rows.map((r) => [r.rank, r.teamId, r.score]), [[1, 't1', 71], [2, 't2', 60]]);
    assert.deepEqual([rows[0].problems[0].score, rows[0].problems[0].timeMinutes], [70, 20]);
    assert.equal(rows[0].problems[1].score, 1, 'a pass-fail problem is one part: its AC');
    const best = computeScoreScoreboard({ problems: PROBLEMS, teams: [{ id: 't1' }, { id: 't2' }], submissions, mode: 'best-submission' });
    assert.deepEqual(best.map((r) => [r.teamId, r.score]), [['t2', 60], ['t1', 41]], 'the same submissions ranked by the best one');
  });

  it('a score not the sum of its subtasks (min aggregation) is one part', () => {
    const min = (g1: number, g2: number): Array<[string, number]> => [['', Math.min(g1, g2)], ['secret/g1', g1], ['secret/g2', g2]];
    const rows = computeScoreScoreboard({
      problems: [{ id: 'tasks' }],
      teams: [{ id: 't1' }],
      submissions: [sub('t1', 'tasks', 1, 'WA', 10, min(10, 50)), sub('t1', 'tasks', 2, 'WA', 20, min(60, 20))],
      mode: 'best-per-subtask',
    });
    assert.equal(rows[0].score, 20);
  });
});

describe('scoreboardToClics: a score contest', () => {
  it('rows give score.score and each problem its score; a time only where the score is above 0', () => {
    const rows = computeScoreScoreboard({
      problems: PROBLEMS,
      teams: [{ id: 't1' }, { id: 't2' }],
      submissions: [sub('t1', 'tasks', 65, 'WA', 12.5), sub('t1', 'plain', 3, 'WA', null)],
      mode: 'best-submission',
    });
    assert.deepEqual(scoreboardToClics(rows, PROBLEMS, 'score'), [
      {
        rank: 1,
        team_id: 't1',
        score: { score: 12.5, time: '1:05:00.000' },
        problems: [
          { problem_id: 'tasks', num_judged: 1, num_pending: 0, score: 12.5, time: '1:05:00.000' },
          { problem_id: 'plain', num_judged: 1, num_pending: 0, score: 0 },
        ],
      },
      {
        rank: 2,
        team_id: 't2',
        score: { score: 0, time: null },
        problems: [
          { problem_id: 'tasks', num_judged: 0, num_pending: 0, score: 0 },
          { problem_id: 'plain', num_judged: 0, num_pending: 0, score: 0 },
        ],
      },
    ]);
  });
});
