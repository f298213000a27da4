import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResolverView } from '../../src-main/shared/judgeApi.ts';
import { resolverFrames, type ResolverFrame } from './resolverFrames.ts';

type Row = ResolverView['frozen'][number];
const cell = (solved: boolean, pending: number) => ({ problemId: 'a', attempts: solved ? 1 : 0, pending, solved, timeMinutes: solved ? 250 : null, firstToSolve: false });
const row = (teamId: string, rank: number, solved: number, pending = 0): Row => ({
  rank, teamId, teamName: `Team ${teamId}`, affiliation: null, groupIds: [], solved, penalty: solved * 10, score: null, problems: [cell(solved > 0, pending)],
});

test('frame 0 is the frozen board; each reveal moves its team to its new place, each award shows over the board as it is', () => {
  const frozen = [row('t1', 1, 1), row('t2', 2, 0, 1)];
  const frames = resolverFrames({
    frozen,
    steps: [
      { kind: 'reveal', teamId: 't2', problemId: 'a', solved: true, row: row('t2', 1, 1), order: [{ teamId: 't2', rank: 1 }, { teamId: 't1', rank: 1 }] },
      { kind: 'award', teamId: 't2', awards: [{ id: 'winner', citation: 'Contest winner' }] },
    ],
  });
  assert.equal(frames.length, 3);
  const [, revealed, award] = frames as [unknown, ResolverFrame, ResolverFrame];
  assert.deepEqual(frames[0], { rows: frozen, focus: null, revealed: null, award: null });
  assert.deepEqual(revealed.rows.map((r) => [r.teamId, r.rank, r.solved]), [['t2', 1, 1], ['t1', 1, 1]]);
  assert.deepEqual(revealed.revealed, { teamId: 't2', problemId: 'a', solved: true });
  assert.equal(award.rows, revealed.rows);
  assert.deepEqual(award.award, { teamId: 't2', teamName: 'Team t2', awards: [{ id: 'winner', citation: 'Contest winner' }] });
  // Going back is the earlier frame, untouched by the later ones.
  assert.deepEqual(frames[0].rows.map((r) => [r.teamId, r.rank]), [['t1', 1], ['t2', 2]]);
});
