// A printable standings page: one self-contained HTML file (inline CSS, no scripts, no external
// resources; a Content-Security-Policy forbids any), so it opens from a USB stick with no server and
// prints on A4 or Letter in landscape, never splitting a team's row across pages.
import { contestMaxScore } from '../store/clics.ts';
import { clicsTime } from '../clics/time.ts';
import type { Awards, Medal } from './awards.ts';
import { formatPoints } from './points.ts';
import type { Standings } from './standings.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function normalRgb(rgb: string): string | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(rgb.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return `#${hex.toLowerCase()}`;
}

function tries(n: number): string {
  return n === 1 ? '1 try' : `${n} tries`;
}

const MEDAL_NAME: Record<Medal, string> = { gold: 'Gold medal', silver: 'Silver medal', bronze: 'Bronze medal' };

const CSS = `
*{box-sizing:border-box}
body{margin:16px;font:13px/1.3 "Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;color:#111;background:#fff}
h1{font-size:20px;margin:0 0 2px}
.sub{margin:0 0 10px;color:#444}
.note{margin:0 0 10px;padding:6px 10px;border:1px solid #d9a400;background:#fff6d6;color:#5a4500}
table.standings{border-collapse:collapse;width:100%}
.standings th,.standings td{border:1px solid #bbb;padding:3px 5px;text-align:center;vertical-align:middle}
.standings thead th{background:#eee;font-weight:600}
.standings th.team,.standings td.team{text-align:left;min-width:12em}
.standings th.narrow,.standings td.narrow{width:3.5em;white-space:nowrap}
.standings td.team{overflow-wrap:anywhere}
.standings td.team .org{display:block;color:#555;font-size:11px}
.standings td.num{font-variant-numeric:tabular-nums}
.standings th.problem{min-width:44px}
.ball{display:inline-block;width:11px;height:11px;border-radius:50%;border:1px solid #555;vertical-align:-1px;margin-right:3px}
.pname{display:block;font-weight:400;font-size:10px;color:#444;max-width:90px;margin:0 auto;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cell b{display:block;font-size:13px}
.cell small{display:block;font-size:10px}
.cell.solved{background:#c8efc4}
.cell.first{background:#1f7a3a;color:#fff}
.cell.first b::after{content:" \\2605"}
.cell.failed{background:#f7c6c6}
.cell.pending{background:#fbeeb0}
.cell.partial{background:#f6e3a6}
tr.gold td.rank,tr.gold td.team{background:#f5d76e}
tr.silver td.rank,tr.silver td.team{background:#d6d6d6}
tr.bronze td.rank,tr.bronze td.team{background:#e3b58a}
tr.gold td.rank::after,tr.silver td.rank::after,tr.bronze td.rank::after{content:" \\25CF";font-size:10px}
tfoot td{background:#f4f4f4;font-size:11px;color:#333}
.legend{margin-top:10px;font-size:11px;color:#333}
.legend span{display:inline-block;margin-right:14px}
.swatch{display:inline-block;width:12px;height:12px;border:1px solid #888;vertical-align:-2px;margin-right:4px}
@page{size:landscape;margin:10mm}
@media print{
  body{margin:0;font-size:10px}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  h1{font-size:16px}
  thead{display:table-header-group}
  tfoot{display:table-row-group}
  tr,td,th{break-inside:avoid;page-break-inside:avoid}
  .standings th,.standings td{padding:2px 3px}
  .cell b{font-size:11px}
  .cell small,.pname,.standings td.team .org{font-size:8px}
}
`;

/** What a pass-fail contest's cells mean. */
const PASS_FAIL_CELLS_LEGEND =
  '<span><i class="swatch" style="background:#1f7a3a"></i>First to solve &#9733;</span><span><i class="swatch" style="background:#c8efc4"></i>Solved: minute, tries</span><span><i class="swatch" style="background:#f7c6c6"></i>Not solved</span><span><i class="swatch" style="background:#fbeeb0"></i>Pending</span>';
/** What a score contest's cells mean: the team's score for the problem (its best, as the scoreboard counts it) and its tries. */
const SCORE_CELLS_LEGEND =
  '<span><i class="swatch" style="background:#c8efc4"></i>Full score: points, tries</span><span><i class="swatch" style="background:#f6e3a6"></i>Partial score: points, tries</span><span><i class="swatch" style="background:#f7c6c6"></i>No points</span><span><i class="swatch" style="background:#fbeeb0"></i>Pending, no points yet</span>';

export interface StandingsHtmlOptions {
  /** Why the results are not final (shown in a note at the top). */
  warnings?: readonly string[];
  /** Organization names by id, shown under each team's name. */
  organizations?: ReadonlyMap<string, string>;
}

export function standingsHtml(standings: Standings, awards: Awards, options: StandingsHtmlOptions = {}): string {
  const { contest, problems, rows } = standings;
  const title = contest.formalName || contest.name;
  // A score contest: a Score column instead of Solved and Time, each cell its score (contest/scoreScoreboard.ts).
  const scored = contest.scoreboardType === 'score';
  const maxScores = new Map(problems.map((p) => [p.id, contestMaxScore(p)]));
  const asOf = standings.lastEvent ? clicsTime(standings.lastEvent.time).replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : null;
  const subtitle = [
    contest.formalName && contest.name !== contest.formalName ? contest.name : null,
    options.warnings && options.warnings.length > 0 ? 'Standings (not final)' : 'Final standings',
    asOf ? `as of ${asOf}` : null,
    `${rows.length} team${rows.length === 1 ? '' : 's'}`,
    scored ? 'ranked by total score' : `${contest.penaltyMinutes} penalty minutes per rejected attempt`,
  ].filter((s): s is string => s !== null);

  const head = problems
    .map((p) => {
      const rgb = normalRgb(p.rgb);
      const ball = rgb ? `<span class="ball" style="background:${rgb}"></span>` : '';
      return `<th class="problem" scope="col" title="${escapeHtml(p.name)}">${ball}${escapeHtml(p.label)}<span class="pname">${escapeHtml(p.name)}</span></th>`;
    })
    .join('');

  const body = rows
    .map((row) => {
      const medal = awards.medals.get(row.teamId);
      const cells = new Map(row.problems.map((c) => [c.problemId, c]));
      const problemCells = problems
        .map((p) => {
          const c = cells.get(p.id);
          if (!c || (c.attempts === 0 && c.pending === 0)) return '<td class="cell"></td>';
          if (scored) {
            const score = c.score ?? 0;
            const max = maxScores.get(p.id) ?? null;
            const cls = (max !== null ? score >= max && score > 0 : c.solved) ? 'solved' : score > 0 ? 'partial' : c.pending > 0 ? 'pending' : 'failed';
            return `<td class="cell ${cls}"><b>${formatPoints(score)}</b><small>${tries(c.attempts)}${c.pending > 0 ? ` + ${c.pending} pending` : ''}</small></td>`;
          }
          if (c.solved) {
            const cls = c.firstToSolve ? 'cell solved first' : 'cell solved';
            const title = c.firstToSolve ? ' title="First to solve"' : '';
            return `<td class="${cls}"${title}><b>${c.timeMinutes}</b><small>${tries(c.attempts)}</small></td>`;
          }
          if (c.pending > 0) return `<td class="cell pending"><b>?</b><small>${c.attempts > 0 ? `${tries(c.attempts)} + ` : ''}${c.pending} pending</small></td>`;
          return `<td class="cell failed"><b>&minus;</b><small>${tries(c.attempts)}</small></td>`;
        })
        .join('');
      // Under the name: the team's organization, else its full name when the display name shortens it.
      const orgName = row.team.organizationId !== null ? options.organizations?.get(row.team.organizationId) : undefined;
      const below = orgName ?? (row.team.name !== row.team.displayName ? row.team.name : null);
      const org = below ? `<span class="org">${escapeHtml(below)}</span>` : '';
      const medalTitle = medal ? ` title="${MEDAL_NAME[medal]}"` : '';
      return (
        `<tr${medal ? ` class="${medal}"` : ''}><td class="rank num narrow"${medalTitle}>${row.rank}</td>` +
        `<td class="team">${escapeHtml(row.team.displayName)}${org}</td>` +
        (scored ? `<td class="num narrow">${formatPoints(row.score ?? 0)}</td>` : `<td class="num narrow">${row.solved}</td><td class="num narrow">${row.penalty}</td>`) +
        `${problemCells}</tr>`
      );
    })
    .join('\n');

  const solvedBy = problems
    .map((p) => {
      let solved = 0;
      let tried = 0;
      for (const row of rows) {
        const c = row.problems.find((x) => x.problemId === p.id);
        if (c?.solved) solved++;
        if (c && c.attempts > 0) tried++;
      }
      return `<td>${solved}/${tried}</td>`;
    })
    .join('');

  const note =
    options.warnings && options.warnings.length > 0
      ? `<p class="note">Not final: ${options.warnings.map(escapeHtml).join('; ')}.</p>\n`
      : '';
  const medals = awards.medalCounts;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Verdict">
<title>${escapeHtml(title)} — standings</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${subtitle.map(escapeHtml).join(' · ')}</p>
${note}<table class="standings">
<thead><tr><th class="rank narrow" scope="col">Rank</th><th class="team" scope="col">Team</th>${scored ? '<th class="narrow" scope="col">Score</th>' : '<th class="narrow" scope="col">Solved</th><th class="narrow" scope="col">Time</th>'}${head}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><td colspan="${scored ? 3 : 4}">${scored ? 'Accepted' : 'Solved'} / tried by</td>${solvedBy}</tr></tfoot>
</table>
<p class="legend"><span><i class="swatch" style="background:#f5d76e"></i>Gold medal (${medals.gold})</span><span><i class="swatch" style="background:#d6d6d6"></i>Silver medal (${medals.silver})</span><span><i class="swatch" style="background:#e3b58a"></i>Bronze medal (${medals.bronze})</span>${scored ? SCORE_CELLS_LEGEND : PASS_FAIL_CELLS_LEGEND}</p>
</body>
</html>
`;
}
