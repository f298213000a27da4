// Per-problem statistics: attempts, teams that tried and solved it, the first solve, the verdicts
// given (a bar in the verdicts' colours) and when submissions came (a hand-drawn SVG histogram over
// the contest). Teams on the public scoreboard only; refreshed with every verdict.
import type { ProblemStats } from '../../../src-main/shared/judgeApi.ts';
import type { Verdict } from '../../../src-main/common/types.ts';
import { formatContestTime } from '../../shared/format.ts';
import { ProblemDot } from '../../shared/problems.tsx';
import { Loading, Notice } from '../../shared/ui.tsx';
import { VERDICT_NAMES, verdictTone } from '../../shared/verdicts.ts';
import { judge } from '../api.ts';
import { useLiveQuery } from '../liveQuery.ts';
import './staff.css';

const getProblemStats = (): Promise<ProblemStats[]> => judge.getProblemStats();

/** The histogram's drawing size (SVG units; it scales to its box). */
const CHART_WIDTH = 400;
const CHART_HEIGHT = 90;

export function Statistics() {
  const { data, error } = useLiveQuery(getProblemStats, ['scoreboard', 'problems']);
  return (
    <section>
      <h1 id="statistics-title">Statistics</h1>
      <p className="muted">Per problem, for the teams on the public scoreboard. Every verdict counts (the judges’ view, never frozen).</p>
      {error && <Notice tone="error">Could not load the statistics: {error}.</Notice>}
      {data === null ? (
        !error && <Loading what="the statistics" />
      ) : (
        <div className="stats-grid">
          {data.map((p) => (
            <ProblemCard key={p.problemId} stats={p} />
          ))}
          {data.length === 0 && <p className="muted empty">The contest has no problems.</p>}
        </div>
      )}
    </section>
  );
}

function ProblemCard({ stats: p }: { stats: ProblemStats }) {
  const titleId = `stats-${p.problemId}`;
  return (
    <article className="card stats-card" aria-labelledby={titleId} data-problem-id={p.problemId}>
      <h2 id={titleId}>
        <ProblemDot rgb={p.rgb} /> {p.label} <span className="muted">{p.name}</span>
      </h2>
      <dl className="stats-figures">
        <div>
          <dt>Submissions</dt>
          <dd>{p.submissions}</dd>
        </div>
        <div>
          <dt>Teams solved</dt>
          <dd>
            {p.teamsSolved} {p.teamsTried > 0 && <span className="muted">of {p.teamsTried} that tried</span>}
          </dd>
        </div>
        <div>
          <dt>First solve</dt>
          <dd>{p.firstSolve ? `${p.firstSolve.teamName} at ${formatContestTime(p.firstSolve.contestTimeMs)}` : '—'}</dd>
        </div>
      </dl>
      <VerdictBar verdicts={p.verdicts} total={p.submissions} />
      <Histogram stats={p} />
    </article>
  );
}

function VerdictBar({ verdicts, total }: { verdicts: ProblemStats['verdicts']; total: number }) {
  const entries = (Object.entries(verdicts) as [Verdict | 'pending', number][]).sort((a, b) => b[1] - a[1]);
  if (total === 0) return <p className="muted">No submissions yet.</p>;
  return (
    <div className="verdict-dist">
      <div className="verdict-bar" aria-hidden="true">
        {entries.map(([verdict, count]) => (
          <span key={verdict} className={`tone-${verdict === 'pending' ? 'pending' : verdictTone(verdict)}`} style={{ flexGrow: count }} />
        ))}
      </div>
      <ul className="verdict-legend" aria-label="Verdicts">
        {entries.map(([verdict, count]) => (
          <li key={verdict} title={verdict === 'pending' ? 'Waiting for a verdict' : VERDICT_NAMES[verdict]}>
            <span className={`legend-swatch tone-${verdict === 'pending' ? 'pending' : verdictTone(verdict)}`} aria-hidden="true" />
            {verdict === 'pending' ? 'pending' : verdict} <strong>{count}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Histogram({ stats: p }: { stats: ProblemStats }) {
  const { bucketMs, buckets } = p.histogram;
  const totals = buckets.map((b) => b.accepted + b.rejected + b.pending);
  const max = Math.max(1, ...totals);
  const barWidth = CHART_WIDTH / buckets.length;
  const scale = (n: number) => (n / max) * (CHART_HEIGHT - 2);
  const busiest = totals.indexOf(Math.max(...totals));
  const label =
    p.submissions === 0
      ? `Submissions over time for ${p.label}: none yet`
      : `Submissions over time for ${p.label}, in slices of ${Math.round(bucketMs / 60_000)} minutes: at most ${max} in one slice, the busiest from ${formatContestTime(busiest * bucketMs)}`;
  return (
    <figure className="histogram">
      <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="none">
        {buckets.map((b, i) => {
          // Stacked from the axis up: accepted, then rejected, then pending.
          const accepted = scale(b.accepted);
          const rejected = scale(b.rejected);
          const pending = scale(b.pending);
          const bar = (part: string, height: number, below: number) =>
            height > 0 && <rect x={i * barWidth + 1} y={CHART_HEIGHT - below - height} width={barWidth - 2} height={height} className={`hist-${part}`} />;
          return (
            <g key={i}>
              <title>{`${formatContestTime(i * bucketMs)}–${formatContestTime((i + 1) * bucketMs)}: ${b.accepted} accepted, ${b.rejected} rejected, ${b.pending} pending`}</title>
              {bar('accepted', accepted, 0)}
              {bar('rejected', rejected, accepted)}
              {bar('pending', pending, accepted + rejected)}
            </g>
          );
        })}
        <line x1="0" x2={CHART_WIDTH} y1={CHART_HEIGHT - 0.5} y2={CHART_HEIGHT - 0.5} className="hist-axis" />
      </svg>
      <figcaption className="muted">
        <span>0:00</span>
        <span>submissions over the contest (max {max} per {Math.round(bucketMs / 60_000)} min)</span>
        <span>{formatContestTime(buckets.length * bucketMs)}</span>
      </figcaption>
    </figure>
  );
}
