// The scoreboard (shared/ScoreboardTable.tsx), the team's own row marked, filtered by category where there are several.
import { useShallow } from 'zustand/react/shallow';
import { useCategoryFilter } from '../../shared/CategoryFilter.tsx';
import { ScoreboardTable } from '../../shared/ScoreboardTable.tsx';
import { Loading, Notice } from '../../shared/ui.tsx';
import { usePortal } from '../store.ts';

export function ScoreboardView() {
  const { board: whole, error, teamId, freezeMinutes } = usePortal(
    useShallow((s) => ({
      board: s.scoreboard,
      error: s.scoreboardError,
      teamId: s.me?.team?.id ?? null,
      freezeMinutes: s.overview ? Math.round(s.overview.contest.freezeMs / 60_000) : 0,
    })),
  );
  const { shown: board, filter } = useCategoryFilter(whole);

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
        <>
          {filter}
          {/* Focusable, so a keyboard can scroll it sideways where it is wider than the screen. */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Scoreboard table">
            <ScoreboardTable board={board} ownTeamId={teamId} explainColumns />
            {board.rows.length === 0 && <p className="muted">No teams on the scoreboard yet.</p>}
          </div>
        </>
      )}
    </section>
  );
}
