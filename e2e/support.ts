// Shared by the e2e tests: Debian's Chromium, and a real `verdict serve` on a loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Root, no GPU, and no background traffic to a network this machine does not have. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Screenshots of the main views, for people to review. */
export const SCREENSHOTS = join(import.meta.dirname, '..', 'e2e-results');

const bin = join(import.meta.dirname, '..', 'bin', 'verdict.js');

export interface Served {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function serve(dataDir: string, extraArgs: string[] = []): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--data', dataDir, '--port', '0', '--workers', '2', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      const match = /portal\s+(http:\/\/\S+)\//.exec(out);
      if (match)
        resolve({
          url: match[1],
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`verdict serve exited (${code}): ${out}`)));
  });
}

/** Opens the judges' console at `url` and logs in as the sample contest's judge. */
export async function openConsoleAsJudge(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/console`);
  await page.getByLabel('Username').fill('judge');
  await page.getByLabel('Password').fill('judge-pass');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
}
