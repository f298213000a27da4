// The benchmark's workload: one trivial C program ("print a+b") and a package of tiny tests it
// always passes, written under a temp folder. Also compiles the same source once for the baseline.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import { tinyProblem, type TinyProblem } from '../test-support/fixtures.ts';

export const PROGRAM_FILE = 'sum.c';
export const PROGRAM_SOURCE = '#include <stdio.h>\nint main(void){long a,b;if(scanf("%ld %ld",&a,&b)!=2)return 1;printf("%ld\\n",a+b);return 0;}\n';

export interface BenchPackage {
  problem: TinyProblem;
  /** Input files of the tests, in judging order. */
  inputs: string[];
  /** A fresh job (its own source copy) running every test. */
  job(): JudgeJob;
}

/** A package of `count` tests named 000..., each "a b" -> "a+b". */
export function benchPackage(count: number): BenchPackage {
  const tests: Record<string, [string, string]> = {};
  const width = String(count - 1).length;
  for (let i = 0; i < count; i++) tests[String(i).padStart(width, '0')] = [`${i} ${i + 7}\n`, `${2 * i + 7}\n`];
  const problem = tinyProblem({ tests, timeLimitMs: 1000, memoryLimitMb: 64, outputLimitMb: 1 });
  const inputs = Object.keys(tests)
    .sort()
    .map((name) => join(problem.dir, 'data', 'secret', `${name}.in`));
  return {
    problem,
    inputs,
    job() {
      const job = problem.job(PROGRAM_FILE, PROGRAM_SOURCE, 'c');
      job.runAllTests = true;
      return job;
    },
  };
}

export interface Scratch {
  dir: string;
  dispose(): void;
}

export function scratchDir(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-bench-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Compiles the program with the judge's own C flags (resources/languages.json) for the baseline. */
export function compileBaseline(dir: string): string {
  const source = join(dir, 'main.c');
  const binary = join(dir, 'main');
  writeFileSync(source, PROGRAM_SOURCE);
  execFileSync('gcc', ['-x', 'c', '-std=gnu17', '-O2', '-pipe', '-o', binary, source, '-lm'], { stdio: 'pipe' });
  return binary;
}
