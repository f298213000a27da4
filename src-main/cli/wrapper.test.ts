// bin/verdict.js under a Node older than 22.18 re-runs the CLI with the project's Node 22. Whatever
// ends that wrapper, a passed-on signal or SIGKILL, the real server must not keep running and
// holding its port.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { verdictBin } from '../test-support/cli.ts';
import { running } from '../test-support/fixtures.ts';
import { eventually } from '../test-support/http.ts';

/** The first Node the wrapper hands over from (older ones re-run with the project's Node). */
const DIRECT_FROM: [number, number] = [22, 18];
/** Start-up of `verdict serve` on a busy machine: the judgehost, the sample contest, the portal. */
const START_TIMEOUT_MS = 60_000;
/** The server's own stop is bounded at 10 s (serveCommand.ts); this leaves room on a busy machine. */
const STOP_TIMEOUT_MS = 30_000;

/** A Node older than 22.18 outside node_modules (the system's), or undefined. */
function olderNode(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/bin', '/usr/bin'];
  for (const dir of dirs) {
    const node = join(dir, 'node');
    if (!dir || dir.includes('node_modules') || !existsSync(node)) continue;
    const version = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    const [major, minor] = version.split('.').map(Number);
    if (major < DIRECT_FROM[0] || (major === DIRECT_FROM[0] && minor < DIRECT_FROM[1])) return node;
  }
  return undefined;
}

const node = olderNode();
const skip = node ? false : `no Node older than ${DIRECT_FROM.join('.')} on PATH outside node_modules: the wrapper then never re-runs the CLI`;

const scratch = mkdtempSync(join(tmpdir(), 'verdict-wrapper-test-'));
/** Every process the tests started, to leave none running whatever failed. */
const started: number[] = [];
after(() => {
  for (const pid of started) if (running(pid)) process.kill(pid, 'SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Starts `verdict serve` through the wrapper; resolves once it printed its portal address. */
async function serveThroughWrapper(): Promise<{ wrapper: ChildProcess; output: () => string; port: number; tree: number[] }> {
  const data = mkdtempSync(join(scratch, 'data-'));
  const wrapper = spawn(node!, [verdictBin, 'serve', '--port', '0', '--workers', '1', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(wrapper.pid!);
  let out = '';
  wrapper.stdout.on('data', (d) => (out += d));
  wrapper.stderr.on('data', (d) => (out += d));
  const url = await eventually(async () => {
    if (wrapper.exitCode !== null || wrapper.signalCode !== null) throw new Error(`verdict serve ended: ${out}`);
    return /portal\s+(http:\/\/\S+?)\/?\s/.exec(out)?.[1];
  }, START_TIMEOUT_MS, 'verdict serve to print its portal address');
  const port = Number(new URL(url).port);
  assert.ok(port > 0, `a real port in ${url}`);
  const [server, ...others] = children(wrapper.pid!);
  started.push(server);
  assert.deepEqual(others, [], 'the wrapper runs one process');
  assert.match(readFileSync(`/proc/${server}/cmdline`, 'utf8'), /src-main\/cli\/main\.ts\0serve/);
  // The server and everything it started (the judgehost, its runner).
  const tree = [server];
  for (let i = 0; i < tree.length; i++) tree.push(...children(tree[i]));
  started.push(...tree);
  assert.ok(tree.length > 1, 'the server started its judgehost');
  return { wrapper, output: () => out, port, tree };
}

describe('bin/verdict.js under an older Node', { skip }, () => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    test(`${signal} to the wrapper: the server stops too and frees its port`, async () => {
      const { wrapper, output, port, tree } = await serveThroughWrapper();
      assert.equal(await portFree(port), false, 'the server listens');
      const ended = once(wrapper, 'exit');
      process.kill(wrapper.pid!, signal);
      const [code, endedBy] = await ended;
      // SIGTERM reaches the server, which stops in order and exits 0: so does the wrapper.
      if (signal === 'SIGTERM') assert.deepEqual([code, endedBy], [0, null], output());
      else assert.equal(endedBy, 'SIGKILL');
      await eventually(async () => (tree.some(running) ? undefined : true), STOP_TIMEOUT_MS, `the server (${tree.join(', ')}) to end`);
      // Stopped in order, as on SIGTERM (its output still reaches the pipe the wrapper passed it).
      assert.match(output(), /verdict: stopping \(SIGTERM\)[^]*verdict: stopped/);
      assert.equal(await portFree(port), true, `port ${port} is free`);
    });
  }
});
