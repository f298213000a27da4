// The problem list.
import { formatSeconds } from '../../shared/format.ts';
import { ProblemDot } from '../../shared/problems.tsx';
import { Loading } from '../../shared/ui.tsx';
import { href } from '../route.ts';
import { usePortal } from '../store.ts';

export function ProblemsView() {
  const problems = usePortal((s) => s.overview?.problems ?? null);
  if (problems === null) return <Loading what="the problems" />;
  return (
    <section aria-labelledby="problems-title">
      <h1 id="problems-title">Problems</h1>
      {problems.length === 0 ? (
        <p className="muted">No problems to show yet: they appear when the contest starts.</p>
      ) : (
        <ul className="problem-list">
          {problems.map((problem) => (
            <li key={problem.id}>
              <a className="problem-item" href={href({ view: 'problem', problemId: problem.id })} data-problem-id={problem.id}>
                <ProblemDot rgb={problem.rgb} title={problem.color || undefined} />
                <span className="problem-label">{problem.label}</span>
                <span className="problem-name">{problem.name}</span>
                <span className="problem-limit muted">{problem.timeLimitMs !== null ? formatSeconds(problem.timeLimitMs) : ''}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
