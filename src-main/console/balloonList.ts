// The balloon list the console shows: the balloons the contest owes (contest/balloons.ts), with each
// team's name and location, the problem's label and colour, and who delivered it.
import { balloonsOf } from '../contest/balloons.ts';
import type { CoreContext } from '../core/context.ts';
import type { BalloonView } from '../shared/judgeApi.ts';

export function balloonList(ctx: Pick<CoreContext, 'store' | 'contest'>): BalloonView[] {
  const { store } = ctx;
  const teams = store.contest.teams();
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const problemById = new Map(store.contest.problems().map((p) => [p.id, p]));
  // Locations come from the contest folder as last read (the store keeps what CLICS announces).
  const locations = new Map(ctx.contest.teams.map((t) => [t.id, t.location ?? null]));
  const delivered = store.balloons.all();
  return balloonsOf(teams, store.submissions.list()).map((b) => {
    const problem = problemById.get(b.problemId);
    const delivery = delivered.get(b.submissionId);
    return {
      submissionId: b.submissionId,
      teamId: b.teamId,
      teamName: teamById.get(b.teamId)?.displayName ?? b.teamId,
      location: locations.get(b.teamId) ?? null,
      problemId: b.problemId,
      label: problem?.label ?? b.problemId,
      color: problem?.color ?? '',
      rgb: problem?.rgb ?? '',
      contestTimeMs: b.contestTimeMs,
      firstToSolve: b.firstToSolve,
      delivered: delivery ? { by: delivery.by, at: delivery.at } : null,
    };
  });
}
