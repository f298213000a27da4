import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Verdict } from '../common/types.ts';
import { resolverSteps, type ResolverScript, type ResolverStep } from './resolverSteps.ts';
import { computeScoreboard, type ScoreSubmission } from './scoreboard.ts';
import { computeScoreScoreboard, type ScoredSubmission } from './scoreScoreboard.ts';

const MINUTE_MS = 60_000;
const FREEZE_AT_MS = 240 * MINUTE_MS;
const problems = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const teams = ['t1', 't2', 't3', 't4'].map((id) => ({ id }));

let nextId = 1;
const sub = (teamId: string, problemId: string, minute: number, verdict: Verdict | null): ScoreSubmission => ({
  id: String(nextId++), teamId, problemId, contestTimeMs: minute * MINUTE_MS, verdict,
});
const rank = (submissions: readonly ScoreSubmission[]) => computeScoreboard({ problems, teams, submissions, penaltyMinutes: 20 });

/** Each step in words: "reveal t4 a solved", "reveal t3 b failed", "award t1 winner". */
function describe(steps: readonly ResolverStep[]): string[] {
  return steps.map((s) => (s.kind === 'reveal' ? `reveal ${s.teamId} ${s.problemId} ${s.solved ? 'solved' : 'failed'}` : `award ${s.teamId} ${s.awards.join(' ')}`));
}
const orderOf = (script: ResolverScript, step: number) => {
  const s = script.steps[step];
  assert.equal(s.kind, 'reveal');
  return s.order.map((o) => `${o.rank}:${o.teamId}`);
};

test('bottom-up: the lowest team resolves its pending problems left to right, moves up as it solves, and each finished team shows its awards', () => {
  const submissions = [
    sub('t1', 'a', 10, 'AC'),
    sub('t1', 'b', 20, 'AC'),
    sub('t2', 'a', 30, 'AC'),
    sub('t3', 'a', 50, 'AC'),
    // The freeze: t4 solves two problems, t3 fails its only pending one, t1 solves one more.
    sub('t4', 'b', 260, 'AC'),
    sub('t4', 'a', 250, 'AC'),
    sub('t3', 'b', 245, 'WA'),
    sub('t1', 'c', 290, 'AC'),
  ];
  const awards = new Map([
    ['t1', ['winner', 'gold-medal']],
    ['t4', ['silver-medal']],
    ['t2', ['bronze-medal']],
  ]);
  const script = resolverSteps({ submissions, freezeAtMs: FREEZE_AT_MS, rank, awards });

  assert.deepEqual(script.frozen.map((r) => r.teamId), ['t1', 't2', 't3', 't4']);
  assert.deepEqual(script.frozen.find((r) => r.teamId === 't4')!.problems.map((c) => c.pending), [1, 1, 0]);
  assert.deepEqual(describe(script.steps), [
    'reveal t4 a solved', // 1 solved, 250 minutes: still below t3 (1 solved, 50 minutes)
    'reveal t4 b solved', // 2 solved: past t2 and t3 to second
    'reveal t3 b failed', // t3 is now the lowest team with something pending
    // t3 holds no award: no step of its own; t2 has nothing pending and holds bronze.
    'award t2 bronze-medal',
    'award t4 silver-medal',
    'reveal t1 c solved',
    'award t1 winner gold-medal',
  ]);
  assert.deepEqual(orderOf(script, 0), ['1:t1', '2:t2', '3:t3', '4:t4']);
  assert.deepEqual(orderOf(script, 1), ['1:t1', '2:t4', '3:t2', '4:t3']);
  assert.deepEqual(orderOf(script, 2), ['1:t1', '2:t4', '3:t2', '4:t3']);
  const t3 = script.steps[2];
  assert.ok(t3.kind === 'reveal');
  assert.deepEqual(t3.row.problems[1], { problemId: 'b', attempts: 1, pending: 0, solved: false, timeMinutes: null, firstToSolve: false });
  const t4 = script.steps[1];
  assert.ok(t4.kind === 'reveal');
  assert.equal(t4.row.solved, 2);
  assert.equal(t4.row.penalty, 510);

  // The end is the final scoreboard, as the judges see it.
  assert.deepEqual(script.final, rank(submissions));
});

test('ties: teams sharing a rank resolve from the one listed lowest', () => {
  const submissions = [
    sub('t1', 'a', 10, 'AC'),
    sub('t2', 'a', 10, 'AC'),
    sub('t3', 'a', 10, 'AC'),
    sub('t1', 'b', 250, 'WA'),
    sub('t2', 'b', 250, 'WA'),
    sub('t3', 'b', 245, 'WA'),
    sub('t3', 'b', 250, 'AC'),
    sub('t4', 'c', 241, 'AC'),
  ];
  const script = resolverSteps({ submissions, freezeAtMs: FREEZE_AT_MS, rank, awards: new Map() });
  assert.deepEqual(script.frozen.map((r) => `${r.rank}:${r.teamId}`), ['1:t1', '1:t2', '1:t3', '4:t4']);
  assert.deepEqual(describe(script.steps), ['reveal t4 c solved', 'reveal t3 b solved', 'reveal t2 b failed', 'reveal t1 b failed']);
  // t4's one solve at minute 241 leaves it last; t3's second solve (a WA before it) takes it to the top.
  assert.deepEqual(orderOf(script, 0), ['1:t1', '1:t2', '1:t3', '4:t4']);
  assert.deepEqual(orderOf(script, 1), ['1:t3', '2:t1', '2:t2', '4:t4']);
  assert.deepEqual(script.final, rank(submissions));
});

test('a team that catches up exactly shares the rank, listed by team id; tied award holders are shown bottom-up', () => {
  // Nothing solved before the freeze: all four share rank 1; three solve a in the same minute of the freeze.
  const submissions = [sub('t1', 'a', 245, 'AC'), sub('t2', 'a', 245, 'AC'), sub('t3', 'a', 245, 'AC')];
  const winners = new Map([['t1', ['winner']], ['t2', ['winner']], ['t3', ['winner']]]);
  const script = resolverSteps({ submissions, freezeAtMs: FREEZE_AT_MS, rank, awards: winners });
  assert.deepEqual(script.frozen.map((r) => `${r.rank}:${r.teamId}`), ['1:t1', '1:t2', '1:t3', '1:t4']);
  assert.deepEqual(describe(script.steps), ['reveal t3 a solved', 'reveal t2 a solved', 'reveal t1 a solved', 'award t3 winner', 'award t2 winner', 'award t1 winner']);
  assert.deepEqual(orderOf(script, 0), ['1:t3', '2:t1', '2:t2', '2:t4']);
  assert.deepEqual(orderOf(script, 1), ['1:t2', '1:t3', '3:t1', '3:t4']);
  assert.deepEqual(orderOf(script, 2), ['1:t1', '1:t2', '1:t3', '4:t4']);
  assert.deepEqual(script.final, rank(submissions));
});

test('a team with only failed pending submissions keeps its place; each of its cells turns red in turn', () => {
  const submissions = [sub('t1', 'a', 10, 'AC'), sub('t2', 'a', 20, 'AC'), sub('t2', 'b', 241, 'WA'), sub('t2', 'b', 242, 'TLE'), sub('t2', 'c', 243, 'RTE'), sub('t2', 'c', 244, 'CE')];
  const script = resolverSteps({ submissions, freezeAtMs: FREEZE_AT_MS, rank, awards: new Map([['t2', ['bronze-medal']]]) });
  assert.deepEqual(describe(script.steps), ['reveal t2 b failed', 'reveal t2 c failed', 'award t2 bronze-medal']);
  for (const step of script.steps.slice(0, 2)) {
    assert.ok(step.kind === 'reveal');
    assert.deepEqual(step.order.map((o) => o.teamId), ['t1', 't2', 't3', 't4']);
  }
  const last = script.steps[1];
  assert.ok(last.kind === 'reveal');
  // Both of b's count; c's CE never does.
  assert.deepEqual(last.row.problems.map((c) => [c.attempts, c.pending, c.solved]), [[1, 0, true], [2, 0, false], [1, 0, false]]);
  assert.equal(last.row.penalty, 20);
});

test('a submission still unjudged is revealed as pending; without a freeze there is nothing to reveal, only awards', () => {
  const submissions = [sub('t1', 'a', 10, 'AC'), sub('t2', 'a', 250, null)];
  const script = resolverSteps({ submissions, freezeAtMs: FREEZE_AT_MS, rank, awards: new Map([['t1', ['winner']]]) });
  assert.deepEqual(describe(script.steps), ['reveal t2 a failed', 'award t1 winner']);
  const step = script.steps[0];
  assert.ok(step.kind === 'reveal');
  assert.equal(step.row.problems[0].pending, 1);

  const unfrozen = resolverSteps({ submissions: [sub('t1', 'a', 250, 'AC'), sub('t2', 'b', 260, 'AC')], freezeAtMs: null, rank, awards: new Map([['t1', ['winner']], ['t2', ['winner']]]) });
  assert.deepEqual(unfrozen.frozen, unfrozen.final);
  assert.deepEqual(describe(unfrozen.steps), ['award t2 winner', 'award t1 winner']);
});

test('deterministic: the same contest gives the same steps, whatever the order of its submissions', () => {
  const submissions = [sub('t1', 'a', 10, 'AC'), sub('t2', 'b', 250, 'AC'), sub('t3', 'c', 250, 'AC'), sub('t4', 'a', 260, 'WA'), sub('t4', 'b', 270, 'AC')];
  const once = resolverSteps({ submissions, freezeAtMs: FREEZE_AT_MS, rank, awards: new Map() });
  const again = resolverSteps({ submissions: [...submissions].reverse(), freezeAtMs: FREEZE_AT_MS, rank, awards: new Map() });
  assert.deepEqual(again, once);
  assert.deepEqual(describe(once.steps), ['reveal t4 a failed', 'reveal t4 b solved', 'reveal t3 c solved', 'reveal t2 b solved']);
});

test('score contests: a better score moves the team up; an equal one is a failed reveal', () => {
  const scored = (teamId: string, problemId: string, minute: number, verdict: Verdict, score: number): ScoredSubmission => ({ ...sub(teamId, problemId, minute, verdict), score });
  const submissions = [scored('t1', 'a', 10, 'WA', 50), scored('t2', 'a', 20, 'WA', 40), scored('t2', 'a', 250, 'WA', 40), scored('t3', 'a', 250, 'WA', 60)];
  const rankScores = (s: readonly ScoredSubmission[]) => computeScoreScoreboard({ problems, teams: teams.slice(0, 3), submissions: s, mode: 'best-submission' });
  const script = resolverSteps({ submissions, freezeAtMs: FREEZE_AT_MS, rank: rankScores, awards: new Map() });
  assert.deepEqual(script.frozen.map((r) => r.teamId), ['t1', 't2', 't3']);
  assert.deepEqual(describe(script.steps), ['reveal t3 a solved', 'reveal t2 a failed']);
  assert.deepEqual(orderOf(script, 0), ['1:t3', '2:t1', '3:t2']);
  assert.deepEqual(script.final, rankScores(submissions));
});
