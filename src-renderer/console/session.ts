// Logging in (browser only): the same /api/login and /api/me as the portal, but only judge and
// admin accounts may use the console. In Electron there is no login: the window is the judge's.
import type { Me } from '../../src-main/shared/portalApi.ts';
import { HttpError } from '../shared/http.ts';
import type { HttpClient } from './transport/httpClient.ts';

export const NOT_A_JUDGE = 'This is a team account: the judges’ console needs a judge or admin account.';

export function isJudgeAccount(me: Pick<Me, 'account'>): boolean {
  return me.account.type === 'judge' || me.account.type === 'admin';
}

export class NotAJudgeError extends Error {
  constructor() {
    super(NOT_A_JUDGE);
    this.name = 'NotAJudgeError';
  }
}

/**
 * Logs in and hands the session's CSRF token to `setCsrfToken`; a team account is logged out again
 * at once (with its own token) and refused.
 */
export async function login(client: HttpClient, setCsrfToken: (token: string | null) => void, username: string, password: string): Promise<Me> {
  const me = await client.post<Me>('/api/login', { username, password });
  setCsrfToken(me.csrfToken);
  if (!isJudgeAccount(me)) {
    await logoutQuietly(client);
    setCsrfToken(null);
    throw new NotAJudgeError();
  }
  return me;
}

/** The session this browser already has: a judge's Me, null when not logged in; a team's session is left alone but refused. */
export async function restore(client: HttpClient): Promise<{ me: Me | null; refused: boolean }> {
  try {
    const me = await client.get<Me>('/api/me');
    return isJudgeAccount(me) ? { me, refused: false } : { me: null, refused: true };
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return { me: null, refused: false };
    throw error;
  }
}

/** Logging out of a refused team session must not fail the login that found it. */
async function logoutQuietly(client: HttpClient): Promise<void> {
  try {
    await client.post('/api/logout', {});
  } catch {
    // The refused session simply expires.
  }
}

export async function logout(client: HttpClient): Promise<void> {
  await client.post('/api/logout', {});
}
