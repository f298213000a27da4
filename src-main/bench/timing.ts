// `npm run bench`, third part: how exact and how steady the measured CPU time is, with a CPU hog on
// the other worker slot. A report, not a test: targets print PASS/MISS and the exit code is 0 unless
// judging itself fails.
//  - spread: a program that spins for a fixed 500 ms of CPU, 30 tests; the coefficient of variation
//    of the CPU times the judge reports;
//  - the edge: a program at 0.9 × the time limit must be AC and one at 1.1 × TLE, every time.
import { availableParallelism } from 'node:os';
import { JudgeEngine } from '../judging/engine.ts';
import type { JudgeResult } from '../common/results.ts';
import { tinyProblem } from '../test-support/fixtures.ts';
import { cpuSpinner } from '../test-support/programs.ts';
import { formatTarget, loadAverage, log, phase, round, target } from './stats.ts';

const SPREAD_TESTS = 30;
const SPREAD_CPU_MS = 500;
const EDGE_RUNS = 20;
const LIMIT_MS = 1000;
/** The hog spins this long on the other slot: longer than any phase it must overlap. */
const HOG_CPU_MS = 40_000;


async function main(): Promise<number> {
  const loadBefore = loadAverage();
  const engine = await JudgeEngine.start({ workers: Math.min(2, availableParallelism()) });
  const spread = tinyProblem({ tests: Object.fromEntries(Array.from({ length: SPREAD_TESTS }, (_, i) => [String(i).padStart(2, '0'), ['', 'done\n']])), timeLimitMs: LIMIT_MS });
  const edge = tinyProblem({ tests: { '1': ['', 'done\n'] }, timeLimitMs: LIMIT_MS });
  const hogProblem = tinyProblem({ tests: { '1': ['', 'done\n'] }, timeLimitMs: HOG_CPU_MS + 5000 });
  const failures: string[] = [];
  try {
    phase('a CPU hog on the other worker slot');
    const hog = engine.judge(hogProblem.job('hog.c', cpuSpinner(HOG_CPU_MS), 'c'));

    phase(`spread: ${SPREAD_TESTS} tests of ${SPREAD_CPU_MS} ms of CPU`);
    const spreadResult = await engine.judge(spread.job('fixed.c', cpuSpinner(SPREAD_CPU_MS), 'c'), {});
    if (spreadResult.verdict !== 'AC') failures.push(`spread: ${spreadResult.verdict} ${spreadResult.error ?? ''}`);
    const times = spreadResult.tests.map((t) => t.timeMs);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const sd = Math.sqrt(times.reduce((a, b) => a + (b - mean) ** 2, 0) / times.length);
    const cvPercent = (100 * sd) / mean;

    phase(`edge: ${EDGE_RUNS} runs at 0.9 x and ${EDGE_RUNS} at 1.1 x the limit`);
    const verdicts = async (ms: number): Promise<JudgeResult[]> => {
      const results: JudgeResult[] = [];
      for (let i = 0; i < EDGE_RUNS; i++) results.push(await engine.judge(edge.job('edge.c', cpuSpinner(ms), 'c')));
      return results;
    };
    const under = await verdicts(0.9 * LIMIT_MS);
    const over = await verdicts(1.1 * LIMIT_MS);
    const hogResult = await hog;
    const loadAfter = loadAverage();

    log('Verdict timing benchmark (CPU time as the judge measures it, a CPU hog on the other slot)');
    log(`   load average before ${loadBefore.join(',')}, after ${loadAfter.join(',')}; hog: ${hogResult.verdict}`);
    log(`   spread: ${times.length} tests of ${SPREAD_CPU_MS} ms, reported CPU ms min ${Math.min(...times)} mean ${round(mean)} max ${Math.max(...times)}, sd ${round(sd)}, CV ${round(cvPercent)} %`);
    log(`   0.9 x the limit: ${under.filter((r) => r.verdict === 'AC').length}/${EDGE_RUNS} AC (${[...new Set(under.map((r) => r.verdict))].join(', ')}); reported ms ${under.map((r) => r.tests[0]?.timeMs).join(' ')}`);
    log(`   1.1 x the limit: ${over.filter((r) => r.verdict === 'TLE').length}/${EDGE_RUNS} TLE (${[...new Set(over.map((r) => r.verdict))].join(', ')}); reported ms ${over.map((r) => r.tests[0]?.timeMs).join(' ')}`);
    log();
    log('Targets');
    for (const t of [
      target(`CPU time spread of a fixed ${SPREAD_CPU_MS} ms program (coefficient of variation)`, cvPercent, 'max', 2, '%'),
      target('a program at 0.9 x the limit is AC', under.filter((r) => r.verdict === 'AC').length, 'min', EDGE_RUNS, `of ${EDGE_RUNS}`),
      target('a program at 1.1 x the limit is TLE', over.filter((r) => r.verdict === 'TLE').length, 'min', EDGE_RUNS, `of ${EDGE_RUNS}`),
    ]) {
      log(`   ${formatTarget(t)}`);
    }
  } finally {
    await engine.close();
    for (const p of [spread, edge, hogProblem]) p.dispose();
  }
  for (const f of failures) log(`FAILED: ${f}`);
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
