// The console's whole store: one zustand store made of small slices (see index.ts).
import type { ConsoleEvent } from '../../../src-main/shared/judgeApi.ts';
import type { ClarificationsSlice } from './clarifications.ts';
import type { ConnectionSlice } from './connection.ts';
import type { DetailSlice } from './detail.ts';
import type { ListsSlice } from './lists.ts';
import type { SnapshotSlice } from './snapshot.ts';
import type { SubmissionsSlice } from './submissions.ts';

export interface EventsSlice {
  /** Applies a batch of events (already throttled to at most ~30 per second). */
  applyBatch: (events: readonly ConsoleEvent[]) => void;
}

export type ConsoleStore = ConnectionSlice & SnapshotSlice & SubmissionsSlice & DetailSlice & ClarificationsSlice & ListsSlice & EventsSlice;
