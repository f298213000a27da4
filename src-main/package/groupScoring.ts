// Scoring problems: each test group's scoring rules, read from its testdata.yaml / test_group.yaml and
// given to the group as `TestGroup.scoring` (judgehost/scoring.ts computes the scores by them).
//
// Each format version is read by its own rules:
//
//   legacy       the default grader (legacy text, "Graders"): testdata.yaml's grading, grader_flags,
//                accept_score, reject_score and range, inherited down the tree as every legacy key is.
//                Every folder is a group. The validator writes score.txt only with problem.yaml's
//                `validation: custom score`, and then for every accepted test case.
//   2023-07      as legacy (as problemtools reads it, e.g. its examples/oddecho: the 2023-07 text is now
//                2025-09's, and problemtools judges 2023-07 by testdata.yaml's grader keys), except that
//                a validator may write score.txt for an accepted test case without being told to.
//   2025-09      score_aggregation and max_score (2025-09 text, "Scoring problems").
//                data/secret is a group (sum, max 100 by default), and so is each folder
//                directly in it that holds a group file (pass-fail, unbounded by default); sample scores
//                nothing; every other folder is part of the group above it. These keys are not inherited:
//                each level has its own default.
//
// Decisions:
// - Refused, naming the file and the key: a custom grader (`grading: custom`), grader flags the default
//   grader does not know, require_pass and static_validation_score (not supported), and one version's
//   scoring keys in a package of the other (accept_score in 2025-09, max_score in legacy).
// - ignore_sample is a root flag (the legacy text): given in another folder's file it is refused;
//   inherited from data/ it applies to data/ alone.
// - 2025-09 groups judge on after a rejection where their score still depends on the rest (data/ and
//   sum aggregation); pass-fail and min groups stop (their score is already 0). on_reject is not read.
import type { AggregationScoring, GraderScoring, GroupScoring, ScoreFileRule, TestCase, TestGroup } from '../common/types.ts';
import { PackageError } from '../common/types.ts';
import type { YamlFile } from './yamlSchema.ts';

/** How a scoring problem's groups score, from problem.yaml: its format version and `validation` (what
 *  the grader model's validator may say of scores: legacy 'required' with `validation: custom score`,
 *  else 'forbidden'; 2023-07 'optional'). */
export type ScoringModel = { rules: 'grader'; validatorScores: ScoreFileRule } | { rules: 'aggregation' };

/** The scoring keys one group file sets (unset ones are inherited or defaulted). */
export interface ScoringSettings {
  verdictMode?: GraderScoring['verdictMode'];
  scoreMode?: GraderScoring['scoreMode'];
  ignoreSample?: boolean;
  acceptIfAnyAccepted?: boolean;
  /** grader_flags given: the modes and flags above are all set (defaults for those not named). */
  graderFlags?: true;
  acceptScore?: number;
  rejectScore?: number;
  range?: { min: number | null; max: number | null };
  aggregation?: AggregationScoring['aggregation'];
  /** max_score; null for 'unbounded'. */
  maxScore?: number | null;
}

/** The scoring keys of a testdata.yaml or test_group.yaml value (as its schema checked them). */
export interface ScoringKeys {
  grading?: string;
  grader_flags?: string;
  accept_score?: number;
  reject_score?: number;
  range?: string;
  max_score?: number | 'unbounded';
  score_aggregation?: 'pass-fail' | 'sum' | 'min';
  static_validation_score?: number | 'pass-fail';
  require_pass?: string | string[];
}

const LEGACY_KEYS = ['grading', 'grader_flags', 'accept_score', 'reject_score', 'range'] as const;
const AGGREGATION_KEYS = ['max_score', 'score_aggregation'] as const;

const VERDICT_MODES = new Set<string>(['worst_error', 'first_error', 'always_accept']);
const SCORE_MODES = new Set<string>(['sum', 'avg', 'min', 'max']);

/** Why a 2025-09 key is refused: what Verdict would have to do and does not. */
const UNSUPPORTED = {
  require_pass: 'not supported (Verdict does not score a group only once the groups it names are accepted; remove it or judge the package elsewhere)',
  static_validation_score: 'not supported (Verdict runs no static validators, so it cannot score their test case)',
} as const;

/** secret's max_score when its test_group.yaml gives none (2025-09). */
const DEFAULT_SECRET_MAX_SCORE = 100;

/** Reads the scoring keys of one group file of a scoring problem, refusing what Verdict cannot judge. */
export function readScoringKeys(yaml: YamlFile, value: ScoringKeys, model: ScoringModel): ScoringSettings {
  for (const key of ['require_pass', 'static_validation_score'] as const) {
    if (value[key] !== undefined) throw yaml.fail([key], UNSUPPORTED[key]);
  }
  const foreign = model.rules === 'grader' ? AGGREGATION_KEYS.find((k) => value[k] !== undefined) : LEGACY_KEYS.find((k) => value[k] !== undefined);
  if (foreign !== undefined) {
    throw yaml.fail(
      [foreign],
      model.rules === 'grader'
        ? 'a key of the 2025-09 format: legacy and 2023-07 scoring problems use grader_flags, accept_score, reject_score and range'
        : 'a key of the legacy and 2023-07 formats: 2025-09 scoring problems use score_aggregation and max_score',
    );
  }
  const own: ScoringSettings = {};
  if (value.grading === 'custom') throw yaml.fail(['grading'], 'custom graders are not supported (only the default grader and its grader_flags)');
  if (value.grader_flags !== undefined) Object.assign(own, graderFlags(yaml, value.grader_flags));
  if (value.accept_score !== undefined) own.acceptScore = value.accept_score;
  if (value.reject_score !== undefined) own.rejectScore = value.reject_score;
  if (value.range !== undefined) own.range = scoreRange(yaml, value.range);
  if (value.score_aggregation !== undefined) own.aggregation = value.score_aggregation;
  if (value.max_score !== undefined) own.maxScore = value.max_score === 'unbounded' ? null : value.max_score;
  return own;
}

/** grader_flags: the last of conflicting modes wins (the legacy text); modes not named take their defaults. */
function graderFlags(yaml: YamlFile, flags: string): ScoringSettings {
  const own: ScoringSettings = { graderFlags: true, verdictMode: 'worst_error', scoreMode: 'sum', ignoreSample: false, acceptIfAnyAccepted: false };
  for (const flag of flags.split(/\s+/).filter((f) => f !== '')) {
    if (VERDICT_MODES.has(flag)) own.verdictMode = flag as GraderScoring['verdictMode'];
    else if (SCORE_MODES.has(flag)) own.scoreMode = flag as GraderScoring['scoreMode'];
    else if (flag === 'ignore_sample') own.ignoreSample = true;
    else if (flag === 'accept_if_any_accepted') own.acceptIfAnyAccepted = true;
    else throw yaml.fail(['grader_flags'], `${JSON.stringify(flag)} is not a flag of the default grader`);
  }
  return own;
}

/** range: "A B", each a number or inf, -inf, +inf; A <= B. */
function scoreRange(yaml: YamlFile, text: string): { min: number | null; max: number | null } {
  const parts = text.trim().split(/\s+/);
  const bound = (s: string | undefined): number | null | undefined => {
    if (s === 'inf' || s === '+inf' || s === '-inf') return null;
    const n = s !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
    return Number.isFinite(n) ? n : undefined;
  };
  const [min, max] = [bound(parts[0]), bound(parts[1])];
  if (parts.length !== 2 || min === undefined || max === undefined || parts[0] === '+inf' || parts[0] === 'inf' || parts[1] === '-inf') {
    throw yaml.fail(['range'], `expected two numbers "low high" (inf and -inf allowed), got ${JSON.stringify(text)}`);
  }
  if (min !== null && max !== null && min > max) throw yaml.fail(['range'], `the low end ${min} is above the high end ${max}`);
  return { min, max };
}

/** A folder of data/ as the scoring rules see it. */
export interface ScoringFolder {
  /** Path below data/ ('' for data/ itself). */
  name: string;
  /** Its group file (path below the package), or null when it has none. */
  file: string | null;
  own: ScoringSettings;
}

/** The scoring rules of `folder`, below a folder whose rules are `parent` (null for data/ itself). */
export function groupScoring(model: ScoringModel, folder: ScoringFolder, parent: GroupScoring | null): GroupScoring {
  return model.rules === 'grader' ? graderScoring(model.validatorScores, folder, parent) : aggregationScoring(folder, parent);
}

const ROOT_GRADER: Omit<GraderScoring, 'scoreFile'> = {
  rules: 'grader',
  verdictMode: 'worst_error',
  scoreMode: 'sum',
  ignoreSample: false,
  acceptIfAnyAccepted: false,
  acceptScore: 1,
  rejectScore: 0,
  minScore: null,
  maxScore: null,
};

function graderScoring(validatorScores: ScoreFileRule, folder: ScoringFolder, parent: GroupScoring | null): GraderScoring {
  const base: GraderScoring = parent?.rules === 'grader' ? parent : { ...ROOT_GRADER, scoreFile: validatorScores };
  const { own } = folder;
  if (own.ignoreSample && folder.name !== '') throw new PackageError(folder.file ?? `data/${folder.name}`, 'grader_flags: ignore_sample is only for data/testdata.yaml (the root group)');
  return {
    ...base,
    ...(own.graderFlags ? { verdictMode: own.verdictMode!, scoreMode: own.scoreMode!, acceptIfAnyAccepted: own.acceptIfAnyAccepted! } : {}),
    ignoreSample: folder.name === '' && own.ignoreSample === true,
    ...(own.acceptScore !== undefined ? { acceptScore: own.acceptScore } : {}),
    ...(own.rejectScore !== undefined ? { rejectScore: own.rejectScore } : {}),
    ...(own.range !== undefined ? { minScore: own.range.min, maxScore: own.range.max } : {}),
  };
}

function aggregationScoring(folder: ScoringFolder, parent: GroupScoring | null): GroupScoring {
  const { name, own } = folder;
  const file = folder.file ?? `data/${name}`;
  const hasKeys = own.aggregation !== undefined || own.maxScore !== undefined;
  const scoreFile = (aggregation: AggregationScoring['aggregation'], maxScore: number | null): ScoreFileRule =>
    aggregation === 'pass-fail' ? 'forbidden' : maxScore === null ? 'required' : 'optional';
  if (name === '' || name === 'sample') {
    if (hasKeys) throw new PackageError(file, `${own.aggregation !== undefined ? 'score_aggregation' : 'max_score'}: not permitted in ${name === '' ? 'data/ itself' : 'sample'}`);
    // data/ sums sample's 0 and secret's score (its bound is secret's, set once secret is read).
    return name === '' ? { rules: 'aggregation', aggregation: 'sum', maxScore: null, scoreFile: 'ignored' } : { rules: 'aggregation', aggregation: 'pass-fail', maxScore: 0, scoreFile: 'ignored' };
  }
  if (name === 'secret') {
    const aggregation = own.aggregation ?? 'sum';
    const maxScore = own.maxScore === undefined ? DEFAULT_SECRET_MAX_SCORE : own.maxScore;
    if (aggregation === 'pass-fail' && maxScore === null) throw new PackageError(file, 'max_score: a pass-fail group needs a bounded max_score');
    return { rules: 'aggregation', aggregation, maxScore, scoreFile: scoreFile(aggregation, maxScore) };
  }
  const inSecret = name.startsWith('secret/') && !name.slice('secret/'.length).includes('/');
  if (inSecret && folder.file !== null && parent?.rules === 'aggregation') {
    const aggregation = own.aggregation ?? 'pass-fail';
    const maxScore = own.maxScore ?? null;
    if (maxScore === null && parent.maxScore !== null) {
      throw new PackageError(file, `max_score: needed (an unbounded group in a secret whose max_score is ${parent.maxScore})`);
    }
    if (aggregation === 'pass-fail' && maxScore === null) throw new PackageError(file, 'max_score: a pass-fail group needs a bounded max_score');
    if (parent.aggregation === 'pass-fail' && aggregation !== 'pass-fail') throw new PackageError(file, 'score_aggregation: must be pass-fail, as secret\'s is');
    return { rules: 'aggregation', aggregation, maxScore, scoreFile: scoreFile(aggregation, maxScore) };
  }
  if (hasKeys) throw new PackageError(file, `${own.aggregation !== undefined ? 'score_aggregation' : 'max_score'}: only secret and the groups directly in it score (this folder is part of the group above)`);
  return { rules: 'folder', scoreFile: parent?.scoreFile ?? 'ignored' };
}

/** Whether a group of this scoring judges the rest of it after a rejection (2025-09 only; legacy and
 *  2023-07 groups follow their on_reject). */
export function aggregationOnReject(name: string, scoring: GroupScoring, parent: TestGroup | undefined): TestGroup['onReject'] {
  if (scoring.rules === 'folder') return parent?.onReject ?? 'break';
  if (name === '') return 'continue';
  return scoring.rules === 'aggregation' && scoring.aggregation === 'sum' ? 'continue' : 'break';
}

/** Once every group is read: data/'s bound is secret's (2025-09), and secret holds groups or test cases,
 *  not both. Returns the problem's maximum score (the root's bound). */
export function finishScoring(groups: TestGroup[], testCases: readonly TestCase[]): number | null {
  const root = groups.find((g) => g.name === '');
  const secret = groups.find((g) => g.name === 'secret');
  if (root?.scoring?.rules === 'aggregation') {
    root.scoring = { ...root.scoring, maxScore: secret?.scoring?.rules === 'aggregation' ? secret.scoring.maxScore : 0 };
    const hasGroups = groups.some((g) => g.scoring?.rules === 'aggregation' && g.name.startsWith('secret/'));
    const direct = testCases.find((t) => t.group === 'secret');
    if (hasGroups && direct) throw new PackageError(`data/${direct.name}.in`, 'a test case directly in data/secret, which holds test data groups (a secret has groups or test cases, not both)');
  }
  return root?.scoring?.rules === 'folder' ? null : (root?.scoring?.maxScore ?? null);
}
