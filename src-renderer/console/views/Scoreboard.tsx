// The scoreboard as judges see it (never frozen), or, with "Public view", as teams see it now.
// Fetched on opening and again (debounced) when the core says it changed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScoreboardView } from '../../../src-main/shared/judgeApi.ts';
import { coalesce } from '../../shared/coalesce.ts';
import { messageOf } from '../../shared/http.ts';
import { useCategoryFilter } from '../../shared/CategoryFilter.tsx';
import { ScoreboardTable } from '../../shared/ScoreboardTable.tsx';
import { Loading, Notice } from '../../shared/ui.tsx';
import { judge } from '../api.ts';
import { onSignal } from '../signals.ts';
import { useConsole } from '../store/index.ts';

/** Scoreboard events come with every judged submission: one refetch per quarter second at most. */
const REFRESH_MS = 250;

type Which = 'judges' | 'public';

export function Scoreboard() {
  const [publicView, setPublicView] = useState(false);
  const view: Which = publicView ? 'public' : 'judges';
  // The board with the view it was loaded for: after a switch the other view's board is not shown.
  const [loaded, setLoaded] = useState<{ view: Which; board: ScoreboardView } | null>(null);
  const { shown: board, filter } = useCategoryFilter(loaded?.view === view ? loaded.board : null);
  const [error, setError] = useState<string | null>(null);
  // The view shown, for answers that arrive after a switch (load is made once, for the signal).
  const which = useRef<Which>(view);
  useEffect(() => {
    which.current = view;
  }, [view]);

  const load = useCallback(async (): Promise<void> => {
    const asked = which.current;
    try {
      const answer = await judge.getScoreboard(asked);
      if (which.current !== asked) return;
      setLoaded({ view: asked, board: answer });
      setError(null);
    } catch (e) {
      setError(messageOf(e));
      useConsole.getState().notify('error', `Could not load the scoreboard: ${messageOf(e)}`);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [view, load]);

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
        <>
          {filter}
          <div className="table-wrap">
            <ScoreboardTable board={board} label={publicView ? 'Public scoreboard' : 'Judges’ scoreboard'} />
            {board.rows.length === 0 && <p className="muted empty">No teams on the scoreboard yet.</p>}
          </div>
        </>
      )}
    </section>
  );
}
