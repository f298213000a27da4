// The desktop app itself, driven by Playwright's Electron support: the window shows the judges'
// console fed by the core over IPC. Runs where an Electron binary is installed; elsewhere it
// reports itself skipped with the reason (here: the binary cannot be downloaded).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { _electron as electron } from 'playwright-core';

const root = join(import.meta.dirname, '..');

/** The Electron binary, or why there is none (without triggering the package's download). */
function electronBinary(): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const binary = existsSync(pathFile) ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
  if (!binary || !existsSync(binary)) return { reason: 'the Electron binary is not installed (its download is not possible on this machine)' };
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'no display (run under xvfb-run)' };
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) return { reason: 'the app is not built (npm run build)' };
  return { path: binary };
}

const found = electronBinary();

test('the desktop app opens the console on the sample contest', { skip: 'reason' in found ? found.reason : false, timeout: 90_000 }, async () => {
  const userData = mkdtempSync(join(tmpdir(), 'verdict-electron-'));
  const app = await electron.launch({
    executablePath: (found as { path: string }).path,
    args: [root, `--user-data-dir=${userData}`],
    env: { ...process.env, VERDICT_HOST: '127.0.0.1', VERDICT_PORT: '0', XDG_DATA_HOME: join(userData, 'data') },
  });
  try {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    assert.match(await window.title(), /Verdict/);
    // The console talks to the core through the preload, not HTTP.
    const snapshot = await window.evaluate(() => (window as unknown as { verdictJudge: { invoke(m: string): Promise<{ pool: { workers: number } }> } }).verdictJudge.invoke('getSnapshot'));
    assert.ok(snapshot.pool.workers >= 1);
    // The packaged sample is read-only: the app opened its own copy.
    assert.ok(existsSync(join(userData, 'contests', 'sample', 'contest.yaml')), 'the sample contest was copied into the user data folder');
    await window.screenshot({ path: join(root, 'e2e-results', 'electron-console.png') });

    // A second launch on the same user data quits at once; the first one keeps running.
    const second = spawn((found as { path: string }).path, [root, `--user-data-dir=${userData}`], { env: { ...process.env, VERDICT_HOST: '127.0.0.1', VERDICT_PORT: '0' }, stdio: 'ignore' });
    const SECOND_LAUNCH_TIMEOUT_MS = 20_000;
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        second.kill();
        reject(new Error(`the second launch was still running after ${SECOND_LAUNCH_TIMEOUT_MS} ms`));
      }, SECOND_LAUNCH_TIMEOUT_MS);
      second.once('error', reject);
      second.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    assert.equal(exitCode, 0);
    assert.match(await window.title(), /Verdict/, 'the first window is still there');
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
