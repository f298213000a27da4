// Who is asking: a session cookie (the portal and the browser console) or HTTP Basic (tools).
// State-changing requests must be JSON (a cross-site form cannot send it without a CORS preflight,
// which this server never grants) and, with a cookie, carry the session's CSRF token.
// Every password check, form login or HTTP Basic, goes through the failed-login throttle first
// (loginThrottle.ts): a wrong Basic credential counts like a wrong form login.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.ts';
import type { AccountDirectory, AuthenticatedAccount } from './accounts.ts';
import { BusyError } from './checkGate.ts';
import { LoginThrottle } from './loginThrottle.ts';
import { sameSecret } from './passwords.ts';

const SESSION_COOKIE = 'verdict_session';
const CSRF_HEADER = 'x-csrf-token';
/** A contest day and some: sessions outlive a 5-hour contest with reloads. */
const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

export interface Caller {
  account: AuthenticatedAccount;
  via: 'session' | 'basic';
  csrfToken: string | null;
}

/** What a judgehost account is told anywhere but its own routes (/api/judgehost/...). */
export const JUDGEHOST_ACCOUNTS_ONLY_JUDGE = 'a judgehost account only fetches judging work and reports results (/api/judgehost)';

export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function parseBasic(header: string | undefined): { username: string; password: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export class Authenticator {
  private readonly store: Store;
  private readonly accounts: AccountDirectory;
  private readonly throttle = new LoginThrottle();

  constructor(store: Store, accounts: AccountDirectory) {
    this.store = store;
    this.accounts = accounts;
  }

  /**
   * The account whose password this is; 401 when wrong (counted), 429 when throttled, 503 when too many checks are
   * under way. `forSession`: a session will be made with it (a form login), not one request (HTTP Basic).
   */
  private async check(username: string, password: string, address: string, options: { forSession: boolean }): Promise<AuthenticatedAccount> {
    const refusal = this.throttle.refusal(username, address);
    if (refusal) throw new HttpError(429, refusal);
    let account: AuthenticatedAccount | null;
    try {
      account = await this.accounts.verify(username, password, options);
    } catch (error) {
      if (error instanceof BusyError) throw new HttpError(503, error.message);
      throw error;
    }
    if (!account) {
      this.throttle.failed(username, address);
      throw new HttpError(401, 'wrong username or password');
    }
    return account;
  }

  /** The caller, or null when anonymous. A wrong Basic credential is a 401, not anonymity. */
  async identify(request: FastifyRequest): Promise<Caller | null> {
    const basic = parseBasic(request.headers.authorization);
    if (basic) {
      const account = await this.check(basic.username, basic.password, request.ip, { forSession: false });
      return { account, via: 'basic', csrfToken: null };
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    const session = this.store.accounts.session(token);
    if (!session) return null;
    const account = this.store.accounts.byId(session.accountId);
    if (!account || !(await this.accounts.sessionHolds(account, session.createdAt))) return null;
    return { account: { id: account.id, username: account.username, type: account.type, teamId: account.teamId }, via: 'session', csrfToken: session.csrfToken };
  }

  /**
   * Refuses state changes that a cross-site page could forge. `bodyType`: what the route takes instead
   * of JSON (a zip upload), which no cross-site form can send either.
   */
  checkStateChange(request: FastifyRequest, caller: Caller | null, bodyType = 'application/json'): void {
    const type = request.headers['content-type'] ?? '';
    if (!type.startsWith(bodyType)) throw new HttpError(415, bodyType === 'application/json' ? 'send JSON (Content-Type: application/json)' : `send Content-Type: ${bodyType}`);
    if (caller?.via === 'session') {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !caller.csrfToken || !sameSecret(sent, caller.csrfToken)) throw new HttpError(403, 'missing or wrong CSRF token (X-CSRF-Token)');
    }
  }

  async login(username: string, password: string, reply: FastifyReply, secure: boolean): Promise<{ account: AuthenticatedAccount; csrfToken: string }> {
    const account = await this.check(username, password, reply.request.ip, { forSession: true });
    // A judgehost uses HTTP Basic on its own routes: a session would be one more credential to steal.
    if (account.type === 'judgehost') throw new HttpError(403, JUDGEHOST_ACCOUNTS_ONLY_JUDGE);
    const session = this.store.accounts.createSession(account.id, SESSION_TTL_MS);
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', path: '/', secure, expires: new Date(session.expiresAt) });
    return { account, csrfToken: session.csrfToken };
  }

  logout(request: FastifyRequest, reply: FastifyReply): void {
    const token = request.cookies[SESSION_COOKIE];
    if (token) this.store.accounts.deleteSession(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}

export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new HttpError(401, 'log in first');
  return caller;
}

export function requireJudge(caller: Caller | null): Caller {
  const c = requireCaller(caller);
  if (c.account.type !== 'judge' && c.account.type !== 'admin') throw new HttpError(403, 'judges only');
  return c;
}

export function isJudge(caller: Caller | null): boolean {
  return caller !== null && (caller.account.type === 'judge' || caller.account.type === 'admin');
}
