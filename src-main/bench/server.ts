// `verdict serve` in its own process for the contest benchmarks (the load generator stays in the
// bench's process), and waiting for it to be ready.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The big contest's judge account (load/bigContest.ts): /health shows the queue to judges only. */
export const JUDGE_AUTH = { authorization: `Basic ${Buffer.from('judge:judge-pass').toString('base64')}` };
/** How often the bench asks whether the server's background work is done. */
const SETTLE_POLL_MS = 250;

const bin = fileURLToPath(new URL('../../bin/verdict.js', import.meta.url));

export interface ServedContest {
  child: ChildProcess;
  url: string;
}

/** Starts `verdict serve` on a free loopback port (`options` after the usual ones, e.g. --queue); resolves once it names its portal address. */
export function serve(contestDir: string, dataDir: string, workers = 2, options: string[] = []): Promise<ServedContest> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--contest', contestDir, '--data', dataDir, '--port', '0', '--workers', String(workers), ...options], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /portal\s+(http:\/\/\S+)\//.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`verdict serve exited (${code}): ${out}`)));
  });
}

/** Stops a served contest and waits for its process to end. */
export async function stop(server: ServedContest | null): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
}

/** Resolves when the server has nothing left to prepare (password hashes, packages): with when that was. */
export async function prepared(url: string): Promise<number> {
  for (;;) {
    const overview = (await (await fetch(`${url}/api/portal/overview`)).json()) as { preparing: string[] };
    if (overview.preparing.length === 0) return performance.now();
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
  }
}

/** Waits until the server has nothing left to prepare and nothing to judge; resolves with when preparation ended. */
export async function settle(url: string): Promise<{ preparedAt: number }> {
  const preparedAt = await prepared(url);
  for (;;) {
    const health = (await (await fetch(`${url}/health`, { headers: JUDGE_AUTH })).json()) as { queued: number; judging: number };
    if (health.queued === 0 && health.judging === 0) return { preparedAt };
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
  }
}
