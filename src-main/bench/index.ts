// `npm run bench`: how much the judge costs per test, how many test runs per second it sustains,
// and how long starting a run (a request to the slot host) blocks an event loop. A report, not a test: targets print PASS/MISS and the
// exit code is 0 either way; it is non-zero only when judging itself fails (a non-AC verdict on a
// program that passes every test, or an engine error).
import { execFileSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { JudgeEngine } from '../judging/engine.ts';
import type { HostStats } from '../common/judgehostProtocol.ts';
import { projectRoot } from '../common/paths.ts';
import { runBaseline, type BaselineResult } from './baseline.ts';
import { benchPackage, compileBaseline, scratchDir, type BenchPackage, type Scratch } from './fixture.ts';
import { measureEngineSide, type EngineSideOverhead } from './engineSide.ts';
import { measureEngineOverhead, type EngineOverhead } from './overhead.ts';
import { fmt, formatDist, formatTarget, loadAverage, log, phase, round, target, type Target } from './stats.ts';
import { measureEndToEnd, measureThroughput, type EndToEndResult, type ThroughputResult } from './throughput.ts';
import { judgeTimed, notAllAccepted } from './timeline.ts';

const OVERHEAD_TESTS = 200;
const THROUGHPUT_TESTS = 200;
const E2E_SUBMISSIONS = 10;
const E2E_TESTS = 50;
const WARMUP_TESTS = 10;
/** Throughput phases alternate 1 and 2 workers this many times; the median repeat is reported. */
const THROUGHPUT_REPEATS = 3;


async function main(): Promise<number> {
  const benchStart = performance.now();
  const loadBefore = loadAverage();
  const cores = availableParallelism();
  const failures: string[] = [];
  const disposables: (Scratch | BenchPackage['problem'])[] = [];
  let engine: JudgeEngine | null = null;

  let overhead: EngineOverhead;
  let engineSide: EngineSideOverhead | null = null;
  let engineSideError: string | null = null;
  let baseline: BaselineResult;
  const throughputReps: ThroughputResult[] = [];
  let endToEnd: EndToEndResult;
  let hostStats: HostStats;
  let sandboxLevel: string;

  try {
    // The runner must exist and be current (no-op when it is).
    execFileSync(process.execPath, [join(projectRoot, 'scripts', 'build-runner.js')], { stdio: 'inherit' });

    const scratch = scratchDir();
    disposables.push(scratch);
    const warmPkg = benchPackage(WARMUP_TESTS);
    const overheadPkg = benchPackage(OVERHEAD_TESTS);
    const throughputPkg = THROUGHPUT_TESTS === OVERHEAD_TESTS ? overheadPkg : benchPackage(THROUGHPUT_TESTS);
    const e2ePkg = benchPackage(E2E_TESTS);
    for (const p of new Set([warmPkg, overheadPkg, throughputPkg, e2ePkg])) disposables.push(p.problem);
    const binary = compileBaseline(scratch.dir);

    phase('starting the engine');
    engine = await JudgeEngine.start({ workers: Math.max(2, cores) });
    sandboxLevel = engine.host.sandbox.level;

    phase('warming up');
    engine.pool.setWorkers(1);
    const warm = await judgeTimed(engine, warmPkg.job());
    const warmProblem = notAllAccepted(warm.result, WARMUP_TESTS);
    if (warmProblem) throw new Error(`warm-up submission: ${warmProblem}`);

    phase(`per-test overhead: ${OVERHEAD_TESTS} tests through the engine (1 worker)`);
    overhead = await measureEngineOverhead(engine, overheadPkg, failures);

    for (let rep = 1; rep <= THROUGHPUT_REPEATS; rep++) {
      for (const workers of [1, 2]) {
        phase(`throughput ${rep}/${THROUGHPUT_REPEATS}: ${workers} worker(s) x ${THROUGHPUT_TESTS} tests`);
        throughputReps.push(await measureThroughput(engine, throughputPkg, workers, failures));
      }
    }

    phase(`end-to-end: ${E2E_SUBMISSIONS} submissions x ${E2E_TESTS} tests, 2 workers`);
    endToEnd = await measureEndToEnd(engine, e2ePkg, 2, E2E_SUBMISSIONS, failures);

    hostStats = await engine.host.stats();
    await engine.close();
    engine = null;

    phase('engine-side per-test time (judgeSubmission in a small child process, no IPC per test)');
    try {
      engineSide = await measureEngineSide(overheadPkg, warmPkg, failures);
    } catch (error) {
      engineSideError = (error as Error).message;
    }

    phase(`baseline: ${OVERHEAD_TESTS} runs from a shell loop`);
    baseline = runBaseline(binary, overheadPkg.inputs, scratch.dir);
  } finally {
    await engine?.close().catch(() => undefined);
    for (const d of disposables) d.dispose();
  }

  // ---- figures ----
  const base = baseline.perRun ?? { p50: baseline.shLoopMeanMs, p99: baseline.shLoopMeanMs };
  const judge = overhead.perTest;
  const over = { p50: round(judge.p50 - base.p50), p99: round(judge.p99 - base.p99) };
  const ratio = { p50: round(judge.p50 / base.p50, 2), p99: round(judge.p99 / base.p99, 2) };
  const engineSideOver = engineSide ? { p50: round(engineSide.perTest.p50 - base.p50), p99: round(engineSide.perTest.p99 - base.p99) } : null;
  const medianRep = (workers: number): ThroughputResult => {
    const reps = throughputReps.filter((t) => t.workers === workers).sort((a, b) => a.runsPerSecond - b.runsPerSecond);
    return reps[Math.floor(reps.length / 2)];
  };
  const throughput = [medianRep(1), medianRep(2)];
  const repsOf = (workers: number): number[] => throughputReps.filter((t) => t.workers === workers).map((t) => t.runsPerSecond);
  const [one, two] = throughput;
  const scaling = round(two.runsPerSecond / one.runsPerSecond, 2);
  const perCore = { oneWorker: one.runsPerSecond, twoWorkers: round(two.runsPerSecond / Math.min(2, cores), 1) };

  const targets: Target[] = [
    target('overhead p50 (judge - baseline)', over.p50, 'max', 1.5, 'ms'),
    target('overhead p99 (judge - baseline)', over.p99, 'max', 4, 'ms'),
    target(`trivial runs/s per core (2 workers / ${Math.min(2, cores)} cores)`, perCore.twoWorkers, 'min', 150, 'runs/s'),
    target('trivial runs/s per core (1 worker / 1 core)', perCore.oneWorker, 'min', 300, 'runs/s'),
    target('judgehost event-loop block per run start, p50', hostStats.spawnBlockMsP50, 'max', 1, 'ms'),
  ];
  const loadAfter = loadAverage();
  const durationS = round((performance.now() - benchStart) / 1000, 1);

  // ---- report ----
  log('Verdict benchmark');
  log(`machine: ${cores} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, sandbox ${sandboxLevel}`);
  log(`load average: before ${loadBefore.join(' ')}, after ${loadAfter.join(' ')}   duration ${durationS} s`);
  log();
  log(`1. Per-test overhead (${OVERHEAD_TESTS} trivial tests, C "a+b", 1 worker)`);
  log(`   judge, parent 'running'->'tested' (IPC)  ${formatDist(judge)}`);
  log(`   judge, parent 'tested'->'tested' cycle   ${formatDist(overhead.cycle)}`);
  if (engineSide) {
    log(`   engine-side, no IPC (own child process)   ${formatDist(engineSide.perTest)}`);
    log(`   engine-side, no IPC, cycle                ${formatDist(engineSide.cycle)}`);
  } else {
    log(`   engine-side: unavailable (${engineSideError})`);
  }
  log(`   program wall inside runner (runner-measured) ${formatDist(overhead.programWall)}`);
  log(`   program CPU (runner-measured)             ${formatDist(overhead.programCpu)}`);
  if (baseline.perRun) log(`   baseline, bash loop per run               ${formatDist(baseline.perRun)}`);
  log(`   baseline, /bin/sh loop mean per run       ${fmt(baseline.shLoopMeanMs)} ms`);
  log(`   overhead = judge - baseline: p50 ${fmt(over.p50)} ms, p99 ${fmt(over.p99)} ms; ratio judge/baseline: p50 ${fmt(ratio.p50)}x, p99 ${fmt(ratio.p99)}x`);
  if (engineSideOver) log(`   engine-side overhead (no IPC):   p50 ${fmt(engineSideOver.p50)} ms, p99 ${fmt(engineSideOver.p99)} ms`);
  log(`   submission: submit -> first test ${fmt(overhead.untilFirstTestMs)} ms (compile CPU ${overhead.compileCpuMs} ms), submit -> done ${fmt(overhead.totalMs)} ms`);
  log();
  log(`2. Throughput (trivial test runs, steady window with every worker running tests; median of ${THROUGHPUT_REPEATS} repeats)`);
  for (const t of throughput) {
    log(`   ${t.workers} worker(s): ${fmt(t.runsPerSecond, 1)} runs/s  (${t.runsInWindow} runs in ${fmt(t.windowMs, 0)} ms; repeats: ${repsOf(t.workers).map((r) => fmt(r, 1)).join(', ')})`);
    const c = t.cpuPerRunMs;
    if (c) log(`      CPU per run: judgehost ${fmt(c.judgehost)} ms + slot hosts and runs (runner, init, program) ${fmt(c.spawned)} ms + parent ${fmt(c.parent)} ms = ${fmt(c.judgehost + c.spawned + c.parent)} ms`);
  }
  log(`   per core: 1 worker ${fmt(perCore.oneWorker, 1)} runs/s; 2 workers ${fmt(perCore.twoWorkers, 1)} runs/s/core;  scaling 2 vs 1: ${fmt(scaling)}x`);
  log(`   end-to-end incl. compiles (${endToEnd.submissions} x ${endToEnd.testsPerSubmission} tests, 2 workers): ${fmt(endToEnd.testRunsPerSecond, 1)} runs/s, ${fmt(endToEnd.submissionsPerSecond)} submissions/s, ${fmt(endToEnd.wallMs, 0)} ms`);
  log();
  log('3. Event-loop block');
  log(`   judgehost, starting a run (request to the slot host) (${hostStats.runs} runs incl. compiles): p50 ${fmt(hostStats.spawnBlockMsP50)}  p99 ${fmt(hostStats.spawnBlockMsP99)}  max ${fmt(hostStats.spawnBlockMsMax)} ms`);
  if (engineSide) log(`   same, engine-side child process: p50 ${fmt(engineSide.spawnBlockMsP50)}  p99 ${fmt(engineSide.spawnBlockMsP99)}  max ${fmt(engineSide.spawnBlockMsMax)} ms`);
  const loops: [string, typeof overhead.parentLoop][] = [['overhead run, 1 worker', overhead.parentLoop], ...throughput.map((t) => [`throughput, ${t.workers} worker(s)`, t.parentLoop] as [string, typeof overhead.parentLoop])];
  for (const [name, d] of loops) {
    log(`   parent delay during ${name}: p50 ${fmt(d.p50)}  p99 ${fmt(d.p99)}  max ${fmt(d.max)} ms  (utilisation ${fmt(d.utilization * 100, 1)}%)`);
  }
  log();
  log('Targets');
  for (const t of targets) log(`   ${formatTarget(t)}`);
  if (failures.length) {
    log();
    log('JUDGING FAILURES (a bug: every test of the benchmark program is AC)');
    for (const f of failures) log(`   ${f}`);
  }
  log();
  log('--- json ---');
  log(
    JSON.stringify(
      {
        machine: { cores, cpu: cpus()[0]?.model ?? null, node: process.version, sandbox: sandboxLevel },
        load: { before: loadBefore, after: loadAfter },
        durationS,
        overhead: {
          tests: OVERHEAD_TESTS,
          judgePerTestMs: judge,
          judgeCycleMs: overhead.cycle,
          engineSidePerTestMs: engineSide?.perTest ?? null,
          engineSideCycleMs: engineSide?.cycle ?? null,
          engineSideError,
          programWallMs: overhead.programWall,
          programCpuMs: overhead.programCpu,
          baselinePerRunMs: baseline.perRun,
          baselineShLoopMeanMs: baseline.shLoopMeanMs,
          overheadMs: over,
          engineSideOverheadMs: engineSideOver,
          ratio,
          submitToFirstTestMs: overhead.untilFirstTestMs,
          submitToDoneMs: overhead.totalMs,
        },
        throughput: {
          median: throughput.map(({ parentLoop: _, ...t }) => t),
          repeats: throughputReps.map(({ parentLoop: _, ...t }) => t),
          perCore,
          scaling2vs1: scaling,
          endToEnd,
        },
        eventLoop: {
          judgehostSpawnBlockMs: hostStats,
          engineSideSpawnBlockMs: engineSide ? { p50: engineSide.spawnBlockMsP50, p99: engineSide.spawnBlockMsP99, max: engineSide.spawnBlockMsMax } : null,
          parentDelayMs: Object.fromEntries(loops),
        },
        targets,
        failures,
      },
      null,
      2,
    ),
  );
  return failures.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`bench: judging failed: ${error.stack ?? error.message}\n`);
    process.exitCode = 2;
  },
);
