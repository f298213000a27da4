// What judging produces: plain data shared by the engine, the judgehost protocol, the CLI and the store.
import type { Verdict } from './types.ts';

export interface TestResult {
  name: string;
  verdict: Verdict;
  timeMs: number;
  wallMs: number;
  memoryKb: number;
  exitCode: number;
  signal: number;
  /** Why this verdict: a limit, the validator's message. */
  message: string;
  /** Scoring problems only: the test case's score (the output validator's score.txt, or its group's
   *  accept or reject score). */
  score?: number;
}

/** Scoring problems only: a test group's outcome (every group of data/ that holds test cases, and
 *  those above them, root '' included, in test order, parents first). */
export interface GroupResult {
  /** Path below data/: '' (the root), "sample", "secret", "secret/group1". */
  name: string;
  /** AC when every test case and subgroup in it was accepted, else the first rejection's verdict. */
  verdict: Verdict;
  /** The group's score as its aggregation gives it (sum or min, within its range / max_score). */
  score: number;
  /** The most the group can score; null when the package sets no bound. */
  maxScore: number | null;
}

export interface CompileResult {
  ok: boolean;
  output: string;
  timeMs: number;
}

export interface JudgeResult {
  verdict: Verdict;
  tests: TestResult[];
  compile: CompileResult;
  /** Scoring problems only: the submission's score (the root group's). */
  score?: number;
  /** Scoring problems only: each group's outcome (see `GroupResult`). */
  groups?: GroupResult[];
  /** Largest CPU time and peak memory over the tests run. */
  timeMs: number;
  memoryKb: number;
  /** For JE: what went wrong on the judge's side. */
  error?: string;
  /** The judging machinery itself failed (a judgehost or runner died, a sandbox could not be set
   *  up): the verdict says nothing of the submission, which is judged again from the start. */
  judgeFault?: true;
  /** The judge stopped this judging to give its worker to a submission ahead of it in the fair order (the worker
   *  pool's `preempt`): it says nothing of the submission, which waits to be judged again from the start. */
  preempted?: true;
  /** The program's output on the first failing test (its start, bounded), for the judges' diff view. */
  firstFailure?: { testName: string; output: string; truncated: boolean };
  /** The remote judgehost that judged it (its name): recorded on the judgement in place of the one it started on. */
  judgehost?: string;
}

export type JudgeProgress =
  | { phase: 'compiling' }
  /** `pass`: multi-pass problems only, which pass of the test case runs (from 1). */
  | { phase: 'running'; testIndex: number; testCount: number; testName: string; pass?: number }
  | { phase: 'tested'; testIndex: number; testCount: number; result: TestResult };

/** A judge-side failure: JE, with what went wrong for the judges. */
export function judgeErrorResult(error: string, compile: CompileResult = { ok: false, output: '', timeMs: 0 }, tests: TestResult[] = []): JudgeResult {
  return { verdict: 'JE', tests, compile, timeMs: 0, memoryKb: 0, error };
}

/** A failure of the judging machinery, not of the package or the submission: judge again. */
export function judgeFaultResult(error: string, compile?: CompileResult, tests?: TestResult[]): JudgeResult {
  return { ...judgeErrorResult(error, compile, tests), judgeFault: true };
}

/** A judging stopped by the judge to make room for another: no verdict, judged again later. */
export function preemptedResult(): JudgeResult {
  return { ...judgeErrorResult('stopped to give the worker to a submission ahead of it'), preempted: true };
}
