// A remote judgehost's side of the server's /api/judgehost routes (server/judgehostRoutes.ts), as
// its judgehost account (HTTP Basic): the problems and their packages, the heartbeat, and each
// judging's source, progress and result.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { JUDGEHOST_API, type JudgehostProblems, type JudgingSources } from '../common/judgehostHttp.ts';
import type { HeartbeatAnswer, JudgehostHeartbeat, ProgressReport, ResultReport } from '../common/remoteJobs.ts';

/** The server refused the account: retrying will not help (a wrong password, not a judgehost account). */
class AccountRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountRefusedError';
  }
}

/** Another live judgehost has this one's --name: the server refuses its heartbeats. */
class JudgehostNameTakenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JudgehostNameTakenError';
  }
}

export class ServerClient {
  private readonly base: string;
  private readonly user: string;
  private readonly authorization: string;

  constructor(serverUrl: string, user: string, password: string) {
    this.base = serverUrl.replace(/\/+$/, '');
    this.user = user;
    this.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }

  /** The contest's problems, and the server's sandbox level. */
  async problems(): Promise<JudgehostProblems> {
    const response = await this.send('GET', '/problems');
    return (await response.json()) as JudgehostProblems;
  }

  /** Writes the package archive named `sha256` into `file` (its hash is the caller's to check). */
  async downloadPackage(sha256: string, file: string): Promise<void> {
    const response = await this.send('GET', `/packages/${sha256}`);
    if (!response.body) throw new Error(`the server sent no body for package ${sha256}`);
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(file));
  }

  /** The files of a judging's attempt; null when the attempt is no longer current (the server answered 409): judge nothing. */
  async sources(judgementId: string, attempt: number): Promise<JudgingSources | null> {
    const response = await this.send('GET', `/judgements/${judgementId}/sources?attempt=${attempt}`, undefined, [409]);
    if (response.status === 409) return null;
    return (await response.json()) as JudgingSources;
  }

  /** What a judge wants this judgehost to do now. */
  async heartbeat(beat: JudgehostHeartbeat): Promise<HeartbeatAnswer> {
    const response = await this.send('POST', '/heartbeat', beat, [409]);
    if (response.status === 409) throw new JudgehostNameTakenError(await reasonOf(response));
    return (await response.json()) as HeartbeatAnswer;
  }

  /** False when the attempt is no longer current (the server answered 409): stop judging it. */
  progress(judgementId: string, report: ProgressReport): Promise<boolean> {
    return this.report(`/judgements/${judgementId}/progress`, report);
  }

  /** False when the attempt is no longer current (superseded: the server ignored the result). */
  result(judgementId: string, report: ResultReport): Promise<boolean> {
    return this.report(`/judgements/${judgementId}/result`, report);
  }

  private async report(path: string, body: ProgressReport | ResultReport): Promise<boolean> {
    const response = await this.send('POST', path, body, [409]);
    return response.status !== 409;
  }

  /** The response, or an error naming the server's reason; `allowed` statuses pass as they are. */
  private async send(method: 'GET' | 'POST', path: string, body?: object, allowed: number[] = []): Promise<Response> {
    const url = `${this.base}${JUDGEHOST_API}${path}`;
    const response = await fetch(url, {
      method,
      headers: { authorization: this.authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.ok || allowed.includes(response.status)) return response;
    const reason = await reasonOf(response);
    if (response.status === 401) throw new AccountRefusedError(`the server at ${this.base} refused judgehost account '${this.user}': wrong user name or password (${reason})`);
    if (response.status === 403) throw new AccountRefusedError(`the server at ${this.base} refused account '${this.user}': ${reason} (it must be of type judgehost in the contest's accounts file)`);
    throw new Error(`${method} ${url}: HTTP ${response.status}: ${reason}`);
  }
}

async function reasonOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 200) || response.statusText;
}
