// `npm run bench`, part 4: what a long contest costs the server to read (issue 11 F). A contest with
// 10,000 judged submissions is written straight into a data folder (seconds), `verdict serve` opens
// it in its own process, and the load generator in this one reads it over loopback HTTP:
//  - a team's non-streaming event feed, one request at a time: server time per request, i.e. the
//    client's time minus that of a trivial route (measured alike, in the same run), and the server's
//    CPU per request;
//  - 50 teams reading their feeds at once, non-streaming and then streaming from the start, while
//    /health is polled: its latency;
//  - the judges' console queue with 10,000 submissions waiting (another seeded folder): the store's
//    read of the shown part, and the console snapshot over HTTP.
// A report, not a test: targets print PASS/MISS; the exit code is non-zero only when the server fails.
// `node src-main/bench/longContest.ts feed|queue` runs one scenario alone.
import { Agent, request, type IncomingMessage } from 'node:http';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { QUEUE_SHOWN } from '../console/consoleService.ts';
import { bigContest } from '../load/bigContest.ts';
import { seedContest, type SeededContest } from '../load/seededContest.ts';
import { Store, storeFileIn } from '../store/store.ts';
import { JUDGE_AUTH, prepared, serve, stop, type ServedContest } from './server.ts';
import { distribution, formatDist, formatTarget, loadAverage, log, phase, processCpuMs, round, target, type Distribution, type Target } from './stats.ts';

const TEAMS = 100;
const SUBMISSIONS = 10_000;
/** Each team's feed is read this many times in the one-at-a-time measurement. */
const FEED_ROUNDS = 3;
const CONCURRENT_FEEDS = 50;
/** How long 50 teams keep reading their feeds (each reads again as soon as it has its feed). */
const CONCURRENT_MS = 3000;
/** /health is asked again this long after each answer. */
const HEALTH_POLL_MS = 5;
/** The console's snapshot is asked for this many times, one at a time. */
const SNAPSHOTS = 50;
/** Targets of issue 11. */
const FEED_SERVER_MS_TARGET = 20;
const HEALTH_P99_MS_TARGET = 50;
/** The console's queue read must not grow with the queue: the shown part of 10,000 waiting costs at most this. */
const QUEUE_READ_MS_TARGET = 2;

const only = process.argv[2];
const team = (k: number) => ({ authorization: `Basic ${Buffer.from(`team${k}:team${k}-pass`).toString('base64')}` });

interface Timed {
  status: number;
  bytes: number;
  ms: number;
}

/** One GET over `agent`, the body counted and dropped; `until` ends it early once that many bytes came (a stream). */
function get(url: string, path: string, headers: Record<string, string>, agent: Agent | false, until?: number, method = 'GET', body?: string): Promise<Timed> {
  const target = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path, method, headers: body ? { ...headers, 'content-type': 'application/json' } : headers, agent }, (res: IncomingMessage) => {
      let bytes = 0;
      const done = () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started });
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (until !== undefined && bytes >= until) {
          done();
          req.destroy();
        }
      });
      res.on('end', done);
    });
    req.on('error', (error) => (until !== undefined ? undefined : reject(error)));
    req.end(body);
  });
}

/** Polls /health (anonymous, as a monitor would) from a thread of its own until stopped; its latencies. */
function pollHealth(url: string): { stop(): Promise<Distribution> } {
  const poller = new Worker(new URL('./healthPoller.ts', import.meta.url), { workerData: { url, intervalMs: HEALTH_POLL_MS } });
  const latencies = once(poller, 'message') as Promise<[number[]]>;
  return {
    async stop() {
      poller.postMessage('stop');
      const [ms] = await latencies;
      await poller.terminate();
      return distribution(ms);
    },
  };
}

/** `clients` loops, each reading for `ms`; the latencies and failures of their requests. */
async function concurrently(clients: number, ms: number, read: (client: number) => Promise<Timed>): Promise<{ latency: Distribution; requests: number; errors: number }> {
  const deadline = performance.now() + ms;
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const r = await read(client);
        if (r.status !== 200) errors++;
        latencies.push(r.ms);
      }
    }),
  );
  return { latency: distribution(latencies), requests: latencies.length, errors };
}

interface FeedReport {
  seeded: { submissions: number; events: number; teams: number; heaviestTeam: { id: string; submissions: number }; seedMs: number };
  feedBytes: { p50: number; max: number };
  trivialMs: Distribution;
  feedMs: Distribution;
  serverMs: Distribution;
  heaviestTeamServerMs: Distribution;
  serverCpuMsPerFeed: number | null;
  serverCpuMsPerTrivial: number | null;
  judgeFeed: { ms: number; bytes: number };
  healthIdle: Distribution;
  nonStreaming: { health: Distribution; feeds: Distribution; requests: number; errors: number };
  streaming: { health: Distribution; history: Distribution; requests: number; errors: number };
}

async function feedScenario(contestDir: string): Promise<FeedReport> {
  phase(`seeding a contest: ${SUBMISSIONS} judged submissions of ${TEAMS} teams, with their runs and events`);
  const seeded: SeededContest = await seedContest(contestDir, { submissions: SUBMISSIONS, state: 'judged' });
  let server: ServedContest | null = null;
  try {
    phase('starting verdict serve on it');
    server = await serve(contestDir, seeded.dataDir);
    const { url } = server;
    await prepared(url);
    const cid = ((await (await fetch(`${url}/api/contests`)).json()) as { id: string }[])[0].id;
    const feedPath = `/api/contests/${cid}/event-feed?stream=false`;
    const trivialPath = `/api/contests/${cid}/state`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const teams = Array.from({ length: TEAMS }, (_, i) => i + 1);

    // Each team's credentials are checked once (then cached), and each feed's size is learnt.
    phase('one feed per team first (credentials checked, sizes learnt)');
    const bytes = new Map<number, number>();
    for (const k of teams) {
      const r = await get(url, feedPath, team(k), agent);
      if (r.status !== 200) throw new Error(`team${k}'s event feed: HTTP ${r.status}`);
      bytes.set(k, r.bytes);
    }

    phase(`a team's non-streaming event feed, one request at a time (${TEAMS} teams x ${FEED_ROUNDS})`);
    const pid = server.child.pid!;
    const trivial: number[] = [];
    const cpu0 = processCpuMs(pid);
    for (let round = 0; round < FEED_ROUNDS; round++) for (const k of teams) trivial.push((await get(url, trivialPath, team(k), agent)).ms);
    const cpu1 = processCpuMs(pid);
    const feeds: { k: number; ms: number }[] = [];
    for (let round = 0; round < FEED_ROUNDS; round++) for (const k of teams) feeds.push({ k, ms: (await get(url, feedPath, team(k), agent)).ms });
    const cpu2 = processCpuMs(pid);
    const requests = FEED_ROUNDS * TEAMS;
    const trivialMs = distribution(trivial);
    const serverMs = (ms: number) => Math.max(0, ms - trivialMs.p50);
    const [heaviestId, heaviestCount] = [...seeded.perTeam].sort((a, b) => b[1] - a[1])[0];
    const heaviest = Number(heaviestId.replace('team', ''));
    const heavyRuns: number[] = [];
    for (let i = 0; i < 20; i++) heavyRuns.push(serverMs((await get(url, feedPath, team(heaviest), agent)).ms));
    const judge = await get(url, `/api/contests/${cid}/event-feed?stream=false`, JUDGE_AUTH, agent);
    agent.destroy();

    phase('/health alone');
    const idle = pollHealth(url);
    await new Promise((r) => setTimeout(r, 1000));
    const healthIdle = await idle.stop();

    phase(`${CONCURRENT_FEEDS} teams reading their non-streaming feeds at once for ${CONCURRENT_MS / 1000} s, /health polled`);
    const many = new Agent({ keepAlive: true });
    let health = pollHealth(url);
    const nonStreamingLoad = await concurrently(CONCURRENT_FEEDS, CONCURRENT_MS, (c) => get(url, feedPath, team(c + 1), many));
    const nonStreaming = { health: await health.stop(), feeds: nonStreamingLoad.latency, requests: nonStreamingLoad.requests, errors: nonStreamingLoad.errors };
    many.destroy();

    phase(`${CONCURRENT_FEEDS} teams opening streaming feeds from the start for ${CONCURRENT_MS / 1000} s (each reopens once it has its history), /health polled`);
    health = pollHealth(url);
    const streamPath = `/api/contests/${cid}/event-feed`;
    const streamingLoad = await concurrently(CONCURRENT_FEEDS, CONCURRENT_MS, (c) => get(url, streamPath, team(c + 1), false, bytes.get(c + 1)));
    const streaming = { health: await health.stop(), history: streamingLoad.latency, requests: streamingLoad.requests, errors: streamingLoad.errors };

    const sizes = [...bytes.values()].sort((a, b) => a - b);
    const cpuPer = (a: ReturnType<typeof processCpuMs>, b: ReturnType<typeof processCpuMs>) => (a && b ? round((b.self - a.self) / requests, 2) : null);
    return {
      seeded: { submissions: seeded.submissions, events: seeded.events, teams: TEAMS, heaviestTeam: { id: heaviestId, submissions: heaviestCount }, seedMs: seeded.seedMs },
      feedBytes: { p50: sizes[Math.floor(sizes.length / 2)], max: sizes.at(-1)! },
      trivialMs,
      feedMs: distribution(feeds.map((f) => f.ms)),
      serverMs: distribution(feeds.map((f) => serverMs(f.ms))),
      heaviestTeamServerMs: distribution(heavyRuns),
      serverCpuMsPerTrivial: cpuPer(cpu0, cpu1),
      serverCpuMsPerFeed: cpuPer(cpu1, cpu2),
      judgeFeed: { ms: round(judge.ms, 1), bytes: judge.bytes },
      healthIdle,
      nonStreaming,
      streaming,
    };
  } finally {
    await stop(server);
    rmSync(seeded.dataDir, { recursive: true, force: true });
  }
}

interface QueueReport {
  queued: number;
  storeReadMs: Distribution;
  shown: number;
  snapshotServerMs: Distribution;
  trivialMs: Distribution;
}

async function queueScenario(contestDir: string): Promise<QueueReport> {
  phase(`seeding a contest with ${SUBMISSIONS} submissions waiting to be judged`);
  const seeded = await seedContest(contestDir, { submissions: SUBMISSIONS, state: 'queued' });
  let server: ServedContest | null = null;
  try {
    phase(`the console's queue as the store reads it (first ${QUEUE_SHOWN} of ${SUBMISSIONS})`);
    const store = Store.open(storeFileIn(seeded.dataDir));
    const reads: number[] = [];
    try {
      for (let i = 0; i < 33; i++) {
        const started = performance.now();
        store.queue.list(QUEUE_SHOWN);
        if (i >= 3) reads.push(performance.now() - started); // the first reads warm the page cache
      }
    } finally {
      store.close();
    }

    phase('starting verdict serve on it, judging paused at once');
    server = await serve(contestDir, seeded.dataDir, 1);
    const { url } = server;
    await prepared(url);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const call = (method: string) => get(url, `/api/console/${method}`, JUDGE_AUTH, agent, undefined, 'POST', '[]');
    if ((await call('pauseJudging')).status !== 200) throw new Error('the console would not pause judging');
    // What was being judged when the pause came ends first.
    for (;;) {
      const health = (await (await fetch(`${url}/health`, { headers: JUDGE_AUTH })).json()) as { judging: number };
      if (health.judging === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const queued = ((await (await fetch(`${url}/health`, { headers: JUDGE_AUTH })).json()) as { queued: number }).queued;

    phase(`the console's snapshot over HTTP, ${SNAPSHOTS} times`);
    const trivial: number[] = [];
    const snapshots: number[] = [];
    for (let i = 0; i < SNAPSHOTS; i++) {
      trivial.push((await get(url, '/health', JUDGE_AUTH, agent)).ms);
      const r = await call('getSnapshot');
      if (r.status !== 200) throw new Error(`getSnapshot: HTTP ${r.status}`);
      snapshots.push(r.ms);
    }
    agent.destroy();
    const trivialMs = distribution(trivial);
    return { queued, storeReadMs: distribution(reads), shown: QUEUE_SHOWN, snapshotServerMs: distribution(snapshots.map((ms) => Math.max(0, ms - trivialMs.p50))), trivialMs };
  } finally {
    await stop(server);
    rmSync(seeded.dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const loadBefore = loadAverage();
  const contestDir = bigContest(TEAMS);
  try {
    const feed = only === 'queue' ? null : await feedScenario(contestDir);
    const queue = only === 'feed' ? null : await queueScenario(contestDir);
    const targets: Target[] = [];
    log(`Verdict long-contest benchmark (load generator and server on this machine, loopback); load average before ${loadBefore.join(' ')}, after ${loadAverage().join(' ')}; ${round((performance.now() - started) / 1000, 1)} s`);
    if (feed) {
      const s = feed.seeded;
      log(`   contest: ${s.submissions} judged submissions of ${s.teams} teams (the busiest, ${s.heaviestTeam.id}, made ${s.heaviestTeam.submissions}), ${s.events} events; seeded in ${s.seedMs} ms`);
      log(`   a team's feed: ${feed.feedBytes.p50} bytes (median team), ${feed.feedBytes.max} bytes (largest); the judges' whole feed ${feed.judgeFeed.bytes} bytes in ${feed.judgeFeed.ms} ms`);
      log(`   trivial route (${FEED_ROUNDS * s.teams} requests)               ${formatDist(feed.trivialMs)}`);
      log(`   team feed, stream=false, client time                ${formatDist(feed.feedMs)}`);
      log(`   team feed, server time (client - trivial p50)        ${formatDist(feed.serverMs)}`);
      log(`   the busiest team's feed, server time                 ${formatDist(feed.heaviestTeamServerMs)}`);
      log(`   server CPU per request: team feed ${feed.serverCpuMsPerFeed ?? '?'} ms, trivial route ${feed.serverCpuMsPerTrivial ?? '?'} ms`);
      log(`   /health alone                                        ${formatDist(feed.healthIdle)}`);
      log(`   ${CONCURRENT_FEEDS} teams reading non-streaming feeds: /health ${formatDist(feed.nonStreaming.health)}`);
      log(`      the feeds: ${feed.nonStreaming.requests} requests, ${feed.nonStreaming.errors} errors, ${formatDist(feed.nonStreaming.feeds)}`);
      log(`   ${CONCURRENT_FEEDS} teams streaming from the start:   /health ${formatDist(feed.streaming.health)}`);
      log(`      the histories: ${feed.streaming.requests} streams, ${feed.streaming.errors} errors, ${formatDist(feed.streaming.history)}`);
      targets.push(
        target(`a team's non-streaming event feed, ${s.submissions} submissions: server time p99`, feed.serverMs.p99, 'max', FEED_SERVER_MS_TARGET, 'ms'),
        target(`${CONCURRENT_FEEDS} concurrent team feeds (non-streaming): /health p99`, feed.nonStreaming.health.p99, 'max', HEALTH_P99_MS_TARGET, 'ms'),
        target(`${CONCURRENT_FEEDS} concurrent team feeds (streaming from the start): /health p99`, feed.streaming.health.p99, 'max', HEALTH_P99_MS_TARGET, 'ms'),
      );
    }
    if (queue) {
      log(`   console queue, ${queue.queued} waiting: the store's read of the first ${queue.shown} ${formatDist(queue.storeReadMs)}`);
      log(`   console snapshot over HTTP, server time (client - /health p50) ${formatDist(queue.snapshotServerMs)}`);
      targets.push(target(`console queue with ${SUBMISSIONS} waiting: the store's read of the shown ${queue.shown}, p50`, queue.storeReadMs.p50, 'max', QUEUE_READ_MS_TARGET, 'ms'));
    }
    log();
    log('Targets');
    for (const t of targets) log(`   ${formatTarget(t)}`);
    log('--- json ---');
    log(JSON.stringify({ feed, queue, targets }));
    return 0;
  } finally {
    rmSync(contestDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
