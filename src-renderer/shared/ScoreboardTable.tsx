// The scoreboard table of both pages: rank, team (its organization under its name), solved, penalty,
// one cell per problem (its state as a colour, its time and tries, and the same in words for screen readers). A score contest's
// shows the total score instead of solved and penalty, and each cell's score (full, partial or none).
import type { ScoreboardView } from '../../src-main/shared/portalApi.ts';
import { formatScore } from './format.ts';
import { ProblemDot } from './problems.tsx';

type Cell = ScoreboardView['rows'][number]['problems'][number];

export interface ScoreboardTableProps {
  board: ScoreboardView;
  /** The table's accessible name, where the page shows more than one kind of scoreboard. */
  label?: string;
  /** The viewing team, whose row is marked "you". */
  ownTeamId?: string | null;
  /** Tooltips saying what Solved and Time count (for contestants). */
  explainColumns?: boolean;
}

export function ScoreboardTable({ board, label, ownTeamId = null, explainColumns = false }: ScoreboardTableProps) {
  const scored = board.scoreboardType === 'score';
  return (
    <table className="scoreboard" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className="num">
            Rank
          </th>
          <th scope="col" className="team-col">
            Team
          </th>
          {scored ? (
            <th scope="col" className="num" title={explainColumns ? 'Total score: the best score on each problem, summed' : undefined}>
              Score
            </th>
          ) : (
            <>
              <th scope="col" className="num" title={explainColumns ? 'Problems solved' : undefined}>
                Solved
              </th>
              <th scope="col" className="num" title={explainColumns ? 'Penalty time in minutes' : undefined}>
                Time
              </th>
            </>
          )}
          {board.problems.map((p) => (
            <th scope="col" key={p.id} className="problem-col">
              <ProblemDot rgb={p.rgb} />
              <span>{p.label}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {board.rows.map((row) => {
          const own = row.teamId === ownTeamId;
          return (
            <tr key={row.teamId} className={own ? 'own' : undefined} data-team-id={row.teamId} aria-current={own ? 'true' : undefined}>
              <td className="num">{row.rank}</td>
              <th scope="row" className="team-col">
                {row.teamName}
                {own && <span className="chip chip-you">you</span>}
                {row.affiliation !== null && <span className="team-affiliation">{row.affiliation}</span>}
              </th>
              {scored ? (
                <td className="num strong" data-score={row.score ?? 0}>
                  {formatScore(row.score ?? 0)}
                </td>
              ) : (
                <>
                  <td className="num strong">{row.solved}</td>
                  <td className="num">{row.penalty}</td>
                </>
              )}
              {board.problems.map((p) =>
                scored ? (
                  <ScoreCell key={p.id} label={p.label} maxScore={p.maxScore} cell={row.problems.find((c) => c.problemId === p.id)} />
                ) : (
                  <ProblemCell key={p.id} label={p.label} cell={row.problems.find((c) => c.problemId === p.id)} />
                ),
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const tries = (n: number): string => `${n} ${n === 1 ? 'try' : 'tries'}`;

function ProblemCell({ cell, label }: { cell: Cell | undefined; label: string }) {
  if (!cell || (cell.attempts === 0 && cell.pending === 0)) return <td className="cell cell-empty" />;
  const state = cell.solved ? (cell.firstToSolve ? 'first' : 'solved') : cell.pending > 0 ? 'pending' : 'failed';
  const description = cell.solved
    ? `${label}: solved at ${cell.timeMinutes ?? '?'} min, ${tries(cell.attempts)}${cell.firstToSolve ? ', first to solve' : ''}`
    : cell.pending > 0
      ? `${label}: ${tries(cell.attempts)}, ${cell.pending} pending`
      : `${label}: not solved, ${tries(cell.attempts)}`;
  return (
    <td className={`cell cell-${state}`} title={description} data-cell={state}>
      <span className="visually-hidden">{description}</span>
      <span aria-hidden="true">
        <span className="cell-main">{cell.solved ? (cell.timeMinutes ?? '✓') : cell.pending > 0 ? '?' : '−'}</span>
        <span className="cell-sub">{cell.pending > 0 && !cell.solved ? (cell.attempts > 0 ? `${cell.attempts}+${cell.pending} tries` : `${cell.pending} pending`) : tries(cell.attempts)}</span>
      </span>
    </td>
  );
}

/** A score contest's cell: the team's score on the problem, full (the maximum, or an AC where it is unknown), partial or none. */
function ScoreCell({ cell, label, maxScore }: { cell: Cell | undefined; label: string; maxScore: number | null }) {
  if (!cell || (cell.attempts === 0 && cell.pending === 0)) return <td className="cell cell-empty" />;
  const score = cell.score ?? 0;
  const full = maxScore !== null ? score >= maxScore && score > 0 : cell.solved;
  const state = full ? 'solved' : score > 0 ? 'partial' : cell.pending > 0 ? 'pending' : 'failed';
  const outOf = maxScore === null ? '' : ` of ${formatScore(maxScore)}`;
  const description = `${label}: ${formatScore(score)}${outOf} points${score > 0 && cell.timeMinutes !== null ? ` at ${cell.timeMinutes} min` : ''}, ${tries(cell.attempts)}${cell.pending > 0 ? `, ${cell.pending} pending` : ''}`;
  return (
    <td className={`cell cell-${state}`} title={description} data-cell={state} data-score={score}>
      <span className="visually-hidden">{description}</span>
      <span aria-hidden="true">
        <span className="cell-main">{formatScore(score)}</span>
        <span className="cell-sub">{cell.pending > 0 ? (cell.attempts > 0 ? `${cell.attempts}+${cell.pending} tries` : `${cell.pending} pending`) : tries(cell.attempts)}</span>
      </span>
    </td>
  );
}
