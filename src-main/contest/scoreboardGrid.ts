// What both scoreboards (pass-fail scoreboard.ts, score scoreScoreboard.ts) build the same way: the grid of
// (team, problem) cells, first-to-solve per problem, and ranks from an ordering key. Pure functions.

interface BoardTeam {
  id: string;
  hidden: boolean;
}

/** The board's teams and problems indexed: cell (t, p) is t × problemCount + p. */
export interface BoardGrid {
  problemIndex: Map<string, number>;
  problemCount: number;
  /** Teams on the board; hidden ones only when shown (they are still left out of first-to-solve). */
  teams: BoardTeam[];
  teamIndex: Map<string, number>;
  cells: number;
}

/** Indexes problems and teams, each id once (the first wins); hidden teams only with `includeHidden`. */
export function boardGrid(
  problems: ReadonlyArray<{ id: string }>,
  inputTeams: ReadonlyArray<{ id: string; hidden?: boolean }>,
  includeHidden: boolean,
): BoardGrid {
  const problemIndex = new Map<string, number>();
  for (let p = 0; p < problems.length; p++) if (!problemIndex.has(problems[p].id)) problemIndex.set(problems[p].id, p);
  const teams: BoardTeam[] = [];
  const teamIndex = new Map<string, number>();
  for (const t of inputTeams) {
    const hidden = t.hidden === true;
    if ((hidden && !includeHidden) || teamIndex.has(t.id)) continue;
    teamIndex.set(t.id, teams.length);
    teams.push({ id: t.id, hidden });
  }
  return { problemIndex, problemCount: problems.length, teams, teamIndex, cells: teams.length * problems.length };
}

/**
 * First to solve, per problem: the team (index) whose first AC (`firstAc[cell]`, a submission index, -1 for
 * none) is the earliest by `earlier` among non-hidden teams; -1 where nobody solved it.
 */
export function firstSolvers(grid: BoardGrid, firstAc: Int32Array, earlier: (a: number, b: number) => boolean): Int32Array {
  const P = grid.problemCount;
  const solver = new Int32Array(P).fill(-1);
  const solverAc = new Int32Array(P).fill(-1);
  for (let t = 0; t < grid.teams.length; t++) {
    if (grid.teams[t].hidden) continue;
    for (let p = 0; p < P; p++) {
      const ac = firstAc[t * P + p];
      if (ac < 0) continue;
      if (solverAc[p] < 0 || earlier(ac, solverAc[p])) {
        solverAc[p] = ac;
        solver[p] = t;
      }
    }
  }
  return solver;
}

/**
 * Rows in rank order: sorted by `key` (negative: a ranks above b), equal keys listed by `tieOrder`, and
 * equal keys share a rank (1, 1, 3). Sets each row's rank.
 */
export function ranked<R extends { rank: number }>(
  rows: R[],
  key: (a: number, b: number) => number,
  tieOrder: (a: R, b: R) => number,
): R[] {
  const order = Array.from({ length: rows.length }, (_, i) => i);
  order.sort((a, b) => key(a, b) || tieOrder(rows[a], rows[b]));
  const out = new Array<R>(rows.length);
  for (let i = 0; i < order.length; i++) {
    const row = rows[order[i]];
    row.rank = i > 0 && key(order[i - 1], order[i]) === 0 ? out[i - 1].rank : i + 1;
    out[i] = row;
  }
  return out;
}
