// Judges one submission: compile once in a private folder, run each test in a clean folder,
// check the output, and let the first failing test decide (the test groups' on_reject saying which
// tests after it still run). Everything is removed afterwards.
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { entryFile } from '../common/entryFile.ts';
import { isSourceOf, submittedFiles } from '../common/submittedFiles.ts';
import { classifyRun, memoryAllowanceKb, starvedByMachine, type RunLimits } from './classify.ts';
import { readHead, readTail } from '../common/fileSlices.ts';
import { DEFAULT_PROCESSES, expandCommand, type AvailableLanguage } from '../common/languages.ts';
import { RunnerError, runInPty, type Bind, type InteractorSpec, type RunMeasurement, type SandboxPlacement } from './runner/runInPty.ts';
import { judgeErrorResult, judgeFaultResult, type CompileResult, type JudgeProgress, type JudgeResult, type TestResult } from '../common/results.ts';
import type { TestCase, TestGroup, ValidatorFlags, Verdict } from '../common/types.ts';
import { GroupJudging } from './groupJudging.ts';
import { judgePasses, type RunPass } from './multiPass.ts';
import { ScoringError, SubmissionScoring, scoreTest, scoredResult } from './scoring.ts';
import { validateDefault } from './validate/defaultValidator.ts';
import { parseValidatorFlags } from './validate/validatorFlags.ts';
import { interactiveVerdict, interactorSpec } from './validate/interactor.ts';
import { runOutputValidator, type PreparedValidator } from './validate/outputValidator.ts';

/** Compilers get limits sized for real compilers (g++ with all of the standard library takes about
 *  2 s here, javac 3 s of CPU over its threads): a compile bomb is a CE within seconds, never a worker
 *  held for a minute. A language may allow more (kotlinc starts a JVM). */
const DEFAULT_COMPILE_CPU_MS = 10_000;
/** Wall-clock limit of a compile, as a multiple of its CPU limit (compilers also read and write files). */
const COMPILE_WALL_FACTOR = 2;
const COMPILE_OUTPUT_SHOWN_BYTES = 64 * 1024;
const COMPILE_FILE_SIZE_BYTES = 256 * 1024 * 1024;
const COMPILE_PROCESSES = 256;
/** Memory of a compilation's processes together (where the sandbox has a memory cgroup). */
const COMPILE_GROUP_MEM_KB = 2 * 1024 * 1024;
/** A test run's processes together may use the memory limit, plus what its outputs and /box hold
 *  (tmpfs and page cache count in a memory cgroup), plus this for the sandbox's own init. */
const GROUP_SLACK_KB = 16 * 1024;
/** A test may take this much wall-clock time beyond its CPU limit (counted from its exec; the
 *  sandbox's set-up is not counted), at least: a program that waits or sleeps uses no CPU. */
const WALL_SLACK_MIN_MS = 1000;
/** Wall-clock limit of a test: the time limit plus half of it, at least plus WALL_SLACK_MIN_MS. */
export function wallBackstopMs(timeLimitMs: number): number {
  return timeLimitMs + Math.max(WALL_SLACK_MIN_MS, timeLimitMs / 2);
}
const STDERR_TAIL_BYTES = 8 * 1024;
/** How much of a failing test's output is kept for the judges' side-by-side view. */
const FAILING_OUTPUT_KEPT_BYTES = 64 * 1024;
/** Scratch space a test run may write in /box (a tmpfs, gone after the run). */
const BOX_TMPFS_KB = 64 * 1024;

export interface JudgeProblem {
  id: string;
  testCases: TestCase[];
  testGroups: TestGroup[];
  timeLimitMs: number;
  memoryLimitMb: number;
  outputLimitMb: number;
  /** The default validator, or a prepared custom one (each test case brings its arguments). */
  validator: { kind: 'default' } | { kind: 'custom'; prepared: PreparedValidator };
  /** The custom validator is an interactor, talking with the program while it runs. */
  interactive: boolean;
  /** Multi-pass problems: the most passes a test case may run (null: one run, not multi-pass). */
  multiPassLimit: number | null;
  /** A scoring problem: the test groups carry their scoring rules, the result its score (scoring.ts; absent: pass-fail). */
  scoring?: boolean;
}

export interface JudgeSubmissionInput {
  /** The source file, or the folder of a submission of several files (common/submittedFiles.ts). */
  sourcePath: string;
  /** Original file name, used for Java's class detection and messages (a folder's: unused). */
  fileName: string;
  language: AvailableLanguage;
  problem: JudgeProblem;
  /** Run every test even after a failure (for a full per-test table). */
  runAllTests?: boolean;
}

export interface JudgeEnvironment {
  /** A fresh private folder for this submission; removed when judging ends. */
  workDir: string;
  placement: SandboxPlacement | null;
  /** Owner of the folders the program may write (null: the judge's own uid). */
  uid: number | null;
  onProgress?: (progress: JudgeProgress) => void;
  /** Live output of the compiler and the program (display only). */
  onOutput?: (chunk: string) => void;
  signal?: AbortSignal;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function makeOwnedDir(path: string, uid: number | null): void {
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true, mode: 0o755 });
  if (uid !== null) chownSync(path, uid, uid);
}

/** Java: the public class decides the file name; otherwise the first class declared. */
function javaClassName(source: string): string {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const publicClass = /\bpublic\s+(?:(?:final|abstract|strictfp)\s+)*(?:class|record|enum|interface)\s+([A-Za-z_$][\w$]*)/.exec(withoutComments);
  const anyClass = /\b(?:class|record)\s+([A-Za-z_$][\w$]*)/.exec(withoutComments);
  return publicClass?.[1] ?? anyClass?.[1] ?? 'Main';
}

/** The sources in the compile folder, the entry file (`{src}`) and the class to look for first. */
type PreparedSources = { sources: string[]; entry: string; className: string } | { error: string };

/** JVM languages: the class a source's top-level code compiles into (`Main.java` → Main, `main.kt` → MainKt). */
function classOfSource(language: AvailableLanguage, name: string): string {
  const stem = basename(name, extname(name));
  return language.id === 'kotlin' ? `${stem.charAt(0).toUpperCase()}${stem.slice(1)}Kt` : stem;
}

/**
 * Writes the submission into the compile folder. One file is saved under the language's own name
 * (`main.cpp`, Java's `{class}.java`). Several keep their names and folders: the language's sources
 * are compiled together (`{sources}`), or only the entry file where the command names `{src}` alone
 * (Rust finds its modules, Python and JavaScript import theirs); the other files (headers, data) are
 * there for the compiler and the program to read.
 */
function prepareSources(input: JudgeSubmissionInput, compileDir: string, uid: number | null): PreparedSources {
  const { language } = input;
  // The copies must be readable by the compiler's uid whatever the originals' modes (zips unpack 0600).
  if (!statSync(input.sourcePath).isDirectory()) {
    const source = readFileSync(input.sourcePath);
    const className = language.id === 'java' ? javaClassName(source.toString('utf8')) : classOfSource(language, language.source);
    const sourceName = language.source.replace('{class}', className);
    writeFileSync(join(compileDir, sourceName), source, { mode: 0o644 });
    return { sources: [sourceName], entry: sourceName, className };
  }
  const files = submittedFiles(input.sourcePath);
  for (const file of files) {
    const target = join(compileDir, file.name);
    // The compiler's uid owns the folders too: javac writes a package's classes next to its sources.
    for (const dir of foldersBetween(compileDir, dirname(target))) if (!existsSync(dir)) makeOwnedDir(dir, uid);
    writeFileSync(target, readFileSync(file.path), { mode: 0o644 });
  }
  const sources = files.map((f) => f.name).filter((name) => isSourceOf(language, name));
  const entry = entryFile(sources);
  if (entry === null) return { error: `no ${language.name} source among the submitted files (${files.map((f) => f.name).join(', ') || 'none'})` };
  return { sources, entry, className: classOfSource(language, entry) };
}

/** The folders from just below `top` down to `dir` (inside it), outermost first. */
function foldersBetween(top: string, dir: string): string[] {
  const parts = relative(top, dir).split(sep).filter(Boolean);
  return parts.map((_, i) => join(top, ...parts.slice(0, i + 1)));
}

/** Whether a compile ended well (exit 0, within its limits). */
function compiledWell(run: RunMeasurement): boolean {
  return run.exitCode === 0 && run.signal === 0 && !run.wallTimeout && !run.memoryKilled;
}

/** How deep package folders of a Java submission are looked into (`a/b/c/Main.class`). */
const JAVA_PACKAGE_DEPTH = 8;

/** The top-level class files below `dir` (nested classes `A$B` left out), as paths relative to it. */
function topLevelClassFiles(dir: string, depth = 0): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return depth < JAVA_PACKAGE_DEPTH ? topLevelClassFiles(join(dir, entry.name), depth + 1).map((f) => `${entry.name}/${f}`) : [];
    return entry.isFile() && entry.name.endsWith('.class') && !entry.name.includes('$') ? [entry.name] : [];
  });
}

/** JVM languages: the compiled top-level class that declares `main(String[])`, whatever the file was
 *  called, with its package (`contest.Main`, from `contest/Main.class`: javac -d puts a package in
 *  folders); `preferred` where several do; null where none does. */
function jvmMainClass(compileDir: string, preferred: string): string | null {
  const withMain = topLevelClassFiles(compileDir).filter((f) => {
    const bytes = readFileSync(join(compileDir, f)).toString('latin1');
    return bytes.includes('main') && bytes.includes('([Ljava/lang/String;)V');
  });
  const names = withMain.map((f) => f.slice(0, -'.class'.length).replaceAll('/', '.'));
  return names.find((name) => name === preferred) ?? names.find((name) => name.endsWith(`.${preferred}`)) ?? names[0] ?? null;
}

function toolchainBinds(language: AvailableLanguage): Bind[] {
  return language.toolchainDirs.map((dir) => ({ src: dir, dst: dir }));
}

function sandboxEnv(language: AvailableLanguage): string[] {
  const toolBins = [...new Set(Object.values(language.executables).map((p) => p.slice(0, p.lastIndexOf('/'))))];
  return [`PATH=${[...toolBins, '/usr/local/bin', '/usr/bin', '/bin'].join(':')}`, 'LANG=C.UTF-8', 'HOME=/box', 'TMPDIR=/box'];
}

/** The command to start, with argv[0] resolved to the toolchain's absolute path. */
function resolveArgv(language: AvailableLanguage, template: string[], values: Record<string, string>, lists: Record<string, readonly string[]> = {}): string[] {
  const argv = expandCommand(template, values, lists);
  const executable = language.executables[argv[0]];
  return executable ? [executable, ...argv.slice(1)] : argv;
}

/** Bytes a program file must start with to be run directly: an ELF binary or a script's #!. */
const RUNNABLE_MAGIC = ['\x7fELF', '#!'];

/** Why the compiled program at `/prog/...` cannot be run, or null when it can (or the command is a runtime's). */
function unrunnableProgram(command: string, compileDir: string): string | null {
  if (!command.startsWith('/prog/')) return null;
  const file = join(compileDir, command.slice('/prog/'.length));
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return 'the compiler produced no program to run (is this a library rather than a program with main?)';
  }
  const head = readHead(file, 4);
  if (!stats.isFile() || (stats.mode & 0o111) === 0 || !RUNNABLE_MAGIC.some((magic) => head.startsWith(magic))) {
    return 'the compiler produced a file that is not a runnable program (is this a library rather than a program with main?)';
  }
  return null;
}

export async function judgeSubmission(input: JudgeSubmissionInput, env: JudgeEnvironment): Promise<JudgeResult> {
  const { language, problem } = input;
  const compileDir = join(env.workDir, 'compile');
  const boxDir = join(env.workDir, 'box');
  const ioDir = join(env.workDir, 'io');
  mkdirSync(ioDir, { recursive: true, mode: 0o700 });
  const memoryLimitKb = problem.memoryLimitMb * 1024;
  const limits: RunLimits = {
    timeLimitMs: problem.timeLimitMs,
    memoryLimitKb,
    outputLimitBytes: problem.outputLimitMb * 1024 * 1024,
    memoryMode: language.memory,
  };

  // Compiles and runs alike: unlimited stack (deep recursion is common), the toolchain's PATH, the
  // sandbox (and each its system-call filter).
  const sharedSpec = { stackKb: 0, env: sandboxEnv(language), sandbox: env.placement };

  // A flag the default validator does not know is the package's fault: found before anything runs.
  if (problem.validator.kind === 'default') {
    try {
      for (const test of problem.testCases) defaultValidatorFlags(test);
    } catch (error) {
      return judgeErrorResult((error as Error).message);
    }
  }

  // ---- compile ----
  env.onProgress?.({ phase: 'compiling' });
  makeOwnedDir(compileDir, env.uid);
  const prepared = prepareSources(input, compileDir, env.uid);
  if ('error' in prepared) return { verdict: 'CE', tests: [], compile: { ok: false, output: prepared.error, timeMs: 0 }, timeMs: 0, memoryKb: 0 };
  const { sources, className } = prepared;
  const values: Record<string, string> = { src: prepared.entry, class: className, main: className, memMb: String(problem.memoryLimitMb) };
  const compileOut = join(ioDir, 'compile.out');
  const compileCpuMs = language.compileCpuMs ?? DEFAULT_COMPILE_CPU_MS;
  // A language whose compiler takes one file is run once per source (until one fails); the others once.
  const compileCommands = language.compileEach
    ? sources.map((src) => resolveArgv(language, language.compile, { ...values, src }))
    : [resolveArgv(language, language.compile, values, { sources })];
  let compileRun: RunMeasurement | null = null;
  let compileOutput = '';
  for (const argv of compileCommands) {
    try {
      compileRun = await runInPty(
        {
          argv,
          cwd: env.placement ? '/box' : compileDir,
          box: compileDir,
          binds: toolchainBinds(language),
          stdoutPath: compileOut,
          stderrPath: compileOut,
          resultPath: join(ioDir, 'compile.json'),
          cpuMs: compileCpuMs,
          wallMs: compileCpuMs * COMPILE_WALL_FACTOR,
          memKb: 0,
          fileSizeBytes: COMPILE_FILE_SIZE_BYTES,
          processes: COMPILE_PROCESSES,
          groupMemKb: COMPILE_GROUP_MEM_KB,
          ...sharedSpec,
          seccomp: 'compiler',
          sandbox: env.placement && { ...env.placement, cgroupDir: env.placement.buildCgroupDir },
        },
        env.onOutput,
        env.signal,
      );
    } catch (error) {
      if (error instanceof RunnerError) return judgeFaultResult(`compiler could not run: ${error.message}`);
      throw error;
    }
    // A compile that ran out of wall-clock time while waiting for a CPU is the machine's fault.
    if (starvedByMachine(compileRun, compileCpuMs * COMPILE_WALL_FACTOR)) {
      return judgeFaultResult(`the compiler waited ${compileRun.runDelayMs} ms for a CPU of the ${compileRun.wallMs} ms it ran (the machine is overloaded): judged again`);
    }
    compileOutput = `${compileOutput}${readTail(compileOut, COMPILE_OUTPUT_SHOWN_BYTES)}`.slice(-COMPILE_OUTPUT_SHOWN_BYTES);
    if (!compiledWell(compileRun)) break;
  }
  if (!compileRun) throw new Error('no compile command ran');
  const compileOk = compiledWell(compileRun);
  const compile: CompileResult = {
    ok: compileOk,
    output: compileRun.memoryKilled
      ? `${compileOutput}\ncompilation exceeded the memory limit of ${COMPILE_GROUP_MEM_KB / 1024} MiB`
      : compileRun.wallTimeout || compileRun.cpuTimeout || compileRun.signal === 24
        ? `${compileOutput}\ncompilation exceeded the time limit`
        : compileOutput,
    timeMs: compileRun.cpuMs,
  };
  if (!compileOk) return { verdict: 'CE', tests: [], compile, timeMs: 0, memoryKb: 0 };
  if (language.mainClass) {
    const main = jvmMainClass(compileDir, className);
    if (main === null) return { verdict: 'CE', tests: [], compile: { ...compile, ok: false, output: `${compile.output}${compile.output ? '\n' : ''}no class declares main (public static void main(String[] args))` }, timeMs: 0, memoryKb: 0 };
    values.main = main;
  }

  // ---- run each test ----
  const runArgv = resolveArgv(language, language.run, values);
  // A compile that "succeeds" without a program (a Rust library crate, a Go package that is not main)
  // is the team's compile error, not a judging error at the first run.
  const notRunnable = unrunnableProgram(runArgv[0], compileDir);
  if (notRunnable) return { verdict: 'CE', tests: [], compile: { ...compile, ok: false, output: `${compile.output}${compile.output ? '\n' : ''}${notRunnable}` }, timeMs: 0, memoryKb: 0 };
  const binds: Bind[] = [...toolchainBinds(language), { src: compileDir, dst: '/prog' }];
  // A slot's own folder in shared memory where the sandbox gives one (each test rewrites it).
  const testIoDir = env.placement?.ioDir ?? ioDir;
  const tests: TestResult[] = [];
  let verdict: Verdict = 'AC';
  let firstFailure: JudgeResult['firstFailure'];
  const total = problem.testCases.length;
  const groups = new GroupJudging(problem.testGroups);
  let scoring: SubmissionScoring | null = null;
  try {
    if (problem.scoring) scoring = new SubmissionScoring(problem.testCases, problem.testGroups);
  } catch (error) {
    if (error instanceof ScoringError) return judgeErrorResult(error.message, compile);
    throw error;
  }
  for (const [index, test] of problem.testCases.entries()) {
    if (!input.runAllTests && !groups.shouldRun(test)) continue;
    const stdoutPath = join(testIoDir, 'test.out');
    const stderrPath = join(testIoDir, 'test.err');
    const feedbackDir = join(env.workDir, 'feedback', String(index));
    // Runs the program once on `inputPath` and judges what it did (a multi-pass problem: one pass).
    const runPass: RunPass = async (inputPath, pass) => {
      env.onProgress?.({ phase: 'running', testIndex: index, testCount: total, testName: test.name, ...(problem.multiPassLimit === null ? {} : { pass }) });
      // Sandboxed runs get a fresh tmpfs /box from the runner; unsandboxed ones a fresh host folder.
      if (!env.placement) makeOwnedDir(boxDir, env.uid);
      // Interactive problems: the program talks with the interactor instead of reading and writing files.
      let interactor: InteractorSpec | undefined;
      if (problem.interactive) {
        if (problem.validator.kind !== 'custom') return { abort: judgeErrorResult('an interactive problem without its interactor', compile, tests) };
        interactor = interactorSpec(problem.validator.prepared, { inputPath, answerPath: test.answerPath, feedbackDir, workDir: join(env.workDir, 'validator'), flags: test.validatorArgs });
        rmSync(stdoutPath, { force: true });
      }
      let measurement: RunMeasurement;
      try {
        measurement = await runInPty(
          {
            argv: env.placement ? runArgv : runArgv.map((a) => a.replace(/^\/prog(?=\/|$)/, compileDir)),
            cwd: env.placement ? '/box' : boxDir,
            ...(env.placement ? { boxTmpfsKb: BOX_TMPFS_KB } : { box: boxDir }),
            binds,
            ...(interactor ? { interactor } : { stdinPath: inputPath }),
            stdoutPath,
            stderrPath,
            resultPath: join(ioDir, 'test.json'),
            cpuMs: problem.timeLimitMs,
            wallMs: wallBackstopMs(problem.timeLimitMs),
            memKb: language.memory === 'rlimit' ? memoryLimitKb : 0,
            fileSizeBytes: limits.outputLimitBytes,
            processes: language.processes ?? DEFAULT_PROCESSES,
            // stdout and stderr may each reach the output limit (RLIMIT_FSIZE is per file).
            groupMemKb: memoryAllowanceKb(limits) + 2 * Math.ceil(limits.outputLimitBytes / 1024) + BOX_TMPFS_KB + GROUP_SLACK_KB,
            ...sharedSpec,
            seccomp: 'program',
          },
          env.onOutput,
          env.signal,
        );
      } catch (error) {
        if (error instanceof RunnerError) return { abort: judgeFaultResult(`test ${test.name}: ${error.message}`, compile, tests) };
        throw error;
      }
      if (starvedByMachine(measurement, wallBackstopMs(problem.timeLimitMs))) {
        return { abort: judgeFaultResult(`test ${test.name}: the program waited ${measurement.runDelayMs} ms for a CPU of the ${measurement.wallMs} ms it ran (the machine is overloaded): judged again`, compile, tests) };
      }
      const decided = classifyRun({ measurement, outputBytes: sizeOf(stdoutPath), stderrTail: readTail(stderrPath, STDERR_TAIL_BYTES) }, limits);
      if (interactor) return { ...interactiveVerdict(measurement, decided, interactor, feedbackDir), measurement };
      if (decided) return { verdict: decided.verdict, message: decided.reason, measurement };
      return { ...(await checkOutput(problem, test, inputPath, stdoutPath, feedbackDir, env)), measurement };
    };
    const outcome =
      problem.multiPassLimit === null
        ? await runPass(test.inputPath, 1)
        : await judgePasses({ inputPath: test.inputPath, feedbackDir, passInputPath: join(env.workDir, 'passes', `${index}.in`), limit: problem.multiPassLimit }, runPass);
    if ('abort' in outcome) return outcome.abort;
    const { measurement } = outcome;
    // A scoring problem: the test case's score, from what the validator left in the feedback folder.
    const { verdict: testVerdict, message, score } = scoring ? scoreTest(scoring, test, outcome, feedbackDir) : { ...outcome, score: undefined };
    const outputBytes = sizeOf(stdoutPath);
    const result: TestResult = {
      name: test.name,
      verdict: testVerdict,
      timeMs: measurement.cpuMs,
      wallMs: measurement.wallMs,
      memoryKb: measurement.memoryKb,
      exitCode: measurement.exitCode,
      signal: measurement.signal,
      message,
      ...(score !== undefined ? { score } : {}),
    };
    tests.push(result);
    env.onProgress?.({ phase: 'tested', testIndex: index, testCount: total, result });
    if (testVerdict !== 'AC') groups.reject(test);
    if (testVerdict !== 'AC' && verdict === 'AC') {
      verdict = testVerdict;
      // An interactive program's output went to the interactor, not to a file: nothing to compare side by side.
      if (!problem.interactive) firstFailure = { testName: test.name, output: readHead(stdoutPath, FAILING_OUTPUT_KEPT_BYTES), truncated: outputBytes > FAILING_OUTPUT_KEPT_BYTES };
    }
  }
  const result: JudgeResult = {
    verdict,
    tests,
    compile,
    timeMs: Math.max(0, ...tests.map((t) => t.timeMs)),
    memoryKb: Math.max(0, ...tests.map((t) => t.memoryKb)),
    ...(firstFailure ? { firstFailure } : {}),
  };
  return scoring ? scoredResult(scoring, result) : result;
}

/** The default validator's flags of a test case (an Error for a flag it does not know). */
function defaultValidatorFlags(test: TestCase): ValidatorFlags {
  try {
    return parseValidatorFlags(test.validatorArgs);
  } catch (error) {
    throw new Error(`test ${test.name}: ${(error as Error).message}`, { cause: error });
  }
}

/** Checks one output (a program's, or a submitted answer) with the problem's validator. */
export async function checkOutput(problem: JudgeProblem, test: TestCase, inputPath: string, stdoutPath: string, feedbackDir: string, env: JudgeEnvironment): Promise<{ verdict: Verdict; message: string }> {
  if (problem.validator.kind === 'default') {
    const flags = defaultValidatorFlags(test);
    const result = validateDefault(readFileSync(stdoutPath), readFileSync(test.answerPath), flags);
    return { verdict: result.accepted ? 'AC' : 'WA', message: result.message };
  }
  const outcome = await runOutputValidator(problem.validator.prepared, {
    inputPath,
    answerPath: test.answerPath,
    teamOutputPath: stdoutPath,
    feedbackDir,
    workDir: join(env.workDir, 'validator'),
    flags: test.validatorArgs,
  });
  return outcome;
}
