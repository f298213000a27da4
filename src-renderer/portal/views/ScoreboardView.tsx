// The scoreboard: rank, team, solved, penalty, one cell per problem; the team's own row marked.
import { useShallow } from 'zustand/react/shallow';
import type { ScoreboardView as Board } from '../../../src-main/shared/portalApi.ts';
import { usePortal } from '../store.ts';
import { Loading, Notice, ProblemDot } from './common.tsx';

type Cell = Board['rows'][number]['problems'][number];

export function ScoreboardView() {
  const { board, error, teamId, freezeMinutes } = usePortal(
    useShallow((s) => ({
      board: s.scoreboard,
      error: s.scoreboardError,
      teamId: s.me?.team?.id ?? null,
      freezeMinutes: s.overview ? Math.round(s.overview.contest.freezeMs / 60_000) : 0,
    })),
  );

  return (
    <section aria-labelledby="scoreboard-title">
      <h1 id="scoreboard-title">Scoreboard</h1>
      {board?.frozen && (
        <Notice tone="info" role="status">
          <strong>The scoreboard is frozen.</strong> Results of submissions made
          {freezeMinutes > 0 ? ` in the last ${freezeMinutes} minutes` : ' since the freeze'} are hidden and shown as pending; your own
          results are still on the My submissions page.
        </Notice>
      )}
      {error && <Notice tone="error">Could not refresh the scoreboard: {error}.</Notice>}
      {board === null ? (
        !error && <Loading what="the scoreboard" />
      ) : (
        <div className="table-wrap">
          <table className="scoreboard">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rank
                </th>
                <th scope="col" className="team-col">
                  Team
                </th>
                <th scope="col" className="num" title="Problems solved">
                  Solved
                </th>
                <th scope="col" className="num" title="Penalty time in minutes">
                  Time
                </th>
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
                const own = row.teamId === teamId;
                return (
                  <tr key={row.teamId} className={own ? 'own' : undefined} data-team-id={row.teamId} aria-current={own ? 'true' : undefined}>
                    <td className="num">{row.rank}</td>
                    <th scope="row" className="team-col">
                      {row.teamName}
                      {own && <span className="chip chip-you">you</span>}
                    </th>
                    <td className="num strong">{row.solved}</td>
                    <td className="num">{row.penalty}</td>
                    {board.problems.map((p) => (
                      <ProblemCell key={p.id} label={p.label} cell={row.problems.find((c) => c.problemId === p.id)} />
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {board.rows.length === 0 && <p className="muted">No teams on the scoreboard yet.</p>}
        </div>
      )}
    </section>
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
