// The portal's HTTP client: JSON in and out, the session cookie, the CSRF header on every POST,
// errors thrown with the server's own message, and a retry helper for flaky LANs.
import type { ApiError as ApiErrorBody } from '../../src-main/shared/portalApi.ts';

/** The server answered with an error status. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

/** No answer at all: the network is down, the server restarts, or the request timed out. */
export class NetworkError extends Error {
  constructor(message = 'cannot reach the judge’s server') {
    super(message);
    this.name = 'NetworkError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request other than login finds the session gone (401). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const TIMEOUT_MS = 30_000;

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export function get<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>('GET', path, options);
}

export function post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  return request<T>('POST', path, { ...options, body });
}

async function request<T>(method: 'GET' | 'POST', path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method === 'POST') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
      credentials: 'same-origin',
      // GETs revalidate: where the server sends an ETag (the scoreboard) an unchanged answer is a 304.
      cache: method === 'GET' ? 'no-cache' : 'no-store',
      signal: controller.signal,
    });
  } catch {
    throw new NetworkError(controller.signal.aborted ? 'the judge’s server did not answer in time' : undefined);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    const message = await errorMessage(response);
    if (response.status === 401 && path !== '/api/login' && path !== '/api/me') onUnauthorized?.();
    throw new HttpError(response.status, message);
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new HttpError(response.status, 'the server sent an answer this page cannot read');
  }
}

const STATUS_TEXT: Record<number, string> = {
  401: 'not logged in',
  403: 'not allowed',
  404: 'not found',
  409: 'the contest is not running',
  413: 'the source is too large',
  429: 'too many requests: wait a little and try again',
  500: 'the server failed',
  502: 'the server is unavailable',
  503: 'the server is busy',
  504: 'the server did not answer in time',
};

/** The server's `{ error }` message, else Fastify's `{ message }`, else a short text for the status. */
async function errorMessage(response: Response): Promise<string> {
  const fallback = STATUS_TEXT[response.status] ?? `the server answered ${response.status}`;
  let text = '';
  try {
    text = await response.text();
  } catch {
    return fallback;
  }
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody> & { message?: unknown; statusCode?: unknown };
    if (typeof body.message === 'string' && typeof body.statusCode === 'number' && body.message) return body.message;
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // Not JSON: a proxy's or a bare text page.
  }
  const plain = text.trim();
  return plain && plain.length < 300 && !plain.startsWith('<') ? plain : fallback;
}

/** Whether repeating the same request may succeed: no answer, or a gateway/overload status. */
export function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof HttpError && [502, 503, 504].includes(error.status));
}

export interface RetryOptions {
  retries: number;
  /** First pause; doubled after each failure (with some jitter). */
  baseDelayMs: number;
  /** Told before each retry: 1-based retry number. */
  onRetry?: (retry: number, error: unknown) => void;
}

/** Runs `attempt` again after transient failures only; the caller keeps anything that must stay the same (e.g. an idempotency key). */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (retry >= options.retries || !isTransient(error)) throw error;
      options.onRetry?.(retry + 1, error);
      const delay = options.baseDelayMs * 2 ** retry * (0.75 + Math.random() * 0.5);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A readable message for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
