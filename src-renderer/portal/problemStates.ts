// What a team's own submissions say about each problem, for the problem list: solved, still being
// judged, tried without success, or not tried. Computed in the page from the team's submission list
// (which the team sees in full, freeze or not), so it needs nothing more from the server.
import type { PortalSubmission } from '../../src-main/shared/portalApi.ts';

export type ProblemState =
  | { state: 'solved' }
  | { state: 'pending' }
  | { state: 'tried'; tries: number }
  | { state: 'untried' };

/** Each problem's state, by problem id (a problem the team never submitted to is absent: untried). */
export function problemStates(submissions: readonly PortalSubmission[]): ReadonlyMap<string, ProblemState> {
  const byProblem = new Map<string, PortalSubmission[]>();
  for (const s of submissions) byProblem.set(s.problemId, [...(byProblem.get(s.problemId) ?? []), s]);
  const states = new Map<string, ProblemState>();
  for (const [problemId, list] of byProblem) {
    // A judging error is shown to teams as still judging (it is the judges' to fix).
    const judged = list.filter((s) => s.status === 'judged' && s.verdict !== null && s.verdict !== 'JE');
    if (judged.some((s) => s.verdict === 'AC')) states.set(problemId, { state: 'solved' });
    else if (judged.length < list.length) states.set(problemId, { state: 'pending' });
    else states.set(problemId, { state: 'tried', tries: judged.length });
  }
  return states;
}

/** The state in words: the list shows it as text beside its colour, never as colour alone. */
export function problemStateText(state: ProblemState): string {
  switch (state.state) {
    case 'solved':
      return 'Solved';
    case 'pending':
      return 'Being judged';
    case 'tried':
      return state.tries === 1 ? 'Tried once' : `Tried ${state.tries} times`;
    case 'untried':
      return 'Not tried';
  }
}
