// The console's JSON-over-HTTP client (browser only): the session cookie, the CSRF token on every
// POST, errors thrown with the server's own message. Same rules as the portal's api.ts, but with
// its fetch and token injected so the transport can be tested under Node.

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

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

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
}

const STATUS_TEXT: Record<number, string> = {
  401: 'not logged in',
  403: 'not allowed: the judges’ console needs a judge or admin account',
  404: 'not found',
  409: 'not possible now',
  429: 'too many requests: wait a little and try again',
  500: 'the server failed',
  502: 'the server is unavailable',
  503: 'the server is busy',
  504: 'the server did not answer in time',
};

/** The server's `{ error }` message, else Fastify's `{ message }`, else a short text for the status. */
export async function errorMessage(response: Response): Promise<string> {
  const fallback = STATUS_TEXT[response.status] ?? `the server answered ${response.status}`;
  let text = '';
  try {
    text = await response.text();
  } catch {
    return fallback;
  }
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown; statusCode?: unknown };
    if (typeof body.error === 'string' && body.error && typeof body.statusCode !== 'number') return body.error;
    if (typeof body.message === 'string' && body.message) return body.message;
    if (typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // Not JSON: a proxy's or a bare text page.
  }
  const plain = text.trim();
  return plain && plain.length < 300 && !plain.startsWith('<') ? plain : fallback;
}

const UNAUTHORIZED_EXEMPT = new Set(['/api/login', '/api/me']);

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method === 'POST') {
      headers['Content-Type'] = 'application/json';
      const token = options.getCsrfToken();
      if (token) headers['X-CSRF-Token'] = token;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await doFetch(path, {
        method,
        headers,
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch {
      throw new NetworkError(controller.signal.aborted ? 'the judge’s server did not answer in time' : undefined);
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      const message = await errorMessage(response);
      if (response.status === 401 && !UNAUTHORIZED_EXEMPT.has(path)) options.onUnauthorized?.();
      throw new HttpError(response.status, message);
    }
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
  };
}

/** A readable message for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
