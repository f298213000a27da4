// Which submissions the table shows: by team, problem, verdict (selects) and free text.
import type { ConsoleSubmission } from '../../src-main/shared/judgeApi.ts';

export interface SubmissionFilter {
  teamId: string;
  problemId: string;
  /** '' all, 'pending' (queued or judging), 'overridden', 'unverified' (judged, not verified), or a verdict ('AC', 'WA', ...). */
  verdict: string;
  text: string;
}

export const NO_FILTER: SubmissionFilter = { teamId: '', problemId: '', verdict: '', text: '' };

export function isEmptyFilter(filter: SubmissionFilter): boolean {
  return filter.teamId === '' && filter.problemId === '' && filter.verdict === '' && filter.text.trim() === '';
}

/** Names the text filter also searches (a team's name, a problem's label, a language's name). */
export interface FilterNames {
  team(id: string): string;
  problem(id: string): string;
  language(id: string): string;
}

function matchesFilter(s: ConsoleSubmission, filter: SubmissionFilter, names: FilterNames, needle = filter.text.trim().toLowerCase()): boolean {
  if (filter.teamId && s.teamId !== filter.teamId) return false;
  if (filter.problemId && s.problemId !== filter.problemId) return false;
  if (filter.verdict) {
    if (filter.verdict === 'pending') {
      if (s.status === 'judged') return false;
    } else if (filter.verdict === 'overridden') {
      if (!s.overridden) return false;
    } else if (filter.verdict === 'unverified') {
      if (s.status !== 'judged' || s.verified) return false;
    } else if (s.status !== 'judged' || s.verdict !== filter.verdict) return false;
  }
  if (needle) {
    const haystack = [s.id, s.fileName, s.teamId, names.team(s.teamId), s.problemId, names.problem(s.problemId), s.languageId, names.language(s.languageId)]
      .join('\u0000')
      .toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/** The ids to show, in table order; `order` itself when nothing is filtered (no copy of 10,000 ids). */
export function filterIds(
  order: readonly string[],
  byId: ReadonlyMap<string, ConsoleSubmission>,
  filter: SubmissionFilter,
  names: FilterNames,
): readonly string[] {
  if (isEmptyFilter(filter)) return order;
  const needle = filter.text.trim().toLowerCase();
  const result: string[] = [];
  for (const id of order) {
    const s = byId.get(id);
    if (s && matchesFilter(s, filter, names, needle)) result.push(id);
  }
  return result;
}
