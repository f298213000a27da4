// A real redis-server for tests: on a free loopback port, in its own folder, nothing saved; stopped by pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { after, before } from 'node:test';
import { join } from 'node:path';

/** How long redis-server may take to say it is ready. */
const REDIS_START_TIMEOUT_MS = 10_000;

export interface TestRedis {
  url: string;
  port: number;
  /** Kills it (SIGKILL: nothing saved) and removes its folder. */
  stop(): Promise<void>;
}

/** A loopback port no one listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts redis-server, empty, on `port` (a free one when not given: the same one again restarts it), with `password` required when given. */
export async function startRedis(port?: number, password?: string): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-redis-'));
  port ??= await freePort();
  const auth = password === undefined ? [] : ['--requirepass', password];
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...auth], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), REDIS_START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${output}`));
    });
  });
  return {
    url: password === undefined ? `redis://127.0.0.1:${port}` : `redis://:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    port,
    async stop() {
      child.kill('SIGKILL');
      await exited(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A redis-server shared by a test file's tests, and a scratch folder for them (package caches, data folders):
 * the server is started before the file's first test, stopped, and the folder removed, after its last.
 */
export function redisForTestFile(folderPrefix: string): { readonly url: string; readonly scratch: string } {
  const scratch = mkdtempSync(join(tmpdir(), folderPrefix));
  let redis: TestRedis | null = null;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });
  return {
    scratch,
    get url() {
      if (!redis) throw new Error('the test redis-server is not started yet (read its url inside a test)');
      return redis.url;
    },
  };
}
