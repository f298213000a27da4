// The portal's state (zustand) and the actions that change it. Views select what they show with
// small selectors; every server call goes through api.ts.
import { create } from 'zustand';
import type {
  AskRequest,
  LoginRequest,
  Me,
  PortalClarification,
  PortalOverview,
  PortalProblem,
  PortalSubmission,
  PortalSubmissionDetail,
  ScoreboardView,
  SubmitRequest,
} from '../../src-main/shared/portalApi.ts';
import { get, post, setCsrfToken, setUnauthorizedHandler, withRetry } from './api.ts';
import type { LiveMode } from './live.ts';
import { clockOffset } from '../shared/clock.ts';
import { HttpError, messageOf } from '../shared/http.ts';
import { randomId } from '../shared/uuid.ts';

export interface Draft {
  problemId: string;
  languageId: string;
  fileName: string;
  source: string;
  /** A program of several files: the ones besides the source in the editor (uploaded together). */
  otherFiles: { fileName: string; source: string }[];
}

export type Connection = LiveMode | 'offline';

export interface PortalState {
  /** /api/me has answered (logged in or not). */
  booted: boolean;
  /** Why the first contact failed (the page keeps trying). */
  bootError: string | null;
  me: Me | null;
  overview: PortalOverview | null;
  overviewError: string | null;
  /** Server clock minus local clock. */
  clockOffsetMs: number;
  submissions: PortalSubmission[] | null;
  /** Local time the submissions were fetched (their wait estimates count from then). */
  submissionsAt: number;
  submissionsError: string | null;
  scoreboard: ScoreboardView | null;
  scoreboardError: string | null;
  clarifications: PortalClarification[] | null;
  clarificationsError: string | null;
  connection: Connection;
  /** How often the live stream came back after it was lost: errors shown before a reconnect are stale after it. */
  reconnects: number;
  /** Clarifications the team has seen (persisted per account). */
  seenClarifications: ReadonlySet<string>;
  draft: Draft;
  /** A one-off confirmation shown on the next view ("Submitted A"). */
  flash: string | null;
}

const EMPTY_DRAFT: Draft = { problemId: '', languageId: '', fileName: '', source: '', otherFiles: [] };

const initialSession = {
  me: null,
  submissions: null,
  submissionsAt: 0,
  submissionsError: null,
  scoreboard: null,
  scoreboardError: null,
  clarifications: null,
  clarificationsError: null,
  connection: 'offline' as Connection,
  reconnects: 0,
  seenClarifications: new Set<string>() as ReadonlySet<string>,
  draft: EMPTY_DRAFT,
  flash: null,
};

export const usePortal = create<PortalState>(() => ({
  booted: false,
  bootError: null,
  overview: null,
  overviewError: null,
  clockOffsetMs: 0,
  ...initialSession,
}));

/**
 * Selectors for lists that may be missing: always the same empty array then, because a selector
 * that returns a fresh [] on every call makes React re-render forever.
 */
const NONE: readonly never[] = Object.freeze([]);
export const selectProblems = (s: PortalState): readonly PortalProblem[] => s.overview?.problems ?? NONE;
export const selectLanguages = (s: PortalState): readonly PortalOverview['languages'][number][] => s.overview?.languages ?? NONE;
export const selectPreparing = (s: PortalState): readonly string[] => s.overview?.preparing ?? NONE;

const set = usePortal.setState;
const state = usePortal.getState;

// ---- persistence (per account, in this browser) ----

const storageKey = (what: string): string | null => {
  const account = state().me?.account.id;
  return account ? `verdict.portal.${account}.${what}` : null;
};

function readStored<T>(what: string): T | null {
  const key = storageKey(what);
  if (!key) return null;
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function writeStored(what: string, value: unknown): void {
  const key = storageKey(what);
  if (!key) return;
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the draft just is not kept across reloads.
  }
}

let draftSaveTimer: ReturnType<typeof setTimeout> | null = null;

function restoreSessionState(me: Me): void {
  setCsrfToken(me.csrfToken);
  set({ me });
  const draft = readStored<Partial<Draft>>('draft');
  const seen = readStored<string[]>('seenClarifications');
  set({
    draft: { ...EMPTY_DRAFT, ...(draft && typeof draft === 'object' ? draft : {}) },
    seenClarifications: new Set(Array.isArray(seen) ? seen : []),
  });
}

function clearSession(): void {
  if (draftSaveTimer !== null) {
    clearTimeout(draftSaveTimer);
    writeStored('draft', state().draft);
  }
  draftSaveTimer = null;
  setCsrfToken(null);
  set({ ...initialSession });
}

setUnauthorizedHandler(() => {
  if (state().me) clearSession();
});

// ---- start-up, login, logout ----

/** Asks who is logged in (the session cookie survives reloads), retrying while the server is unreachable. */
export async function bootstrap(): Promise<void> {
  void refreshOverview();
  for (let attempt = 0; ; attempt++) {
    try {
      const me = await get<Me>('/api/me');
      restoreSessionState(me);
      set({ booted: true, bootError: null });
      return;
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) {
        set({ booted: true, bootError: null, me: null });
        return;
      }
      set({ bootError: messageOf(error) });
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1000 * 2 ** attempt)));
    }
  }
}

export async function login(request: LoginRequest): Promise<void> {
  const me = await post<Me>('/api/login', request);
  restoreSessionState(me);
  set({ booted: true, bootError: null });
  void refreshOverview();
}

export async function logout(): Promise<void> {
  try {
    await post<unknown>('/api/logout', {});
  } catch {
    // Logged out here either way; the server drops the session when it expires.
  } finally {
    clearSession();
  }
}

// ---- fetching ----

export async function refreshOverview(): Promise<void> {
  const sentAt = Date.now();
  try {
    const overview = await get<PortalOverview>('/api/portal/overview');
    const receivedAt = Date.now();
    set({ overview, overviewError: null, clockOffsetMs: clockOffset(overview.serverTime, sentAt, receivedAt) });
  } catch (error) {
    set({ overviewError: messageOf(error) });
  }
}

export async function refreshSubmissions(): Promise<void> {
  if (!state().me) return;
  try {
    const submissions = await get<PortalSubmission[]>('/api/portal/submissions');
    set({ submissions, submissionsAt: Date.now(), submissionsError: null });
  } catch (error) {
    set({ submissionsError: messageOf(error) });
  }
}

/** One of the team's own submissions, for its page (the server answers 404 for any other). */
export function fetchSubmission(id: string): Promise<PortalSubmissionDetail> {
  return get<PortalSubmissionDetail>(`/api/portal/submissions/${encodeURIComponent(id)}`);
}

export async function refreshScoreboard(): Promise<void> {
  if (!state().me) return;
  try {
    const scoreboard = await get<ScoreboardView>('/api/portal/scoreboard');
    set({ scoreboard, scoreboardError: null });
  } catch (error) {
    set({ scoreboardError: messageOf(error) });
  }
}

export async function refreshClarifications(): Promise<void> {
  if (!state().me) return;
  try {
    const clarifications = await get<PortalClarification[]>('/api/portal/clarifications');
    set({ clarifications, clarificationsError: null });
  } catch (error) {
    set({ clarificationsError: messageOf(error) });
  }
}

export function setConnection(connection: Connection): void {
  const { connection: previous, reconnects } = state();
  set({ connection, reconnects: previous === 'retrying' && connection === 'live' ? reconnects + 1 : reconnects });
}

// ---- submitting ----

export function updateDraft(patch: Partial<Draft>): void {
  set({ draft: { ...state().draft, ...patch } });
  if (draftSaveTimer !== null) clearTimeout(draftSaveTimer);
  draftSaveTimer = setTimeout(() => {
    draftSaveTimer = null;
    writeStored('draft', state().draft);
  }, 800);
}

export const SUBMIT_RETRIES = 3;

/**
 * Sends one submission. One attempt has one Idempotency-Key: retries after network errors reuse
 * it, so the server stores the submission once however many of the requests reached it.
 */
export async function submit(request: SubmitRequest, onRetry?: (retry: number) => void): Promise<PortalSubmission> {
  const idempotencyKey = randomId();
  const submission = await withRetry(
    () => post<PortalSubmission>('/api/portal/submissions', request, { headers: { 'Idempotency-Key': idempotencyKey }, timeoutMs: 60_000 }),
    { retries: SUBMIT_RETRIES, baseDelayMs: 700, onRetry: (retry) => onRetry?.(retry) },
  );
  const others = (state().submissions ?? []).filter((s) => s.id !== submission.id);
  set({ submissions: [submission, ...others], submissionsAt: Date.now() });
  void refreshSubmissions();
  return submission;
}

export function setFlash(flash: string | null): void {
  set({ flash });
}

// ---- clarifications ----

export async function ask(request: AskRequest): Promise<PortalClarification> {
  const asked = await post<PortalClarification>('/api/portal/clarifications', request);
  const others = (state().clarifications ?? []).filter((c) => c.id !== asked.id);
  set({ clarifications: [...others, asked] });
  void refreshClarifications();
  return asked;
}

/** Whether a clarification came to the team (an answer or a broadcast) rather than from it. */
export function isIncoming(clarification: PortalClarification, teamId: string | null | undefined): boolean {
  return clarification.fromTeamId === null || clarification.fromTeamId !== teamId;
}

export function unreadCount(s: PortalState): number {
  const teamId = s.me?.team?.id;
  let count = 0;
  for (const c of s.clarifications ?? []) if (isIncoming(c, teamId) && !s.seenClarifications.has(c.id)) count++;
  return count;
}

export function markClarificationsSeen(): void {
  const s = state();
  const teamId = s.me?.team?.id;
  const incoming = (s.clarifications ?? []).filter((c) => isIncoming(c, teamId));
  if (incoming.every((c) => s.seenClarifications.has(c.id))) return;
  const seen = new Set(s.seenClarifications);
  for (const c of incoming) seen.add(c.id);
  set({ seenClarifications: seen });
  writeStored('seenClarifications', [...seen]);
}
