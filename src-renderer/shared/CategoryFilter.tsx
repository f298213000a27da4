// A scoreboard's category filter (CLICS groups): the board shows only the teams of the chosen
// category, each with its overall rank, as DOMjudge's filtered scoreboard does. Offered where the
// board's teams belong to more than one category.
import { useId, useState, type ReactNode } from 'react';
import type { ScoreboardView } from '../../src-main/shared/portalApi.ts';

/** The teams of one category, ranks unchanged; the whole board when `groupId` is null or names no category of it. */
export function boardOfCategory(board: ScoreboardView, groupId: string | null): ScoreboardView {
  if (groupId === null || !board.groups.some((g) => g.id === groupId)) return board;
  return { ...board, rows: board.rows.filter((r) => r.groupIds.includes(groupId)) };
}

/** The category chosen (null: all) and its select; the select is null where there is nothing to choose. */
export function useCategoryFilter(board: ScoreboardView | null): { shown: ScoreboardView | null; filter: ReactNode } {
  const [groupId, setGroupId] = useState<string | null>(null);
  const id = useId();
  if (board === null) return { shown: null, filter: null };
  const shown = boardOfCategory(board, groupId);
  if (board.groups.length < 2) return { shown, filter: null };
  const chosen = shown === board ? '' : (groupId ?? '');
  const filter = (
    <div className="category-filter">
      <label htmlFor={id}>Category</label>
      <select id={id} value={chosen} onChange={(e) => setGroupId(e.target.value === '' ? null : e.target.value)}>
        <option value="">All teams</option>
        {board.groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </div>
  );
  return { shown, filter };
}
