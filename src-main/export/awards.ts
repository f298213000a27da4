// Awards from the final standings, as DOMjudge gives them (its AwardService and results.tsv export):
// - Medals go by rank: rank <= gold → gold, <= gold+silver → silver, <= gold+silver+bronze → bronze.
//   Ties share a rank, so a tie across a boundary gives every tied team the better medal (and the next
//   medal fewer places). A team that solved nothing gets no medal, whatever its rank.
// - winner: every team ranked 1 that solved something.
// - first-to-solve-<problem>: the team of the problem's first accepted submission (hidden teams do not count).
// - group-winner-<group>: the best-ranked team(s) of the group that solved something (several when
//   tied on rank; DOMjudge names only the first).
// CLICS award objects: {id, citation, team_ids}; every award is listed, with [] when nobody has it yet.
import type { GroupDef } from '../contest/folderLists.ts';
import type { Standings } from './standings.ts';

export type Medal = 'gold' | 'silver' | 'bronze';

export interface MedalCounts {
  gold: number;
  silver: number;
  bronze: number;
}

const DEFAULT_MEDALS: MedalCounts = { gold: 4, silver: 4, bronze: 4 };

interface ClicsAward {
  id: string;
  citation: string;
  team_ids: string[];
}

export interface Awards {
  medalCounts: MedalCounts;
  /** Medal of a team, by team id. */
  medals: Map<string, Medal>;
  winners: string[];
  /** Team ids by problem id (one team, or none). */
  firstToSolve: Map<string, string[]>;
  /** Groups that can have winners, in id order. */
  groups: GroupDef[];
  /** Team ids by group id. */
  groupWinners: Map<string, string[]>;
  /** The CLICS awards.json list. */
  list: ClicsAward[];
}

function checkCount(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} medals: expected a whole number >= 0, got ${n}`);
  return n;
}

export function computeAwards(standings: Standings, options: { medals?: Partial<MedalCounts>; groups?: readonly GroupDef[] } = {}): Awards {
  const counts: MedalCounts = {
    gold: checkCount('gold', options.medals?.gold ?? DEFAULT_MEDALS.gold),
    silver: checkCount('silver', options.medals?.silver ?? DEFAULT_MEDALS.silver),
    bronze: checkCount('bronze', options.medals?.bronze ?? DEFAULT_MEDALS.bronze),
  };
  const medals = new Map<string, Medal>();
  const winners: string[] = [];
  for (const row of standings.rows) {
    if (!hasScored(row)) continue;
    if (row.rank === 1) winners.push(row.teamId);
    if (row.rank <= counts.gold) medals.set(row.teamId, 'gold');
    else if (row.rank <= counts.gold + counts.silver) medals.set(row.teamId, 'silver');
    else if (row.rank <= counts.gold + counts.silver + counts.bronze) medals.set(row.teamId, 'bronze');
  }

  const firstToSolve = new Map<string, string[]>(standings.problems.map((p) => [p.id, []]));
  for (const row of standings.rows) {
    for (const cell of row.problems) if (cell.firstToSolve) firstToSolve.get(cell.problemId)?.push(row.teamId);
  }

  const groups = [...(options.groups ?? [])];
  const groupWinners = new Map<string, string[]>();
  for (const g of groups) {
    const members = standings.rows.filter((r) => hasScored(r) && r.team.groupIds.includes(g.id));
    const best = members[0]?.rank;
    groupWinners.set(g.id, members.filter((r) => r.rank === best).map((r) => r.teamId));
  }

  const medalList = (m: Medal) => standings.rows.filter((r) => medals.get(r.teamId) === m).map((r) => r.teamId);
  const list: ClicsAward[] = [
    { id: 'winner', citation: 'Contest winner', team_ids: winners },
    { id: 'gold-medal', citation: 'Gold medal winner', team_ids: medalList('gold') },
    { id: 'silver-medal', citation: 'Silver medal winner', team_ids: medalList('silver') },
    { id: 'bronze-medal', citation: 'Bronze medal winner', team_ids: medalList('bronze') },
    ...standings.problems.map((p) => ({ id: `first-to-solve-${p.id}`, citation: `First to solve problem ${p.label}`, team_ids: firstToSolve.get(p.id)! })),
    ...groups.map((g) => ({ id: `group-winner-${g.id}`, citation: `Winner(s) of group ${g.name}`, team_ids: groupWinners.get(g.id)! })),
  ];
  return { medalCounts: counts, medals, winners, firstToSolve, groups, groupWinners, list };
}

/** Solved something, or in a score contest scored something (CLICS: awards are empty until a team has scored). */
function hasScored(row: { solved: number; score?: number }): boolean {
  return row.score === undefined ? row.solved > 0 : row.score > 0;
}
