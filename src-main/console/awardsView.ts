// The console's Awards view: the CLICS awards as the judges' standings give them now (core/clicsSync.ts, the
// same objects /awards announces), each with its teams' names, and the medal counts they were given with.
import { contestAwards } from '../core/clicsSync.ts';
import type { CoreContext } from '../core/context.ts';
import { standingsWarnings } from '../export/standings.ts';
import type { AwardsView } from '../shared/judgeApi.ts';
import { storedMedalCounts } from '../store/medalSettings.ts';

export function awardsView(ctx: Pick<CoreContext, 'store' | 'contest' | 'now'>): AwardsView {
  const { standings, awards } = contestAwards(ctx);
  const names = new Map(standings.teams.map((t) => [t.id, t.displayName]));
  return {
    medalCounts: awards.medalCounts,
    medalCountsSet: storedMedalCounts(ctx.store) !== null,
    awards: awards.list.map((a) => ({ id: a.id, citation: a.citation, teams: a.team_ids.map((id) => ({ id, name: names.get(id) ?? id })) })),
    released: ctx.store.contest.resultsReleased(),
    warnings: standingsWarnings(standings, ctx.now()),
  };
}
