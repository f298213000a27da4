// Every submission of the contest, by id, plus the ids in table order (newest first). Loaded page
// by page at start, then kept current by `submission` events: a known id is replaced in place (its
// position never changes: submission times do not), a new one is inserted where it belongs by
// binary search. Nothing is re-sorted per event; only a big load sorts once.
import type { StateCreator } from 'zustand';
import type { ConsoleSubmission } from '../../../src-main/shared/judgeApi.ts';
import { NO_FILTER, type SubmissionFilter } from '../filters.ts';
import type { ConsoleStore } from './types.ts';

export interface SubmissionsData {
  submissions: ReadonlyMap<string, ConsoleSubmission>;
  /** Ids, newest first. */
  submissionOrder: readonly string[];
}

export interface SubmissionsSlice extends SubmissionsData {
  submissionsLoaded: boolean;
  submissionsError: string | null;
  filter: SubmissionFilter;
  /** Replaces everything (the initial load, a resync). */
  setAllSubmissions: (list: readonly ConsoleSubmission[]) => void;
  setSubmissionsError: (error: string | null) => void;
  setFilter: (patch: Partial<SubmissionFilter>) => void;
}

export const EMPTY_SUBMISSIONS: SubmissionsData = { submissions: new Map(), submissionOrder: [] };

/** Compares numeric ids as numbers ("9" < "10"), anything else as text. */
function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Table order: later submissions first; equal times by id, higher first. */
export function compareNewestFirst(a: ConsoleSubmission, b: ConsoleSubmission): number {
  return b.submittedAt - a.submittedAt || compareIds(b.id, a.id);
}

/** Where `s` goes in `order` (newest first). */
function insertionIndex(order: readonly string[], byId: ReadonlyMap<string, ConsoleSubmission>, s: ConsoleSubmission): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const other = byId.get(order[mid]!)!;
    if (compareNewestFirst(other, s) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Above this many new ids in one go, appending and sorting once beats inserting one by one. */
const BULK_INSERT = 64;

/**
 * Applies submissions (new or changed) to the data without changing it: a new Map when anything
 * changed, a new order array only when ids were added or moved; unchanged data is returned as is.
 */
export function upsertSubmissions(data: SubmissionsData, incoming: readonly ConsoleSubmission[]): SubmissionsData {
  if (incoming.length === 0) return data;
  const byId = new Map(data.submissions);
  /** New ids, and known ids whose time changed (they move): placed after the loop. */
  const placed = new Set<string>();
  for (const s of incoming) {
    const previous = byId.get(s.id);
    byId.set(s.id, s);
    if (!previous || previous.submittedAt !== s.submittedAt) placed.add(s.id);
  }
  if (placed.size === 0) return { submissions: byId, submissionOrder: data.submissionOrder };

  const added = [...placed];
  const movesKnown = added.some((id) => data.submissions.has(id));
  const order = movesKnown ? data.submissionOrder.filter((id) => !placed.has(id)) : [...data.submissionOrder];
  if (added.length > BULK_INSERT) {
    for (const id of added) order.push(id);
    order.sort((a, b) => compareNewestFirst(byId.get(a)!, byId.get(b)!));
  } else {
    for (const id of added) order.splice(insertionIndex(order, byId, byId.get(id)!), 0, id);
  }
  return { submissions: byId, submissionOrder: order };
}

export const createSubmissionsSlice: StateCreator<ConsoleStore, [], [], SubmissionsSlice> = (set, get) => ({
  ...EMPTY_SUBMISSIONS,
  submissionsLoaded: false,
  submissionsError: null,
  filter: NO_FILTER,
  setAllSubmissions: (list) => set({ ...upsertSubmissions(EMPTY_SUBMISSIONS, list), submissionsLoaded: true, submissionsError: null }),
  setSubmissionsError: (submissionsError) => set({ submissionsError }),
  setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
});
