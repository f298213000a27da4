// The submission open in the detail view. Its live output never comes here: it goes from
// watchOutput straight into the terminal (Terminal.tsx).
import type { StateCreator } from 'zustand';
import type { SubmissionDetail } from '../../../src-main/shared/judgeApi.ts';
import type { ConsoleStore } from './types.ts';

export interface DetailData {
  detailId: string | null;
  detail: SubmissionDetail | null;
  detailError: string | null;
}

export interface DetailSlice extends DetailData {
  /** Opens (or closes, with null) a submission: what was shown of another one goes. */
  openDetail: (id: string | null) => void;
  /** An answer of getSubmission (ignored when another submission has been opened meanwhile). */
  setDetail: (detail: SubmissionDetail) => void;
  setDetailError: (id: string, error: string | null) => void;
}

export const createDetailSlice: StateCreator<ConsoleStore, [], [], DetailSlice> = (set, get) => ({
  detailId: null,
  detail: null,
  detailError: null,
  openDetail: (detailId) => {
    if (get().detailId === detailId) return;
    set({ detailId, detail: null, detailError: null });
  },
  setDetail: (detail) => {
    if (get().detailId !== detail.submission.id) return;
    set({ detail, detailError: null });
  },
  setDetailError: (id, detailError) => {
    if (get().detailId !== id) return;
    set({ detailError });
  },
});
