// The final standings, read from the store: the judges' view (nothing frozen), hidden teams left out,
// ranked as the live scoreboard ranks (store/scoreboardService.ts: a score contest by its scores).
// Every export (CSV, CLICS scoreboard, results.tsv, awards, HTML) is derived from this one object, so
// they always agree.
//
// Order: by rank; teams with the same rank alphabetically by display name (Unicode collation, en-US,
// as the CLICS scoreboard asks), then by team id. Ranks are the scoreboard's: equal solved,
// penalty and last-solve minute (a score contest: total score and last improvement) share a rank (1, 1, 3).
import { compareIds, type ScoreboardRow } from '../contest/scoreboard.ts';
import { contestRanking } from '../store/scoreboardRanking.ts';
import type { ContestRow, ProblemRow, Store, TeamRow } from '../store/store.ts';

interface StandingsRow extends ScoreboardRow {
  team: TeamRow;
}

export interface Standings {
  contest: ContestRow;
  /** In scoreboard order (ordinal). */
  problems: ProblemRow[];
  /** Ranked rows of the teams shown (hidden teams left out). */
  rows: StandingsRow[];
  /** Every team, hidden ones included. */
  teams: readonly TeamRow[];
  submissions: number;
  /** Submissions with no verdict yet (queued or judging): the results are not final while any remain. */
  unjudged: number;
  /** Submissions whose verdict is a judging error (JE): they count as pending until rejudged. */
  judgeErrors: number;
  /** The last event of the store's log: the moment these standings describe. */
  lastEvent: { token: string; time: number } | null;
}

const collator = new Intl.Collator('en-US');

/** Orders two teams the CLICS way within a rank: display name (collated), then id. */
export function compareTeamNames(a: TeamRow, b: TeamRow): number {
  return collator.compare(a.displayName, b.displayName) || compareIds(a.id, b.id);
}

export function finalStandings(store: Store): Standings {
  const contest = store.contest.get();
  if (!contest) throw new Error('the store holds no contest (nothing was imported into this data folder)');
  const problems = store.contest.problems();
  const teams = store.contest.teams();
  const ranking = contestRanking(store);
  const submissions = ranking.submissions;
  const rows = ranking.rank(submissions, { freezeAtMs: null, includeHidden: false });
  const byId = new Map(teams.map((t) => [t.id, t]));
  const ranked: StandingsRow[] = rows.map((r) => ({ ...r, team: byId.get(r.teamId)! }));
  ranked.sort((a, b) => a.rank - b.rank || compareTeamNames(a.team, b.team));

  const lastToken = store.events.lastToken();
  const last = lastToken === null ? undefined : store.events.since(String(BigInt(lastToken) - 1n), 1)[0];
  return {
    contest,
    problems,
    rows: ranked,
    teams,
    submissions: submissions.length,
    unjudged: submissions.filter((s) => s.verdict === null).length,
    judgeErrors: submissions.filter((s) => s.verdict === 'JE').length,
    lastEvent: last ? { token: last.token, time: last.time } : null,
  };
}

/** Why these standings may not be the final results (empty when they are). */
export function standingsWarnings(s: Standings, now: number): string[] {
  const out: string[] = [];
  const { startTime, durationMs } = s.contest;
  if (startTime === null) out.push('the contest has no start time: it has not run');
  else if (now < startTime + durationMs) out.push(`the contest has not ended (it ends ${new Date(startTime + durationMs).toISOString()})`);
  if (s.unjudged > 0) out.push(`${s.unjudged} submission${s.unjudged === 1 ? ' is' : 's are'} not judged yet`);
  if (s.judgeErrors > 0) out.push(`${s.judgeErrors} submission${s.judgeErrors === 1 ? ' has' : 's have'} a judging error (JE) to rejudge`);
  return out;
}
