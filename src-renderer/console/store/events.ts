// Applying a batch of ConsoleEvents to the console's data: a pure function, so the whole event
// handling is tested under Node. Untouched fields keep their identity (views selecting them do not
// redraw); several events of one kind in a batch cost one copy.
import type { ConsoleClarification, ConsoleEvent, ConsoleSubmission } from '../../../src-main/shared/judgeApi.ts';
import { upsertClarifications } from './clarifications.ts';
import type { DetailData } from './detail.ts';
import { snapshotPatch, type SnapshotData } from './snapshot.ts';
import { upsertSubmissions, type SubmissionsData } from './submissions.ts';

/** The part of the store events change. */
export interface EventData extends SnapshotData, SubmissionsData, DetailData {
  clarifications: readonly ConsoleClarification[];
}

export function applyEvents<S extends EventData>(state: S, events: readonly ConsoleEvent[]): S {
  if (events.length === 0) return state;
  const snapshot: Partial<SnapshotData> = {};
  let snapshotChanged = false;
  const submissions: ConsoleSubmission[] = [];
  const clarifications: ConsoleClarification[] = [];
  for (const event of events) {
    const patch = snapshotPatch(event);
    if (patch) {
      Object.assign(snapshot, patch);
      snapshotChanged = true;
    } else if (event.type === 'submission') submissions.push(event.submission);
    else if (event.type === 'clarification') clarifications.push(event.clarification);
    // 'scoreboard', 'problems', 'balloons', 'rejudgings' and 'printJobs' say "fetch again": see eventEffects. Unknown types are ignored.
  }
  if (!snapshotChanged && submissions.length === 0 && clarifications.length === 0) return state;

  const next: S = { ...state, ...snapshot };
  if (submissions.length > 0) {
    const data = upsertSubmissions(state, submissions);
    next.submissions = data.submissions;
    next.submissionOrder = data.submissionOrder;
    if (state.detail && state.detailId !== null) {
      const own = data.submissions.get(state.detailId);
      if (own && own !== state.submissions.get(state.detailId)) next.detail = { ...state.detail, submission: own };
    }
  }
  if (clarifications.length > 0) next.clarifications = upsertClarifications(state.clarifications, clarifications);
  return next;
}

export interface EventEffects {
  /** The scoreboard changed: refetch it where shown. */
  scoreboard: boolean;
  /** Problems changed (loaded, broken): refetch the list. */
  problems: boolean;
  /** An export started, progressed or ended. */
  exports: boolean;
  /** A balloon was marked delivered or not. */
  balloons: boolean;
  /** A rejudging was opened, moved on, or was applied or cancelled. */
  rejudgings: boolean;
  /** A print job came in, was printed, or its print command failed. */
  printJobs: boolean;
  /** The open submission changed: refetch its detail (runs, failing test, overrides). */
  detail: boolean;
}

export function eventEffects(events: readonly ConsoleEvent[], detailId: string | null): EventEffects {
  const effects: EventEffects = { scoreboard: false, problems: false, exports: false, balloons: false, rejudgings: false, printJobs: false, detail: false };
  for (const event of events) {
    if (event.type === 'scoreboard') effects.scoreboard = true;
    else if (event.type === 'problems') effects.problems = true;
    else if (event.type === 'export') effects.exports = true;
    else if (event.type === 'balloons') effects.balloons = true;
    else if (event.type === 'rejudgings') effects.rejudgings = true;
    else if (event.type === 'printJobs') effects.printJobs = true;
    else if (event.type === 'submission' && event.submission.id === detailId) effects.detail = true;
  }
  return effects;
}
