// results.tsv as DOMjudge writes it for the ICPC CMS (ImportExportService::getResultsData):
//
//   results<TAB>1
//   <team id> <rank> <award> <solved> <total time> <last solve minute> <group winner>
//
// - Award: "Gold Medal", "Silver Medal", "Bronze Medal" (the medals of awards.ts); otherwise "Ranked"
//   when the team solved at least as many problems as the median team, else "Honorable". A team that
//   solved nothing is always "Honorable". With `honors`, "Ranked" becomes DOMjudge's WF-style
//   "Highest Honors" (as many solved as the last medal team, or ranked within the medal places),
//   "High Honors" (one fewer) or "Honors".
// - Rank: the scoreboard rank for medal teams; for ranked teams the rank of the first non-medal team
//   with the same number solved (so all teams solving k problems share a rank); empty for Honorable.
// - Median: the number solved by the team at position floor(n/2)+1 of the ranked list.
// - Last solve minute: the largest solve minute over the problems (unsolved ones count 0; -1 when the
//   contest has no problems), as DOMjudge computes it.
// - Group winner: the group's name on the line of its winner(s) (awards.ts; names joined by ", " when a
//   team wins several groups), else empty. Teams that solved nothing never win a group.
// - A score contest (scoreboard_type score) has the same columns, its points in place of problems: the
//   solved column is the team's total score (at most 4 decimals), the total time column the minute of
//   its last score improvement (its tiebreak, CLICS score.time; there is no penalty time), the last solve
//   minute that of its last scoring cell. The awards and ranks above count points instead of problems
//   solved (the median team's score, Honorable for a team that scored nothing).
// - Lines are sorted by rank (Honorable last), then by team display name, then id. Fields are escaped
//   as DOMjudge does (backslash, tab, newline, carriage return as \\ \t \n \r).
import type { Awards } from './awards.ts';
import { formatPoints } from './points.ts';
import { compareTeamNames, type Standings } from './standings.ts';
import type { TeamRow } from '../store/store.ts';

export interface ResultRow {
  teamId: string;
  /** null for Honorable. */
  rank: number | null;
  award: string;
  /** Problems solved; a score contest's total score (DOMjudge's numPoints). */
  points: number;
  /** Minutes: the penalty time; a score contest's last score improvement. */
  totalTime: number;
  lastSolveMinute: number;
  /** Names of the groups this team won, or null. */
  groupWinner: string | null;
}

const MINUTE_MS = 60_000;
const MEDAL_AWARD = { gold: 'Gold Medal', silver: 'Silver Medal', bronze: 'Bronze Medal' } as const;

export function resultRows(standings: Standings, awards: Awards, options: { honors?: boolean } = {}): ResultRow[] {
  const rows = standings.rows;
  const scored = standings.contest.scoreboardType === 'score';
  // What the awards count: problems solved, or a score contest's points.
  const pointsOf = (row: Standings['rows'][number]): number => (scored ? (row.score ?? 0) : row.solved);
  let median = 0;
  for (let i = 0; i < rows.length; i++) {
    median = pointsOf(rows[i]);
    if (i + 1 > rows.length / 2) break;
  }
  const medalPlaces = awards.medalCounts.gold + awards.medalCounts.silver + awards.medalCounts.bronze;
  const groupNames = new Map(awards.groups.map((g) => [g.id, g.name]));
  const wins = new Map<string, string[]>();
  for (const [groupId, teamIds] of awards.groupWinners) {
    for (const t of teamIds) wins.set(t, [...(wins.get(t) ?? []), groupNames.get(groupId) ?? groupId]);
  }

  const rankOfPoints = new Map<number, number>();
  let lowestMedalPoints = 0;
  const out: ResultRow[] = [];
  for (const row of rows) {
    const points = pointsOf(row);
    // A score contest's cell has a time once it scored (scoreScoreboard.ts), a pass-fail one once solved.
    const counts = (c: (typeof row.problems)[number]): boolean => (scored ? (c.score ?? 0) > 0 : c.solved);
    const lastSolveMinute = row.problems.reduce((max, c) => Math.max(max, counts(c) ? (c.timeMinutes ?? 0) : 0), -1);
    const lastImprovementMinute = row.lastSolveMs === null ? 0 : Math.floor(row.lastSolveMs / MINUTE_MS);
    const base = { teamId: row.teamId, points, totalTime: scored ? lastImprovementMinute : row.penalty, lastSolveMinute };
    if (points === 0) {
      out.push({ ...base, rank: null, award: 'Honorable', groupWinner: null });
      continue;
    }
    const medal = awards.medals.get(row.teamId);
    let rank: number | null = row.rank;
    let award: string;
    if (medal) {
      award = MEDAL_AWARD[medal];
      lowestMedalPoints = points;
    } else if (points >= median) {
      if (!rankOfPoints.has(points)) rankOfPoints.set(points, row.rank);
      rank = rankOfPoints.get(points)!;
      if (!options.honors) award = 'Ranked';
      else if (points === lowestMedalPoints || rank <= medalPlaces) award = 'Highest Honors';
      else if (points === lowestMedalPoints - 1) award = 'High Honors';
      else award = 'Honors';
    } else {
      award = 'Honorable';
      rank = null;
    }
    out.push({ ...base, rank, award, groupWinner: wins.get(row.teamId)?.join(', ') ?? null });
  }

  const teams = new Map<string, TeamRow>(standings.teams.map((t) => [t.id, t]));
  return out.sort((a, b) => {
    if (a.rank !== b.rank) {
      if (a.rank === null) return 1;
      if (b.rank === null) return -1;
      return a.rank - b.rank;
    }
    return compareTeamNames(teams.get(a.teamId)!, teams.get(b.teamId)!);
  });
}

/** One TSV field, escaped as DOMjudge's Utils::toTsvField does. */
export function tsvField(value: string | number | null): string {
  return String(value ?? '').replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

export function resultsTsv(rows: readonly ResultRow[]): string {
  const lines = ['results\t1'];
  for (const r of rows) lines.push([r.teamId, r.rank, r.award, formatPoints(r.points), r.totalTime, r.lastSolveMinute, r.groupWinner].map(tsvField).join('\t'));
  return `${lines.join('\n')}\n`;
}
