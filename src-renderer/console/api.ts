// Which JudgeApi the console talks to, chosen once at start: the Electron preload's
// `window.verdictJudge` when present, else HTTP + Server-Sent Events to the server that served
// the page. Everything else in the console sees only `judge` (a JudgeApi).
import type { JudgeApi } from '../../src-main/shared/judgeApi.ts';
import { createHttpClient } from './transport/httpClient.ts';
import { createHttpJudgeApi, type LinkStatus } from './transport/http.ts';
import { createIpcJudgeApi } from './transport/ipc.ts';

export interface TransportHooks {
  onStatus(status: LinkStatus): void;
  onResync(): void;
  onError(message: string): void;
  onUnauthorized(): void;
}

let hooks: TransportHooks | null = null;
let csrfToken: string | null = null;

/** The session's CSRF token (browser): sent with every POST. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Where the transport reports link changes, breaks to resync after, background errors and a lost session. */
export function setTransportHooks(next: TransportHooks | null): void {
  hooks = next;
}

/** True in the Electron window (no login there: the preload's API is the judge's). */
export const desktop = typeof window !== 'undefined' && window.verdictJudge !== undefined;

/** Plain HTTP for the browser's login and session (unused on the desktop). */
export const http = createHttpClient({
  getCsrfToken: () => csrfToken,
  onUnauthorized: () => hooks?.onUnauthorized(),
});

function chooseJudgeApi(): JudgeApi {
  const bridge = typeof window !== 'undefined' ? window.verdictJudge : undefined;
  if (bridge) return createIpcJudgeApi(bridge);
  return createHttpJudgeApi({
    client: http,
    onStatus: (status) => hooks?.onStatus(status),
    onResync: () => hooks?.onResync(),
    onError: (message) => hooks?.onError(message),
  });
}

export const judge: JudgeApi = chooseJudgeApi();
