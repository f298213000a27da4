// Submit-answer problems: the submission is the answers themselves, so nothing is compiled or run.
// Each test case's "output" is the submitted answer for it, checked by the problem's validator (the
// default one or the package's own) as a program's output would be; the test groups' on_reject
// applies as for programs.
//
// What a submission is (the format says only "the answers to the test cases"):
// - a zip: one answer per test case, named by the test case as the package names it, with `.out` or
//   `.ans` (`sample/1.out`, `secret/group1/03.ans`); a test case the zip holds no answer for is WA;
//   other entries are ignored;
// - any other file: the answer to every test case (a problem with one answer, such as one without
//   input).
// An answer larger than the problem's output limit is OLE, as a program's output would be.
import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import { readHead } from '../common/fileSlices.ts';
import { judgeErrorResult, type CompileResult, type JudgeResult, type TestResult } from '../common/results.ts';
import type { TestCase, Verdict } from '../common/types.ts';
import { GroupJudging } from './groupJudging.ts';
import { checkOutput, type JudgeEnvironment, type JudgeProblem } from './judgeSubmission.ts';

/** A zip's first bytes (a local file header), as UTF-8 reads them. */
const ZIP_MAGIC = 'PK\x03\x04';
const ANSWER_EXTENSIONS = ['.out', '.ans'];
/** Entries a submitted zip may hold: far more than any problem's test cases. */
const MAX_ZIP_ENTRIES = 10_000;
/** How much of a failing answer is kept for the judges' side-by-side view. */
const FAILING_ANSWER_KEPT_BYTES = 64 * 1024;
/** Nothing is compiled: the compile step of the result says so. */
const NOTHING_COMPILED: CompileResult = { ok: true, output: '', timeMs: 0 };

/** Where a test case's answer is: a file, none in the zip, or one over the output limit. */
type Answer = { path: string } | { missing: true } | { tooLarge: true };

export interface AnswersInput {
  /** The submitted file: a zip of answers, or the one answer to every test case. */
  sourcePath: string;
  problem: JudgeProblem;
  runAllTests?: boolean;
}

function isZip(path: string): boolean {
  return readHead(path, ZIP_MAGIC.length) === ZIP_MAGIC;
}

/** The test case an entry answers ("secret/1.out" → index of secret/1), or -1. */
function answeredTest(entryName: string, indexByName: Map<string, number>): number {
  const name = entryName.replace(/^\.\//, '');
  const ext = ANSWER_EXTENSIONS.find((e) => name.endsWith(e));
  if (ext === undefined) return -1;
  return indexByName.get(name.slice(0, -ext.length)) ?? -1;
}

/** Writes `stream` to `path`, stopping past `limitBytes`: false when the answer was larger. */
async function writeBounded(stream: NodeJS.ReadableStream, path: string, limitBytes: number): Promise<boolean> {
  let size = 0;
  let within = true;
  const bound = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limitBytes) {
        within = false;
        done();
        return;
      }
      done(null, chunk);
    },
  });
  await pipeline(stream, bound, createWriteStream(path));
  return within;
}

/** Unpacks the answers the zip holds for the problem's test cases into `dir`, by test index. */
function answersFromZip(zipPath: string, tests: readonly TestCase[], dir: string, limitBytes: number): Promise<Map<number, Answer> | string> {
  const indexByName = new Map(tests.map((t, i) => [t.name, i]));
  const answers = new Map<number, Answer>();
  return new Promise((resolve) => {
    yauzl.open(zipPath, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return resolve(`the submitted file is not a readable zip (${error?.message ?? 'no zip'})`);
      let entries = 0;
      const fail = (why: string) => {
        zip.close();
        resolve(why);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        if (++entries > MAX_ZIP_ENTRIES) return fail(`the submitted zip holds more than ${MAX_ZIP_ENTRIES} entries`);
        const index = answeredTest(entry.fileName, indexByName);
        if (index < 0 || entry.fileName.endsWith('/') || answers.has(index)) return zip.readEntry();
        if (entry.uncompressedSize > limitBytes) {
          answers.set(index, { tooLarge: true });
          return zip.readEntry();
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(`cannot read ${entry.fileName} in the submitted zip`);
          const path = join(dir, `${index}.out`);
          writeBounded(stream, path, limitBytes).then(
            (within) => {
              answers.set(index, within ? { path } : { tooLarge: true });
              zip.readEntry();
            },
            () => fail(`${entry.fileName} in the submitted zip is corrupt`),
          );
        });
      });
      zip.on('end', () => resolve(answers));
      zip.on('error', (zipError: Error) => resolve(`the submitted zip is corrupt (${zipError.message})`));
      zip.readEntry();
    });
  });
}

/** Judges a submit-answer submission: each test case's answer checked by the problem's validator. */
export async function judgeAnswers(input: AnswersInput, env: JudgeEnvironment): Promise<JudgeResult> {
  const { problem } = input;
  const tests = problem.testCases;
  const limitBytes = problem.outputLimitMb * 1024 * 1024;
  const answersDir = join(env.workDir, 'answers');
  mkdirSync(answersDir, { recursive: true, mode: 0o700 });
  let answers: Map<number, Answer>;
  if (isZip(input.sourcePath)) {
    const unpacked = await answersFromZip(input.sourcePath, tests, answersDir, limitBytes);
    // A zip that cannot be read is the team's file, not the judge's fault: every answer is missing.
    if (typeof unpacked === 'string') return { verdict: 'WA', tests: [], compile: { ...NOTHING_COMPILED, output: unpacked }, timeMs: 0, memoryKb: 0 };
    answers = unpacked;
  } else {
    const one: Answer = statSync(input.sourcePath).size > limitBytes ? { tooLarge: true } : { path: input.sourcePath };
    answers = new Map(tests.map((_, i) => [i, one]));
  }

  const results: TestResult[] = [];
  let verdict: Verdict = 'AC';
  let firstFailure: JudgeResult['firstFailure'];
  const groups = new GroupJudging(problem.testGroups);
  for (const [index, test] of tests.entries()) {
    if (!input.runAllTests && !groups.shouldRun(test)) continue;
    env.onProgress?.({ phase: 'running', testIndex: index, testCount: tests.length, testName: test.name });
    const answer = answers.get(index) ?? { missing: true };
    let checked: { verdict: Verdict; message: string };
    if ('missing' in answer) checked = { verdict: 'WA', message: `no answer for this test case (the zip holds no ${test.name}.out)` };
    else if ('tooLarge' in answer) checked = { verdict: 'OLE', message: `the answer is larger than the output limit of ${problem.outputLimitMb} MiB` };
    else {
      try {
        checked = await checkOutput(problem, test, test.inputPath, answer.path, join(env.workDir, 'feedback', String(index)), env);
      } catch (error) {
        // A flag the default validator does not know: the package's fault.
        return judgeErrorResult((error as Error).message, NOTHING_COMPILED, results);
      }
    }
    const result: TestResult = { name: test.name, verdict: checked.verdict, timeMs: 0, wallMs: 0, memoryKb: 0, exitCode: 0, signal: 0, message: checked.message };
    results.push(result);
    env.onProgress?.({ phase: 'tested', testIndex: index, testCount: tests.length, result });
    if (checked.verdict !== 'AC') {
      groups.reject(test);
      if (verdict === 'AC') {
        verdict = checked.verdict;
        if ('path' in answer) firstFailure = { testName: test.name, output: readHead(answer.path, FAILING_ANSWER_KEPT_BYTES), truncated: statSync(answer.path).size > FAILING_ANSWER_KEPT_BYTES };
      }
    }
  }
  return { verdict, tests: results, compile: NOTHING_COMPILED, timeMs: 0, memoryKb: 0, ...(firstFailure ? { firstFailure } : {}) };
}
