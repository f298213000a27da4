// A package's input validators, run on every test case's input by `verdict verify`:
//   validator [arguments] < test.in      exit 42: valid, 43: invalid, anything else: a broken validator.
//
// Where they are (as problemtools finds them): `input_validators/` (every format version) or the legacy
// `input_format_validators/`; each entry of that folder is one program, a single file or a folder,
// built as output validators are (common/validatorPrograms.ts: a build/run script, or C, C++, Python,
// Java sources). A Checktestdata script (`.ctd`) runs with `checktestdata` where it is installed (its
// exit 0 is valid); VIVA scripts (`.viva`) are not run. Each test case's arguments are its group's
// input_validator_flags / input_validator_args (or its own <case>.yaml's): for every validator, or by
// validator name (a program's file name with or without its extension).
//
// Validators are the package's own trusted programs, as problemtools runs them: outside any sandbox,
// bounded in time, in their own folder (a private copy). A 2025-09 test case's `<case>.files` folder is
// copied into that working directory for its validation (a fresh copy of the validator's folder for
// each such test case): a file of it named as one of the validator's is the package's error, as the
// format says.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, openSync, closeSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { findExecutable } from '../common/languages.ts';
import { ownedTempDir } from '../common/tempFolders.ts';
import { programPlan } from '../common/validatorPrograms.ts';
import type { ProblemPackage, TestCase } from '../common/types.ts';

const FOLDERS = ['input_validators', 'input_format_validators'] as const;
/** A build (a compile of a C++ validator with testlib) may take a while; a hung one must not hang verify. */
const BUILD_LIMIT_MS = 120_000;
/** One validation of one input: validators read a file and check it, in seconds at most. */
const RUN_LIMIT_MS = 60_000;
/** How much of a validator's stdout and stderr is kept to show why it rejected (or broke). */
const OUTPUT_KEPT_BYTES = 2000;
/** Checktestdata's exit status for a valid input. */
const CHECKTESTDATA_VALID = 0;
const EXIT_VALID = 42;
const EXIT_INVALID = 43;

/** One of the package's input validators, found but not built. */
interface FoundValidator {
  /** Its name as arguments name it: the entry's name without extension. */
  name: string;
  /** The entry's path in the package ("input_validators/validate.py"). */
  rel: string;
  abs: string;
  isDir: boolean;
}

/** A test case input a validator did not accept, or a validator that could not judge it. */
export interface InputProblem {
  /** The test case ("secret/3"); null when the validator could not be built at all. */
  testCase: string | null;
  /** The validator's path in the package. */
  validator: string;
  /** 'invalid': the validator rejected the input (43, or checktestdata's failure); 'broken': it
   *  crashed, timed out, exited with another code, or did not build. */
  outcome: 'invalid' | 'broken';
  detail: string;
}

export interface InputValidation {
  /** The validators run (their paths in the package). */
  validators: string[];
  problems: InputProblem[];
  /** What was not run, and why (a VIVA script, a missing checktestdata, a deprecated folder name). */
  warnings: string[];
}

/** The input validators of the package in `dir`. */
function findValidators(dir: string, warnings: string[]): FoundValidator[] {
  const present = FOLDERS.filter((folder) => isDir(join(dir, folder)));
  if (present.length === 0) return [];
  const folder = present[0];
  if (present.length > 1) warnings.push(`${present[1]}/: ignored; the package also has ${folder}/`);
  else if (folder === 'input_format_validators') warnings.push('input_format_validators/: a deprecated name; the format now calls it input_validators/');
  return readdirSync(join(dir, folder), { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => {
      const abs = join(dir, folder, e.name);
      const dirEntry = isDir(abs);
      return { name: dirEntry ? e.name : basename(e.name, extname(e.name)), rel: `${folder}/${e.name}`, abs, isDir: dirEntry };
    });
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

interface RunOutcome {
  /** The exit code; null when killed by a signal or the time limit. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The start of stdout and stderr together. */
  output: string;
}

/** Runs `argv` in `cwd` with stdin from `stdinPath` (or nothing), within `limitMs`. */
function run(argv: string[], cwd: string, limitMs: number, stdinPath?: string): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const stdin = stdinPath === undefined ? 'ignore' : openSync(stdinPath, 'r');
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: [stdin, 'pipe', 'pipe'] });
    if (typeof stdin === 'number') closeSync(stdin);
    let output = '';
    const keep = (chunk: Buffer) => {
      if (output.length < OUTPUT_KEPT_BYTES) output += chunk.toString('utf8', 0, OUTPUT_KEPT_BYTES - output.length);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, signal: null, timedOut: false, output: error.message });
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, timedOut, output: output.trim() });
    });
  });
}

function how(outcome: RunOutcome): string {
  if (outcome.timedOut) return `did not finish within ${RUN_LIMIT_MS / 1000} s`;
  if (outcome.signal) return `was killed by ${outcome.signal}`;
  return `exited with ${outcome.exitCode}`;
}

/** A built validator: the command an input's arguments are appended to, and whether it is checktestdata. */
interface BuiltValidator {
  found: FoundValidator;
  command: string[];
  cwd: string;
  checktestdata: boolean;
}

/** Copies and builds `found` into `buildDir`: the built validator, or why it cannot run (a problem) or is not run (a warning). */
async function build(found: FoundValidator, buildDir: string): Promise<BuiltValidator | { problem: string } | { warning: string }> {
  const dir = join(buildDir, found.name);
  mkdirSync(dir, { recursive: true });
  if (found.isDir) cpSync(found.abs, dir, { recursive: true });
  else cpSync(found.abs, join(dir, basename(found.abs)));
  if (!found.isDir && found.abs.endsWith('.viva')) return { warning: `${found.rel}: VIVA scripts are not run` };
  if (!found.isDir && found.abs.endsWith('.ctd')) {
    const checktestdata = findExecutable('checktestdata');
    if (!checktestdata) return { warning: `${found.rel}: not run (checktestdata is not installed)` };
    return { found, command: [checktestdata, join(dir, basename(found.abs))], cwd: dir, checktestdata: true };
  }
  const files = () => readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());
  const buildStep = async (argv: string[]): Promise<string | null> => {
    const outcome = await run(argv, dir, BUILD_LIMIT_MS);
    return outcome.exitCode === 0 ? null : `building it failed (${outcome.timedOut ? 'timed out' : outcome.signal ?? `exit ${outcome.exitCode}`}): ${outcome.output}`;
  };
  if (files().includes('build')) {
    const failed = await buildStep(['/bin/sh', join(dir, 'build')]);
    if (failed) return { problem: failed };
  }
  try {
    const plan = programPlan(dir, files(), found.rel);
    if (plan.build) {
      const failed = await buildStep(plan.build);
      if (failed) return { problem: failed };
    }
    return { found, command: plan.run, cwd: dir, checktestdata: false };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** The arguments `validator` gets for `test`. */
function argsFor(test: TestCase, validator: FoundValidator): string[] {
  const args = test.inputValidatorArgs ?? [];
  if (Array.isArray(args)) return args;
  return args[validator.name] ?? args[basename(validator.rel)] ?? [];
}

/**
 * The working directory for validating `test`: the validator's own folder, or, for a test case with a
 * `.files` folder, a copy of it with those files added in `runDir` (null and why, when names collide).
 */
function workingDirectory(validator: BuiltValidator, test: TestCase, runDir: string): { cwd: string } | { collision: string } {
  if (test.filesPath === undefined) return { cwd: validator.cwd };
  const own = new Set(readdirSync(validator.cwd));
  const extra = readdirSync(test.filesPath);
  const clash = extra.find((name) => own.has(name));
  if (clash !== undefined) return { collision: `${basename(test.filesPath)}/${clash} has the name of a file of the validator (the format forbids it)` };
  cpSync(validator.cwd, runDir, { recursive: true });
  cpSync(test.filesPath, runDir, { recursive: true });
  return { cwd: runDir };
}

/** Validates one input with one validator (in `runDir` when the test case brings files): null when valid. */
async function validate(validator: BuiltValidator, test: TestCase, runDir: string): Promise<InputProblem | null> {
  const problem = (outcome: InputProblem['outcome'], detail: string): InputProblem => ({ testCase: test.name, validator: validator.found.rel, outcome, detail });
  const place = workingDirectory(validator, test, runDir);
  if ('collision' in place) return problem('broken', place.collision);
  let outcome: RunOutcome;
  try {
    outcome = await run([...validator.command, ...argsFor(test, validator.found)], place.cwd, RUN_LIMIT_MS, test.inputPath);
  } finally {
    if (place.cwd === runDir) rmSync(runDir, { recursive: true, force: true });
  }
  if (validator.checktestdata) return outcome.exitCode === CHECKTESTDATA_VALID ? null : problem('invalid', outcome.output);
  if (outcome.exitCode === EXIT_VALID) return null;
  if (outcome.exitCode === EXIT_INVALID) return problem('invalid', outcome.output);
  return problem('broken', `the validator ${how(outcome)} (expected 42 or 43)${outcome.output ? `: ${outcome.output}` : ''}`);
}

/** Runs every input validator of `pkg` on every test case's input. */
export async function validateInputs(pkg: ProblemPackage): Promise<InputValidation> {
  const warnings: string[] = [];
  const found = findValidators(pkg.dir, warnings);
  const result: InputValidation = { validators: [], problems: [], warnings };
  if (found.length === 0) return result;
  const buildDir = ownedTempDir('inputvalidators');
  try {
    const built: BuiltValidator[] = [];
    for (const f of found) {
      const b = await build(f, buildDir);
      if ('warning' in b) warnings.push(b.warning);
      else if ('problem' in b) result.problems.push({ testCase: null, validator: f.rel, outcome: 'broken', detail: b.problem });
      else built.push(b);
    }
    result.validators = built.map((b) => b.found.rel);
    const work = pkg.testCases.flatMap((test) => built.map((validator) => ({ test, validator })));
    // A few at a time: each is a short process of its own.
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        const n = next++;
        const { test, validator } = work[n];
        const problem = await validate(validator, test, join(buildDir, 'runs', String(n)));
        if (problem) result.problems.push(problem);
      }
    };
    await Promise.all(Array.from({ length: availableParallelism() }, worker));
    // In test order, then validator order, whatever order the runs ended in.
    const order = (p: InputProblem) => [p.testCase === null ? -1 : pkg.testCases.findIndex((t) => t.name === p.testCase), found.findIndex((f) => f.rel === p.validator)];
    result.problems.sort((a, b) => {
      const [ta, va] = order(a);
      const [tb, vb] = order(b);
      return ta - tb || va - vb;
    });
    return result;
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}
