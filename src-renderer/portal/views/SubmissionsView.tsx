// The team's submissions, newest first, with verdicts arriving live.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PortalSubmission } from '../../../src-main/shared/portalApi.ts';
import { GroupTable, scoreOutOf } from '../../shared/GroupTable.tsx';
import { formatContestTime, formatSeconds, formatTimeOfDay, formatWait } from '../../shared/format.ts';
import { useNow } from '../../shared/ticker.ts';
import { Loading, Notice } from '../../shared/ui.tsx';
import { VERDICT_NAMES, verdictTone } from '../../shared/verdicts.ts';
import { href } from '../route.ts';
import { selectLanguages, selectProblems, setFlash, usePortal } from '../store.ts';
import { ProblemTag } from './common.tsx';

export function SubmissionsView() {
  const { submissions, error, problems, languages, flash } = usePortal(
    useShallow((s) => ({
      submissions: s.submissions,
      error: s.submissionsError,
      problems: selectProblems(s),
      languages: selectLanguages(s),
      flash: s.flash,
    })),
  );

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 8000);
    return () => clearTimeout(timer);
  }, [flash]);
  useEffect(() => () => setFlash(null), []);

  return (
    <section aria-labelledby="submissions-title">
      <h1 id="submissions-title">My submissions</h1>
      {flash && (
        <Notice tone="success" role="status">
          {flash}
        </Notice>
      )}
      {error && <Notice tone="error">Could not refresh the submissions: {error}.</Notice>}
      {submissions === null ? (
        !error && <Loading what="your submissions" />
      ) : submissions.length === 0 ? (
        <p className="muted">
          No submissions yet. <a href={href({ view: 'submit', problemId: null })}>Submit a solution</a>.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="submissions">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Problem</th>
                <th scope="col">Language</th>
                <th scope="col" className="hide-narrow">File</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {submissions.map((s) => (
                <tr key={s.id} data-submission-id={s.id}>
                  <td className="mono" title={formatTimeOfDay(s.submittedAt)}>
                    {formatContestTime(s.contestTimeMs)}
                  </td>
                  <td title={problems.find((p) => p.id === s.problemId)?.name}>
                    <ProblemTag problem={problems.find((p) => p.id === s.problemId)} />
                  </td>
                  <td>{languages.find((l) => l.id === s.languageId)?.name ?? s.languageId}</td>
                  <td className="mono hide-narrow file-cell">{s.fileName}</td>
                  <ResultCell submission={s} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** JE is the judges' problem, never the team's: teams see it as still judging. */
const shownVerdict = (s: PortalSubmission) => (s.status === 'judged' && s.verdict !== 'JE' ? s.verdict : null);

function ResultCell({ submission: s }: { submission: PortalSubmission }) {
  const verdict = shownVerdict(s);
  const tone = verdictTone(verdict);
  const state = verdict ?? (s.status === 'queued' ? 'queued' : 'judging');
  return (
    <td className={`result tone-${tone}`} data-verdict={state} aria-live="polite">
      {verdict ? (
        <>
          <span className="verdict">{VERDICT_NAMES[verdict]}</span>
          {s.score !== null && (
            <span className="score" data-score={s.score}>
              {scoreOutOf(s.score, s.maxScore)} points
            </span>
          )}
          {s.timeMs !== null && verdict !== 'CE' && <span className="muted detail">{formatSeconds(s.timeMs)}</span>}
          {s.groups && s.groups.some((g) => g.name !== '') && (
            <details className="groups">
              <summary>Test groups</summary>
              <GroupTable groups={s.groups} label={`Test groups of submission ${s.id}`} />
            </details>
          )}
        </>
      ) : s.status === 'queued' ? (
        <QueuedText submission={s} />
      ) : (
        <span className="pending">
          <span className="spinner" aria-hidden="true" />
          {s.testsDone !== null && s.testsTotal ? `Judging: running test ${Math.min(s.testsDone + 1, s.testsTotal)}/${s.testsTotal}` : 'Judging…'}
        </span>
      )}
    </td>
  );
}

function QueuedText({ submission: s }: { submission: PortalSubmission }) {
  // Count the estimate down between refreshes.
  const now = useNow(1000);
  const fetchedAt = usePortal((state) => state.submissionsAt);
  const left = s.estimatedWaitMs !== null ? s.estimatedWaitMs - Math.max(0, now - fetchedAt) : null;
  const parts = ['Queued'];
  if (s.queuePosition !== null) parts.push(`position ${s.queuePosition} in queue`);
  if (s.estimatedWaitMs !== null) parts.push(left !== null && left > 0 ? formatWait(left) : 'soon');
  return (
    <span className="pending">
      <span className="spinner" aria-hidden="true" />
      {parts.join(', ')}
    </span>
  );
}
