// The problem list: each problem's limits and where the team stands on it (solved, being judged,
// tried, not tried: in words beside the colour).
import { useShallow } from 'zustand/react/shallow';
import { formatMebibytes, formatSeconds } from '../../shared/format.ts';
import { ProblemDot } from '../../shared/problems.tsx';
import { Loading } from '../../shared/ui.tsx';
import { problemStates, problemStateText, type ProblemState } from '../problemStates.ts';
import { href } from '../route.ts';
import { usePortal } from '../store.ts';

const UNTRIED: ProblemState = { state: 'untried' };
const STATE_MARKS: Record<ProblemState['state'], string> = { solved: '✓', pending: '…', tried: '✗', untried: '–' };

export function ProblemsView() {
  const { problems, submissions } = usePortal(useShallow((s) => ({ problems: s.overview?.problems ?? null, submissions: s.submissions })));
  if (problems === null) return <Loading what="the problems" />;
  const states = problemStates(submissions ?? []);
  return (
    <section aria-labelledby="problems-title">
      <h1 id="problems-title">Problems</h1>
      {problems.length === 0 ? (
        <p className="muted">No problems to show yet: they appear when the contest starts.</p>
      ) : (
        <div className="table-wrap">
          <table className="problem-table" aria-labelledby="problems-title">
            <thead>
              <tr>
                <th scope="col">Problem</th>
                <th scope="col" className="num">
                  Time limit
                </th>
                <th scope="col" className="num hide-narrow">
                  Memory limit
                </th>
                <th scope="col">Your team</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem) => {
                // Until the submissions have arrived nothing is claimed either way.
                const state = submissions === null ? null : (states.get(problem.id) ?? UNTRIED);
                return (
                  <tr key={problem.id} data-problem-id={problem.id} data-state={state?.state}>
                    <th scope="row">
                      <a className="problem-item" href={href({ view: 'problem', problemId: problem.id })}>
                        <ProblemDot rgb={problem.rgb} title={problem.color || undefined} />
                        <span className="problem-label">{problem.label}</span>
                        <span className="problem-name">{problem.name}</span>
                      </a>
                    </th>
                    <td className="num">{problem.timeLimitMs !== null ? formatSeconds(problem.timeLimitMs) : '…'}</td>
                    <td className="num hide-narrow">{problem.memoryLimitMb !== null ? formatMebibytes(problem.memoryLimitMb) : '…'}</td>
                    <td>
                      {state && (
                        <span className={`problem-state state-${state.state}`}>
                          <span aria-hidden="true">{STATE_MARKS[state.state]}</span> {problemStateText(state)}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
