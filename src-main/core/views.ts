// The views the portal and the judges' console both show (contracts: shared/portalApi.ts).
import { gzipSync } from 'node:zlib';
import type { ScoreboardRow } from '../contest/scoreboard.ts';
import type { ScoreboardSnapshot } from '../store/scoreboardService.ts';
import type { PortalClarification, ScoreboardView } from '../shared/portalApi.ts';
import { contestMaxScore } from '../store/clics.ts';
import type { ClarificationRow } from '../store/store.ts';
import type { TeamRow } from '../store/rows.ts';
import type { CoreContext } from './context.ts';
import { teamAffiliations } from './teamAffiliations.ts';

/**
 * Each snapshot's shown board, made once: between two changes the hundreds of requests a second of a big
 * contest share it, its JSON (a thousand teams' board is ~400 KB to serialize) and that JSON gzipped (a
 * tenth of it: sending 400 KB to each of hundreds of browsers a second is most of what the board costs).
 * A snapshot is one view's.
 */
interface ShownBoard {
  board: ScoreboardView;
  json?: string;
  gzipped?: Buffer;
}
const shownBoards = new WeakMap<ScoreboardSnapshot, ShownBoard>();
/** Fast compression: made once per change of the board, it must cost less than the bytes it saves cost to send. */
const GZIP_LEVEL = 1;

/** The scoreboard as the portal and the console show it: judges' (live) or public (frozen in the freeze). */
export function portalScoreboard(ctx: Pick<CoreContext, 'scoreboard' | 'store' | 'contest' | 'now'>, view: 'judges' | 'public'): ScoreboardView {
  return shownBoard(ctx, view).board;
}

/** portalScoreboard as the JSON text an HTTP reply sends. */
export function portalScoreboardJson(ctx: Pick<CoreContext, 'scoreboard' | 'store' | 'contest' | 'now'>, view: 'judges' | 'public'): string {
  return jsonOf(shownBoard(ctx, view));
}

/** portalScoreboardJson gzipped, for a reply to a client that accepts gzip. */
export function portalScoreboardGzipped(ctx: Pick<CoreContext, 'scoreboard' | 'store' | 'contest' | 'now'>, view: 'judges' | 'public'): Buffer {
  const shown = shownBoard(ctx, view);
  shown.gzipped ??= gzipSync(jsonOf(shown), { level: GZIP_LEVEL });
  return shown.gzipped;
}

/** A shown board's JSON, serialised once. */
function jsonOf(shown: ShownBoard): string {
  shown.json ??= JSON.stringify(shown.board);
  return shown.json;
}

function shownBoard(ctx: Pick<CoreContext, 'scoreboard' | 'store' | 'contest' | 'now'>, view: 'judges' | 'public'): ShownBoard {
  const snapshot = ctx.scoreboard.snapshot(view, ctx.now());
  const made = shownBoards.get(snapshot);
  if (made) return made;
  const teams = ctx.store.contest.teams();
  const affiliations = teamAffiliations(ctx, view, teams);
  const rows = snapshot.rows.map(scoreboardViewRow(teams, affiliations));
  // Only the categories someone on this board belongs to: a filter that empties the board helps nobody.
  const onBoard = new Set(rows.flatMap((r) => r.groupIds));
  const board: ScoreboardView = {
    frozen: snapshot.frozen,
    scoreboardType: ctx.store.contest.scoreboardType(),
    problems: ctx.store.contest.problems().map((p) => ({ id: p.id, label: p.label, rgb: p.rgb, maxScore: contestMaxScore(p) })),
    groups: affiliations.groups.filter((g) => onBoard.has(g.id)),
    rows,
  };
  const shown = { board };
  shownBoards.set(snapshot, shown);
  return shown;
}

/** Maps a scoreboard row to a shown one: the team's name, and its organization and categories as `affiliations` let the viewer see them. */
export function scoreboardViewRow(
  teams: readonly TeamRow[],
  affiliations: ReturnType<typeof teamAffiliations>,
): (row: ScoreboardRow) => ScoreboardView['rows'][number] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  return (r) => {
    const team = byId.get(r.teamId);
    return {
      rank: r.rank,
      teamId: r.teamId,
      teamName: team?.displayName ?? r.teamId,
      affiliation: team ? affiliations.organizationOf(team) : null,
      groupIds: team ? affiliations.groupsOf(team) : [],
      solved: r.solved,
      penalty: r.penalty,
      score: r.score ?? null,
      problems: r.problems,
    };
  };
}

export function portalClarification(row: ClarificationRow): PortalClarification {
  return { id: row.id, fromTeamId: row.fromTeamId, toTeamId: row.toTeamId, problemId: row.problemId, replyToId: row.replyToId, text: row.text, time: row.time };
}
