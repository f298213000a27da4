// The console's side of rejudgings: which submissions a judge's selection takes, and a rejudging as the
// console shows it (its progress, each submission's old and new verdict, the matrix of changes).
import { VERDICTS, type Verdict } from '../common/types.ts';
import type { RejudgingItemRow, RejudgingRow, SubmissionRow } from '../store/store.ts';
import type { RejudgingDetail, RejudgingSelection, RejudgingSummary } from '../shared/judgeApi.ts';
import { ConsoleError } from './consoleError.ts';

/**
 * The submissions a selection takes: those matching every field given that have a verdict and are in no open
 * rejudging; `skipped` counts the ones that match but wait for a verdict or are in another rejudging.
 */
export function selectForRejudging(rows: readonly SubmissionRow[], selection: RejudgingSelection): { ids: string[]; skipped: number } {
  for (const v of selection.verdicts ?? []) if (!(VERDICTS as readonly string[]).includes(v)) throw new ConsoleError('invalid', `not a verdict: ${v}`);
  const among = (list: readonly string[] | undefined, value: string | null) => list === undefined || (value !== null && list.includes(value));
  const matching = rows.filter(
    (s) =>
      among(selection.submissionIds, s.id) &&
      among(selection.problemIds, s.problemId) &&
      among(selection.teamIds, s.teamId) &&
      among(selection.languageIds, s.languageId) &&
      among(selection.verdicts, s.verdict) &&
      (selection.fromContestMs === undefined || s.contestTimeMs >= selection.fromContestMs) &&
      (selection.toContestMs === undefined || s.contestTimeMs < selection.toContestMs),
  );
  const ids = matching.filter((s) => s.status === 'judged' && s.verdict !== null && s.rejudgingId === null).map((s) => s.id);
  return { ids, skipped: matching.length - ids.length };
}

export function rejudgingSummary(r: RejudgingRow): RejudgingSummary {
  return {
    id: r.id,
    reason: r.reason,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    state: r.state,
    closed: r.closedBy === null || r.closedAt === null ? null : { by: r.closedBy, at: r.closedAt },
    total: r.total,
    done: r.done,
  };
}

/** A rejudging with its submissions and how many went from each old verdict to each new one (in VERDICTS' order). */
export function rejudgingDetail(r: RejudgingRow, items: readonly RejudgingItemRow[]): RejudgingDetail {
  const counts = new Map<string, { from: Verdict | null; to: Verdict | null; count: number }>();
  for (const i of items) {
    const key = `${i.oldVerdict}>${i.newVerdict}`;
    const cell = counts.get(key) ?? { from: i.oldVerdict, to: i.newVerdict, count: 0 };
    cell.count++;
    counts.set(key, cell);
  }
  const rank = (v: Verdict | null) => (v === null ? VERDICTS.length : VERDICTS.indexOf(v));
  return {
    rejudging: rejudgingSummary(r),
    items: items.map((i) => ({
      submissionId: i.submissionId,
      teamId: i.teamId,
      problemId: i.problemId,
      languageId: i.languageId,
      contestTimeMs: i.contestTimeMs,
      oldVerdict: i.oldVerdict,
      newVerdict: i.newVerdict,
      status: i.status,
    })),
    changes: [...counts.values()].sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to)),
    changed: items.filter((i) => i.newVerdict !== null && i.newVerdict !== i.oldVerdict).length,
  };
}
