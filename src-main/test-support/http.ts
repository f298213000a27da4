// Test helpers for the contest server: a server on a loopback port with a private data folder, and
// a small client that keeps a session cookie like a browser does.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourcePath } from '../common/paths.ts';
import { startContestServer, type ContestServer, type ContestServerOptions } from '../server/contestServer.ts';

/** A copy of the sample contest in `contestDir` with one of resources/example-problems/ added as `problem`. */
export function sampleContestWith(contestDir: string, example: string, problem: { label: string; name: string }): void {
  cpSync(resourcePath('sample-contest'), contestDir, { recursive: true });
  cpSync(resourcePath('example-problems', example), join(contestDir, example), { recursive: true });
  appendFileSync(join(contestDir, 'problems.yaml'), `- id: ${example}\n  label: ${problem.label}\n  name: ${problem.name}\n`);
}

export async function testServer(options: Partial<ContestServerOptions> = {}): Promise<ContestServer & { dataDir: string }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'verdict-server-test-'));
  const removeOwnFolder = () => {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  let server: ContestServer;
  try {
    server = await startContestServer({ contestDir: resourcePath('sample-contest'), dataDir, host: '127.0.0.1', port: 0, workers: 1, ...options });
  } catch (error) {
    // A test of a refused start (a wrong queue password…) leaves no data folder behind.
    removeOwnFolder();
    throw error;
  }
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      removeOwnFolder();
    },
  };
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like client: keeps the session cookie, sends the CSRF token it was given. */
export class PortalClient {
  readonly base: string;
  private cookie = '';
  csrf = '';

  constructor(base: string) {
    this.base = base;
  }

  async login(username: string, password: string): Promise<Answer> {
    const answer = await this.post('/api/login', { username, password });
    if (answer.status === 200) this.csrf = (answer.body as { csrfToken: string }).csrfToken;
    return answer;
  }

  get<T = unknown>(path: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = unknown>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    return this.request<T>('POST', path, JSON.stringify(body), { 'content-type': 'application/json', 'x-csrf-token': this.csrf, ...headers });
  }

  /** A GET answered as it came (a download's bytes and headers), with the session cookie. */
  fetchRaw(path: string): Promise<Response> {
    return fetch(this.base + path, { headers: this.cookie ? { cookie: this.cookie } : {}, redirect: 'manual' });
  }

  /** A Server-Sent Events stream with the session, read in the background: its chunks as they come, its content type, and a way to close it. */
  async sse(path: string): Promise<{ frames: string[]; contentType: string | null; status: number; close: () => void }> {
    const controller = new AbortController();
    const response = await fetch(this.base + path, { headers: this.cookie ? { cookie: this.cookie } : {}, signal: controller.signal });
    const frames: string[] = [];
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body!) frames.push(decoder.decode(chunk as Uint8Array));
      } catch {
        /* closed */
      }
    })();
    return { frames, contentType: response.headers.get('content-type'), status: response.status, close: () => controller.abort() };
  }

  async request<T>(method: string, path: string, body: string | Uint8Array | undefined, headers: Record<string, string>): Promise<Answer<T>> {
    const response = await fetch(this.base + path, { method, body, headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers }, redirect: 'manual' });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}

export function basic(username: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
