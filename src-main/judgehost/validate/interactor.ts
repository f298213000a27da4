// Interactive problems: the package's output validator is an interactor, started by the runner beside
// the program for each test as
//   interactor input answer feedback_dir [flags]   (stdin: the program's stdout; stdout: its stdin)
// and the verdict follows the Kattis rules.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readTail } from '../../common/fileSlices.ts';
import type { InteractorSpec, RunMeasurement } from '../runner/runInPty.ts';
import type { Verdict } from '../../common/types.ts';
import { FEEDBACK_SHOWN_BYTES, VALIDATOR_RUN_LIMIT_MS, type PreparedValidator } from './outputValidator.ts';

const EXIT_AC = 42;
const EXIT_WA = 43;
const SIGPIPE = 13;

export interface InteractorCall {
  inputPath: string;
  answerPath: string;
  /** An empty folder for this call's feedback files. */
  feedbackDir: string;
  /** A scratch folder (the interactor's stderr goes here). */
  workDir: string;
  flags: string[];
}

/** What the runner needs to start the interactor for one test. */
export function interactorSpec(validator: PreparedValidator, call: InteractorCall): InteractorSpec {
  mkdirSync(call.feedbackDir, { recursive: true });
  mkdirSync(call.workDir, { recursive: true });
  return {
    argv: [...validator.command, call.inputPath, call.answerPath, `${call.feedbackDir}/`, ...call.flags],
    cwd: call.feedbackDir,
    stderrPath: join(call.workDir, 'interactor.err'),
    cpuMs: VALIDATOR_RUN_LIMIT_MS,
  };
}

/**
 * The verdict of an interactive test, whoever ended first deciding (as Kattis and DOMjudge judge): an
 * interactor that rejected the program while it still ran gives WA (a crash or a hang after that is
 * the consequence); then a limit the program hit (TLE, MLE); then its crash (RTE); then the
 * interactor's decision: 42 accepted, 43 wrong answer, anything else (a crash, a hang after the
 * program ended) a judging error.
 */
export function interactiveVerdict(
  m: RunMeasurement,
  programVerdict: { verdict: Verdict; reason: string } | null,
  spec: InteractorSpec,
  feedbackDir: string,
): { verdict: Verdict; message: string } {
  const interactor = m.interactor;
  if (!interactor) return { verdict: 'JE', message: 'the runner did not report the interactor' };
  const feedback = readTail(join(feedbackDir, 'judgemessage.txt'), FEEDBACK_SHOWN_BYTES).trim();
  const decided = interactor.signal === 0 && !interactor.killed && (interactor.exitCode === EXIT_AC || interactor.exitCode === EXIT_WA);
  // SIGPIPE: the program wrote to an interactor that had already gone.
  const interactorFirst = interactor.exitedFirst || m.signal === SIGPIPE;
  if (decided && interactor.exitCode === EXIT_WA && interactorFirst) return { verdict: 'WA', message: feedback || 'the interactor rejected the interaction' };
  if (programVerdict) return { verdict: programVerdict.verdict, message: programVerdict.reason };
  if (decided) return { verdict: interactor.exitCode === EXIT_AC ? 'AC' : 'WA', message: feedback };
  const why = interactor.killed
    ? 'did not finish after the program ended'
    : interactor.signal
      ? `was killed by signal ${interactor.signal}`
      : `exited with ${interactor.exitCode} (expected 42 or 43)`;
  const output = readTail(spec.stderrPath, 1000).trim();
  return { verdict: 'JE', message: `the interactor ${why}${output ? `: ${output}` : ''}` };
}
