// The scoreboard as judges see it (never frozen), or, with "Public view", as teams see it now.
// Fetched on opening and again (debounced) when the core says it changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScoreboardView } from '../../../src-main/shared/judgeApi.ts';
import { coalesce } from '../../shared/coalesce.ts';
import { messageOf } from '../../shared/http.ts';
import { ScoreboardTable } from '../../shared/ScoreboardTable.tsx';
import { Loading, Notice } from '../../shared/ui.tsx';
import { judge } from '../api.ts';
import { onSignal } from '../signals.ts';
import { useConsole } from '../store/index.ts';

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
          <ScoreboardTable board={board} label={publicView ? 'Public scoreboard' : 'Judges’ scoreboard'} />
          {board.rows.length === 0 && <p className="muted empty">No teams on the scoreboard yet.</p>}
        </div>
      )}
    </section>
  );
}
