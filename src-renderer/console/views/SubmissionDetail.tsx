// One submission for the judges: what it is and how it did, its source, the compiler's output,
// every test run, the live terminal while it is judged, the first failing test side by side, and
// the judges' actions (rejudge, prioritise, kill, override, verify).
import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ConsoleSubmission, FailingTest, SubmissionDetail as Detail } from '../../../src-main/shared/judgeApi.ts';
import type { Verdict } from '../../../src-main/common/types.ts';
import { asyncHandler } from '../../shared/asyncHandler.ts';
import { formatContestTime, formatScore, formatTimeOfDay } from '../../shared/format.ts';
import { GroupTable } from '../../shared/GroupTable.tsx';
import { retryingLazy } from '../../shared/retryingLazy.tsx';
import { SubmittedSources } from '../../shared/SubmittedSources.tsx';
import { Field, FormError, Loading, Notice } from '../../shared/ui.tsx';
import { VERDICT_NAMES } from '../../shared/verdicts.ts';
import { judge } from '../api.ts';
import { firstDifference } from '../../shared/diff.ts';
import { TextPane } from '../../shared/TextPane.tsx';
import { formatMemoryKb, formatRunTime } from '../format.ts';
import { perform, refreshDetail } from '../loaders.ts';
import { openHref, rejudgingHref, viewHref } from '../route.ts';
import { useConsole } from '../store/index.ts';
import { ProblemTag, RunVerdict, useNames, VerdictBadge, VerdictOptions } from './common.tsx';
import { VerificationLine } from './Verification.tsx';

// xterm.js loads with the first detail, not with the console (CodeMirror too: LazySourceView).
const LiveTerminal = retryingLazy(() => import('../Terminal.tsx'), { what: 'the terminal' });

export function SubmissionDetail({ id }: { id: string }) {
  const { detail, error, current } = useConsole(
    useShallow((s) => ({
      detail: s.detailId === id ? s.detail : null,
      error: s.detailId === id ? s.detailError : null,
      // The table's copy is the newest (events update it first).
      current: s.submissions.get(id),
    })),
  );

  useEffect(() => {
    const store = useConsole.getState();
    store.openDetail(id);
    void refreshDetail();
    return () => {
      if (useConsole.getState().detailId === id) useConsole.getState().openDetail(null);
    };
  }, [id]);

  const submission = current ?? detail?.submission;

  return (
    <article className="detail">
      <p className="back">
        <a href={viewHref('submissions')}>← Back to the list</a>
      </p>
      <h1 id="detail-title">Submission #{id}</h1>
      {error && <Notice tone="error">Could not load submission {id}: {error}.</Notice>}
      {!submission ? (
        !error && <Loading what={`submission ${id}`} />
      ) : (
        <>
          <Header submission={submission} judgehost={detail?.judgehost ?? null} />
          <Actions submission={submission} />
          <VerificationLine submission={submission} />
          <Progress id={id} />
          <LiveOutput submission={submission} />
          {detail ? <Body detail={detail} /> : !error && <Loading what="the source and the runs" />}
        </>
      )}
    </article>
  );
}

function Header({ submission: s, judgehost }: { submission: ConsoleSubmission; judgehost: string | null }) {
  const names = useNames();
  return (
    <dl className="detail-head card">
      <div>
        <dt>Team</dt>
        <dd>{names.team(s.teamId)}</dd>
      </div>
      <div>
        <dt>Problem</dt>
        <dd>
          <ProblemTag problem={names.problemById.get(s.problemId)} fallback={s.problemId} /> <span className="muted">{names.problemById.get(s.problemId)?.name}</span>
        </dd>
      </div>
      <div>
        <dt>Language</dt>
        <dd>
          {names.language(s.languageId)} <span className="muted mono">{s.fileName}</span>
        </dd>
      </div>
      <div>
        <dt>Verdict</dt>
        <dd>
          <VerdictBadge submission={s} long />
        </dd>
      </div>
      {s.score !== null && (
        <div>
          <dt>Score</dt>
          <dd className="mono" data-score={s.score}>
            {formatScore(s.score)}
          </dd>
        </div>
      )}
      <div>
        <dt>Time</dt>
        <dd className="mono">{formatRunTime(s.timeMs)}</dd>
      </div>
      <div>
        <dt>Memory</dt>
        <dd className="mono">{formatMemoryKb(s.memoryKb)}</dd>
      </div>
      <div>
        <dt>Submitted</dt>
        <dd className="mono">
          {formatContestTime(s.contestTimeMs)} <span className="muted">({formatTimeOfDay(s.submittedAt)})</span>
        </dd>
      </div>
      {judgehost !== null && (
        <div>
          <dt>Judgehost</dt>
          <dd className="mono">{judgehost}</dd>
        </div>
      )}
    </dl>
  );
}

/** Which test the open submission is on, from the workers' state. */
function Progress({ id }: { id: string }) {
  const text = useConsole((s) => {
    for (const w of s.workers) {
      const a = w.activity;
      if (a.state === 'idle' || a.submissionId !== id) continue;
      return a.state === 'compiling' ? `Compiling on worker ${w.slot}` : `Running test ${a.testIndex + 1} of ${a.testCount} (${a.testName}) on worker ${w.slot}`;
    }
    return null;
  });
  const position = useConsole((s) => s.queue.find((q) => q.submissionId === id)?.position ?? null);
  if (text) return <p className="progress-line" role="status">{text}</p>;
  if (position !== null) return <p className="progress-line" role="status">Queued: position {position}</p>;
  return null;
}

function Actions({ submission: s }: { submission: ConsoleSubmission }) {
  const [busy, setBusy] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const notify = useConsole((state) => state.notify);

  const act = async (what: string, run: () => Promise<void>, done: string): Promise<void> => {
    setBusy(true);
    const ok = await perform(what, async () => {
      await run();
      return true;
    });
    setBusy(false);
    if (ok) {
      notify('success', done);
      void refreshDetail();
    }
  };

  // A rejudging of this one submission: its verdict changes only when the rejudging is applied.
  const preview = async (): Promise<void> => {
    setBusy(true);
    const created = await perform(`Could not rejudge #${s.id}`, () => judge.createRejudging({ submissionIds: [s.id] }, `submission #${s.id} rejudged`));
    setBusy(false);
    if (created) openHref(rejudgingHref(created.rejudging.id));
  };

  return (
    <div className="detail-actions">
      <div className="button-row">
        {s.rejudgingId ? (
          <a href={rejudgingHref(s.rejudgingId)}>In rejudging #{s.rejudgingId}</a>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={asyncHandler(() => act(`Could not rejudge #${s.id}`, () => judge.rejudgeSubmission(s.id), `Submission #${s.id} is queued for rejudging.`))}>
              Rejudge now
            </button>
            {s.status === 'judged' && (
              <button type="button" disabled={busy} onClick={asyncHandler(() => preview())}>
                Rejudge with preview
              </button>
            )}
          </>
        )}
        {s.status === 'queued' && (
          <button type="button" disabled={busy} onClick={asyncHandler(() => act(`Could not prioritise #${s.id}`, () => judge.prioritise(s.id), `Submission #${s.id} moved to the front of the queue.`))}>
            Prioritise
          </button>
        )}
        {s.status === 'judging' && (
          <button type="button" className="danger" disabled={busy} onClick={asyncHandler(() => act(`Could not kill the run of #${s.id}`, () => judge.killRun(s.id), `The run of #${s.id} was stopped.`))}>
            Kill run
          </button>
        )}
        {!overriding && (
          <button type="button" disabled={busy} onClick={() => setOverriding(true)}>
            Override verdict
          </button>
        )}
      </div>
      {overriding && <OverrideForm submission={s} onDone={() => setOverriding(false)} />}
    </div>
  );
}

function OverrideForm({ submission: s, onDone }: { submission: ConsoleSubmission; onDone: () => void }) {
  const [verdict, setVerdict] = useState<Verdict>(s.verdict ?? 'AC');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const notify = useConsole((state) => state.notify);

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!reason.trim()) {
      setProblem('Give a reason: it is kept with the override.');
      return;
    }
    setBusy(true);
    setProblem(null);
    const ok = await perform(`Could not override the verdict of #${s.id}`, async () => {
      await judge.overrideVerdict(s.id, verdict, reason.trim());
      return true;
    });
    setBusy(false);
    if (ok) {
      notify('success', `Submission #${s.id} is now ${VERDICT_NAMES[verdict]}.`);
      void refreshDetail();
      onDone();
    }
  };

  return (
    <form className="card override-form" onSubmit={asyncHandler(save)} noValidate>
      <Field label="Verdict">
        {(id) => (
          <select id={id} value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)}>
            <VerdictOptions />
          </select>
        )}
      </Field>
      <Field label="Reason" className="field-grow">
        {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoFocus />}
      </Field>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Save override
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
      <FormError message={problem} />
    </form>
  );
}

/** The terminal appears when the submission is judged while open, and keeps its text afterwards. */
function LiveOutput({ submission: s }: { submission: ConsoleSubmission }) {
  const judging = s.status === 'judging';
  const [shown, setShown] = useState(judging);
  // Adjusted during render (not in an effect): the terminal mounts in the render judging starts in.
  if (judging && !shown) setShown(true);
  if (!shown) return null;
  return (
    <section className="detail-section">
      <h2 id="live-title">
        Live output {judging ? <span className="chip chip-live">live</span> : <span className="chip">finished</span>}
      </h2>
      <LiveTerminal submissionId={s.id} watching={judging} />
    </section>
  );
}

function Body({ detail }: { detail: Detail }) {
  const s = detail.submission;
  const scored = detail.runs.some((r) => r.score !== null);
  return (
    <>
      {detail.judgeError && (
        <Notice tone="error">
          <strong>Judging error:</strong> <span className="pre-line">{detail.judgeError}</span>
        </Notice>
      )}
      {detail.failing && <FailingTestView failing={detail.failing} />}
      {detail.groups && detail.groups.some((g) => g.name !== '') && (
        <section className="detail-section">
          <h2 id="groups-title">Test groups</h2>
          <div className="table-wrap">
            <GroupTable groups={detail.groups} />
          </div>
        </section>
      )}
      <section className="detail-section">
        <h2 id="runs-title">Tests</h2>
        {detail.runs.length === 0 ? (
          <p className="muted">{s.status === 'judged' ? 'No test was run.' : s.status === 'judging' ? 'Being judged: the tests’ results appear here when the judging ends.' : 'Waiting to be judged.'}</p>
        ) : (
          <div className="table-wrap">
            <table className="runs" aria-label="Test runs">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">Test</th>
                  <th scope="col">Verdict</th>
                  <th scope="col" className="num">
                    CPU time
                  </th>
                  <th scope="col" className="num">
                    Wall
                  </th>
                  <th scope="col" className="num">
                    Memory
                  </th>
                  {scored && (
                    <th scope="col" className="num">
                      Score
                    </th>
                  )}
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {detail.runs.map((r) => (
                  <tr key={r.ordinal} data-verdict={r.verdict}>
                    <td className="num">{r.ordinal}</td>
                    <td className="mono">{r.testName}</td>
                    <td>
                      <RunVerdict verdict={r.verdict} />
                    </td>
                    <td className="num mono">{formatRunTime(r.timeMs)}</td>
                    <td className="num mono muted">{formatRunTime(r.wallMs)}</td>
                    <td className="num mono">{formatMemoryKb(r.memoryKb)}</td>
                    {scored && <td className="num mono">{r.score === null ? '' : formatScore(r.score)}</td>}
                    <td className="message-cell">{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {detail.compileOutput && (
        <section className="detail-section">
          <h2 id="compile-title">Compiler output</h2>
          <pre className="output-block">{detail.compileOutput}</pre>
        </section>
      )}
      <SubmittedSources submissionId={s.id} languageId={s.languageId} entry={{ fileName: s.fileName, source: detail.source }} otherFiles={detail.otherFiles} />
      <section className="detail-section">
        <h2 id="overrides-title">Overrides</h2>
        {detail.overrides.length === 0 ? (
          <p className="muted">The verdict has not been overridden.</p>
        ) : (
          <ul className="overrides">
            {detail.overrides.map((o, i) => (
              <li key={i}>
                <span className="mono">{formatTimeOfDay(o.at)}</span> <strong>{o.by}</strong>: {o.previous ?? 'pending'} → <strong>{o.verdict}</strong>
                <span className="muted"> — {o.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function FailingTestView({ failing }: { failing: FailingTest }) {
  const difference = firstDifference(failing.expected, failing.output);
  return (
    <section className="detail-section">
      <h2 id="failing-title">
        First failing test: <span className="mono">{failing.testName}</span>
      </h2>
      {failing.message && (
        <div className="validator-message">
          <strong>Validator:</strong> <span className="pre-line">{failing.message}</span>
        </div>
      )}
      <p className="muted small" role="note">
        {difference
          ? `First difference on line ${difference.line}, column ${difference.column + 1}.`
          : 'Output and expected answer read the same (apart from trailing spaces): see the validator’s message.'}
        {failing.truncated && ' The texts are cut short: the difference may lie further on.'}
      </p>
      <div className="compare">
        <TextPane title="Input" text={failing.input} difference={null} />
        <TextPane title="Expected answer" text={failing.expected} difference={difference} />
        <TextPane title="Program output" text={failing.output} difference={difference} />
      </div>
    </section>
  );
}
