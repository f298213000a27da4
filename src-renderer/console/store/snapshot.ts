// The core's state as the dashboard shows it: clock, pool, workers, judgehosts, queue, throughput, languages.
// Loaded with getSnapshot and then kept current by events that carry the new values.
import type { StateCreator } from 'zustand';
import type {
  ConsoleClock,
  ConsoleEvent,
  ConsoleLanguage,
  ConsoleSnapshot,
  JudgehostView,
  PoolView,
  QueueEntry,
  ThroughputSample,
  WorkerView,
} from '../../../src-main/shared/judgeApi.ts';
import type { ConsoleStore } from './types.ts';

export interface SnapshotData {
  contest: { id: string; name: string } | null;
  clock: ConsoleClock | null;
  /** Server clock minus local clock. */
  clockOffsetMs: number;
  pool: PoolView | null;
  workers: readonly WorkerView[];
  judgehosts: readonly JudgehostView[];
  queue: readonly QueueEntry[];
  throughput: readonly ThroughputSample[];
  languages: readonly ConsoleLanguage[];
  preparing: readonly string[];
  snapshotError: string | null;
}

export interface SnapshotSlice extends SnapshotData {
  setSnapshot: (snapshot: ConsoleSnapshot, clockOffsetMs: number) => void;
  setSnapshotError: (error: string | null) => void;
}

export const initialSnapshot: SnapshotData = {
  contest: null,
  clock: null,
  clockOffsetMs: 0,
  pool: null,
  workers: [],
  judgehosts: [],
  queue: [],
  throughput: [],
  languages: [],
  preparing: [],
  snapshotError: null,
};

function fromSnapshot(snapshot: ConsoleSnapshot, clockOffsetMs: number): SnapshotData {
  return {
    contest: snapshot.contest,
    clock: snapshot.clock,
    clockOffsetMs,
    pool: snapshot.pool,
    workers: snapshot.workers,
    judgehosts: snapshot.judgehosts,
    queue: snapshot.queue,
    throughput: snapshot.throughput,
    languages: snapshot.languages,
    preparing: snapshot.preparing,
    snapshotError: null,
  };
}

/** The snapshot fields an event replaces (null: it changes none of them). */
export function snapshotPatch(event: ConsoleEvent): Partial<SnapshotData> | null {
  switch (event.type) {
    case 'pool':
      return { pool: event.pool };
    case 'workers':
      return { workers: event.workers };
    case 'judgehosts':
      return { judgehosts: event.judgehosts };
    case 'queue':
      return { queue: event.queue };
    case 'clock':
      return { clock: event.clock };
    case 'throughput':
      return { throughput: event.throughput };
    default:
      return null;
  }
}

export const createSnapshotSlice: StateCreator<ConsoleStore, [], [], SnapshotSlice> = (set) => ({
  ...initialSnapshot,
  setSnapshot: (snapshot, clockOffsetMs) => set(fromSnapshot(snapshot, clockOffsetMs)),
  setSnapshotError: (snapshotError) => set({ snapshotError }),
});
