// The console's JSON-over-HTTP client (browser only), on shared/http.ts like the portal's api.ts,
// with its fetch and token injected so the transport can be tested under Node.
import { HttpError, send, type ErrorTexts, type FetchLike } from '../../shared/http.ts';

export interface HttpClientOptions {
  fetch?: FetchLike;
  /** The session's CSRF token (from Me), sent as X-CSRF-Token on every POST. */
  getCsrfToken(): string | null;
  /** A request other than login/me found the session gone (401). */
  onUnauthorized?(): void;
  timeoutMs?: number;
}

export interface HttpClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** POSTs `data` as the body, with Content-Type `type`. */
  upload<T>(path: string, type: string, data: Blob): Promise<T>;
}

const ERROR_TEXTS: ErrorTexts = {
  byStatus: {
    401: 'not logged in',
    403: 'not allowed: the judges’ console needs a judge or admin account',
    404: 'not found',
    409: 'not possible now',
    429: 'too many requests: wait a little and try again',
    500: 'the server failed',
    502: 'the server is unavailable',
    503: 'the server is busy',
    504: 'the server did not answer in time',
  },
  // Our `{ error }`, else Fastify's `{ message }` (its `error` is only the status's name).
  fromBody(body) {
    if (typeof body.error === 'string' && body.error && typeof body.statusCode !== 'number') return body.error;
    if (typeof body.message === 'string' && body.message) return body.message;
    if (typeof body.error === 'string' && body.error) return body.error;
    return undefined;
  },
};

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, rawBody?: { type: string; data: Blob }): Promise<T> {
    const response = await send(method, path, {
      body,
      rawBody,
      csrfToken: method === 'POST' ? options.getCsrfToken() : null,
      timeoutMs,
      cache: 'no-store',
      fetch: options.fetch,
      onUnauthorized: () => options.onUnauthorized?.(),
      errorTexts: ERROR_TEXTS,
    });
    // Methods returning void may answer 204 or an empty body.
    const text = response.status === 204 ? '' : await response.text();
    if (text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new HttpError(response.status, 'the server sent an answer the console cannot read');
    }
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    upload: (path, type, data) => request('POST', path, undefined, { type, data }),
  };
}
