// The resolver's script for the awards ceremony (contest/resolverSteps.ts) from the store: the public
// scoreboard as the freeze left it, the steps that reveal the freeze team by team, and each team's awards
// (core/clicsSync.ts's, as the Awards view shows them). Judges only, and only once the contest has ended.
import { readContestClock } from '../contest/clock.ts';
import { resolverSteps } from '../contest/resolverSteps.ts';
import { contestAwards } from '../core/clicsSync.ts';
import type { CoreContext } from '../core/context.ts';
import { teamAffiliations } from '../core/teamAffiliations.ts';
import { scoreboardViewRow } from '../core/views.ts';
import { contestMaxScore } from '../store/clics.ts';
import { contestRanking } from '../store/scoreboardRanking.ts';
import type { ResolverView } from '../shared/judgeApi.ts';
import { ConsoleError } from './consoleError.ts';

export function resolverView(ctx: Pick<CoreContext, 'store' | 'contest' | 'now'>): ResolverView {
  const { store } = ctx;
  const contest = store.contest.get()!;
  const phase = readContestClock(contest, ctx.now());
  if (!phase.ended) throw new ConsoleError('conflict', 'the contest has not ended: the resolver reveals the frozen results once it is over');

  const { awards } = contestAwards(ctx);
  const held = new Map<string, { id: string; citation: string }[]>();
  for (const award of awards.list) {
    for (const teamId of award.team_ids) held.set(teamId, [...(held.get(teamId) ?? []), { id: award.id, citation: award.citation }]);
  }
  const ranking = contestRanking(store);
  // The public board: hidden teams left out, results from the freeze on pending until revealed.
  const script = resolverSteps({
    submissions: ranking.submissions,
    freezeAtMs: phase.freezeAtMs,
    rank: (submissions) => ranking.rank(submissions, { freezeAtMs: null, includeHidden: false }),
    awards: new Map([...held].map(([teamId, list]) => [teamId, list.map((a) => a.id)])),
  });

  // The ceremony's board is the public one: organizations and categories as the public sees them.
  const teams = ctx.store.contest.teams();
  const row = scoreboardViewRow(teams, teamAffiliations(ctx, 'public', teams));
  const unjudged = ranking.submissions.filter((s) => s.verdict === null || s.verdict === 'JE').length;
  return {
    contestName: contest.name,
    scoreboardType: contest.scoreboardType,
    problems: store.contest.problems().map((p) => ({ id: p.id, label: p.label, rgb: p.rgb, maxScore: contestMaxScore(p) })),
    frozen: script.frozen.map(row),
    steps: script.steps.map((s) =>
      s.kind === 'reveal'
        ? { kind: 'reveal', teamId: s.teamId, problemId: s.problemId, solved: s.solved, row: row(s.row), order: s.order }
        : { kind: 'award', teamId: s.teamId, awards: held.get(s.teamId) ?? [] },
    ),
    released: store.contest.resultsReleased(),
    warnings: unjudged > 0 ? [`${unjudged} submission${unjudged === 1 ? ' has' : 's have'} no verdict yet (queued, judging or a judging error): shown as pending`] : [],
  };
}
