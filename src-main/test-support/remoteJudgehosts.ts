// Remote judging with real processes, for the tests of remote/: `verdict judgehost` processes, the
// sample contest's example submissions with the verdicts their folders name, sent as the sample
// teams, and the check that each ends with exactly one current judgement with its verdict.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Verdict } from '../common/types.ts';
import { resourcePath } from '../common/paths.ts';
import type { Store } from '../store/store.ts';
import { verdictBin } from './cli.ts';
import { eventually, PortalClient } from './http.ts';

/** A slow submission naps this long on each test (well under the time limit: its CPU time is what counts). */
const SLOW_TEST_NAP_S = 0.4;
const LANGUAGE_OF: Record<string, string> = { '.py': 'python', '.c': 'c', '.cpp': 'cpp', '.java': 'java' };
const EXPECTED: Record<string, Verdict> = { accepted: 'AC', wrong_answer: 'WA', time_limit_exceeded: 'TLE' };

/** One of the sample contest's example submissions, with the verdict its folder names. */
export interface Submission {
  problemId: string;
  languageId: string;
  fileName: string;
  source: string;
  otherFiles?: { fileName: string; source: string }[];
  expected: Verdict;
}

export function sampleSubmissions(): Submission[] {
  const out: Submission[] = [];
  for (const problemId of ['hello', 'mean', 'sum']) {
    for (const [folder, expected] of Object.entries(EXPECTED)) {
      const dir = resourcePath('sample-contest', problemId, 'submissions', folder);
      for (const fileName of readdirSync(dir).sort()) {
        out.push({ problemId, languageId: LANGUAGE_OF[extname(fileName)], fileName, source: readFileSync(join(dir, fileName), 'utf8'), expected });
      }
    }
  }
  return out;
}

/** The sample's accepted `sum` in Python, napping on each test first: a judging that lasts a few seconds. */
export function slowSubmission(): Submission {
  const sum = sampleSubmissions().find((s) => s.problemId === 'sum' && s.languageId === 'python' && s.expected === 'AC')!;
  return { ...sum, fileName: 'slow_sum.py', source: `import time\ntime.sleep(${SLOW_TEST_NAP_S})\n${sum.source}` };
}

export interface Judgehost {
  name: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or the signal's name). */
  exit: Promise<string>;
}

export interface JudgehostOptions {
  server: string;
  queue: string;
  name: string;
  /** The package cache's folder (each judgehost its own). */
  cacheDir: string;
  user?: string;
  password?: string;
  /** --languages: judge only these. */
  languages?: string[];
  /** More options, e.g. --allow-weaker-sandbox. */
  options?: string[];
  /** More environment, e.g. VERDICT_SANDBOX=none. */
  env?: Record<string, string>;
}

/** Starts `verdict judgehost` with one worker as the sample's judgehost account (or the one given). */
export function startJudgehost(options: JudgehostOptions): Judgehost {
  const { name } = options;
  const args = ['judgehost', '--server', options.server, '--queue', options.queue, '--user', options.user ?? 'judgehost1', '--password', options.password ?? 'judgehost1-pass', '--workers', '1', '--name', name, '--cache', options.cacheDir, ...(options.languages ? ['--languages', options.languages.join(',')] : []), ...(options.options ?? [])];
  const child = spawn(process.execPath, [verdictBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VERDICT_LOG_LEVEL: 'warn', ...options.env } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  return { name, child, output: () => output, exit };
}

/** Resolves once the judgehost says it has started (its packages fetched, its worker on the queue). */
export async function started(judgehost: Judgehost): Promise<void> {
  const ready = `verdict: judgehost ${judgehost.name}:`;
  await eventually(async () => (judgehost.output().includes(ready) ? true : judgehost.child.exitCode !== null ? Promise.reject(new Error(judgehost.output())) : undefined), 60_000, `judgehost ${judgehost.name} to start`);
}

/** Stops a judgehost (SIGTERM: it finishes what it judges) unless it has exited. */
export async function stop(judgehost: Judgehost): Promise<void> {
  if (judgehost.child.exitCode === null && judgehost.child.signalCode === null) judgehost.child.kill('SIGTERM');
  await judgehost.exit;
}

/** When every sample team is at its submission rate, the next submission is tried again this soon. */
const RATE_LIMITED_RETRY_MS = 500;

/**
 * Sends each submission as one of the sample teams (in turn; another team, or a moment later, when the team is at
 * its rate: more than the teams' bursts go at the rate's pace); their ids with the verdicts expected.
 */
export async function submitAll(url: string, submissions: Submission[]): Promise<Map<string, Verdict>> {
  const teams = await Promise.all(
    [1, 2, 3, 4, 5].map(async (n) => {
      const client = new PortalClient(url);
      assert.equal((await client.login(`team${n}`, `team${n}-pass`)).status, 200);
      return client;
    }),
  );
  const expected = new Map<string, Verdict>();
  const send = async (s: Submission, first: number) => {
    for (;;) {
      for (let t = 0; t < teams.length; t++) {
        const answer = await teams[(first + t) % teams.length].post<{ id: string }>('/api/portal/submissions', { problemId: s.problemId, languageId: s.languageId, fileName: s.fileName, source: s.source, otherFiles: s.otherFiles });
        if (answer.status === 429) continue;
        assert.equal(answer.status, 202, JSON.stringify(answer.body));
        return answer.body.id;
      }
      await new Promise((resolve) => setTimeout(resolve, RATE_LIMITED_RETRY_MS));
    }
  };
  for (const [i, s] of submissions.entries()) expected.set(await send(s, i), s.expected);
  return expected;
}

/**
 * Waits until every submission has its verdict; then each has exactly one current judgement, with the verdict
 * expected, recorded under one of `judgehosts` (the remote judgehost whose result counted). Returns each one's
 * current judgement: who judged it and when it ended.
 */
export async function judgedRight(store: Store, expected: Map<string, Verdict>, timeoutMs: number, judgehosts: string[]): Promise<Map<string, { judgehost: string; endTime: number }>> {
  const current = (id: string) => store.judgements.list({ submissionId: id }).filter((j) => j.valid && j.endTime !== null);
  await eventually(async () => ([...expected.keys()].every((id) => current(id).length > 0) ? true : undefined), timeoutMs, 'every verdict');
  const judged = new Map<string, { judgehost: string; endTime: number }>();
  for (const [id, verdict] of expected) {
    const judgements = current(id);
    assert.equal(judgements.length, 1, `submission ${id}: exactly one current judgement`);
    const [j] = judgements;
    assert.equal(j.verdict, verdict, `submission ${id}: ${j.error ?? ''}`);
    assert.ok(judgehosts.includes(j.judgehost), `submission ${id} judged by ${j.judgehost}, not one of ${judgehosts.join(', ')}`);
    judged.set(id, { judgehost: j.judgehost, endTime: j.endTime! });
  }
  return judged;
}
