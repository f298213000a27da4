// Who is logged in (browser), how the live link is doing, and the notices (errors are shown, never swallowed).
import type { StateCreator } from 'zustand';
import type { Me } from '../../../src-main/shared/portalApi.ts';
import type { LinkStatus } from '../transport/http.ts';
import type { ConsoleStore } from './types.ts';

export type NoticeTone = 'error' | 'warning' | 'success' | 'info';

export interface ConsoleNotice {
  id: number;
  tone: NoticeTone;
  text: string;
  /** How many times the same text came (shown as "×3" rather than three notices). */
  count: number;
}

/** More than this and the oldest go: a flood of one failure must not bury the page. */
export const MAX_NOTICES = 6;

export function addNotice(list: readonly ConsoleNotice[], tone: NoticeTone, text: string, id: number): readonly ConsoleNotice[] {
  const same = list.find((n) => n.text === text && n.tone === tone);
  if (same) return [...list.filter((n) => n !== same), { ...same, count: same.count + 1 }];
  const next = [...list, { id, tone, text, count: 1 }];
  return next.length > MAX_NOTICES ? next.slice(next.length - MAX_NOTICES) : next;
}

export interface ConnectionSlice {
  me: Me | null;
  link: LinkStatus;
  notices: readonly ConsoleNotice[];
  setMe: (me: Me | null) => void;
  setLink: (link: LinkStatus) => void;
  notify: (tone: NoticeTone, text: string) => void;
  dismissNotice: (id: number) => void;
  clearNotices: () => void;
}

let nextNoticeId = 1;

export const createConnectionSlice: StateCreator<ConsoleStore, [], [], ConnectionSlice> = (set, get) => ({
  me: null,
  link: 'connecting',
  notices: [],
  setMe: (me) => set({ me }),
  setLink: (link) => set({ link }),
  notify: (tone, text) => set({ notices: addNotice(get().notices, tone, text, nextNoticeId++) }),
  dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  clearNotices: () => set({ notices: [] }),
});
