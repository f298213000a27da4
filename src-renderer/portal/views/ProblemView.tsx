// One problem: its statement, its samples (with copy buttons) and the way to submit.
import type { PortalProblem } from '../../../src-main/shared/portalApi.ts';
import { formatMebibytes, formatSeconds } from '../../shared/format.ts';
import { ProblemDot } from '../../shared/problems.tsx';
import { retryingLazy } from '../../shared/retryingLazy.tsx';
import { Loading, Notice } from '../../shared/ui.tsx';
import { href, navigate } from '../route.ts';
import { usePortal } from '../store.ts';
import { CopyButton } from './common.tsx';
import { LanguageTimeLimits } from './LanguageTimeLimits.tsx';

// marked and DOMPurify load with the first statement, not with the page.
const Statement = retryingLazy(() => import('./Statement.tsx'), { what: 'the statement' });

export function ProblemView({ problemId }: { problemId: string }) {
  const problems = usePortal((s) => s.overview?.problems ?? null);
  if (problems === null) return <Loading what="the problem" />;
  const problem = problems.find((p) => p.id === problemId);
  if (!problem) {
    return (
      <section>
        <p>
          <a href={href({ view: 'problems' })}>← All problems</a>
        </p>
        <p>There is no problem “{problemId}” (yet).</p>
      </section>
    );
  }

  return (
    <article className="problem-page" aria-labelledby="problem-title">
      <p className="back">
        <a href={href({ view: 'problems' })}>← All problems</a>
      </p>
      <header className="problem-header">
        <div>
          <h1 id="problem-title">
            <ProblemDot rgb={problem.rgb} title={problem.color || undefined} />
            <span className="problem-label">{problem.label}</span> {problem.name}
          </h1>
          <ProblemLimits problem={problem} />
          {!problem.submitAnswer && <LanguageTimeLimits timeLimitMs={problem.timeLimitMs} />}
        </div>
        <button type="button" className="primary" onClick={() => navigate({ view: 'submit', problemId: problem.id })}>
          Submit
        </button>
      </header>

      {problem.interactive && (
        <Notice>
          <strong>Interactive problem.</strong> Your program talks with the judges' program: read what it sends on standard input, write
          your answers to standard output, and flush the output after every line (or it waits forever for an answer still in your buffer).
        </Notice>
      )}

      <div className="card statement-card">
        {problem.statementKind === null ? (
          <p className="muted">This problem has no statement on the portal: ask the judges or use the printed copy.</p>
        ) : (
          <Statement problemId={problem.id} kind={problem.statementKind} />
        )}
      </div>

      {problem.samples.length > 0 && (
        <section className="samples" aria-labelledby="samples-title">
          <h2 id="samples-title">Samples</h2>
          {problem.samples.map((sample, i) => (
            <div className="sample" key={sample.name || i}>
              <h3>
                Sample {i + 1}
                {sampleNote(sample.name, i) && <span className="muted"> ({sampleNote(sample.name, i)})</span>}
              </h3>
              <div className="sample-pair">
                <SampleBlock title="Input" text={sample.input} copyLabel={`Copy sample ${i + 1} input`} />
                <SampleBlock title="Output" text={sample.answer} copyLabel={`Copy sample ${i + 1} output`} />
              </div>
            </div>
          ))}
        </section>
      )}
    </article>
  );
}

/** The limits above the statement, whatever its kind: a statement's own text often leaves them out. */
function ProblemLimits({ problem }: { problem: PortalProblem }) {
  return (
    <dl className="problem-limits">
      <div>
        <dt>Time limit</dt>
        <dd data-limit="time">{problem.timeLimitMs !== null ? formatSeconds(problem.timeLimitMs) : 'not known yet'}</dd>
      </div>
      <div>
        <dt>Memory limit</dt>
        <dd data-limit="memory">{problem.memoryLimitMb !== null ? formatMebibytes(problem.memoryLimitMb) : 'not known yet'}</dd>
      </div>
    </dl>
  );
}

/** A sample's own name when it says more than its number ("sample/1" does not). */
function sampleNote(name: string, index: number): string | null {
  const short = name.replace(/^(data\/)?sample\//, '');
  return short && short !== String(index + 1) && short !== String(index + 1).padStart(2, '0') ? short : null;
}

function SampleBlock({ title, text, copyLabel }: { title: string; text: string; copyLabel: string }) {
  return (
    <div className="sample-block">
      <div className="sample-head">
        <span>{title}</span>
        <CopyButton text={text} label={copyLabel} />
      </div>
      {text === '' ? <pre className="muted">(empty)</pre> : <pre>{text}</pre>}
    </div>
  );
}
