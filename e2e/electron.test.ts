// The desktop app itself, driven by Playwright's Electron support: the window shows the judges'
// console fed by the core over IPC. Runs where an Electron binary is installed; elsewhere it
// reports itself skipped with the reason (here: the binary cannot be downloaded).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

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
test.skip('reason' in found, 'reason' in found ? found.reason : '');

/** A second launch on the same user data must quit at once; this long is the most it may take. */
const SECOND_LAUNCH_TIMEOUT_MS = 20_000;

test('the desktop app opens the console on the sample contest', async () => {
  test.setTimeout(90_000);
  const binary = (found as { path: string }).path;
  const userData = mkdtempSync(join(tmpdir(), 'verdict-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: [root, `--user-data-dir=${userData}`],
    env: { ...process.env, VERDICT_HOST: '127.0.0.1', VERDICT_PORT: '0', XDG_DATA_HOME: join(userData, 'data') },
  });
  try {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await expect(window).toHaveTitle(/Verdict/);
    // The console talks to the core through the preload, not HTTP.
    const snapshot = await window.evaluate(() => (window as unknown as { verdictJudge: { invoke(m: string): Promise<{ pool: { workers: number } }> } }).verdictJudge.invoke('getSnapshot'));
    expect(snapshot.pool.workers).toBeGreaterThanOrEqual(1);
    // The packaged sample is read-only: the app opened its own copy.
    expect(existsSync(join(userData, 'contests', 'sample', 'contest.yaml')), 'the sample contest was copied into the user data folder').toBe(true);
    await window.screenshot({ path: join(root, 'e2e-results', 'electron-console.png') });

    // A second launch on the same user data quits at once; the first one keeps running.
    const second = spawn(binary, [root, `--user-data-dir=${userData}`], { env: { ...process.env, VERDICT_HOST: '127.0.0.1', VERDICT_PORT: '0' }, stdio: 'ignore' });
    try {
      await expect.poll(() => second.exitCode ?? second.signalCode, { message: 'the second launch quits at once', timeout: SECOND_LAUNCH_TIMEOUT_MS }).not.toBeNull();
    } finally {
      if (second.exitCode === null && second.signalCode === null) second.kill();
    }
    expect(second.exitCode, 'the second launch quits with status 0').toBe(0);
    await expect(window, 'the first window is still there').toHaveTitle(/Verdict/);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
