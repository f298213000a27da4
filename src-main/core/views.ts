// The views the portal and the judges' console both show (contracts: shared/portalApi.ts).
import type { PortalClarification, ScoreboardView } from '../shared/portalApi.ts';
import { contestMaxScore } from '../store/clics.ts';
import type { ClarificationRow } from '../store/store.ts';
import type { CoreContext } from './context.ts';

/** The scoreboard as the portal and the console show it: judges' (live) or public (frozen in the freeze). */
export function portalScoreboard(ctx: Pick<CoreContext, 'scoreboard' | 'store' | 'now'>, view: 'judges' | 'public'): ScoreboardView {
  const snapshot = ctx.scoreboard.snapshot(view, ctx.now());
  const teams = new Map(ctx.store.contest.teams().map((t) => [t.id, t]));
  return {
    frozen: snapshot.frozen,
    scoreboardType: ctx.store.contest.scoreboardType(),
    problems: ctx.store.contest.problems().map((p) => ({ id: p.id, label: p.label, rgb: p.rgb, maxScore: contestMaxScore(p) })),
    rows: snapshot.rows.map((r) => ({
      rank: r.rank, teamId: r.teamId, teamName: teams.get(r.teamId)?.displayName ?? r.teamId, solved: r.solved, penalty: r.penalty, score: r.score ?? null, problems: r.problems,
    })),
  };
}

export function portalClarification(row: ClarificationRow): PortalClarification {
  return { id: row.id, fromTeamId: row.fromTeamId, toTeamId: row.toTeamId, problemId: row.problemId, replyToId: row.replyToId, text: row.text, time: row.time };
}
