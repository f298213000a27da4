// The views the portal and the judges' console both show (contracts: shared/portalApi.ts).
import type { ScoreboardRow } from '../contest/scoreboard.ts';
import type { PortalClarification, ScoreboardView } from '../shared/portalApi.ts';
import { contestMaxScore } from '../store/clics.ts';
import type { ClarificationRow } from '../store/store.ts';
import type { CoreContext } from './context.ts';
import { teamAffiliations } from './teamAffiliations.ts';

/** The scoreboard as the portal and the console show it: judges' (live) or public (frozen in the freeze). */
export function portalScoreboard(ctx: Pick<CoreContext, 'scoreboard' | 'store' | 'contest' | 'now'>, view: 'judges' | 'public'): ScoreboardView {
  const snapshot = ctx.scoreboard.snapshot(view, ctx.now());
  const affiliations = teamAffiliations(ctx, view);
  const rows = snapshot.rows.map(scoreboardViewRow(ctx, affiliations));
  // Only the categories someone on this board belongs to: a filter that empties the board helps nobody.
  const onBoard = new Set(rows.flatMap((r) => r.groupIds));
  return {
    frozen: snapshot.frozen,
    scoreboardType: ctx.store.contest.scoreboardType(),
    problems: ctx.store.contest.problems().map((p) => ({ id: p.id, label: p.label, rgb: p.rgb, maxScore: contestMaxScore(p) })),
    groups: affiliations.groups.filter((g) => onBoard.has(g.id)),
    rows,
  };
}

/** Maps a scoreboard row to a shown one: the team's name, and its organization and categories as `affiliations` let the viewer see them. */
export function scoreboardViewRow(
  ctx: Pick<CoreContext, 'store'>,
  affiliations: ReturnType<typeof teamAffiliations>,
): (row: ScoreboardRow) => ScoreboardView['rows'][number] {
  const teams = new Map(ctx.store.contest.teams().map((t) => [t.id, t]));
  return (r) => {
    const team = teams.get(r.teamId);
    return {
      rank: r.rank,
      teamId: r.teamId,
      teamName: team?.displayName ?? r.teamId,
      affiliation: team ? affiliations.organizationOf(team) : null,
      groupIds: team ? affiliations.groupsOf(team) : [],
      solved: r.solved,
      penalty: r.penalty,
      score: r.score ?? null,
      problems: r.problems,
    };
  };
}

export function portalClarification(row: ClarificationRow): PortalClarification {
  return { id: row.id, fromTeamId: row.fromTeamId, toTeamId: row.toTeamId, problemId: row.problemId, replyToId: row.replyToId, text: row.text, time: row.time };
}
