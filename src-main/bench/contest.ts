// `npm run bench`, part 2: the contest server under load, with the load generator in this process
// and `verdict serve` in its own, both on this machine, loopback only. A report, not a test: the
// exit code is non-zero only when a submission is lost or the server fails outright.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigContest } from '../load/bigContest.ts';
import { FAIR_TARGET_MS, fairJudging, type FairJudgingReport } from './fairJudging.ts';
import { basicAuthBurst, distribution, loginTeams, runLoad, sourcesFromContest, type BasicBurstReport, type Distribution, type Session } from '../load/loadtest.ts';
import { resourcePath } from '../common/paths.ts';
import { JUDGE_AUTH, serve, settle, type ServedContest } from './server.ts';
import { log, phase } from './stats.ts';

const TEAMS = 1000;
const STEADY_RATE_PER_S = 200;
const STEADY_SECONDS = 10;
const SSE_CLIENTS = 1000;
/** Submit clients in the start-up burst, spread evenly over the teams: it meets accounts early and late in the hashing order. */
const STARTUP_BURST = 200;
/** `node src-main/bench/contest.ts startup` runs the start-up scenario alone. */
const STARTUP_ONLY = process.argv[2] === 'startup';
/** `node src-main/bench/contest.ts fair` runs the fair-judging scenario alone. */
const FAIR_ONLY = process.argv[2] === 'fair';

/** Mixed portal traffic at a fixed rate: what 1000 browsers do between submissions. */
async function steadyTraffic(url: string, sessions: Session[]): Promise<{ latency: Distribution; errors: number; sent: number }> {
  const paths = ['/api/portal/overview', '/api/portal/submissions', '/api/portal/scoreboard', '/api/portal/clarifications', '/api/me'];
  const latencies: number[] = [];
  let errors = 0;
  const total = STEADY_RATE_PER_S * STEADY_SECONDS;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / STEADY_RATE_PER_S;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const session = sessions[i % sessions.length];
    const sent = performance.now();
    inFlight.push(
      fetch(url + paths[i % paths.length], { headers: { cookie: session.cookie } }).then(
        async (response) => {
          await response.arrayBuffer();
          latencies.push(performance.now() - sent);
          if (response.status >= 400) errors++;
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(inFlight);
  return { latency: distribution(latencies), errors, sent: total };
}

/** Opens SSE streams for `sessions`, makes one scoreboard change, and times its arrival at each. */
async function scoreboardFanOut(url: string, sessions: Session[], trigger: () => Promise<void>): Promise<{ clients: number; received: number; delay: Distribution }> {
  const target = new URL(url);
  const arrivals: number[] = [];
  const sockets: ReturnType<typeof request>[] = [];
  let connected = 0;
  let armed = false;
  await new Promise<void>((resolve, reject) => {
    for (const session of sessions) {
      const req = request({ host: target.hostname, port: target.port, path: '/api/portal/stream', headers: { cookie: session.cookie }, agent: false }, (res) => {
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          if (!armed) return void (buffer = '');
          const match = /event: scoreboard\ndata: (\{[^\n]*\})/.exec(buffer);
          if (match) {
            arrivals.push(Date.now() - (JSON.parse(match[1]) as { changedAt: number }).changedAt);
            buffer = '';
            armed = arrivals.length < sessions.length;
          }
        });
        if (++connected === sessions.length) resolve();
      });
      req.on('error', reject);
      req.end();
      sockets.push(req);
    }
  });
  // Let the welcome frames and any earlier signals pass, then make one change.
  await new Promise((r) => setTimeout(r, 1500));
  armed = true;
  await trigger();
  const deadline = Date.now() + 5000;
  while (arrivals.length < sessions.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const s of sockets) s.destroy();
  return { clients: connected, received: arrivals.length, delay: distribution(arrivals) };
}

function burstLine(name: string, burst: BasicBurstReport): string {
  return `   ${name}: ${burst.acknowledged}/${burst.submitted} acknowledged, ${burst.errors.length} errors; ack ms p50 ${burst.ackMs.p50} p95 ${burst.ackMs.p95} p99 ${burst.ackMs.p99} max ${burst.ackMs.max}`;
}

function verdictLine(name: string, ok: boolean, detail: string): string {
  return `   ${ok ? 'PASS' : 'MISS'}  ${name}: ${detail}`;
}

function fairLine(fair: FairJudgingReport): string {
  return (
    `   fair judging: another team's trivial submission, verdict after ${fair.verdictMs.join(', ')} ms (${fair.verdicts.join(', ')}; queue position on arrival ${fair.queuePositions.join(', ')}) ` +
    `while one team queued ${fair.sleepersAccepted} programs sleeping ${fair.sleepMs} ms per test; on an idle judge ${fair.idleVerdictMs} ms`
  );
}

function fairTarget(fair: FairJudgingReport): string {
  return verdictLine(
    `one team submitting sleeping AC programs at its rate limit: another team's trivial submission judged within ${FAIR_TARGET_MS / 1000} s (2 workers)`,
    fair.verdictDistribution.max <= FAIR_TARGET_MS,
    `max ${fair.verdictDistribution.max} ms, p50 ${fair.verdictDistribution.p50} ms`,
  );
}

async function main(): Promise<number> {
  const contestDir = bigContest(TEAMS);
  const dataDir = mkdtempSync(join(tmpdir(), 'verdict-bench-data-'));
  let server: ServedContest | null = null;
  try {
    phase(`starting verdict serve with ${TEAMS} teams`);
    const opened = performance.now();
    server = await serve(contestDir, dataDir);
    const healthMs = Math.round(performance.now() - opened);
    const url = server.url;
    const credentials = (n: number) => ({ username: `team${n}`, password: `team${n}-pass` });
    const sources = sourcesFromContest(resourcePath('sample-contest'));

    if (FAIR_ONLY) {
      phase('waiting for the background preparation');
      await settle(url);
      phase('fair judging: one team submits sleeping programs at its rate limit, another a trivial one');
      const fair = await fairJudging(url, credentials, TEAMS, TEAMS - 1);
      log('Verdict contest-server benchmark, fair-judging scenario (load generator and server on this machine, loopback, 2 workers)');
      log(fairLine(fair));
      log();
      log('Targets');
      log(fairTarget(fair));
      log('--- json ---');
      log(JSON.stringify({ fair }));
      return 0;
    }

    // A server restarted mid-contest meets every submit client's retry at once, while it is still
    // hashing 1000 imported passwords: the same burst once that is over is the baseline.
    phase(`burst of ${STARTUP_BURST} Basic-auth submissions right after start`);
    const contestId = ((await (await fetch(`${url}/api/contests`)).json()) as { id: string }[])[0].id;
    const burstTeams = Array.from({ length: STARTUP_BURST }, (_, i) => credentials(((i + 1) * TEAMS) / STARTUP_BURST));
    const startupFiredMs = Math.round(performance.now() - opened);
    const startupBurst = await basicAuthBurst({ url, contestId, credentials: burstTeams, sources });
    const preparingAfterBurst = ((await (await fetch(`${url}/api/portal/overview`)).json()) as { preparing: string[] }).preparing;

    // A contest machine is up before the contest starts: the other bursts come once the background
    // preparation (hashing 1000 imported passwords, reading packages) is done.
    phase('waiting for the background preparation and the verdicts of the start-up burst');
    const { preparedAt } = await settle(url);
    const preparedMs = Math.round(preparedAt - opened);
    phase(`the same burst of ${STARTUP_BURST} Basic-auth submissions, start-up work over`);
    const settledBurst = await basicAuthBurst({ url, contestId, credentials: burstTeams, sources });
    await settle(url);
    const startupTarget = verdictLine(
      `burst of ${STARTUP_BURST} Basic-auth submissions in the first seconds after start: all acknowledged, p99 ack <= 250 ms`,
      startupBurst.acknowledged === STARTUP_BURST && startupBurst.ackMs.p99 <= 250,
      `p99 ${startupBurst.ackMs.p99} ms (the same burst after start-up work: p99 ${settledBurst.ackMs.p99} ms)`,
    );
    const startupLines = [
      burstLine(`start-up burst, sent ${startupFiredMs} ms after start (then: ${preparingAfterBurst.join('; ') || 'nothing left to prepare'})`, startupBurst),
      burstLine('the same burst once start-up work is over', settledBurst),
    ];
    if (STARTUP_ONLY) {
      log('Verdict contest-server benchmark, start-up scenario (load generator and server on this machine, loopback)');
      log(`   server up and answering /health ${healthMs} ms after start (${TEAMS} teams and accounts); background preparation done after ${preparedMs} ms`);
      for (const line of startupLines) log(line);
      log();
      log('Targets');
      log(startupTarget);
      log('--- json ---');
      log(JSON.stringify({ healthMs, preparedMs, startupFiredMs, startupBurst, settledBurst }));
      return 0;
    }

    phase(`logging ${TEAMS} teams in`);
    const loginStart = performance.now();
    const sessions = await loginTeams(url, TEAMS, credentials);
    const loginMs = Math.round(performance.now() - loginStart);

    phase('burst of 200 submissions at once (waiting for every verdict)');
    const burst200 = await runLoad({ url, sessions: sessions.slice(0, 200), submissions: 200, sources, verdictTimeoutMs: 180_000, waitForVerdicts: true });

    phase('burst of 1000 submissions at once');
    const burst1000 = await runLoad({ url, sessions, submissions: 1000, sources, verdictTimeoutMs: 0, waitForVerdicts: false });

    phase(`steady portal traffic, ${STEADY_RATE_PER_S} requests/s for ${STEADY_SECONDS} s, while the queue is long`);
    const steady = await steadyTraffic(url, sessions);

    phase(`scoreboard change pushed to ${SSE_CLIENTS} open streams`);
    const judgeSession = sessions[0];
    const fanOut = await scoreboardFanOut(url, sessions.slice(0, SSE_CLIENTS), async () => {
      await fetch(`${url}/api/portal/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: judgeSession.cookie, 'x-csrf-token': judgeSession.csrf },
        body: JSON.stringify({ problemId: 'hello', languageId: 'python', fileName: 'fan.py', source: 'print("Hello, World!")\n' }),
      });
    });
    const health = (await (await fetch(`${url}/health`, { headers: JUDGE_AUTH })).json()) as { queued: number; oldestQueuedAgeMs: number | null };

    phase('waiting for the queue to empty, then fair judging: one team submits sleeping programs at its rate limit, another a trivial one');
    await settle(url);
    const fair = await fairJudging(url, credentials, TEAMS, TEAMS - 1);

    log('Verdict contest-server benchmark (load generator and server on this machine, loopback)');
    log(`   server up and answering /health ${healthMs} ms after start (${TEAMS} teams and accounts); background preparation done after ${preparedMs} ms; ${TEAMS} logins took ${loginMs} ms`);
    for (const line of startupLines) log(line);
    log(`   burst 200: ${burst200.acknowledged}/200 acknowledged, ${burst200.errors.length} errors, ${burst200.lost} lost; ack ms p50 ${burst200.ackMs.p50} p95 ${burst200.ackMs.p95} p99 ${burst200.ackMs.p99} max ${burst200.ackMs.max}; verdicts ${burst200.verdicts}/200, last after ${burst200.lastVerdictMs} ms`);
    log(`   burst 1000: ${burst1000.acknowledged}/1000 acknowledged, ${burst1000.errors.length} errors, ${burst1000.lost} lost; ack ms p50 ${burst1000.ackMs.p50} p95 ${burst1000.ackMs.p95} p99 ${burst1000.ackMs.p99} max ${burst1000.ackMs.max}`);
    log(`   steady: ${steady.sent} requests at ${STEADY_RATE_PER_S}/s, ${steady.errors} errors; latency ms p50 ${steady.latency.p50} p95 ${steady.latency.p95} p99 ${steady.latency.p99} max ${steady.latency.max} (queue then: ${health.queued}, oldest waiting ${Math.round((health.oldestQueuedAgeMs ?? 0) / 1000)} s)`);
    log(`   scoreboard fan-out: ${fanOut.received}/${fanOut.clients} streams got the change; delay ms p50 ${fanOut.delay.p50} p99 ${fanOut.delay.p99} max ${fanOut.delay.max}`);
    log(fairLine(fair));
    log();
    log('Targets');
    log(startupTarget);
    log(verdictLine('burst 200: all acknowledged, p99 ack <= 250 ms, every verdict, none lost', burst200.acknowledged === 200 && burst200.ackMs.p99 <= 250 && burst200.allVerdictsArrived, `p99 ${burst200.ackMs.p99} ms`));
    log(verdictLine('burst 1000: p99 ack <= 1 s, 0 errors, none lost', burst1000.ackMs.p99 <= 1000 && burst1000.errors.length === 0 && burst1000.lost === 0, `p99 ${burst1000.ackMs.p99} ms`));
    log(verdictLine('steady 200 requests/s of portal traffic: p99 <= 50 ms', steady.latency.p99 <= 50 && steady.errors === 0, `p99 ${steady.latency.p99} ms`));
    log(verdictLine('scoreboard change reaches 1000 open streams within 100 ms', fanOut.received === SSE_CLIENTS && fanOut.delay.max <= 100, `max ${fanOut.delay.max} ms`));
    log(fairTarget(fair));
    log('--- json ---');
    log(JSON.stringify({ healthMs, preparedMs, loginMs, startupFiredMs, startupBurst, settledBurst, burst200, burst1000, steady, fanOut, fair }));
    return burst200.lost || burst1000.lost ? 1 : 0;
  } finally {
    server?.child.kill('SIGTERM');
    if (server) await new Promise((r) => server!.child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(contestDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
