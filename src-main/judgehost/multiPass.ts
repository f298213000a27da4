// Multi-pass problems (the format's "multi-pass validation"): a test case runs the program again and
// again, each pass on the input the output validator (or interactor) wrote as nextpass.in in its
// feedback folder during the pass before, until a pass ends without one. As the format says (and
// problemtools and DOMjudge judge): the time and memory limits apply to each pass on its own; the
// feedback folder persists between passes, nextpass.in excepted (it is moved away to be the next
// input); a validator that writes nextpass.in and does not accept (exit 42) is a judging error, and so
// is one that asks for a pass beyond limits.validation_passes. Each pass's validator gets that pass's
// input as its input file (as problemtools and DOMjudge give it; DOMjudge's hangman reads it).
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RunMeasurement } from './runner/runInPty.ts';
import type { JudgeResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';

/** The file in the feedback folder that asks for another pass, holding its input. */
const NEXTPASS_FILE = 'nextpass.in';

/** The program run once on an input and its output (or interaction) judged. */
export interface PassOutcome {
  verdict: Verdict;
  message: string;
  measurement: RunMeasurement;
}

/** Judging cannot go on (the machinery failed, not the submission): this result ends it as it is. */
export interface PassAbort {
  abort: JudgeResult;
}

/** Runs pass `pass` (from 1) on `inputPath`. */
export type RunPass = (inputPath: string, pass: number) => Promise<PassOutcome | PassAbort>;

export interface MultiPassTest {
  /** The test case's own input: the first pass's. */
  inputPath: string;
  /** The test case's feedback folder, kept across its passes. */
  feedbackDir: string;
  /** Where each later pass's input is kept (a file of the judge's, on the feedback folder's file system). */
  passInputPath: string;
  /** The problem's validation_passes. */
  limit: number;
}

/** Whether the validator accepted the pass (exit 42), whatever the program's own verdict. */
function validatorAccepted(outcome: PassOutcome): boolean {
  const interactor = outcome.measurement.interactor;
  if (interactor) return interactor.signal === 0 && !interactor.killed && interactor.exitCode === 42;
  return outcome.verdict === 'AC';
}

/** The passes together: the slowest pass's time and the largest memory, the last pass's ending. */
function combined(last: PassOutcome, passes: PassOutcome[], verdict: Verdict, message: string): PassOutcome {
  const most = (of: (m: RunMeasurement) => number) => Math.max(...passes.map((p) => of(p.measurement)));
  return {
    verdict,
    message,
    measurement: { ...last.measurement, cpuMs: most((m) => m.cpuMs), wallMs: most((m) => m.wallMs), memoryKb: most((m) => m.memoryKb) },
  };
}

/** Judges one test case of a multi-pass problem: its passes in order, as `runPass` runs each. */
export async function judgePasses(test: MultiPassTest, runPass: RunPass): Promise<PassOutcome | PassAbort> {
  const nextPass = join(test.feedbackDir, NEXTPASS_FILE);
  mkdirSync(test.feedbackDir, { recursive: true });
  mkdirSync(dirname(test.passInputPath), { recursive: true });
  const passes: PassOutcome[] = [];
  let inputPath = test.inputPath;
  for (let pass = 1; ; pass++) {
    const outcome = await runPass(inputPath, pass);
    if ('abort' in outcome) return outcome;
    passes.push(outcome);
    const another = existsSync(nextPass);
    const of = passes.length === 1 ? '' : ` (${passes.length} passes)`;
    if (outcome.verdict !== 'AC') {
      if (another && !validatorAccepted(outcome)) {
        return combined(outcome, passes, 'JE', `pass ${pass}: the output validator wrote ${NEXTPASS_FILE} but did not accept the pass (the package's fault: only exit 42 may ask for another pass)`);
      }
      return combined(outcome, passes, outcome.verdict, `pass ${pass}: ${outcome.message}`);
    }
    if (!another) return combined(outcome, passes, 'AC', `${outcome.message}${of}`.trim());
    if (pass === test.limit) {
      return combined(outcome, passes, 'JE', `pass ${pass}: the output validator asked for another pass, beyond the problem's limit of ${test.limit} (limits.validation_passes; the package's fault)`);
    }
    // The finished pass's input is no longer needed: the next one takes its place.
    renameSync(nextPass, test.passInputPath);
    inputPath = test.passInputPath;
  }
}
