// `npm run bench` (part): judging on remote judgehosts (`verdict serve --queue`, `verdict judgehost`) on this
// machine, with real processes on loopback: a redis-server, the server judging only remotely (--workers 0),
// and 1, 2 and 3 judgehost processes of one worker each; against the server's own pool (no queue) with 1 and
// 2 workers, measured in the same run. Then the latency the queue adds to one judging: a trivial program
// judged one at a time, by the embedded pool and by one remote judgehost in turn (both served at once, so
// each pair of judgings meets the same load on the machine). A report: targets print PASS/MISS;
// the exit code is non-zero only when a verdict is lost or wrong. Without redis-server it says so and skips.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { QueueEvents } from 'bullmq';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Verdict } from '../common/types.ts';
import { judgingQueueName } from '../common/remoteJobs.ts';
import { resourcePath } from '../common/paths.ts';
import { storedZip } from '../export/zip.ts';
import { verdictBin } from '../test-support/cli.ts';
import { startRedis, type TestRedis } from '../test-support/redis.ts';
import { JUDGE_AUTH, prepared, serve, stop, type ServedContest } from './server.ts';
import { distribution, fmt, formatDist, formatTarget, loadAverage, log, phase, descendantsCpuMs, round, target } from './stats.ts';

/** Rounds of the sample contest's submissions judged per configuration (17 each): about 30 s with one worker here. */
const ROUNDS = 3;
/** Trivial judgings timed one at a time by each of the embedded pool and one remote judgehost, in turn. */
const LATENCY_SAMPLES = 50;
/** Redis may add at most this much to a judging (median): the job's time on the queue, where the embedded pool hands a judging to its worker at once. */
const ADDED_LATENCY_P50_MAX_MS = 5;
/** How often the bench asks for the judgements (the times compared are the server's own, not the poll's). */
const POLL_MS = 200;
/** A trivial judging's verdict is looked for this often (the next one is sent only after it). */
const LATENCY_POLL_MS = 10;
/** `node src-main/bench/remoteJudging.ts latency` measures only the latency the queue adds. */
const LATENCY_ONLY = process.argv[2] === 'latency';
/** A configuration that has not judged everything by then has lost something. */
const JUDGING_TIMEOUT_MS = 180_000;
/** How long a judgehost may take to warm its packages and start its engine. */
const JUDGEHOST_START_TIMEOUT_MS = 60_000;

const LANGUAGE_OF: Record<string, string> = { '.py': 'python', '.c': 'c', '.cpp': 'cpp', '.java': 'java' };
/** The sample's folders whose verdict does not depend on the machine's load (a time limit run out does, on 2 shared cores). */
const EXPECTED: Record<string, Verdict> = { accepted: 'AC', wrong_answer: 'WA' };
const TEAM_IDS = ['team1', 'team2', 'team3', 'team4', 'team5'];
const ADMIN_AUTH = { authorization: `Basic ${Buffer.from('admin:admin-pass').toString('base64')}` };
const JUDGEHOST_ACCOUNT = { user: 'judgehost1', password: 'judgehost1-pass' };

interface Submission {
  problemId: string;
  languageId: string;
  fileName: string;
  source: string;
  expected: Verdict;
}

interface ClicsJudgement {
  submission_id: string;
  judgement_type_id: Verdict | null;
  current: boolean;
  start_time: string;
  end_time: string | null;
}

/** The sample contest's example submissions whose verdict is known, each with the verdict its folder names. */
function sampleSubmissions(): Submission[] {
  const out: Submission[] = [];
  for (const problemId of ['hello', 'mean', 'sum']) {
    for (const [folder, expected] of Object.entries(EXPECTED)) {
      const dir = resourcePath('sample-contest', problemId, 'submissions', folder);
      for (const fileName of readdirSync(dir).sort()) out.push({ problemId, languageId: LANGUAGE_OF[extname(fileName)], fileName, source: readFileSync(join(dir, fileName), 'utf8'), expected });
    }
  }
  return out;
}

interface Judgehost {
  child: ChildProcess;
  exit: Promise<void>;
}

/** `verdict judgehost` with one worker; resolves once it says it judges. */
function startJudgehost(serverUrl: string, queueUrl: string, name: string, cacheDir: string): Promise<Judgehost> {
  const args = ['judgehost', '--server', serverUrl, '--queue', queueUrl, '--user', JUDGEHOST_ACCOUNT.user, '--password', JUDGEHOST_ACCOUNT.password, '--workers', '1', '--name', name, '--cache', cacheDir];
  const child = spawn(process.execPath, [verdictBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VERDICT_LOG_LEVEL: 'warn' } });
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`judgehost ${name} did not start: ${output}`)), JUDGEHOST_START_TIMEOUT_MS);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes(`verdict: judgehost ${name}:`)) {
        clearTimeout(timer);
        resolve({ child, exit });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`judgehost ${name} exited: ${output}`));
    });
  });
}

async function stopJudgehost(judgehost: Judgehost): Promise<void> {
  if (judgehost.child.exitCode === null && judgehost.child.signalCode === null) judgehost.child.kill('SIGTERM');
  await judgehost.exit;
}

async function health(url: string): Promise<{ workers: number }> {
  return (await (await fetch(`${url}/health`, { headers: JUDGE_AUTH })).json()) as { workers: number };
}

/** Resolves once the server's pool counts `workers` workers (remote judgehosts join by their heartbeat). */
async function poolHas(url: string, workers: number): Promise<void> {
  const deadline = performance.now() + JUDGEHOST_START_TIMEOUT_MS;
  while ((await health(url)).workers !== workers) {
    if (performance.now() > deadline) throw new Error(`the server's pool never reached ${workers} workers`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function judgements(url: string): Promise<ClicsJudgement[]> {
  return (await (await fetch(`${url}/api/contests/sample/judgements`, { headers: JUDGE_AUTH })).json()) as ClicsJudgement[];
}

/** Sent by the admin on the teams' behalf with the time of sending (the CLICS API's admin_submit): a
 *  contest's teams are not rate limited like one team sending them all at once. */
async function submit(url: string, s: Submission, teamId: string): Promise<string> {
  const zip = storedZip([{ name: s.fileName, data: Buffer.from(s.source) }]);
  const body = { problem_id: s.problemId, language_id: s.languageId, team_id: teamId, time: new Date().toISOString(), files: [{ data: zip.toString('base64') }] };
  const response = await fetch(`${url}/api/contests/sample/submissions`, { method: 'POST', headers: { ...ADMIN_AUTH, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 202) throw new Error(`submission refused: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Waits until each submission has its current judgement ended; those judgements, by submission. */
async function verdicts(url: string, ids: Set<string>, pollMs: number): Promise<Map<string, ClicsJudgement>> {
  const deadline = performance.now() + JUDGING_TIMEOUT_MS;
  for (;;) {
    const done = new Map<string, ClicsJudgement>();
    for (const j of await judgements(url)) if (ids.has(j.submission_id) && j.current && j.end_time !== null) done.set(j.submission_id, j);
    if (done.size === ids.size) return done;
    if (performance.now() > deadline) throw new Error(`${ids.size - done.size} of ${ids.size} submissions never got a verdict`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

function checkVerdicts(what: string, expected: Map<string, Verdict>, judged: Map<string, ClicsJudgement>, failures: string[]): void {
  for (const [id, verdict] of expected) {
    const got = judged.get(id)?.judgement_type_id ?? 'none';
    if (got !== verdict) failures.push(`${what}: submission ${id} judged ${got}, expected ${verdict}`);
  }
}

interface Throughput {
  submissions: number;
  wallMs: number;
  perMinute: number;
  /** CPU of every process of the configuration (server, Redis, judgehosts and their runs) while it judged, per submission. */
  cpuPerSubmissionMs: number;
}

/** Sends every submission at once (the teams in turn) and times until the last verdict is stored. */
async function throughput(what: string, url: string, submissions: Submission[], failures: string[]): Promise<Throughput> {
  const expected = new Map<string, Verdict>();
  const cpuBefore = descendantsCpuMs(process.pid);
  const sentAt = Date.now();
  for (const [i, s] of submissions.entries()) expected.set(await submit(url, s, TEAM_IDS[i % TEAM_IDS.length]), s.expected);
  const judged = await verdicts(url, new Set(expected.keys()), POLL_MS);
  const cpuMs = descendantsCpuMs(process.pid) - cpuBefore;
  checkVerdicts(what, expected, judged, failures);
  const lastVerdictAt = Math.max(...[...judged.values()].map((j) => Date.parse(j.end_time!)));
  const wallMs = lastVerdictAt - sentAt;
  return { submissions: submissions.length, wallMs, perMinute: round((submissions.length * 60_000) / wallMs, 1), cpuPerSubmissionMs: round(cpuMs / submissions.length) };
}

interface Config {
  label: string;
  /** Local pool workers of the server. */
  serverWorkers: number;
  /** Remote judgehosts of one worker each (0: no queue). */
  judgehosts: number;
}

/** A configuration running: its server (and judgehosts), ready to judge. */
interface Running {
  url: string;
  close(): Promise<void>;
}

async function start(config: Config, redis: TestRedis): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verdict-bench-remote-'));
  let server: ServedContest | null = null;
  const judgehosts: Judgehost[] = [];
  const close = async () => {
    await Promise.all(judgehosts.map(stopJudgehost));
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await serve(resourcePath('sample-contest'), dataDir, config.serverWorkers, config.judgehosts > 0 ? ['--queue', redis.url] : []);
    await prepared(server.url);
    for (let i = 0; i < config.judgehosts; i++) judgehosts.push(await startJudgehost(server.url, redis.url, `bench-jh${i + 1}`, join(dataDir, `cache-${i + 1}`)));
    await poolHas(server.url, config.serverWorkers + config.judgehosts);
    return { url: server.url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One judging of `trivial`, alone: from its start to its verdict stored (ms, the server's clock). */
async function judgeAlone(what: string, url: string, trivial: Submission, failures: string[]): Promise<number> {
  const id = await submit(url, trivial, TEAM_IDS[0]);
  const judged = await verdicts(url, new Set([id]), LATENCY_POLL_MS);
  checkVerdicts(what, new Map([[id, trivial.expected]]), judged, failures);
  const j = judged.get(id)!;
  return Date.parse(j.end_time!) - Date.parse(j.start_time);
}

interface Latency {
  embedded: number[];
  remote: number[];
  /** Each remote judging minus the embedded one just before it. */
  added: number[];
  /** Each remote judging's job from put on the queue to taken by the judgehost (Redis's own clock: its event stream's ids). */
  onQueue: number[];
}

/** The trivial program judged LATENCY_SAMPLES times by each, one judging at a time, the two taking turns so
 *  that each pair meets the same load on the machine: an embedded pool of one worker, one remote judgehost. */
async function latency(redis: TestRedis, trivial: Submission, failures: string[]): Promise<Latency> {
  phase(`${LATENCY_SAMPLES} trivial judgings each, one at a time: embedded pool and one remote judgehost in turn`);
  const embedded = await start({ label: 'embedded', serverWorkers: 1, judgehosts: 0 }, redis);
  let remote: Running | null = null;
  let events: QueueEvents | null = null;
  try {
    remote = await start({ label: 'remote', serverWorkers: 0, judgehosts: 1 }, redis);
    // The queue's events as Redis records them: an event's id begins with Redis's clock in ms.
    events = new QueueEvents(judgingQueueName(trivial.languageId), { connection: { url: redis.url } });
    await events.waitUntilReady();
    const addedAt = new Map<string, number>();
    const onQueue: number[] = [];
    events.on('added', ({ jobId }, id) => addedAt.set(jobId, Number(id.split('-')[0])));
    events.on('active', ({ jobId }, id) => {
      const added = addedAt.get(jobId);
      if (added !== undefined) onQueue.push(Number(id.split('-')[0]) - added);
    });
    const result: Latency = { embedded: [], remote: [], added: [], onQueue };
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const local = await judgeAlone('embedded pool, one at a time', embedded.url, trivial, failures);
      const far = await judgeAlone('one remote judgehost, one at a time', remote.url, trivial, failures);
      result.embedded.push(local);
      result.remote.push(far);
      result.added.push(far - local);
    }
    return result;
  } finally {
    await events?.close();
    await remote?.close();
    await embedded.close();
  }
}

async function main(): Promise<number> {
  log('Remote judging (`verdict serve --queue` and `verdict judgehost` over BullMQ on a loopback redis-server):');
  if (spawnSync('redis-server', ['--version']).error) {
    log('  skipped: redis-server is not installed (Debian: apt-get install redis-server)');
    return 0;
  }
  const cores = availableParallelism();
  const loadBefore = loadAverage();
  const benchStart = performance.now();
  const sample = sampleSubmissions();
  const submissions = Array.from({ length: ROUNDS }, () => sample).flat();
  const trivial = sample.find((s) => s.problemId === 'hello' && s.languageId === 'python' && s.expected === 'AC')!;
  const failures: string[] = [];
  const redis = await startRedis();
  const configs: Config[] = [
    { label: 'embedded pool, 1 worker', serverWorkers: 1, judgehosts: 0 },
    { label: 'embedded pool, 2 workers', serverWorkers: 2, judgehosts: 0 },
    { label: 'remote, 1 judgehost', serverWorkers: 0, judgehosts: 1 },
    { label: 'remote, 2 judgehosts', serverWorkers: 0, judgehosts: 2 },
    { label: 'remote, 3 judgehosts', serverWorkers: 0, judgehosts: 3 },
  ];
  const results = new Map<string, Throughput>();
  let added: Latency | null = null;
  try {
    for (const config of LATENCY_ONLY ? [] : configs) {
      phase(`${config.label}: ${submissions.length} submissions`);
      const running = await start(config, redis);
      try {
        results.set(config.label, await throughput(config.label, running.url, submissions, failures));
      } finally {
        await running.close();
      }
    }
    added = await latency(redis, trivial, failures);
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    await redis.stop();
  }

  if (!LATENCY_ONLY) log(`  ${submissions.length} submissions per configuration (the sample contest's ${sample.length} sources with a known verdict, C, C++, Java, Python, AC and WA, ${ROUNDS} times), all sent at once; ${cores} cores, load ${loadBefore.map((l) => fmt(l)).join(' ')}`);
  for (const [label, r] of results) {
    log(`  ${label.padEnd(26)} ${fmt(r.wallMs / 1000, 1)} s: ${fmt(r.perMinute, 1)} submissions/min, CPU ${fmt(r.cpuPerSubmissionMs, 0)} ms per submission (server, Redis, judgehosts, compiles and runs)`);
  }
  const perMinute = (label: string) => results.get(label)?.perMinute ?? 0;
  const one = perMinute('remote, 1 judgehost');
  if (results.size === configs.length) {
    log(`  remote scaling: 2 judgehosts ${fmt(perMinute('remote, 2 judgehosts') / one)}x, 3 judgehosts ${fmt(perMinute('remote, 3 judgehosts') / one)}x one judgehost; a plateau at ${cores} judgehosts is expected (${cores} cores: a third judgehost has no core of its own)`);
    log(`  remote vs embedded: 1 judgehost ${fmt(one / perMinute('embedded pool, 1 worker'))}x 1 local worker, 2 judgehosts ${fmt(perMinute('remote, 2 judgehosts') / perMinute('embedded pool, 2 workers'))}x 2 local workers`);
  }
  if (added) {
    log(`  ${LATENCY_SAMPLES} judgings of ${trivial.fileName} (hello, AC) each, one at a time and in turn, from the judging's start to its verdict stored:`);
    log(`    embedded pool, 1 worker  ${formatDist(distribution(added.embedded))}`);
    log(`    one remote judgehost     ${formatDist(distribution(added.remote))}`);
    const overhead = distribution(added.added);
    const p95 = [...added.added].sort((x, y) => x - y)[Math.ceil(0.95 * added.added.length) - 1];
    const onQueue = distribution(added.onQueue);
    log(`    the job on the queue, put there to taken by the judgehost (Redis's clock, ${added.onQueue.length} jobs): ${formatDist(onQueue)}`);
    log(`    added in all (each remote judging minus the embedded one before it: the queue, the source's and the result's HTTP requests, and a second Node process on these cores): p50 ${fmt(overhead.p50)} ms, p95 ${fmt(p95)} ms, mean ${fmt(overhead.mean)} ms`);
    log(formatTarget(target('latency Redis adds per judging: the job on the queue (p50)', onQueue.p50, 'max', ADDED_LATENCY_P50_MAX_MS, 'ms')));
  }
  log(`  took ${fmt((performance.now() - benchStart) / 1000, 0)} s`);
  for (const failure of failures) log(`FAIL  ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
