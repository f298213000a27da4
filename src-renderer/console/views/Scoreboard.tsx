// The scoreboard as judges see it (never frozen), or, with "Public view", as teams see it now.
// Fetched on opening and again (debounced) when the core says it changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScoreboardView } from '../../../src-main/shared/judgeApi.ts';
import { coalesce } from '../../shared/coalesce.ts';
import { judge } from '../api.ts';
import { onSignal } from '../signals.ts';
import { useConsole } from '../store/index.ts';
import { messageOf } from '../transport/httpClient.ts';
import { Loading, Notice, ProblemDot } from './common.tsx';

type Cell = ScoreboardView['rows'][number]['problems'][number];

/** Scoreboard events come with every judged submission: one refetch per quarter second at most. */
const REFRESH_MS = 250;

export function Scoreboard() {
  const [publicView, setPublicView] = useState(false);
  const [board, setBoard] = useState<ScoreboardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const which = useRef<'judges' | 'public'>('judges');
  which.current = publicView ? 'public' : 'judges';

  const load = useCallback(async (): Promise<void> => {
    const view = which.current;
    try {
      const answer = await judge.getScoreboard(view);
      if (which.current !== view) return;
      setBoard(answer);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
      useConsole.getState().notify('error', `Could not load the scoreboard: ${messageOf(e)}`);
    }
  }, []);

  useEffect(() => {
    setBoard(null);
    void load();
  }, [publicView, load]);

  useEffect(() => {
    const refresh = coalesce(load, REFRESH_MS);
    const stop = onSignal('scoreboard', refresh);
    return () => {
      stop();
      refresh.cancel();
    };
  }, [load]);

  return (
    <section>
      <div className="view-head">
        <h1 id="scoreboard-title">Scoreboard</h1>
        <label className="toggle">
          <input type="checkbox" checked={publicView} onChange={(e) => setPublicView(e.target.checked)} />
          Public view
        </label>
      </div>
      <p className="muted">
        {publicView ? 'As teams and the public see it now (frozen during the freeze until the final scoreboard is released).' : 'The judges’ view: every result, never frozen.'}
      </p>
      {board?.frozen && (
        <Notice tone="info" role="status">
          <strong>Frozen.</strong> Results after the freeze show as pending.
        </Notice>
      )}
      {error && <Notice tone="error">Could not load the scoreboard: {error}.</Notice>}
      {board === null ? (
        !error && <Loading what="the scoreboard" />
      ) : (
        <div className="table-wrap">
          <table className="scoreboard" aria-label={publicView ? 'Public scoreboard' : 'Judges’ scoreboard'}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rank
                </th>
                <th scope="col" className="team-col">
                  Team
                </th>
                <th scope="col" className="num">
                  Solved
                </th>
                <th scope="col" className="num">
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
              {board.rows.map((row) => (
                <tr key={row.teamId} data-team-id={row.teamId}>
                  <td className="num">{row.rank}</td>
                  <th scope="row" className="team-col">
                    {row.teamName}
                  </th>
                  <td className="num strong">{row.solved}</td>
                  <td className="num">{row.penalty}</td>
                  {board.problems.map((p) => (
                    <ProblemCell key={p.id} label={p.label} cell={row.problems.find((c) => c.problemId === p.id)} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {board.rows.length === 0 && <p className="muted empty">No teams on the scoreboard yet.</p>}
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
