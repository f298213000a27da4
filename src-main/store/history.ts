// A contest's whole history as rows, for loading into an empty store as it was (ids, times and the
// event log kept): what `verdict import` rebuilds from an exported contest package (Store.loadHistory).
import type { StateMarks } from './clics.ts';
import type { ClarificationRow, ContestRow, EventRow, JudgementRow, OverrideRow, ProblemRow, RunRow, SubmissionRow, TeamRow } from './rows.ts';
import type { SubmittedSource } from './submissions.ts';

export interface HistorySubmission extends Pick<SubmissionRow, 'id' | 'teamId' | 'problemId' | 'languageId' | 'fileName' | 'submittedAt' | 'contestTimeMs' | 'status'> {
  source: Buffer;
  /** A submission of several files: the others besides `source` (store/submissions.ts). */
  otherFiles?: readonly SubmittedSource[];
}

export interface ContestHistory {
  contest: ContestRow;
  /** What contest.imported holds (importedSchedule of the contest folder it goes with). */
  importedSchedule: string;
  marks: StateMarks;
  /** Deleted ones too (gone from the contest, kept for their submissions). */
  problems: (ProblemRow & { deleted: boolean })[];
  teams: (TeamRow & { deleted: boolean })[];
  /** In id order; so are the lists below. */
  submissions: HistorySubmission[];
  judgements: JudgementRow[];
  runs: RunRow[];
  overrides: OverrideRow[];
  clarifications: ClarificationRow[];
  /** The event log, in token order. */
  events: EventRow[];
  /** Judges' settings by key (store.settings). */
  settings: Record<string, string>;
}
