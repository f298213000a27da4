// Test helpers: tiny problem packages in temp folders, and a shared judge engine.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JudgeEngine } from '../judging/engine.ts';
import { SANDBOX_UID_BASE, UID_BLOCK_SIZE, UID_BLOCKS } from '../judgehost/runner/sandbox.ts';
import type { JudgeJob } from '../common/judgehostProtocol.ts';
import { procStatFields } from '../common/processes.ts';

export interface TinyProblemOptions {
  /** Test cases: name -> [input, answer]. Written under data/secret/. */
  tests?: Record<string, [string, string]>;
  timeLimitMs?: number;
  memoryLimitMb?: number;
  outputLimitMb?: number;
  /** Every test case's output validator arguments. */
  validatorFlags?: string[];
}

export interface TinyProblem {
  dir: string;
  /** A job for `source` (written to a file named `fileName`) in `languageId`. */
  job(fileName: string, source: string, languageId: string, extra?: Partial<JudgeJob['problem']>): JudgeJob;
  dispose(): void;
}

let counter = 0;

/** Writes a problem folder with data/secret tests and makes jobs against it (no package reader involved). */
export function tinyProblem(options: TinyProblemOptions = {}): TinyProblem {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-test-problem-'));
  const tests = options.tests ?? { '1': ['', 'hello\n'] };
  mkdirSync(join(dir, 'data', 'secret'), { recursive: true });
  mkdirSync(join(dir, 'sources'));
  for (const [name, [input, answer]] of Object.entries(tests)) {
    writeFileSync(join(dir, 'data', 'secret', `${name}.in`), input);
    writeFileSync(join(dir, 'data', 'secret', `${name}.ans`), answer);
  }
  const testCases = Object.keys(tests)
    .sort()
    .map((name) => ({
      name: `secret/${name}`,
      inputPath: join(dir, 'data', 'secret', `${name}.in`),
      answerPath: join(dir, 'data', 'secret', `${name}.ans`),
      isSample: false,
      group: 'secret',
      validatorArgs: options.validatorFlags ?? [],
    }));
  return {
    dir,
    job(fileName, source, languageId, extra = {}) {
      const id = `t${process.pid}-${++counter}`;
      const sourceDir = join(dir, 'sources', id);
      mkdirSync(sourceDir);
      const sourcePath = join(sourceDir, fileName);
      writeFileSync(sourcePath, source);
      return {
        id,
        sourcePath,
        fileName,
        languageId,
        problem: {
          id: 'tiny',
          testCases,
          testGroups: [{ name: '', onReject: 'break' }, { name: 'secret', onReject: 'break' }],
          timeLimitMs: options.timeLimitMs ?? 1000,
          memoryLimitMb: options.memoryLimitMb ?? 256,
          outputLimitMb: options.outputLimitMb ?? 8,
          validation: 'default',
          interactive: false,
          multiPassLimit: null,
          submitAnswer: false,
          outputValidator: null,
          ...extra,
        },
      };
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a process runs: a zombie has ended, only its exit status waits to be collected (isAlive counts it). */
export function running(pid: number): boolean {
  const fields = procStatFields(pid);
  return fields !== null && fields[0] !== 'Z';
}

/** Processes whose real uid is in the sandbox range (programs of submissions) still alive. */
export function sandboxProcesses(uidFrom = SANDBOX_UID_BASE, uidTo = SANDBOX_UID_BASE + UID_BLOCKS * UID_BLOCK_SIZE - 1): { pid: number; uid: number; cmd: string }[] {
  const found: { pid: number; uid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      if (uid >= uidFrom && uid <= uidTo) {
        const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        found.push({ pid: Number(entry), uid, cmd });
      }
    } catch {
      /* the process ended while we looked */
    }
  }
  return found;
}

/** Processes whose command line contains `marker` (for runs without a uid switch). */
export function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) found.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return found;
}

export async function startEngine(workers = 2): Promise<JudgeEngine> {
  return JudgeEngine.start({ workers });
}
