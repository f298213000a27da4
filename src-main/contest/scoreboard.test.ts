import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Verdict } from '../common/types.ts';
import { compareIds, computeScoreboard, scoreboardToClics } from './scoreboard.ts';
import type { ScoreSubmission, ScoreboardRow } from './scoreboard.ts';

/** Contest time of mm:ss. */
const at = (min: number, sec = 0): number => (min * 60 + sec) * 1000;

const PROBLEMS = [{ id: 'pa' }, { id: 'pb' }, { id: 'pc' }];
const TEAMS = [
  { id: 't1' }, { id: 't2' }, { id: 't3' }, { id: 't4' }, { id: 't5' }, { id: 't6', hidden: true }, { id: 't7' }, { id: 't8' },
];

let nextId = 1;
function sub(teamId: string, problemId: string, time: number, verdict: Verdict | null): ScoreSubmission {
  return { id: String(nextId++), teamId, problemId, contestTimeMs: time, verdict };
}

const SUBS: ScoreSubmission[] = [
  // t1: pa WA, CE (free), AC at 15:30 (15 + 20), then a WA and a pending one that are ignored; pb AC at 40:59.
  sub('t1', 'pa', at(10), 'WA'),
  sub('t1', 'pa', at(12), 'CE'),
  sub('t1', 'pa', at(15, 30), 'AC'),
  sub('t1', 'pa', at(20), 'WA'),
  sub('t1', 'pa', at(25), null),
  sub('t1', 'pb', at(40, 59), 'AC'),
  // t2: pa AC at 5 (first non-hidden); pb RTE then AC at 50 (50 + 20). Same solved and penalty as t1, later last solve.
  sub('t2', 'pa', at(5), 'AC'),
  sub('t2', 'pb', at(30), 'RTE'),
  sub('t2', 'pb', at(50), 'AC'),
  // t3: pc AC at 60:10.
  sub('t3', 'pc', at(60, 10), 'AC'),
  // t4: pc WA, JE (pending, no penalty), AC at 40:45 (40 + 20).
  sub('t4', 'pc', at(1), 'WA'),
  sub('t4', 'pc', at(30), 'JE'),
  sub('t4', 'pc', at(40, 45), 'AC'),
  // t5: pb AC at 60:50 — the same minute as t3's last solve: tied with t3.
  sub('t5', 'pb', at(60, 50), 'AC'),
  // t6 (hidden) solves pa and pc first.
  sub('t6', 'pa', at(1), 'AC'),
  sub('t6', 'pc', at(2), 'AC'),
  // t7: only pending work.
  sub('t7', 'pa', at(10), 'JE'),
  sub('t7', 'pb', at(20), null),
  // t8: compile errors only.
  sub('t8', 'pa', at(1), 'CE'),
  sub('t8', 'pa', at(2), 'CE'),
  sub('t8', 'pc', at(50), 'CE'),
  // Unknown team and problem: ignored.
  sub('nobody', 'pa', at(0), 'AC'),
  sub('t8', 'zz', at(3), 'AC'),
];

type Cell = [attempts: number, pending: number, time: number | null, fts: boolean];
const none: Cell = [0, 0, null, false];

/** Compact view of a row: [rank, team, solved, penalty, {problem: cell}] with untouched cells left out. */
function view(rows: ScoreboardRow[]): Array<[number, string, number, number, Record<string, Cell>]> {
  return rows.map((r) => {
    const cells: Record<string, Cell> = {};
    for (const c of r.problems) {
      assert.equal(c.solved, c.timeMinutes !== null);
      const cell: Cell = [c.attempts, c.pending, c.timeMinutes, c.firstToSolve];
      if (JSON.stringify(cell) !== JSON.stringify(none)) cells[c.problemId] = cell;
    }
    return [r.rank, r.teamId, r.solved, r.penalty, cells];
  });
}

describe('computeScoreboard', () => {
  it('ranks by solved, penalty, last solve minute; ties share a rank; CE free; after-AC ignored', () => {
    const rows = computeScoreboard({ problems: PROBLEMS, teams: TEAMS, submissions: SUBS, penaltyMinutes: 20 });
    assert.deepEqual(view(rows), [
      [1, 't1', 2, 75, { pa: [2, 0, 15, false], pb: [1, 0, 40, true] }],
      [2, 't2', 2, 75, { pa: [1, 0, 5, true], pb: [2, 0, 50, false] }],
      [3, 't4', 1, 60, { pc: [2, 1, 40, true] }],
      [4, 't3', 1, 60, { pc: [1, 0, 60, false] }],
      [4, 't5', 1, 60, { pb: [1, 0, 60, false] }],
      [6, 't7', 0, 0, { pa: [0, 1, null, false], pb: [0, 1, null, false] }],
      [6, 't8', 0, 0, {}],
    ]);
    assert.equal(rows[0].lastSolveMs, at(40, 59));
    assert.equal(rows[1].lastSolveMs, at(50));
    assert.equal(rows[5].lastSolveMs, null);
    assert.deepEqual(rows[0].problems.map((c) => c.problemId), ['pa', 'pb', 'pc']);
  });

  it('does not depend on the order of the submissions', () => {
    const a = computeScoreboard({ problems: PROBLEMS, teams: TEAMS, submissions: SUBS, penaltyMinutes: 20 });
    const b = computeScoreboard({ problems: PROBLEMS, teams: TEAMS, submissions: [...SUBS].reverse(), penaltyMinutes: 20 });
    assert.deepEqual(b, a);
  });

  it('uses the penalty given', () => {
    const rows = computeScoreboard({ problems: PROBLEMS, teams: TEAMS, submissions: SUBS, penaltyMinutes: 7 });
    const byTeam = new Map(rows.map((r) => [r.teamId, r]));
    assert.equal(byTeam.get('t1')?.penalty, 15 + 7 + 40);
    assert.equal(byTeam.get('t2')?.penalty, 5 + 50 + 7);
    assert.equal(byTeam.get('t4')?.penalty, 40 + 7);
    assert.deepEqual(rows.slice(0, 3).map((r) => [r.rank, r.teamId, r.penalty]), [[1, 't1', 62], [2, 't2', 62], [3, 't4', 47]]);
  });

  it('freeze: submissions at/after the freeze are pending, frozen ACs neither solve nor count as first', () => {
    const rows = computeScoreboard({ problems: PROBLEMS, teams: TEAMS, submissions: SUBS, penaltyMinutes: 20, freezeAtMs: at(45) });
    assert.deepEqual(view(rows), [
      [1, 't1', 2, 75, { pa: [2, 0, 15, false], pb: [1, 0, 40, true] }],
      [2, 't2', 1, 5, { pa: [1, 0, 5, true], pb: [1, 1, null, false] }],
      [3, 't4', 1, 60, { pc: [2, 1, 40, true] }],
      [4, 't3', 0, 0, { pc: [0, 1, null, false] }],
      [4, 't5', 0, 0, { pb: [0, 1, null, false] }],
      [4, 't7', 0, 0, { pa: [0, 1, null, false], pb: [0, 1, null, false] }],
      [4, 't8', 0, 0, { pc: [0, 1, null, false] }],
    ]);
    // A submission exactly at the freeze is hidden too.
    const edge = computeScoreboard({
      problems: [{ id: 'p' }],
      teams: [{ id: 'a' }],
      submissions: [{ id: '1', teamId: 'a', problemId: 'p', contestTimeMs: at(45), verdict: 'AC' }],
      penaltyMinutes: 20,
      freezeAtMs: at(45),
    });
    assert.deepEqual(view(edge), [[1, 'a', 0, 0, { p: [0, 1, null, false] }]]);
  });

  it('freeze: a problem first solved during the freeze shows no first-to-solve', () => {
    const input = {
      problems: [{ id: 'p' }],
      teams: [{ id: 'a' }, { id: 'b' }],
      submissions: [
        { id: '1', teamId: 'a', problemId: 'p', contestTimeMs: at(50), verdict: 'AC' as const },
        { id: '2', teamId: 'b', problemId: 'p', contestTimeMs: at(55), verdict: 'AC' as const },
      ],
      penaltyMinutes: 20,
    };
    assert.equal(computeScoreboard(input)[0].problems[0].firstToSolve, true);
    const frozen = computeScoreboard({ ...input, freezeAtMs: at(45) });
    assert.ok(frozen.every((r) => !r.problems[0].firstToSolve && !r.problems[0].solved && r.problems[0].pending === 1));
  });

  it('hidden teams: left out by default; when included they rank but are never first to solve', () => {
    const rows = computeScoreboard({ problems: PROBLEMS, teams: TEAMS, submissions: SUBS, penaltyMinutes: 20, includeHidden: true });
    assert.equal(rows.length, 8);
    assert.deepEqual(view(rows)[0], [1, 't6', 2, 3, { pa: [1, 0, 1, false], pc: [1, 0, 2, false] }]);
    assert.deepEqual(rows.slice(1).map((r) => [r.rank, r.teamId]), [[2, 't1'], [3, 't2'], [4, 't4'], [5, 't3'], [5, 't5'], [7, 't7'], [7, 't8']]);
    const t2 = rows.find((r) => r.teamId === 't2');
    assert.equal(t2?.problems[0].firstToSolve, true, 'pa: t2 stays first to solve');
    assert.ok(!computeScoreboard({ problems: PROBLEMS, teams: TEAMS, submissions: SUBS, penaltyMinutes: 20 }).some((r) => r.teamId === 't6'));
  });

  it('equal times: the submission id decides (numeric ids numerically), for first AC and first to solve', () => {
    const s = (id: string, teamId: string, verdict: Verdict): ScoreSubmission => ({ id, teamId, problemId: 'p', contestTimeMs: at(10), verdict });
    const rows = computeScoreboard({
      problems: [{ id: 'p' }],
      teams: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      submissions: [
        s('10', 'a', 'AC'),
        s('9', 'b', 'AC'),
        s('8', 'b', 'WA'), // before b's AC (same time, smaller id): counts
        s('11', 'b', 'WA'), // after it: ignored
        s('12', 'c', 'AC'),
        s('13', 'c', 'AC'), // a second AC: ignored
      ],
      penaltyMinutes: 20,
    });
    const byTeam = new Map(rows.map((r) => [r.teamId, r.problems[0]]));
    assert.equal(byTeam.get('b')?.firstToSolve, true);
    assert.equal(byTeam.get('a')?.firstToSolve, false);
    assert.equal(byTeam.get('b')?.attempts, 2);
    assert.equal(byTeam.get('c')?.attempts, 1);
    assert.deepEqual(rows.map((r) => [r.rank, r.teamId, r.penalty]), [[1, 'a', 10], [1, 'c', 10], [3, 'b', 30]]);
  });

  it('compareIds orders numeric ids numerically, others by code units', () => {
    assert.ok(compareIds('9', '10') < 0);
    assert.ok(compareIds('010', '9') > 0);
    assert.ok(compareIds('a10', 'a9') < 0);
    assert.equal(compareIds('x', 'x'), 0);
  });

  it('agrees with a straightforward reference on random contests', () => {
    const verdicts: Array<Verdict | null> = ['AC', 'WA', 'TLE', 'CE', 'JE', null, 'RTE', 'AC'];
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 30; round++) {
      const problems = Array.from({ length: 1 + rnd(4) }, (_, i) => ({ id: `p${i}` }));
      const teams = Array.from({ length: 1 + rnd(8) }, (_, i) => ({ id: `t${i}`, hidden: rnd(5) === 0 }));
      const submissions: ScoreSubmission[] = Array.from({ length: rnd(60) }, (_, i) => ({
        id: String(i),
        teamId: `t${rnd(teams.length)}`,
        problemId: `p${rnd(problems.length)}`,
        contestTimeMs: rnd(20) * 30_000, // many equal times
        verdict: verdicts[rnd(verdicts.length)],
      }));
      const freezeAtMs = rnd(2) === 0 ? null : rnd(10) * 60_000;
      const penaltyMinutes = rnd(30);
      const got = computeScoreboard({ problems, teams, submissions, penaltyMinutes, freezeAtMs, includeHidden: true });
      const want = reference(problems, teams, submissions, penaltyMinutes, freezeAtMs);
      assert.deepEqual(
        new Map(got.map((r) => [r.teamId, r])),
        new Map(want.map((r) => [r.teamId, r])),
        `round ${round}`,
      );
    }
  });

  it('is fast: 1000 teams × 10 problems × 20000 submissions', () => {
    const problems = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}` }));
    const teams = Array.from({ length: 1000 }, (_, i) => ({ id: String(i + 1), hidden: i % 200 === 0 }));
    const verdicts: Array<Verdict | null> = ['AC', 'WA', 'WA', 'TLE', 'CE', 'RTE', null];
    const submissions: ScoreSubmission[] = Array.from({ length: 20000 }, (_, i) => ({
      id: String(i + 1),
      teamId: String(1 + ((i * 7919) % 1000)),
      problemId: `p${(i * 31) % 10}`,
      contestTimeMs: Math.floor((i / 20000) * 5 * 3600_000),
      verdict: verdicts[(i * 13) % verdicts.length],
    }));
    computeScoreboard({ problems, teams, submissions, penaltyMinutes: 20 }); // warm up
    const t0 = performance.now();
    const rows = computeScoreboard({ problems, teams, submissions, penaltyMinutes: 20, freezeAtMs: 4 * 3600_000 });
    const ms = performance.now() - t0;
    console.log(`# computeScoreboard: 1000 teams x 10 problems x 20000 submissions: ${ms.toFixed(1)} ms`);
    assert.equal(rows.length, 995);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      assert.ok(a.solved > b.solved || (a.solved === b.solved && a.penalty <= b.penalty), `order at ${i}`);
      assert.ok(b.rank >= a.rank && b.rank <= i + 1, `rank at ${i}`);
    }
    assert.equal(rows.filter((r) => r.problems.some((c) => c.firstToSolve)).length > 0, true);
    for (let p = 0; p < 10; p++) assert.ok(rows.filter((r) => r.problems[p].firstToSolve).length <= 1);
  });
});

describe('scoreboardToClics', () => {
  it('produces the CLICS 2026-01 rows: RELTIMEs of whole minutes, a time only for solved problems, score.time the last solution', () => {
    const rows = computeScoreboard({ problems: PROBLEMS, teams: TEAMS, submissions: SUBS, penaltyMinutes: 20 });
    const clics = scoreboardToClics(rows, PROBLEMS, 'pass-fail');
    assert.equal(clics.length, rows.length);
    assert.deepEqual(clics[0], {
      rank: 1,
      team_id: 't1',
      score: { num_solved: 2, total_time: '1:15:00.000', time: '0:40:00.000' },
      problems: [
        { problem_id: 'pa', num_judged: 2, num_pending: 0, solved: true, time: '0:15:00.000' },
        { problem_id: 'pb', num_judged: 1, num_pending: 0, solved: true, time: '0:40:00.000' },
        { problem_id: 'pc', num_judged: 0, num_pending: 0, solved: false },
      ],
    });
    const t7 = clics.find((r) => r.team_id === 't7');
    assert.equal(t7?.score.time, null, 'nothing solved: no time');
    assert.deepEqual(t7?.problems[0], { problem_id: 'pa', num_judged: 0, num_pending: 1, solved: false });
    // Problems follow the order given; unknown ones are untried.
    const reordered = scoreboardToClics(rows.slice(0, 1), [{ id: 'pc' }, { id: 'pa' }, { id: 'new' }], 'pass-fail');
    assert.deepEqual(reordered[0].problems.map((p) => [p.problem_id, 'solved' in p ? p.solved : null, p.num_judged]), [
      ['pc', false, 0],
      ['pa', true, 2],
      ['new', false, 0],
    ]);
  });
});

/** Sort-based reference implementation of the same rules (quadratic, obviously right). */
function reference(
  problems: Array<{ id: string }>,
  teams: Array<{ id: string; hidden?: boolean }>,
  submissions: ScoreSubmission[],
  penaltyMinutes: number,
  freezeAtMs: number | null,
): ScoreboardRow[] {
  const sorted = [...submissions].sort((a, b) => a.contestTimeMs - b.contestTimeMs || compareIds(a.id, b.id));
  const frozen = (s: ScoreSubmission) => freezeAtMs !== null && s.contestTimeMs >= freezeAtMs;
  const firstAc = (teamId: string, problemId: string) =>
    sorted.find((s) => s.teamId === teamId && s.problemId === problemId && s.verdict === 'AC' && !frozen(s));
  const rows = teams.map((t) => {
    let solved = 0;
    let penalty = 0;
    let lastSolveMs: number | null = null;
    const cells = problems.map((p) => {
      const ac = firstAc(t.id, p.id);
      let attempts = 0;
      let pending = 0;
      let rejected = 0;
      for (const s of sorted) {
        if (s.teamId !== t.id || s.problemId !== p.id) continue;
        if (s === ac) {
          attempts++;
          break;
        }
        if (s.verdict === null || s.verdict === 'JE' || frozen(s)) pending++;
        else if (s.verdict !== 'CE') {
          attempts++;
          rejected++;
        }
      }
      let first = false;
      if (ac) {
        solved++;
        penalty += Math.floor(ac.contestTimeMs / 60_000) + penaltyMinutes * rejected;
        lastSolveMs = Math.max(lastSolveMs ?? 0, ac.contestTimeMs);
        const firstOverall = sorted.find(
          (s) => s.problemId === p.id && s.verdict === 'AC' && !frozen(s) && teams.some((x) => x.id === s.teamId && !x.hidden) && s === firstAc(s.teamId, p.id),
        );
        first = firstOverall === ac;
      }
      return { problemId: p.id, attempts, pending, solved: !!ac, timeMinutes: ac ? Math.floor(ac.contestTimeMs / 60_000) : null, firstToSolve: first };
    });
    return { rank: 0, teamId: t.id, solved, penalty, lastSolveMs, problems: cells };
  });
  const lastMin = (r: ScoreboardRow) => (r.lastSolveMs === null ? -1 : Math.floor(r.lastSolveMs / 60_000));
  for (const r of rows) {
    r.rank = 1 + rows.filter((o) => o.solved > r.solved || (o.solved === r.solved && (o.penalty < r.penalty || (o.penalty === r.penalty && lastMin(o) < lastMin(r))))).length;
  }
  return rows;
}
