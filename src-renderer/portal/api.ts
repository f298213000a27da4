// The portal's HTTP client: JSON in and out over shared/http.ts (the session cookie, the CSRF
// header on every POST, errors thrown with the server's own message), and a retry helper for flaky LANs.
import { HttpError, NetworkError, send, type ErrorTexts } from '../shared/http.ts';

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

const ERROR_TEXTS: ErrorTexts = {
  byStatus: {
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
  },
  // Fastify's own `{ message }` (it comes with a statusCode), else our `{ error }`.
  fromBody: (body) =>
    typeof body.message === 'string' && typeof body.statusCode === 'number' && body.message
      ? body.message
      : typeof body.error === 'string' && body.error
        ? body.error
        : undefined,
};

async function request<T>(method: 'GET' | 'POST', path: string, options: RequestOptions): Promise<T> {
  const response = await send(method, path, {
    body: options.body,
    headers: options.headers,
    csrfToken,
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
    // GETs revalidate: where the server sends an ETag (the scoreboard) an unchanged answer is a 304.
    cache: method === 'GET' ? 'no-cache' : 'no-store',
    onUnauthorized: () => onUnauthorized?.(),
    errorTexts: ERROR_TEXTS,
  });
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new HttpError(response.status, 'the server sent an answer this page cannot read');
  }
}

/** Whether repeating the same request may succeed: no answer, or a gateway/overload status. */
function isTransient(error: unknown): boolean {
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
