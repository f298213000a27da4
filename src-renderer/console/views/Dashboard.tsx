// The dashboard: contest clock, the judging pool and its controls, what every worker does now,
// every judgehost (Judgehosts.tsx), the queue, and the last minutes' throughput and queue length.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { QueueEntry, WorkerView } from '../../../src-main/shared/judgeApi.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { clockText } from '../../shared/clock.ts';
import { formatClock, formatDateTime, formatTimeOfDay } from '../../shared/format.ts';
import { Field, Loading, Notice } from '../../shared/ui.tsx';
import type { ClockReading } from '../clock.ts';
import { formatElapsed, formatHoursMinutes, formatSpan } from '../format.ts';
import { judge } from '../api.ts';
import { useClockValue, useServerNow } from '../hooks.ts';
import type { WorkerActivity } from '../../../src-main/shared/judgeApi.ts';
import { perform, refreshSnapshot } from '../loaders.ts';
import { submissionHref } from '../route.ts';
import { nextTestClock, testNumber, type TestClock } from '../workers.ts';
import { useConsole } from '../store/index.ts';
import { ProblemTag, useNames } from './common.tsx';
import { JudgehostsTable } from './Judgehosts.tsx';
import { Sparkline } from './Sparkline.tsx';

/** One empty list: a selector returning a new [] each time would re-render without end. */
const NO_PROBLEMS: string[] = [];

export function Dashboard() {
  const { hasSnapshot, error, preparing, problems } = useConsole(
    useShallow((s) => ({ hasSnapshot: s.pool !== null, error: s.snapshotError, preparing: s.preparing, problems: s.pool?.problems ?? NO_PROBLEMS })),
  );
  return (
    <section className="dashboard">
      <h1 id="dashboard-title">Dashboard</h1>
      {problems.length > 0 && (
        <Notice tone="error" role="alert">
          <strong>The judge is not in working order:</strong>
          <ul>
            {problems.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Notice>
      )}
      {preparing.length > 0 && (
        <Notice tone="warning" role="status">
          <strong>Still preparing:</strong>
          <ul>
            {preparing.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Notice>
      )}
      {!hasSnapshot ? (
        error ? <Notice tone="error">Could not load the judging state: {error}.</Notice> : <Loading what="the judging state" />
      ) : (
        <>
          <div className="dash-grid">
            <ClockCard />
            <PoolCard />
            <ChartsCard />
          </div>
          <WorkersList />
          <JudgehostsTable />
          <QueueTable />
        </>
      )}
    </section>
  );
}

const phaseText = (reading: ClockReading | null): string => clockText(reading, (r) => `Running: ${formatClock(r.countdownMs ?? 0)} left`);

function ClockCard() {
  const { clock, name } = useConsole(useShallow((s) => ({ clock: s.clock, name: s.contest?.name ?? '' })));
  const phase = useClockValue((r) => r?.phase ?? null);
  const text = useClockValue(phaseText);
  const elapsed = useClockValue((r) => (r && r.contestTimeMs !== null && r.contestTimeMs >= 0 ? formatClock(r.contestTimeMs) : null));
  const frozen = useClockValue((r) => r?.frozen ?? false);
  if (!clock) return null;
  return (
    <div className="card dash-card">
      <h2>Contest</h2>
      <p className="dash-contest-name">{name}</p>
      <p className={`dash-clock clock-${phase ?? 'unknown'}`} role="timer" aria-label="Contest clock">
        {text}
      </p>
      <dl className="facts">
        <dt>Contest time</dt>
        <dd className="mono">{elapsed ?? '—'}</dd>
        <dt>Start</dt>
        <dd>{clock.startTime === null ? 'not set' : formatDateTime(clock.startTime)}</dd>
        <dt>Length</dt>
        <dd className="mono">
          {formatHoursMinutes(clock.durationMs)}
          {clock.freezeMs > 0 && <span className="muted small sans"> (frozen for the last {formatHoursMinutes(clock.freezeMs)})</span>}
        </dd>
        <dt>Scoreboard</dt>
        <dd>
          {frozen ? <span className="chip chip-frozen">frozen</span> : clock.thawed ? <span className="chip chip-ok">released</span> : 'live'}
        </dd>
      </dl>
    </div>
  );
}

/** What the pool does, as it is: paused, judging N submissions, or idle (not a green "judging" while nothing runs). */
function PoolChip({ paused, busy }: { paused: boolean; busy: number }) {
  if (paused) return <span className="chip chip-paused">paused</span>;
  if (busy === 0) return <span className="chip">idle</span>;
  return <span className="chip chip-ok">judging {busy}</span>;
}

/** The sandbox levels (common/sandboxInfo.ts; the README's "Sandbox" table) in words a judge can act on. */
const SANDBOX_WORDS: Readonly<Record<string, string>> = {
  full: 'Fully isolated: programs cannot reach the network or the judge’s files',
  userns: 'Isolated (not as root): programs cannot reach the network or the judge’s files, but keep the judge’s user',
  none: 'NOT isolated: programs can reach the network and the judge’s files',
};

function PoolCard() {
  const pool = useConsole((s) => s.pool);
  // What the judge typed, null while not editing: the field then follows changes made elsewhere
  // (another judge, the CLI).
  const [typed, setTyped] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!pool) return null;
  const workers = typed ?? String(pool.workers);

  const apply = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const n = Number(workers);
    if (!Number.isInteger(n) || n < 1) {
      useConsole.getState().notify('error', 'Workers: enter a whole number, 1 or more.');
      return;
    }
    setBusy(true);
    await perform('Could not change the number of workers', () => judge.setWorkers(n));
    await refreshSnapshot();
    setTyped(null);
    setBusy(false);
  };

  const togglePause = async (): Promise<void> => {
    setBusy(true);
    if (pool.paused) await perform('Could not resume judging', () => judge.resumeJudging());
    else await perform('Could not pause judging', () => judge.pauseJudging());
    await refreshSnapshot();
    setBusy(false);
  };

  return (
    <div className="card dash-card">
      <h2>Judging</h2>
      <p className="pool-state">
        <PoolChip paused={pool.paused} busy={pool.busy} />
        <span>
          {pool.busy} of {pool.workers} workers busy, {pool.queued} waiting
        </span>
      </p>
      <form className="inline-form" onSubmit={asyncHandler(apply)}>
        <Field label="Workers" className="field-narrow">
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              max={64}
              step={1}
              value={workers}
              onChange={(e) => setTyped(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          Apply
        </button>
      </form>
      <p>
        <button type="button" className={pool.paused ? 'primary' : 'danger'} onClick={asyncHandler(togglePause)} disabled={busy}>
          {pool.paused ? 'Resume judging' : 'Pause judging'}
        </button>
      </p>
      <dl className="facts">
        <dt>Sandbox</dt>
        <dd title={`sandbox level: ${pool.sandbox}`}>{SANDBOX_WORDS[pool.sandbox] ?? pool.sandbox}</dd>
        <dt>Judgehost</dt>
        <dd>
          {pool.judgehost.status}
          {pool.judgehost.restarts > 0 && `, restarted ${pool.judgehost.restarts} time${pool.judgehost.restarts === 1 ? '' : 's'}`}
        </dd>
      </dl>
    </div>
  );
}

function ChartsCard() {
  const throughput = useConsole((s) => s.throughput);
  return (
    <div className="card dash-card">
      <h2>Last minutes</h2>
      <div className="sparks">
        <Sparkline title="Judged per minute" unit="per minute" values={throughput.map((t) => t.judgedPerMinute)} />
        <Sparkline title="Queue length" unit="waiting" values={throughput.map((t) => t.queueLength)} />
      </div>
    </div>
  );
}

function WorkersList() {
  const workers = useConsole((s) => s.workers);
  return (
    <section className="dash-section">
      <h2 id="workers-title">Workers</h2>
      {workers.length === 0 ? (
        <p className="muted">No workers: set their number above.</p>
      ) : (
        <ul className="workers">
          {workers.map((w) => (
            <WorkerItem key={w.slot} worker={w} />
          ))}
        </ul>
      )}
    </section>
  );
}

function WorkerItem({ worker }: { worker: WorkerView }) {
  const a = worker.activity;
  const submission = useConsole((s) => (a.state === 'idle' ? undefined : s.submissions.get(a.submissionId)));
  const names = useNames();
  return (
    <li className={`worker worker-${a.state}`} data-worker={worker.slot}>
      <span className="worker-slot">Worker {worker.slot}</span>
      {a.state === 'idle' ? (
        <span className="muted">idle</span>
      ) : (
        <>
          <span className="worker-what">
            {a.state === 'compiling' ? 'compiling' : `running test ${testNumber(a.testIndex)} of ${a.testCount}${a.pass === undefined ? '' : `, pass ${a.pass}`}`}{' '}
            <a href={submissionHref(a.submissionId)}>#{a.submissionId}</a>
            {submission && (
              <span className="muted">
                {' '}
                {names.team(submission.teamId)}, <ProblemTag problem={names.problemById.get(submission.problemId)} fallback={submission.problemId} />
              </span>
            )}
            {a.state === 'running' && a.testName && <span className="muted mono"> {a.testName}</span>}
          </span>
          <Elapsed activity={a} />
        </>
      )}
    </li>
  );
}

/** Time in the current phase or test, against the test's time limit as a bar while running. */
function Elapsed({ activity }: { activity: WorkerActivity }) {
  const now = useServerNow(250);
  // Information from earlier renders (React's documented pattern): the clock moves on with the test.
  const [clock, setClock] = useState<TestClock | null>(null);
  const current = nextTestClock(clock, activity, now);
  if (current !== clock) setClock(current);
  const elapsed = Math.max(0, now - (current?.since ?? now));
  const limitMs = activity.state === 'running' ? activity.timeLimitMs : 0;
  if (limitMs <= 0) return <span className="worker-time mono">{formatElapsed(elapsed)}</span>;
  const share = Math.min(1, elapsed / limitMs);
  return (
    <span className="worker-time">
      <span
        className={`bar${elapsed > limitMs ? ' bar-over' : ''}`}
        role="progressbar"
        aria-label="Test time against the limit"
        aria-valuemin={0}
        aria-valuemax={limitMs}
        aria-valuenow={Math.min(elapsed, limitMs)}
      >
        <span className="bar-fill" style={{ width: `${share * 100}%` }} />
      </span>
      <span className="mono">
        {formatElapsed(elapsed)} / {formatElapsed(limitMs)}
      </span>
    </span>
  );
}

/** How the store orders the queue (store.queue.list): the rows below are in that order. */
const QUEUE_ORDER_RULE =
  'In judging order. Fair: teams take turns; rejudges after new submissions; prioritised first. While another team waits, a team keeps at most one worker: ' +
  'its latest judging is stopped and starts again later ("restarts").';

function QueueTable() {
  const queue = useConsole((s) => s.queue);
  const total = useConsole((s) => s.pool?.queued ?? 0);
  const names = useNames();
  const now = useServerNow(1000);
  return (
    <section className="dash-section">
      <h2 id="queue-title">Queue {total > 0 && <span className="badge badge-pending">{total}</span>}</h2>
      <p className="muted" id="queue-order">
        {QUEUE_ORDER_RULE}
      </p>
      {queue.length === 0 ? (
        <p className="muted">Nothing waiting.</p>
      ) : (
        <div className="table-wrap">
          <table className="queue" aria-label="Queue" aria-describedby="queue-order">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Submission</th>
                <th scope="col">Team</th>
                <th scope="col">Problem</th>
                <th scope="col">Language</th>
                <th scope="col">Waiting</th>
                <th scope="col">Estimated start</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((q) => (
                <QueueRow key={q.submissionId} entry={q} now={now} names={names} />
              ))}
            </tbody>
          </table>
          {total > queue.length && <p className="muted empty">…and {total - queue.length} more, not listed here.</p>}
        </div>
      )}
    </section>
  );
}

function QueueRow({ entry: q, now, names }: { entry: QueueEntry; now: number; names: ReturnType<typeof useNames> }) {
  const eta = q.estimatedStart === null ? '—' : q.estimatedStart <= now ? 'any moment' : `in ${formatSpan(q.estimatedStart - now)} (${formatTimeOfDay(q.estimatedStart)})`;
  return (
    <tr data-submission-id={q.submissionId}>
      <td className="num">{q.position}</td>
      <td>
        <a href={submissionHref(q.submissionId)}>#{q.submissionId}</a>
        {q.preempted && (
          <>
            {' '}
            <span className="badge badge-pending" title="Its judging was stopped to give the worker to a submission ahead of it; it starts again from the beginning.">
              restarts
            </span>
          </>
        )}
      </td>
      <td>{names.team(q.teamId)}</td>
      <td>
        <ProblemTag problem={names.problemById.get(q.problemId)} fallback={q.problemId} />
      </td>
      <td>{names.language(q.languageId)}</td>
      <td className="mono">{formatSpan(now - q.queuedAt)}</td>
      <td>{eta}</td>
    </tr>
  );
}
