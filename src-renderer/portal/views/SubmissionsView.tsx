// The team's submissions, newest first, with verdicts arriving live; each opens its own page.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PortalSubmission } from '../../../src-main/shared/portalApi.ts';
import { formatContestTime, formatTimeOfDay } from '../../shared/format.ts';
import { Loading, Notice } from '../../shared/ui.tsx';
import { verdictTone } from '../../shared/verdicts.ts';
import { href } from '../route.ts';
import { selectLanguages, selectProblems, setFlash, usePortal } from '../store.ts';
import { ProblemTag } from './common.tsx';
import { shownVerdict, SubmissionResult } from './SubmissionResult.tsx';

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
                <th scope="col" className="hide-narrow">
                  Language
                </th>
                <th scope="col" className="hide-narrow">File</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {submissions.map((s) => (
                <tr key={s.id} data-submission-id={s.id}>
                  <td className="mono" title={formatTimeOfDay(s.submittedAt)}>
                    {/* The row's way to the submission's own page: its source, compiler output and samples. */}
                    <a href={href({ view: 'submission', submissionId: s.id })}>
                      {formatContestTime(s.contestTimeMs)}
                      <span className="visually-hidden">: open submission {s.id}</span>
                    </a>
                  </td>
                  <td title={problems.find((p) => p.id === s.problemId)?.name}>
                    <ProblemTag problem={problems.find((p) => p.id === s.problemId)} />
                  </td>
                  <td className="hide-narrow">{languages.find((l) => l.id === s.languageId)?.name ?? s.languageId}</td>
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

function ResultCell({ submission: s }: { submission: PortalSubmission }) {
  const verdict = shownVerdict(s);
  return (
    <td className={`result tone-${verdictTone(verdict)}`} data-verdict={verdict ?? (s.status === 'queued' ? 'queued' : 'judging')} aria-live="polite">
      <SubmissionResult submission={s} />
    </td>
  );
}
