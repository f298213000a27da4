// The console's store: the slices combined, plus the event slice that applies batches with the
// pure applyEvents. Views read it with small selectors (useShallow for several fields).
import { create, type StateCreator } from 'zustand';
import { createClarificationsSlice } from './clarifications.ts';
import { createConnectionSlice } from './connection.ts';
import { createDetailSlice } from './detail.ts';
import { applyEvents } from './events.ts';
import { createListsSlice } from './lists.ts';
import { createSnapshotSlice } from './snapshot.ts';
import { createSubmissionsSlice } from './submissions.ts';
import type { ConsoleStore, EventsSlice } from './types.ts';

const createEventsSlice: StateCreator<ConsoleStore, [], [], EventsSlice> = (set) => ({
  applyBatch: (events) => set((state) => applyEvents(state, events)),
});

export const useConsole = create<ConsoleStore>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createSnapshotSlice(...a),
  ...createSubmissionsSlice(...a),
  ...createDetailSlice(...a),
  ...createClarificationsSlice(...a),
  ...createListsSlice(...a),
  ...createEventsSlice(...a),
}));

export type { ConsoleStore };
