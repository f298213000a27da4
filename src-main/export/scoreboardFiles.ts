// The scoreboard as files: CLICS scoreboard.json and a CSV for spreadsheets.
import type { ClicsScoreboard } from '../clics/schemas.ts';
import { scoreboardToClics } from '../contest/scoreboard.ts';
import type { ClicsState } from '../store/clics.ts';
import { clicsTime, contestTimeMs, relTime } from '../clics/time.ts';
import { formatPoints } from './points.ts';
import type { Standings } from './standings.ts';

export type ClicsScoreboardFile = ClicsScoreboard;

/**
 * CLICS /scoreboard: `time` and `contest_time` are those of the last event in the store (so the file
 * is the same however often it is exported), `state` the contest state, then the rows.
 */
export function scoreboardJson(standings: Standings, state: ClicsState): ClicsScoreboardFile {
  const at = standings.lastEvent?.time ?? standings.contest.startTime ?? 0;
  return {
    time: clicsTime(at),
    contest_time: relTime(contestTimeMs(standings.contest.startTime, at)),
    state,
    rows: scoreboardToClics(standings.rows, standings.problems, standings.contest.scoreboardType),
  };
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, or line break. Text that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or carriage return: a team named
 * `=HYPERLINK(...)`) gets a leading apostrophe, as OWASP advises, so it shows as the text it is.
 */
export function csvField(value: string | number | null): string {
  let s = String(value ?? '');
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per ranked team: rank, team_id, team_name (display name), solved, penalty (minutes), then
 * for each problem (by label) a column group: <label>_attempts (judged submissions up to the first
 * accepted one), <label>_time (minute of the first accepted submission, empty when unsolved),
 * <label>_solved (1/0), <label>_first_to_solve (1/0). RFC 4180: CRLF line ends, UTF-8, no BOM.
 *
 * A score contest (scoreCsv) has score in place of solved and penalty, and per problem <label>_attempts
 * (judged submissions), <label>_time (minute the team reached its score, empty while it has none),
 * <label>_score, <label>_first_to_solve (the first accepted submission).
 */
export function scoreboardCsv(standings: Standings): string {
  if (standings.contest.scoreboardType === 'score') return scoreCsv(standings);
  const header = ['rank', 'team_id', 'team_name', 'solved', 'penalty'];
  for (const p of standings.problems) header.push(`${p.label}_attempts`, `${p.label}_time`, `${p.label}_solved`, `${p.label}_first_to_solve`);
  const lines = [header.map(csvField).join(',')];
  for (const row of standings.rows) {
    const cells = new Map(row.problems.map((c) => [c.problemId, c]));
    const fields: (string | number | null)[] = [row.rank, row.teamId, row.team.displayName, row.solved, row.penalty];
    for (const p of standings.problems) {
      const c = cells.get(p.id);
      fields.push(c?.attempts ?? 0, c?.solved ? c.timeMinutes : null, c?.solved ? 1 : 0, c?.firstToSolve ? 1 : 0);
    }
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function scoreCsv(standings: Standings): string {
  const header = ['rank', 'team_id', 'team_name', 'score'];
  for (const p of standings.problems) header.push(`${p.label}_attempts`, `${p.label}_time`, `${p.label}_score`, `${p.label}_first_to_solve`);
  const lines = [header.map(csvField).join(',')];
  for (const row of standings.rows) {
    const cells = new Map(row.problems.map((c) => [c.problemId, c]));
    const fields: (string | number | null)[] = [row.rank, row.teamId, row.team.displayName, formatPoints(row.score ?? 0)];
    for (const p of standings.problems) {
      const c = cells.get(p.id);
      const score = c?.score ?? 0;
      fields.push(c?.attempts ?? 0, score > 0 ? c!.timeMinutes : null, formatPoints(score), c?.firstToSolve ? 1 : 0);
    }
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
