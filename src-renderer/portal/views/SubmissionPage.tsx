// One of the team's own submissions on a page of its own: how it did (live while it is judged), the
// compiler's output, its verdict and time on each sample test case (with its own output beside the
// expected answer where it first failed on one), and its source. The judges' secret test cases stay
// on the server: the page shows only what GET /api/portal/submissions/:id sends.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PortalSampleResult, PortalSubmission, PortalSubmissionDetail } from '../../../src-main/shared/portalApi.ts';
import { firstDifference } from '../../shared/diff.ts';
import { TextPane } from '../../shared/TextPane.tsx';
import { formatContestTime, formatSeconds, formatTimeOfDay } from '../../shared/format.ts';
import { HttpError, messageOf } from '../../shared/http.ts';
import { SubmittedSources } from '../../shared/SubmittedSources.tsx';
import { Loading, Notice } from '../../shared/ui.tsx';
import { VERDICT_NAMES, verdictTone } from '../../shared/verdicts.ts';
import { href } from '../route.ts';
import { fetchSubmission, selectLanguages, selectProblems, usePortal } from '../store.ts';
import { ProblemTag } from './common.tsx';
import { shownVerdict, SubmissionResult } from './SubmissionResult.tsx';

type Loaded = { id: string; detail: PortalSubmissionDetail; error: null } | { id: string; detail: null; error: string };

/**
 * The submission's detail, fetched again whenever the team's submission list (kept live by the
 * event stream) shows it in a new state: queued, judging, judged, or judged again.
 */
function useSubmissionDetail(id: string, listed: PortalSubmission | undefined): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const stateKey = listed ? `${listed.status}/${listed.verdict ?? ''}/${listed.score ?? ''}` : 'unlisted';
  useEffect(() => {
    let current = true;
    fetchSubmission(id).then(
      (detail) => current && setLoaded({ id, detail, error: null }),
      (e: unknown) =>
        current && setLoaded({ id, detail: null, error: e instanceof HttpError && e.status === 404 ? 'not-found' : messageOf(e) }),
    );
    return () => {
      current = false;
    };
  }, [id, stateKey]);
  return loaded?.id === id ? loaded : null;
}

export function SubmissionPage({ submissionId }: { submissionId: string }) {
  const { listed, problems, languages } = usePortal(
    useShallow((s) => ({ listed: s.submissions?.find((x) => x.id === submissionId), problems: selectProblems(s), languages: selectLanguages(s) })),
  );
  const loaded = useSubmissionDetail(submissionId, listed);
  const back = (
    <p className="back">
      <a href={href({ view: 'submissions' })}>← My submissions</a>
    </p>
  );

  if (loaded === null) {
    return (
      <section>
        {back}
        <Loading what="the submission" />
      </section>
    );
  }
  if (loaded.detail === null) {
    return (
      <section>
        {back}
        {loaded.error === 'not-found' ? (
          <p>Your team has no submission {submissionId}.</p>
        ) : (
          <Notice tone="error">Could not load submission {submissionId}: {loaded.error}.</Notice>
        )}
      </section>
    );
  }

  const { detail } = loaded;
  // The list's copy moves on with every test while it is judged; the detail's only on a new state.
  const submission = listed ?? detail.submission;
  const problem = problems.find((p) => p.id === submission.problemId);
  const verdict = shownVerdict(submission);
  const language = languages.find((l) => l.id === submission.languageId)?.name ?? submission.languageId;

  return (
    <article className="submission-page" aria-labelledby="submission-title">
      {back}
      <h1 id="submission-title">Submission {submission.id}</h1>
      <dl className="submission-facts">
        <div>
          <dt>Problem</dt>
          <dd>
            <ProblemTag problem={problem} /> {problem?.name}
          </dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{language}</dd>
        </div>
        <div>
          <dt>File</dt>
          <dd className="mono file-cell">{submission.fileName}</dd>
        </div>
        <div>
          <dt>Submitted</dt>
          <dd>
            <span className="mono">{formatContestTime(submission.contestTimeMs)}</span> <span className="muted">({formatTimeOfDay(submission.submittedAt)})</span>
          </dd>
        </div>
        <div>
          <dt>Result</dt>
          <dd className={`result tone-${verdictTone(verdict)}`} data-verdict={verdict ?? (submission.status === 'queued' ? 'queued' : 'judging')} aria-live="polite">
            <SubmissionResult submission={submission} />
          </dd>
        </div>
      </dl>

      {detail.compileOutput !== '' && (
        <section className="detail-section" aria-labelledby="compile-title">
          <h2 id="compile-title">Compiler output</h2>
          <pre className="output-block compile-output">{detail.compileOutput}</pre>
          {detail.compileOutputOmittedChars > 0 && (
            <p className="muted small-print">
              The rest ({detail.compileOutputOmittedChars.toLocaleString('en')} more characters) is not shown: the first messages are the ones to read.
            </p>
          )}
        </section>
      )}

      <SampleResults samples={detail.samples} submission={submission} />

      <SubmittedSources submissionId={submission.id} languageId={submission.languageId} entry={{ fileName: submission.fileName, source: detail.source }} otherFiles={detail.otherFiles} />
    </article>
  );
}

function SampleResults({ samples, submission }: { samples: readonly PortalSampleResult[]; submission: PortalSubmission }) {
  const judged = shownVerdict(submission) !== null;
  return (
    <section className="detail-section" aria-labelledby="samples-title">
      <h2 id="samples-title">Samples</h2>
      {samples.length === 0 ? (
        <p className="muted">This problem has no sample test cases.</p>
      ) : (
        <>
          <p className="muted small-print">Only the samples from the problem statement are shown here; the verdict above counts every test case.</p>
          <div className="table-wrap">
            <table className="sample-results">
              <thead>
                <tr>
                  <th scope="col">Sample</th>
                  <th scope="col">Result</th>
                  <th scope="col" className="num">
                    Time
                  </th>
                </tr>
              </thead>
              <tbody>
                {samples.map((sample, i) => (
                  <tr key={sample.name} data-sample={sample.name} data-verdict={sample.verdict ?? (judged ? 'not-run' : 'waiting')}>
                    <th scope="row">Sample {i + 1}</th>
                    <td className={`result tone-${verdictTone(sample.verdict)}`}>
                      {sample.verdict ? (
                        <span className="verdict">{VERDICT_NAMES[sample.verdict]}</span>
                      ) : judged ? (
                        submission.verdict === 'CE' ? 'Not run (it did not compile)' : 'Not run'
                      ) : (
                        'Waiting for the judging'
                      )}
                    </td>
                    <td className="num">{sample.timeMs !== null ? formatSeconds(sample.timeMs) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {samples.map((sample, i) => sample.wrongAnswer && <WrongAnswer key={sample.name} number={i + 1} texts={sample.wrongAnswer} />)}
        </>
      )}
    </section>
  );
}

function WrongAnswer({ number, texts }: { number: number; texts: NonNullable<PortalSampleResult['wrongAnswer']> }) {
  const difference = firstDifference(texts.expected, texts.output);
  return (
    <section className="wrong-answer" aria-labelledby={`wrong-answer-${number}`}>
      <h3 id={`wrong-answer-${number}`}>Sample {number}: your output and the expected one</h3>
      <p className="muted small-print" role="note">
        {difference ? `They first differ on line ${difference.line}, column ${difference.column + 1}.` : 'They read the same apart from spaces at line ends.'}
        {texts.truncated && ' The texts are cut short: the difference may lie further on.'}
      </p>
      <div className="compare">
        <TextPane title="Input" text={texts.input} difference={null} />
        <TextPane title="Expected output" text={texts.expected} difference={difference} />
        <TextPane title="Your output" text={texts.output} difference={difference} />
      </div>
    </section>
  );
}
