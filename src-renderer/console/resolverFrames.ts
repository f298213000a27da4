// The resolver's frames: the board after each step of the script the core computed (ResolverView, from
// contest/resolverSteps.ts), so that going forward or back is showing another frame. Frame 0 is the frozen
// board; frame k the board after step k. Rows that a step leaves alone are the same objects in both frames.
import type { ResolverView } from '../../src-main/shared/judgeApi.ts';

type Row = ResolverView['frozen'][number];

export interface ResolverFrame {
  /** In scoreboard order, with their ranks. */
  rows: Row[];
  /** The team the step acted on (null before the first). */
  focus: string | null;
  /** The cell the step revealed, when it revealed one. */
  revealed: { teamId: string; problemId: string; solved: boolean } | null;
  /** The awards the step showed, when it showed some. */
  award: { teamId: string; teamName: string; awards: { id: string; citation: string }[] } | null;
}

export function resolverFrames(view: Pick<ResolverView, 'frozen' | 'steps'>): [ResolverFrame, ...ResolverFrame[]] {
  let byId = new Map(view.frozen.map((r) => [r.teamId, r]));
  let rows = view.frozen;
  const frames: [ResolverFrame, ...ResolverFrame[]] = [{ rows, focus: null, revealed: null, award: null }];
  for (const step of view.steps) {
    if (step.kind === 'reveal') {
      byId = new Map(byId).set(step.teamId, step.row);
      const current = byId;
      rows = step.order.map(({ teamId, rank }) => {
        const row = current.get(teamId)!;
        return row.rank === rank ? row : { ...row, rank };
      });
      frames.push({ rows, focus: step.teamId, revealed: { teamId: step.teamId, problemId: step.problemId, solved: step.solved }, award: null });
    } else {
      frames.push({ rows, focus: step.teamId, revealed: null, award: { teamId: step.teamId, teamName: byId.get(step.teamId)?.teamName ?? step.teamId, awards: step.awards } });
    }
  }
  return frames;
}
