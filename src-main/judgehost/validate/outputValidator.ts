// A problem's own output validator: built once, then called per test as
//   validator input answer feedback_dir [flags] < team_output
// exit 42 = accepted, 43 = wrong answer, anything else = judging error.
import { cpSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readTail } from '../../common/fileSlices.ts';
import { programPlan, type ProgramPlan } from '../../common/validatorPrograms.ts';
import { RunnerError, runInPty } from '../runner/runInPty.ts';
import type { OutputValidatorSource } from '../../common/types.ts';

/** Validators are judge code, trusted but bounded: a hung validator becomes JE, not a hung judge. */
const VALIDATOR_BUILD_LIMIT_MS = 120_000;
export const VALIDATOR_RUN_LIMIT_MS = 60_000;
export const FEEDBACK_SHOWN_BYTES = 4096;

export interface PreparedValidator {
  /** Command (host paths) to which input, answer, feedback dir and flags are appended. */
  command: string[];
  dir: string;
}

class ValidatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidatorError';
  }
}

export interface ValidatorOutcome {
  verdict: 'AC' | 'WA' | 'JE';
  /** judgemessage.txt (or the validator's own output on JE), for the judges. */
  message: string;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile()).sort();
}

async function runTrusted(command: string[], cwd: string, workDir: string, limitMs: number, stdinPath?: string) {
  const stdoutPath = join(workDir, 'stdout');
  const stderrPath = join(workDir, 'stderr');
  const measurement = await runInPty({
    argv: command,
    cwd,
    stdinPath,
    stdoutPath,
    stderrPath,
    resultPath: join(workDir, 'result.json'),
    cpuMs: limitMs,
    wallMs: limitMs * 2,
    memKb: 0,
    fileSizeBytes: 256 * 1024 * 1024,
    processes: 0,
    env: [`PATH=${process.env.PATH ?? '/usr/bin:/bin'}`, 'LANG=C.UTF-8', `HOME=${cwd}`],
    tailBytes: 0,
    sandbox: null,
  });
  return { measurement, stdoutPath, stderrPath };
}

/** Builds a validator into `buildDir` (a fresh folder). */
export async function prepareOutputValidator(source: OutputValidatorSource, buildDir: string): Promise<PreparedValidator> {
  const dir = join(buildDir, 'src');
  const work = join(buildDir, 'work');
  mkdirSync(work, { recursive: true });
  cpSync(source.dir, dir, { recursive: true });
  const relative = `${source.layout}/`;
  const build = async (command: string[]) => {
    const { measurement, stdoutPath, stderrPath } = await runTrusted(command, dir, work, VALIDATOR_BUILD_LIMIT_MS);
    if (measurement.exitCode !== 0 || measurement.signal !== 0) {
      const output = `${readTail(stdoutPath, 2000)}${readTail(stderrPath, 2000)}`.trim();
      throw new ValidatorError(`${relative}: building the output validator failed (${measurement.signal ? `signal ${measurement.signal}` : `exit ${measurement.exitCode}`}): ${output}`);
    }
  };
  if (filesIn(dir).includes('build')) await build(['/bin/sh', join(dir, 'build')]);
  let plan: ProgramPlan;
  try {
    plan = programPlan(dir, filesIn(dir), relative);
  } catch (error) {
    throw new ValidatorError((error as Error).message);
  }
  if (plan.build) await build(plan.build);
  return { command: plan.run, dir };
}

export interface ValidatorCall {
  inputPath: string;
  answerPath: string;
  teamOutputPath: string;
  /** An empty folder for this call's feedback files. */
  feedbackDir: string;
  /** A scratch folder for this call's result files. */
  workDir: string;
  flags: string[];
}

export async function runOutputValidator(validator: PreparedValidator, call: ValidatorCall): Promise<ValidatorOutcome> {
  mkdirSync(call.feedbackDir, { recursive: true });
  mkdirSync(call.workDir, { recursive: true });
  let run;
  try {
    run = await runTrusted(
      [...validator.command, call.inputPath, call.answerPath, `${call.feedbackDir}/`, ...call.flags],
      call.feedbackDir,
      call.workDir,
      VALIDATOR_RUN_LIMIT_MS,
      call.teamOutputPath,
    );
  } catch (error) {
    if (error instanceof RunnerError) return { verdict: 'JE', message: `output validator could not run: ${error.message}` };
    throw error;
  }
  const feedback = readTail(join(call.feedbackDir, 'judgemessage.txt'), FEEDBACK_SHOWN_BYTES).trim();
  const { measurement: m } = run;
  if (m.signal === 0 && m.exitCode === 42) return { verdict: 'AC', message: feedback };
  if (m.signal === 0 && m.exitCode === 43) return { verdict: 'WA', message: feedback };
  const output = `${readTail(run.stdoutPath, 1000)}${readTail(run.stderrPath, 1000)}`.trim();
  const how = m.wallTimeout ? 'timed out' : m.signal ? `was killed by signal ${m.signal}` : `exited with ${m.exitCode} (expected 42 or 43)`;
  return { verdict: 'JE', message: `output validator ${how}${feedback ? `: ${feedback}` : ''}${output ? `\n${output}` : ''}` };
}
