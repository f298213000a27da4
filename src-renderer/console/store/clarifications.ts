// Clarifications: teams' questions and the judges' answers and announcements, oldest first.
import type { StateCreator } from 'zustand';
import type { ConsoleClarification } from '../../../src-main/shared/judgeApi.ts';
import type { ConsoleStore } from './types.ts';

export interface ClarificationsSlice {
  clarifications: readonly ConsoleClarification[];
  clarificationsLoaded: boolean;
  clarificationsError: string | null;
  setClarifications: (list: readonly ConsoleClarification[]) => void;
  /** One the console sent itself (the answer of answerClarification), before its event arrives. */
  addClarification: (clarification: ConsoleClarification) => void;
  setClarificationsError: (error: string | null) => void;
}

const byTime = (a: ConsoleClarification, b: ConsoleClarification): number => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Adds or replaces by id, keeping time order; the same array when nothing came in. */
export function upsertClarifications(list: readonly ConsoleClarification[], incoming: readonly ConsoleClarification[]): readonly ConsoleClarification[] {
  if (incoming.length === 0) return list;
  const byId = new Map(list.map((c) => [c.id, c]));
  for (const c of incoming) byId.set(c.id, c);
  return [...byId.values()].sort(byTime);
}

/** A team's question (as opposed to a judges' answer or announcement). */
export const isQuestion = (c: ConsoleClarification): boolean => c.fromTeamId !== null;

/** The ids of questions that have an answer. */
export function answeredIds(list: readonly ConsoleClarification[]): ReadonlySet<string> {
  const answered = new Set<string>();
  for (const c of list) if (!isQuestion(c) && c.replyToId !== null) answered.add(c.replyToId);
  return answered;
}

export function unansweredCount(list: readonly ConsoleClarification[]): number {
  const answered = answeredIds(list);
  let count = 0;
  for (const c of list) if (isQuestion(c) && !answered.has(c.id)) count++;
  return count;
}

export const createClarificationsSlice: StateCreator<ConsoleStore, [], [], ClarificationsSlice> = (set, get) => ({
  clarifications: [],
  clarificationsLoaded: false,
  clarificationsError: null,
  setClarifications: (list) => set({ clarifications: upsertClarifications([], list), clarificationsLoaded: true, clarificationsError: null }),
  addClarification: (clarification) => set({ clarifications: upsertClarifications(get().clarifications, [clarification]) }),
  setClarificationsError: (clarificationsError) => set({ clarificationsError }),
});
