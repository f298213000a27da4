// Shared vocabulary of the judging engine. Plain data only: no behaviour lives here.
import { FileError } from './errors.ts';

/** Verdicts (contract in DESIGN.md). JE is never the contestant's fault. */
export type Verdict = 'AC' | 'WA' | 'TLE' | 'MLE' | 'RTE' | 'OLE' | 'CE' | 'JE';
export const VERDICTS: readonly Verdict[] = ['AC', 'WA', 'TLE', 'MLE', 'RTE', 'OLE', 'CE', 'JE'];

/** Expected-verdict folders under a package's `submissions/`, and the verdicts each allows. */
export const EXPECTED_FOLDERS: Readonly<Record<string, readonly Verdict[]>> = {
  accepted: ['AC'],
  wrong_answer: ['WA'],
  time_limit_exceeded: ['TLE'],
  // No format version has a memory limit verdict or folder (2025-09's verdicts are AC, WA, TLE and
  // RTE): a program that runs out of memory crashes, and problemtools judges it RTE.
  run_time_error: ['RTE', 'MLE'],
  memory_limit_exceeded: ['MLE', 'RTE'],
  // Legacy scoring problems: accepted, with less than the maximum score (checked by verify).
  partially_accepted: ['AC'],
  output_limit_exceeded: ['OLE', 'RTE', 'WA'],
  compile_error: ['CE'],
  rejected: ['WA', 'TLE', 'MLE', 'RTE', 'OLE', 'CE'],
  // 2025-09 and some tools: "brute_force" and "time_limit_exceeded" behave alike for a judge.
  brute_force: ['TLE', 'RTE', 'MLE'],
  // DOMjudge's names (its example problems): a compile error; a program that prints nothing (a wrong
  // answer here); one that prints too much.
  compiler_error: ['CE'],
  no_output: ['WA'],
  output_limit: ['OLE'],
};

/** The language id a submit-answer problem's submissions carry: they are the answers, in no language
 *  (nothing is compiled or run). No language definition has it. */
export const ANSWER_LANGUAGE_ID = 'answer';

/** One .in/.ans pair. */
export interface TestCase {
  /** Path below data/ without extension, '/'-separated: "sample/1", "secret/group1/03". */
  name: string;
  inputPath: string;
  answerPath: string;
  isSample: boolean;
  /** The folder's test group whose rules apply (its path below data/: "sample", "secret/group1"). */
  group: string;
  /** Arguments for the output validator (the default one's flags, or a custom validator's or interactor's
   *  extra arguments): problem.yaml's validator_flags, then the group's or the test case's own. */
  validatorArgs: string[];
  /** Arguments for the input validators (testdata.yaml's input_validator_flags, test_group.yaml's or
   *  the case's input_validator_args); absent: none. */
  inputValidatorArgs?: InputValidatorArgs;
  /** 2025-09: the test case's `<case>.files` folder beside its `.in`, whose files its input validators
   *  find in their working directory; absent when there is none. */
  filesPath?: string;
}

/** Input validators' arguments: the same for every validator, or by validator name (a validator not
 *  named gets none). */
export type InputValidatorArgs = string[] | Record<string, string[]>;

/** A folder of data/ (data/ itself is the root, ''), with the rules of testdata.yaml / test_group.yaml as
 *  inherited. */
export interface TestGroup {
  /** Path below data/: '' (the root), "sample", "secret", "secret/group1". */
  name: string;
  /** After a rejected test case or subgroup: stop the group ('break') or judge the rest of it ('continue'). */
  onReject: 'break' | 'continue';
  /** Scoring problems only: how the group's score is made. */
  scoring?: GroupScoring;
}

/** What a test case's output validator may say of its score in feedback_dir (score.txt, and in 2025-09
 *  score_multiplier.txt): 'required' on every accepted test case, 'optional', 'forbidden' (a judge
 *  error if written), or 'ignored' (2025-09's samples). */
export type ScoreFileRule = 'required' | 'optional' | 'forbidden' | 'ignored';

/** Scoring problems: a group's scoring rules, by its format version's model. */
export type GroupScoring = GraderScoring | AggregationScoring | FolderInGroupScoring;

/** Legacy and 2023-07 (as problemtools reads it): testdata.yaml's default grader (grading: default),
 *  inherited down the tree. */
export interface GraderScoring {
  rules: 'grader';
  /** How the sub-results' verdicts make the group's (grader_flags). */
  verdictMode: 'worst_error' | 'first_error' | 'always_accept';
  /** How the sub-results' scores make the group's (grader_flags). */
  scoreMode: 'sum' | 'avg' | 'min' | 'max';
  /** ignore_sample (root only): the group's result is its last sub-result's (secret's). */
  ignoreSample: boolean;
  /** accept_if_any_accepted: the group is accepted when any sub-result is. */
  acceptIfAnyAccepted: boolean;
  /** accept_score / reject_score: a test case's score when its validator writes none. */
  acceptScore: number;
  rejectScore: number;
  /** range: the group's possible scores; null where unbounded (inf). */
  minScore: number | null;
  maxScore: number | null;
  scoreFile: ScoreFileRule;
}

/** 2025-09: test_group.yaml's score_aggregation and max_score (data/, sample and secret
 *  count as groups, data/ summing sample's zero and secret's score). */
export interface AggregationScoring {
  rules: 'aggregation';
  aggregation: 'pass-fail' | 'sum' | 'min';
  /** max_score; null when unbounded. */
  maxScore: number | null;
  scoreFile: ScoreFileRule;
}

/** 2025-09: a folder that is no test data group (no test_group.yaml of its own below secret,
 *  or any folder inside a group or sample): its test cases count in the nearest group above. */
interface FolderInGroupScoring {
  rules: 'folder';
  scoreFile: ScoreFileRule;
}

/** Flags of the default output validator (Kattis semantics). */
export interface ValidatorFlags {
  caseSensitive: boolean;
  spaceChangeSensitive: boolean;
  /** Absolute tolerance for floating-point tokens; null when not given. */
  floatAbsoluteTolerance: number | null;
  /** Relative tolerance for floating-point tokens; null when not given. */
  floatRelativeTolerance: number | null;
}

export interface OutputValidatorSource {
  /** Folder holding the validator's source files (or a single-file folder). */
  dir: string;
  /** Which package layout it came from. */
  layout: 'output_validators' | 'output_validator';
}

export interface PackageSubmission {
  /** Folder name under submissions/, e.g. "accepted". */
  expected: string;
  /** Absolute path to the source file, or to the folder of a submission of several files. */
  path: string;
  /** The verdicts its sources' `@EXPECTED_RESULTS@` allow (DOMjudge), where they replace its folder's (package/expectedResults.ts). */
  expectedVerdicts?: readonly Verdict[];
  /** Scoring problems: the scores it is expected to get (package/expectedScores.ts); absent when none is stated. */
  expectedScores?: ExpectedScore[];
}

/** A score an example submission of a scoring problem is expected to get: submissions.yaml's `score`
 *  (2025-09), or `@EXPECTED_SCORE@` in its source (DOMjudge). */
export interface ExpectedScore {
  /** The test group whose score it is (its path below data/); null for the submission's own. */
  group: string | null;
  /** The inclusive range the score must be in (min = max for one number). */
  min: number;
  max: number;
  /** Where it is stated: "submissions.yaml (accepted/*)" or "@EXPECTED_SCORE@". */
  source: string;
}

export interface ProblemPackage {
  /** Absolute path of the package folder (a zip is unpacked to a private temp folder first). */
  dir: string;
  /** Problem id: the folder's (or zip's) base name. */
  id: string;
  name: string;
  /** Time limit in ms as the package states it (problem.yaml or .timelimit); null when it does not. */
  timeLimitMs: number | null;
  /** limits.time_multipliers (2023-07+) or legacy time_multiplier/time_safety_margin, else the
   *  format version's defaults (package/timeLimits.ts). */
  acToTimeLimit: number;
  timeLimitToTle: number;
  /** The legacy format (no problem_format_version, legacy or legacy-icpc): its time-limit rules differ. */
  legacyFormat: boolean;
  /** limits.time_resolution in ms (default 1000): a derived limit is a multiple of it (2023-07+). */
  timeResolutionMs: number;
  memoryLimitMb: number;
  outputLimitMb: number;
  /** 'default' or 'custom' (the latter needs an output validator). */
  validation: 'default' | 'custom';
  /** The output validator is an interactor: it talks with the program (validation is then 'custom'). */
  interactive: boolean;
  /** `type: scoring` (legacy: `type: scoring` with testdata.yaml's grading): submissions get a score. */
  scoring: boolean;
  /** Scoring problems: the most a submission can score (the root group's bound); null when
   *  unbounded or for a pass-fail problem. */
  maxScore: number | null;
  /** `type: multi-pass`: the program runs again on the validator's nextpass.in, at most this many
   *  passes (validation_passes); null for other problems. */
  multiPassLimit: number | null;
  /** `type: submit-answer`: a submission is the answer files themselves, nothing is compiled or run. */
  submitAnswer: boolean;
  outputValidator: OutputValidatorSource | null;
  testCases: TestCase[];
  /** Every folder of data/ holding test cases, and those above them, in test order (parents first). */
  testGroups: TestGroup[];
  submissions: PackageSubmission[];
  /** Human-readable notes about things ignored (e.g. an unknown submissions/ folder). */
  warnings: string[];
  /** Removes any temp folder made for a zip. Safe to call twice. */
  dispose(): void;
}

/** A problem package that cannot be used: one clear message naming the file. */
export class PackageError extends FileError {
  constructor(file: string, message: string) {
    super(file, message);
    this.name = 'PackageError';
  }
}
