// `verdict verify <dir|zip> [--json]`: judge a package's own example submissions and check that
// each gets a verdict its submissions/<expected>/ folder allows, and for a scoring problem the score
// the package expects (package/exampleScores.ts); and run its input validators on every test case's
// input (package/inputValidators.ts).
import { relative } from 'node:path';
import { JudgeEngine, jobFor } from '../judging/engine.ts';
import type { ExtensionLanguages } from '../common/languages.ts';
import { languageForFiles, submittedFiles } from '../common/submittedFiles.ts';
import { DEFAULT_TIME_LIMIT_MS, readPackage } from '../package/readPackage.ts';
import { derivedTimeLimits, statedTimeLimits, type TimeLimits } from '../package/timeLimits.ts';
import { matchesExpected, verdictAtLimit } from '../package/exampleVerdicts.ts';
import { readExpectedResults, STATED_RESULTS_FOLDERS } from '../package/expectedResults.ts';
import { validateInputs, type InputProblem } from '../package/inputValidators.ts';
import { formatScore, scoreMismatches } from '../package/exampleScores.ts';
import type { JudgeResult } from '../common/results.ts';
import { ANSWER_LANGUAGE_ID, type PackageSubmission, type ProblemPackage } from '../common/types.ts';
import type { LanguageInfo } from '../common/judgehostProtocol.ts';
import { ProgressLine, cell, escapeControls, formatMs, jsonText, rethrowEscaped, table } from './output.ts';

/** Time limit accepted submissions run under while the real limit is being derived (ms). */
const PROBE_TIME_LIMIT_MS = 10_000;

export interface VerifyOptions {
  problem: string;
  json: boolean;
  workers?: number;
  /** The language per extension where several share it (--language-for). */
  extensionLanguages?: ExtensionLanguages;
  /** Judge even where no sandbox can be built. */
  allowUnsandboxed?: boolean;
}

interface VerifiedSubmission {
  path: string;
  /** Its folder under submissions/. */
  expected: string;
  /** The verdicts its source states (@EXPECTED_RESULTS@) in place of its folder's; absent when it states none. */
  expectedVerdicts?: readonly string[];
  language: string | null;
  /** The verdict at the time limit. */
  verdict: string | null;
  /** The verdict at the margin limit (time limit × time_limit_to_tle); null for accepted/ (judged at the limit). */
  verdictAtMargin: string | null;
  matches: boolean;
  skipped: boolean;
  timeMs: number;
  memoryKb: number;
  detail: string;
  /** Scoring problems only: the score, and why it is not what the package expects (empty: it is). */
  score?: number | null;
  scoreMismatches?: string[];
}

type Plan = { submission: PackageSubmission; language: LanguageInfo } | { submission: PackageSubmission; skip: string };

/** A submit-answer problem's submissions are the answers, judged without a language. */
const ANSWERS: LanguageInfo = { id: ANSWER_LANGUAGE_ID, name: 'answers', extensions: [], available: true, detail: '' };

function plan(pkg: ProblemPackage, languages: LanguageInfo[], extensionLanguages: ExtensionLanguages = {}): Plan[] {
  return pkg.submissions.map((submission) => {
    if (STATED_RESULTS_FOLDERS.has(submission.expected) && !submission.expectedVerdicts) return { submission, skip: 'its source states no @EXPECTED_RESULTS@ (DOMjudge leaves it to a judge)' };
    if (pkg.submitAnswer) return { submission, language: ANSWERS };
    const language = languageForFiles(languages, submittedFiles(submission.path).map((f) => f.name), extensionLanguages);
    if (!language) return { submission, skip: 'no language for this file extension' };
    if (!language.available) return { submission, skip: `${language.id} is not available on this machine (${language.detail})` };
    return { submission, language };
  });
}

/** CPU time of the slowest accepted run (ms), or null when none was accepted. */
function slowestAcceptedMs(acceptedResults: JudgeResult[]): number | null {
  const times = acceptedResults.filter((r) => r.verdict === 'AC').map((r) => r.timeMs);
  return times.length === 0 ? null : Math.max(...times, 1);
}

/** "secret/3: input_validators/validate.py rejected it: <its output>" (the package's text escaped). */
function describeInputProblem(p: InputProblem): string {
  const what = p.outcome === 'invalid' ? 'rejected it' : 'is broken';
  return escapeControls(`${p.testCase === null ? p.validator : `${p.testCase}: ${p.validator}`} ${p.testCase === null ? 'is broken' : what}${p.detail ? `: ${p.detail}` : ''}`, { multiline: true });
}

/** The verdict at the limit, and the one at the margin where it differs ("TLE, WA at 2 s"). */
function verdictCell(r: VerifiedSubmission, marginLimitMs: number): string {
  if (r.verdict === null) return '-';
  if (r.verdictAtMargin === null || r.verdictAtMargin === r.verdict) return r.verdict;
  return `${r.verdict}, ${r.verdictAtMargin} at ${formatMs(marginLimitMs)}`;
}

/** The problem's type in the format's words (problem.yaml's `type`, 2023-07+). */
function problemType(pkg: ProblemPackage): string[] {
  const types = [pkg.scoring ? 'scoring' : 'pass-fail'];
  if (pkg.interactive) types.push('interactive');
  if (pkg.multiPassLimit !== null) types.push('multi-pass');
  if (pkg.submitAnswer) types.push('submit-answer');
  return types;
}

/** The type words verify's first line shows ("multi-pass, at most 2 passes"); empty for a plain pass-fail problem. */
function headerType(pkg: ProblemPackage): string {
  const words: string[] = [];
  if (pkg.interactive) words.push('interactive');
  if (pkg.multiPassLimit !== null) words.push(`multi-pass (at most ${pkg.multiPassLimit} passes)`);
  if (pkg.submitAnswer) words.push('submit-answer');
  return words.join(', ');
}

export async function verifyCommand(options: VerifyOptions): Promise<number> {
  try {
    return await verify(options);
  } catch (error) {
    rethrowEscaped(error); // a package's file names and problem.yaml text
  }
}

async function verify(options: VerifyOptions): Promise<number> {
  const pkg = await readPackage(options.problem);
  // Only verify judges the example submissions: what their sources state is read here, not with every package the server loads.
  readExpectedResults(pkg.submissions, pkg.dir, pkg.warnings);
  const engine = await JudgeEngine.start({ workers: options.workers, allowUnsandboxed: options.allowUnsandboxed });
  const progress = new ProgressLine();
  try {
    progress.update(`verify ${pkg.id}: validating the test cases' inputs`);
    const inputs = await validateInputs(pkg);
    const plans = plan(pkg, engine.languages, options.extensionLanguages);
    const runnable = plans.filter((p): p is Extract<Plan, { language: LanguageInfo }> => 'language' in p);
    const results = new Map<PackageSubmission, JudgeResult>();
    let done = 0;
    const judgeAll = (items: typeof runnable, timeLimitMs: number) =>
      Promise.all(
        items.map(async ({ submission, language }) => {
          const result = await engine.judge(jobFor(pkg, submission.path, language.id, { timeLimitMs }));
          results.set(submission, result);
          progress.update(`verify ${pkg.id}: ${++done}/${runnable.length} judged`);
        }),
      );

    const accepted = runnable.filter((p) => p.submission.expected === 'accepted');
    const others = runnable.filter((p) => p.submission.expected !== 'accepted');
    let limits: TimeLimits;
    let timeLimitSource: 'package' | 'derived' | 'default' = 'package';
    if (pkg.submitAnswer) {
      // Nothing runs: the answers are checked once, no time limit applies (the job's is never used).
      limits = statedTimeLimits(pkg.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, pkg);
      await judgeAll(runnable, limits.timeLimitMs);
    } else if (pkg.timeLimitMs === null) {
      // The package states no limit: run the accepted submissions first and derive it from them.
      await judgeAll(accepted, PROBE_TIME_LIMIT_MS);
      const slowest = slowestAcceptedMs(accepted.map((p) => results.get(p.submission)!));
      limits = slowest === null ? statedTimeLimits(DEFAULT_TIME_LIMIT_MS, pkg) : derivedTimeLimits(slowest, pkg);
      timeLimitSource = slowest === null ? 'default' : 'derived';
      await judgeAll(others, limits.marginLimitMs);
    } else {
      limits = statedTimeLimits(pkg.timeLimitMs, pkg);
      await Promise.all([judgeAll(accepted, limits.timeLimitMs), judgeAll(others, limits.marginLimitMs)]);
    }
    const { timeLimitMs, marginLimitMs } = limits;
    const warnings = [...pkg.warnings, ...inputs.warnings];
    const slowest = slowestAcceptedMs(accepted.map((p) => results.get(p.submission)!));
    if (!pkg.submitAnswer && timeLimitSource === 'package' && slowest !== null && slowest * pkg.acToTimeLimit > timeLimitMs) {
      // problemtools makes this an error; here a busy machine can slow the accepted runs, so it warns.
      warnings.push(`the slowest accepted submission took ${formatMs(slowest)}: x ${pkg.acToTimeLimit} (ac_to_time_limit) is above the time limit of ${formatMs(timeLimitMs)}`);
    }
    progress.clear();

    const report: VerifiedSubmission[] = plans.map((p) => {
      const path = relative(pkg.dir, p.submission.path);
      const scoring = pkg.scoring ? { score: null, scoreMismatches: [] } : {};
      if ('skip' in p) return { path, expected: p.submission.expected, language: null, verdict: null, verdictAtMargin: null, matches: true, skipped: true, timeMs: 0, memoryKb: 0, detail: p.skip, ...scoring };
      const result = results.get(p.submission)!;
      const folder = p.submission.expected;
      // A scoring problem's verdict is its groups' (a legacy grader may accept despite a rejected test
      // case); the first failing test decides only where a test ran over the time limit itself.
      // A submit-answer problem's verdict is its answers': no limit to judge it at.
      const atLimit = pkg.submitAnswer || (pkg.scoring && result.tests.every((t) => t.timeMs <= timeLimitMs)) ? result.verdict : verdictAtLimit(result, timeLimitMs);
      const atMargin = folder === 'accepted' || pkg.submitAnswer ? null : result.verdict;
      const failing = result.tests.find((t) => t.verdict !== 'AC');
      const verdictMatches = matchesExpected(p.submission, atLimit, atMargin ?? atLimit);
      const mismatches = pkg.scoring ? scoreMismatches(pkg, p.submission, result) : [];
      const detail = result.error ?? (result.verdict === 'CE' ? result.compile.output : failing ? `${failing.name}: ${failing.message}` : '');
      return {
        path,
        expected: folder,
        ...(p.submission.expectedVerdicts ? { expectedVerdicts: p.submission.expectedVerdicts } : {}),
        language: p.language.id,
        verdict: atLimit,
        verdictAtMargin: atMargin,
        matches: verdictMatches && mismatches.length === 0,
        skipped: false,
        timeMs: result.timeMs,
        memoryKb: result.memoryKb,
        // A score mismatch says itself; the first failing test only where the verdict does not match.
        detail: verdictMatches ? mismatches.join('; ') : [detail, ...mismatches].filter((d) => d !== '').join('; '),
        ...(pkg.scoring ? { score: result.score ?? null, scoreMismatches: mismatches } : {}),
      };
    });
    const ok = report.every((r) => r.matches) && inputs.problems.length === 0;
    if (options.json) {
      const limitFields = pkg.submitAnswer ? { timeLimitMs: null, marginLimitMs: null, timeLimitSource: null } : { timeLimitMs, marginLimitMs, timeLimitSource };
      console.log(jsonText({ problem: pkg.id, type: problemType(pkg), ...limitFields, ...(pkg.multiPassLimit !== null ? { passLimit: pkg.multiPassLimit } : {}), ...(pkg.scoring ? { maxScore: pkg.maxScore } : {}), ok, warnings, inputValidators: inputs.validators, inputProblems: inputs.problems, submissions: report }));
    } else {
      const rounding = pkg.legacyFormat ? 'to the nearest second' : `up to a multiple of ${formatMs(pkg.timeResolutionMs)}`;
      const source = { package: 'from the package', derived: `derived: slowest accepted x ${pkg.acToTimeLimit}, rounded ${rounding}`, default: 'default: no limit stated and no accepted submission' }[timeLimitSource];
      // The package's id, name and warnings are its author's text: escaped (table() escapes its cells).
      const perPass = pkg.multiPassLimit !== null ? ' per pass' : '';
      const limitsText = pkg.submitAnswer
        ? 'no time limit (the submissions are the answers: nothing runs)'
        : `time limit ${formatMs(timeLimitMs)}${perPass} (${source}), margin ${formatMs(marginLimitMs)}${perPass} for the other submissions`;
      const typeText = headerType(pkg);
      console.log(`${escapeControls(pkg.id)} (${escapeControls(pkg.name)}): ${typeText ? `${typeText}, ` : ''}${pkg.testCases.length} test cases, ${limitsText}`);
      for (const warning of warnings) console.log(`warning: ${escapeControls(warning, { multiline: true })}`);
      if (inputs.validators.length > 0 || inputs.problems.length > 0) {
        const validators = inputs.validators.map((v) => escapeControls(v)).join(', ') || 'none';
        console.log(`input validators (${validators}): ${inputs.problems.length === 0 ? `every input of the ${pkg.testCases.length} test cases is valid` : `${inputs.problems.length} failed`}`);
        for (const problem of inputs.problems) console.log(`FAIL ${describeInputProblem(problem)}`);
      }
      if (pkg.scoring) console.log(`scoring problem: maximum score ${pkg.maxScore === null ? 'unbounded' : formatScore(pkg.maxScore)}`);
      const scoreCell = (r: VerifiedSubmission): string[] => (pkg.scoring ? [r.score === null || r.score === undefined ? '-' : formatScore(r.score)] : []);
      console.log(
        table(
          // A submit-answer problem's submissions take no time: no time column.
          ['', 'submission', 'expected', 'verdict', ...(pkg.scoring ? ['score'] : []), ...(pkg.submitAnswer ? [] : ['time']), 'detail'],
          report.map((r) => [
            r.skipped ? 'skip' : r.matches ? 'ok' : 'FAIL',
            r.path,
            r.expectedVerdicts ? `${r.expected}: ${r.expectedVerdicts.join('/')}` : r.expected,
            verdictCell(r, marginLimitMs),
            ...scoreCell(r),
            ...(pkg.submitAnswer ? [] : [r.skipped ? '' : formatMs(r.timeMs)]),
            r.matches && !r.skipped ? '' : cell(r.detail),
          ]),
        ),
      );
      const failed = report.filter((r) => !r.matches).length;
      const skipped = report.filter((r) => r.skipped).length;
      console.log(`\n${report.length - failed - skipped} matching, ${failed} not matching, ${skipped} skipped`);
    }
    return ok ? 0 : 1;
  } finally {
    progress.clear();
    pkg.dispose();
    await engine.close();
  }
}
