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
// - Lines are sorted by rank (Honorable last), then by team display name, then id. Fields are escaped
//   as DOMjudge does (backslash, tab, newline, carriage return as \\ \t \n \r).
import type { Awards } from './awards.ts';
import { compareTeamNames, type Standings } from './standings.ts';
import type { TeamRow } from '../store/store.ts';

export interface ResultRow {
  teamId: string;
  /** null for Honorable. */
  rank: number | null;
  award: string;
  solved: number;
  totalTime: number;
  lastSolveMinute: number;
  /** Names of the groups this team won, or null. */
  groupWinner: string | null;
}

const MEDAL_AWARD = { gold: 'Gold Medal', silver: 'Silver Medal', bronze: 'Bronze Medal' } as const;

export function resultRows(standings: Standings, awards: Awards, options: { honors?: boolean } = {}): ResultRow[] {
  const rows = standings.rows;
  let median = 0;
  for (let i = 0; i < rows.length; i++) {
    median = rows[i].solved;
    if (i + 1 > rows.length / 2) break;
  }
  const medalPlaces = awards.medalCounts.gold + awards.medalCounts.silver + awards.medalCounts.bronze;
  const groupNames = new Map(awards.groups.map((g) => [g.id, g.name]));
  const wins = new Map<string, string[]>();
  for (const [groupId, teamIds] of awards.groupWinners) {
    for (const t of teamIds) wins.set(t, [...(wins.get(t) ?? []), groupNames.get(groupId) ?? groupId]);
  }

  const rankOfSolved = new Map<number, number>();
  let lowestMedalSolved = 0;
  const out: ResultRow[] = [];
  for (const row of rows) {
    const lastSolveMinute = row.problems.reduce((max, c) => Math.max(max, c.solved ? (c.timeMinutes ?? 0) : 0), -1);
    const base = { teamId: row.teamId, solved: row.solved, totalTime: row.penalty, lastSolveMinute };
    if (row.solved === 0) {
      out.push({ ...base, rank: null, award: 'Honorable', groupWinner: null });
      continue;
    }
    const medal = awards.medals.get(row.teamId);
    let rank: number | null = row.rank;
    let award: string;
    if (medal) {
      award = MEDAL_AWARD[medal];
      lowestMedalSolved = row.solved;
    } else if (row.solved >= median) {
      if (!rankOfSolved.has(row.solved)) rankOfSolved.set(row.solved, row.rank);
      rank = rankOfSolved.get(row.solved)!;
      if (!options.honors) award = 'Ranked';
      else if (row.solved === lowestMedalSolved || rank <= medalPlaces) award = 'Highest Honors';
      else if (row.solved === lowestMedalSolved - 1) award = 'High Honors';
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
  for (const r of rows) lines.push([r.teamId, r.rank, r.award, r.solved, r.totalTime, r.lastSolveMinute, r.groupWinner].map(tsvField).join('\t'));
  return `${lines.join('\n')}\n`;
}
