// `verdict judgehost` processes for tests: started against a test server and a test Redis, their
// output collected, their exit awaited.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { verdictBin } from './cli.ts';
import { eventually } from './http.ts';

export interface JudgehostProcess {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or the signal's name). */
  exit: Promise<string>;
}

/** A judgehost of one worker as the sample contest's judgehost1 account, its package cache under `scratch`. */
export function startJudgehost(options: { serverUrl: string; redisUrl: string; name: string; scratch: string }): JudgehostProcess {
  const { serverUrl, redisUrl, name, scratch } = options;
  const args = ['judgehost', '--server', serverUrl, '--queue', redisUrl, '--user', 'judgehost1', '--password', 'judgehost1-pass', '--workers', '1', '--name', name, '--cache', join(scratch, `cache-${name}`)];
  const child = spawn(process.execPath, [verdictBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VERDICT_LOG_LEVEL: 'warn' } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  return { name, child, output: () => output, exit };
}

/** Waits until the judgehost says it has started (or fails with its output if it exited). */
export async function saidSo(judgehost: JudgehostProcess, text: string, timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () => (judgehost.output().includes(text) ? true : judgehost.child.exitCode !== null ? Promise.reject(new Error(judgehost.output())) : undefined),
    timeoutMs,
    `judgehost ${judgehost.name} to say '${text}'`,
  );
}

/** Stops it (SIGTERM: it finishes its judgings) unless it has exited. */
export async function stopJudgehost(judgehost: JudgehostProcess): Promise<void> {
  if (judgehost.child.exitCode === null && judgehost.child.signalCode === null) judgehost.child.kill('SIGTERM');
  await judgehost.exit;
}
