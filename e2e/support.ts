// Shared by the e2e tests: Debian's Chromium (see playwright.config.ts), and a real `verdict serve`
// on a loopback port in a data folder of the test's own, started for each test and stopped after it.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { CHROMIUM } from './chromium.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'verdict.js');

/** Screenshots of the main views, for people to review. */
export const SCREENSHOTS = join(root, 'e2e-results');

/** Why the browser tests of `page` ('console' or 'portal') cannot run here, or false when they can. */
export function browserSkipReason(page: 'console' | 'portal'): string | false {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (!existsSync(join(root, 'out', 'renderer', page, 'index.html'))) return `the ${page} is not built (npm run build)`;
  return false;
}

export interface ServeOptions {
  /** Serve a copy of the sample contest (team and package imports write into the contest folder); otherwise `verdict serve`'s default sample. */
  contestCopy: boolean;
  workers: number;
}

export interface Served {
  url: string;
  /** The contest folder served when `contestCopy` is set. */
  contestDir: string;
  /** Stops the server (as its operator would, SIGTERM) and resolves once it has gone. */
  stopServer(): Promise<void>;
  /** Starts it again on the same port with the same data folder (after stopServer). */
  startServer(): Promise<void>;
  /** What the first server has printed so far (stdout and stderr). */
  output(): string;
}

/** Starts `verdict serve` with its data in `dataDir`; resolves once it listens. */
function serve(dataDir: string, args: string[]): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--data', dataDir, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      const match = /portal\s+(http:\/\/\S+)\//.exec(out);
      if (match) resolve({ url: match[1], child, output: () => out });
    });
    child.stderr.on('data', (d: string) => (out += d));
    child.on('exit', (code) => reject(new Error(`verdict serve exited (${code}): ${out}`)));
  });
}

/** Stops the server this test started (it stops its judgehost), and waits until it has gone. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ serveOptions: ServeOptions; served: Served }>({
  serveOptions: [{ contestCopy: false, workers: 2 }, { option: true }],
  served: async ({ serveOptions, browser }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verdict-e2e-'));
    const contestDir = join(dataDir, 'contest');
    const args = ['--workers', String(serveOptions.workers)];
    if (serveOptions.contestCopy) {
      cpSync(join(root, 'resources', 'sample-contest'), contestDir, { recursive: true });
      args.push('--contest', contestDir);
    }
    let child: ChildProcess | undefined;
    try {
      const started = await serve(join(dataDir, 'data'), args);
      child = started.child;
      const port = new URL(started.url).port;
      const stopServer = async (): Promise<void> => {
        if (child) await stop(child);
        child = undefined;
      };
      const startServer = async (): Promise<void> => {
        // The port was just freed by this test's own server: ask for it again.
        child = (await serve(join(dataDir, 'data'), [...args, '--port', port])).child;
      };
      await use({ url: started.url, contestDir, stopServer, startServer, output: started.output });
    } finally {
      // The test's pages first: an open page's event stream would hold the server's stop (for up to 10 s).
      await Promise.all(browser.contexts().map((context) => context.close()));
      if (child) await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Opens the judges' console at `url` and logs in as the sample contest's judge. */
export async function openConsoleAsJudge(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/console`);
  await page.getByLabel('Username').fill('judge');
  await page.getByLabel('Password').fill('judge-pass');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
}

/** A team's portal session over HTTP, as its browser would hold it: submits and answers the submission's id (after its 202). */
export async function teamSession(url: string, username: string, password = `${username}-pass`) {
  const login = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(login.status, `${username} logs in`).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  return async (problemId: string, fileName: string, source: string): Promise<string> => {
    const response = await fetch(`${url}/api/portal/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ problemId, languageId: 'python', fileName, source }),
    });
    expect(response.status, `${fileName} is accepted for judging`).toBe(202);
    return ((await response.json()) as { id: string }).id;
  };
}

/** Logs `username` (the sample contest's password `<username>-pass`) in on the portal at `url`. */
export async function logInToPortal(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(`${username}-pass`);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('link', { name: 'Problems' })).toBeVisible();
}

const JUDGE_AUTH = { authorization: `Basic ${Buffer.from('judge:judge-pass').toString('base64')}`, 'content-type': 'application/json' };

/** Calls a console method over HTTP as the sample contest's judge (what the browser console does). */
export async function consoleCall<T>(url: string, method: string, ...args: unknown[]): Promise<T> {
  const response = await fetch(`${url}/api/console/${method}`, { method: 'POST', headers: JUDGE_AUTH, body: JSON.stringify(args) });
  expect(response.status, `${method} answers`).toBe(200);
  return (await response.json()) as T;
}

/** Resolves once submission `id` has its verdict. */
export async function judged(url: string, id: string): Promise<void> {
  await expect
    .poll(async () => (await consoleCall<{ submission: { status: string } }>(url, 'getSubmission', id)).submission.status, { message: `submission ${id} judged`, timeout: 60_000 })
    .toBe('judged');
}
