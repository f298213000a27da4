// Baseline: the same compiled program run from a plain shell loop with the same redirections
// (`prog < test.in > out`), no judge, no sandbox. Two measurements:
//  - per iteration, from bash's builtin $EPOCHREALTIME around each run (no fork for the clock),
//    giving a distribution;
//  - the whole loop under /bin/sh, timed from outside and divided by the number of runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distribution, round, type Distribution } from './stats.ts';

export interface BaselineResult {
  /** Per-run wall time from bash's $EPOCHREALTIME (null when bash is missing). */
  perRun: Distribution | null;
  /** Whole /bin/sh loop wall time divided by the runs. */
  shLoopMeanMs: number;
  runs: number;
}

const BASH_LOOP = `
prog=$1; list=$2; out=$3
while IFS= read -r f; do
  s=$EPOCHREALTIME
  "$prog" < "$f" > "$out"
  e=$EPOCHREALTIME
  echo "$s $e"
done < "$list"
`;

const SH_LOOP = `
prog=$1; list=$2; out=$3
while IFS= read -r f; do
  "$prog" < "$f" > "$out"
done < "$list"
`;

function bashPath(): string | null {
  for (const candidate of ['/bin/bash', '/usr/bin/bash']) if (existsSync(candidate)) return candidate;
  return null;
}

export function runBaseline(binary: string, inputs: string[], dir: string, warmupRuns = 20): BaselineResult {
  const list = join(dir, 'inputs.txt');
  const warmList = join(dir, 'warmup.txt');
  const out = join(dir, 'baseline.out');
  writeFileSync(list, inputs.join('\n') + '\n');
  writeFileSync(warmList, inputs.slice(0, warmupRuns).join('\n') + '\n');
  const env = { PATH: '/usr/bin:/bin', LC_ALL: 'C' };

  // Warm-up: page cache, the binary's pages, the shell itself.
  execFileSync('/bin/sh', ['-c', SH_LOOP, 'sh', binary, warmList, out], { env, stdio: ['ignore', 'pipe', 'pipe'] });

  let perRun: Distribution | null = null;
  const bash = bashPath();
  if (bash) {
    const text = execFileSync(bash, ['--norc', '--noprofile', '-c', BASH_LOOP, 'bash', binary, list, out], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const samples = text
      .trim()
      .split('\n')
      .map((line) => {
        const [s, e] = line.split(' ').map(Number);
        return (e - s) * 1000;
      });
    if (samples.length !== inputs.length || samples.some((x) => !Number.isFinite(x))) throw new Error(`baseline loop printed ${samples.length} unusable lines`);
    perRun = distribution(samples);
  }

  const start = performance.now();
  const sh = spawnSync('/bin/sh', ['-c', SH_LOOP, 'sh', binary, list, out], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = performance.now() - start;
  if (sh.status !== 0) throw new Error(`baseline /bin/sh loop failed (status ${sh.status}): ${sh.stderr.toString()}`);
  return { perRun, shLoopMeanMs: round(elapsed / inputs.length), runs: inputs.length };
}
