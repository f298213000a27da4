// JSON over HTTP, as the portal and the console both talk to the server: the session cookie, the
// CSRF token on every POST, a timeout, and errors thrown with the server's own message (HttpError)
// or as no answer at all (NetworkError). Each page reads the answer's body its own way.

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

/** A readable message for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** A JSON error body: ours is `{ error }`, Fastify's own is `{ statusCode, error, message }`. */
interface ErrorBody {
  error?: unknown;
  message?: unknown;
  statusCode?: unknown;
}

export interface ErrorTexts {
  /** Short texts for statuses that came without a readable message. */
  byStatus: Readonly<Record<number, string>>;
  /** The message in a JSON error body, if it has one. */
  fromBody(body: ErrorBody): string | undefined;
}

/** The message of an error answer: from its JSON body, else its short plain text, else by its status. */
async function errorMessage(response: Response, texts: ErrorTexts): Promise<string> {
  const fallback = texts.byStatus[response.status] ?? `the server answered ${response.status}`;
  let text: string;
  try {
    text = await response.text();
  } catch {
    return fallback;
  }
  try {
    const message = texts.fromBody(JSON.parse(text) as ErrorBody);
    if (message) return message;
  } catch {
    // Not JSON: a proxy's or a bare text page.
  }
  const plain = text.trim();
  return plain && plain.length < 300 && !plain.startsWith('<') ? plain : fallback;
}

/** Login and the session check answer 401 as a result, not as a lost session. */
const UNAUTHORIZED_EXEMPT = new Set(['/api/login', '/api/me']);

export interface SendOptions {
  body?: unknown;
  /** Sent as it is, with its own Content-Type, instead of `body` as JSON (a file upload). */
  rawBody?: { type: string; data: Blob };
  headers?: Record<string, string>;
  /** Sent as X-CSRF-Token with a POST. */
  csrfToken: string | null;
  timeoutMs: number;
  cache: RequestCache;
  fetch?: FetchLike;
  /** A request other than login/me found the session gone (401). */
  onUnauthorized(): void;
  errorTexts: ErrorTexts;
}

/** Sends one request; resolves to the answer when its status is a success, else throws. */
export async function send(method: 'GET' | 'POST', path: string, options: SendOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method === 'POST') {
    headers['Content-Type'] = options.rawBody?.type ?? 'application/json';
    if (options.csrfToken) headers['X-CSRF-Token'] = options.csrfToken;
  }
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let response: Response;
  try {
    response = await doFetch(path, {
      method,
      headers,
      body: method !== 'POST' ? undefined : options.rawBody ? options.rawBody.data : JSON.stringify(options.body ?? {}),
      credentials: 'same-origin',
      cache: options.cache,
      signal: controller.signal,
    });
  } catch {
    throw new NetworkError(controller.signal.aborted ? 'the judge’s server did not answer in time' : undefined);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    const message = await errorMessage(response, options.errorTexts);
    if (response.status === 401 && !UNAUTHORIZED_EXEMPT.has(path)) options.onUnauthorized();
    throw new HttpError(response.status, message);
  }
  return response;
}
