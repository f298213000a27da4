// Parsing and validation of a problem package's problem.yaml (Kattis / ICPC problem package format).
//
// One TypeBox schema (ProblemYaml below) holds the keys of all supported versions (legacy, legacy-icpc,
// 2023-07(-draft), 2025-09(-draft), draft): each version's keys are accepted whatever the version says.
// Pass-fail and scoring problems are supported, interactive or not, multi-pass or submit-answer. Every
// problem is one PackageError naming problem.yaml, the key and (where
// known) the line and column.
//
// Decisions:
// - A key whose value is empty (`limits:` or `source: ~`) counts as absent.
// - An empty problem.yaml (or one holding only comments) is a problem with no keys.
// - limits.time_multipliers (2023-07+) and the legacy limits.time_multiplier / time_safety_margin both map
//   to acToTimeLimit / timeLimitToTle; giving both forms is an error. They are null when not given: the
//   defaults depend on the format version (package/timeLimits.ts).
// - Limits are positive numbers (validation_passes an integer >= 2); multipliers are >= 1.
// - Multi-pass: `type: multi-pass` (2023-07+) or `validation: custom multi-pass` (legacy, as DOMjudge's
//   packages say it). The pass limit is limits.validation_passes, 2 when not given (the format's default).
// - Scoring (legacy): `validation: custom score` says the output validator writes each accepted test
//   case's score.txt; problem.yaml's `grading` map may say `objective: max` and show_test_data_groups.
//   A minimising objective and the deprecated accept_score, reject_score, range and on_reject there are
//   refused (they belong in data/testdata.yaml).

import Type, { type Static } from 'typebox';
import { YamlFile, YamlSchema } from './yamlSchema.ts';
import { describeValue } from '../common/fieldWording.ts';

export const PROBLEM_YAML = 'problem.yaml';

const DEFAULT_MEMORY_MB = 2048;
const DEFAULT_OUTPUT_MB = 8;

type ProblemType = 'pass-fail' | 'scoring' | 'multi-pass' | 'interactive' | 'submit-answer';

interface ProblemLimits {
  /** limits.time_limit in seconds; null when not given. */
  timeLimitSec: number | null;
  /** null when not given (the format version's default applies). */
  acToTimeLimit: number | null;
  timeLimitToTle: number | null;
  timeResolutionSec: number | null;
  memoryMb: number;
  outputMb: number;
  codeKb: number | null;
  compilationTimeSec: number | null;
  compilationMemoryMb: number | null;
  validationTimeSec: number | null;
  validationMemoryMb: number | null;
  validationOutputMb: number | null;
  validationPasses: number | null;
}

export interface ProblemSettings {
  /** problem_format_version as given; 'legacy' when absent. */
  formatVersion: string;
  /** True for 'legacy' and 'legacy-icpc' (including an absent problem_format_version). */
  legacy: boolean;
  /** The problem name ('en', else the first language of a map); null when not given. */
  name: string | null;
  uuid: string | null;
  version: string | null;
  license: string | null;
  keywords: string[];
  /** 'all' or the listed language codes. */
  languages: 'all' | string[];
  constants: Record<string, string | number>;
  allowFileWriting: boolean;
  /** `validation` as stated; null when problem.yaml does not say (2023-07+ packages never do). */
  validation: 'default' | 'custom' | null;
  /** `type: interactive` (2023-07+) or `validation: custom interactive` (legacy): the output validator talks with the program. */
  interactive: boolean;
  /** `type: multi-pass` or `validation: custom multi-pass`: the program runs again on the validator's nextpass.in. */
  multiPass: boolean;
  /** `type: submit-answer`: a submission is the answers themselves. */
  submitAnswer: boolean;
  /** `type: scoring`: submissions get a score. */
  scoring: boolean;
  /** Legacy `validation: custom score`: the output validator writes the score of every accepted test case. */
  validatorScores: boolean;
  /** Raw validator_flags as an argv list. */
  validatorFlags: string[];
  limits: ProblemLimits;
}

const PROBLEM_TYPES: readonly ProblemType[] = ['pass-fail', 'scoring', 'multi-pass', 'interactive', 'submit-answer'];

// ---------------------------------------------------------------------------------------------- schema

/** A string, or a number or boolean kept as written (`version: 1.10`). */
const Text = Type.Union([Type.String(), Type.Number(), Type.Boolean()], { expected: 'a string' });
const Strings = Type.Union([Text, Type.Array(Text)], { expected: 'a string or a list of strings' });
/** `source`, `rights_owner`, `credits`: a string, or the 2023-07+ structured forms (not used by Verdict). */
const Free = Type.Union([Type.String(), Type.Object({}), Type.Array(Type.Unknown())], { expected: 'a string' });
const positive = (expected: string) => Type.Number({ exclusiveMinimum: 0, expected });
const Multiplier = Type.Number({ minimum: 1, expected: 'a number >= 1' });
const POSITIVE_SECONDS = 'a positive number of seconds';
const POSITIVE_MIB = 'a positive number (MiB)';

const Limits = Type.Object(
  {
    time_limit: Type.Optional(positive(POSITIVE_SECONDS)),
    time_multipliers: Type.Optional(
      Type.Object({ ac_to_time_limit: Type.Optional(Multiplier), time_limit_to_tle: Type.Optional(Multiplier) }, { additionalProperties: false }),
    ),
    time_multiplier: Type.Optional(Multiplier),
    time_safety_margin: Type.Optional(Multiplier),
    time_resolution: Type.Optional(positive(POSITIVE_SECONDS)),
    memory: Type.Optional(positive(POSITIVE_MIB)),
    output: Type.Optional(positive(POSITIVE_MIB)),
    code: Type.Optional(positive('a positive number (KiB)')),
    compilation_time: Type.Optional(positive('a positive number')),
    compilation_memory: Type.Optional(positive('a positive number')),
    validation_time: Type.Optional(positive('a positive number')),
    validation_memory: Type.Optional(positive('a positive number')),
    validation_output: Type.Optional(positive('a positive number')),
    validation_passes: Type.Optional(Type.Integer({ minimum: 2, expected: 'an integer >= 2' })),
  },
  { additionalProperties: false },
);

/** Legacy problem.yaml's `grading` (scoring problems only). */
const Grading = Type.Object(
  {
    objective: Type.Optional(Type.Union([Type.Literal('max'), Type.Literal('min')], { expected: 'max or min' })),
    show_test_data_groups: Type.Optional(Type.Boolean()),
    accept_score: Type.Optional(Type.Number()),
    reject_score: Type.Optional(Type.Number()),
    range: Type.Optional(Type.String()),
    on_reject: Type.Optional(Type.String()),
  },
  { additionalProperties: false, expected: 'a map of keys' },
);

const ProblemYaml = Type.Object(
  {
    problem_format_version: Type.Optional(Type.String({ pattern: '^(legacy|legacy-icpc|draft|\\d{4}-\\d{2}(-draft)?)$', expected: 'legacy, 2023-07 or 2025-09' })),
    type: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], { expected: 'a string or a list of strings' })),
    name: Type.Optional(Type.Union([Text, Type.Record(Type.String(), Text, { minProperties: 1 })], { expected: 'a string or a map of languages to names' })),
    uuid: Type.Optional(Text),
    version: Type.Optional(Text),
    credits: Type.Optional(Free),
    author: Type.Optional(Type.String()),
    source: Type.Optional(Free),
    source_url: Type.Optional(Type.String()),
    license: Type.Optional(Type.String()),
    rights_owner: Type.Optional(Free),
    embargo_until: Type.Optional(Text),
    keywords: Type.Optional(Strings),
    languages: Type.Optional(Strings),
    constants: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()], { expected: 'a number or a string' }))),
    allow_file_writing: Type.Optional(Type.Boolean()),
    validation: Type.Optional(Type.String()),
    validator_flags: Type.Optional(Type.Union([Type.String(), Type.Array(Text)], { expected: 'a string or a list of strings' })),
    limits: Type.Optional(Limits),
    grading: Type.Optional(Grading),
  },
  { additionalProperties: false, expected: 'a map of keys' },
);

const problemYamlSchema = new YamlSchema(ProblemYaml);

// ---------------------------------------------------------------------------------------------- reading

/**
 * Parses the text of problem.yaml. `file` names the file in error messages.
 * Throws PackageError for bad YAML, unknown keys, wrong types and unsupported problem types.
 */
export function parseProblemYaml(source: string, file: string = PROBLEM_YAML): ProblemSettings {
  const yaml = YamlFile.parse(source, file);
  const settings: ProblemSettings = {
    formatVersion: 'legacy',
    legacy: true,
    name: null,
    uuid: null,
    version: null,
    license: null,
    keywords: [],
    languages: 'all',
    constants: {},
    allowFileWriting: false,
    validation: null,
    interactive: false,
    multiPass: false,
    submitAnswer: false,
    scoring: false,
    validatorScores: false,
    validatorFlags: [],
    limits: {
      timeLimitSec: null,
      acToTimeLimit: null,
      timeLimitToTle: null,
      timeResolutionSec: null,
      memoryMb: DEFAULT_MEMORY_MB,
      outputMb: DEFAULT_OUTPUT_MB,
      codeKb: null,
      compilationTimeSec: null,
      compilationMemoryMb: null,
      validationTimeSec: null,
      validationMemoryMb: null,
      validationOutputMb: null,
      validationPasses: null,
    },
  };
  if (yaml.value === null || yaml.value === undefined) return settings; // an empty file
  const p = problemYamlSchema.check(yaml);
  /** A Text value as written in the file. */
  const text = (path: Array<string | number>, v: string | number | boolean): string => (typeof v === 'string' ? v : (yaml.sourceText(path) ?? String(v)));
  const list = (key: string, v: string | number | boolean | Array<string | number | boolean>): string[] =>
    Array.isArray(v) ? v.map((item, i) => text([key, i], item)) : [text([key], v)];

  if (p.problem_format_version !== undefined) {
    settings.formatVersion = p.problem_format_version;
    settings.legacy = p.problem_format_version === 'legacy' || p.problem_format_version === 'legacy-icpc';
  }
  if (p.type !== undefined) {
    const types = readType(yaml, p.type);
    settings.interactive = types.has('interactive');
    settings.multiPass = types.has('multi-pass');
    settings.submitAnswer = types.has('submit-answer');
    settings.scoring = types.has('scoring');
  }
  if (p.name !== undefined) {
    if (typeof p.name === 'object') {
      const names = Object.entries(p.name);
      const [lang, value] = names.find(([l]) => l === 'en') ?? names[0];
      settings.name = text(['name', lang], value);
    } else {
      settings.name = text(['name'], p.name);
    }
  }
  if (p.uuid !== undefined) settings.uuid = text(['uuid'], p.uuid);
  if (p.version !== undefined) settings.version = text(['version'], p.version);
  if (p.license !== undefined) settings.license = p.license;
  if (p.keywords !== undefined) settings.keywords = list('keywords', p.keywords);
  if (p.languages !== undefined) {
    const langs = list('languages', p.languages);
    // Legacy: a space-separated string.
    const names = langs.length === 1 ? langs[0].split(/\s+/).filter((s) => s !== '') : langs;
    settings.languages = names.length === 1 && names[0] === 'all' ? 'all' : names;
  }
  if (p.constants !== undefined) {
    for (const name of Object.keys(p.constants)) {
      if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) throw yaml.fail(['constants', name], 'invalid constant name', true);
    }
    settings.constants = p.constants;
  }
  if (p.allow_file_writing !== undefined) settings.allowFileWriting = p.allow_file_writing;
  if (p.validation !== undefined) settings.validation = readValidation(yaml, p.validation, settings);
  if (p.validator_flags !== undefined) {
    settings.validatorFlags = typeof p.validator_flags === 'string' ? p.validator_flags.split(/\s+/).filter((s) => s !== '') : list('validator_flags', p.validator_flags);
  }
  if (p.limits !== undefined) readLimits(yaml, p.limits, settings.limits);
  if (p.grading !== undefined) readGrading(yaml, p.grading, settings.scoring);
  if (settings.validatorScores && !settings.scoring) throw yaml.fail(['validation'], '"score" is for scoring problems only (type: scoring)');
  return settings;
}

/** Types that cannot be combined (the format's table): a submitted answer is never run. */
const INCOMPATIBLE_TYPES: ReadonlyArray<[ProblemType, ProblemType]> = [
  ['pass-fail', 'scoring'],
  ['submit-answer', 'multi-pass'],
  ['submit-answer', 'interactive'],
];

/** Checks `type`; the problem's types. */
function readType(yaml: YamlFile, type: string | string[]): Set<ProblemType> {
  const values = typeof type === 'string' ? [type] : type;
  if (values.length === 0) throw yaml.fail(['type'], 'must not be an empty list');
  const seen = new Set<string>();
  for (const v of values) {
    if (!(PROBLEM_TYPES as readonly string[]).includes(v)) {
      throw yaml.fail(['type'], `unknown problem type ${JSON.stringify(v)} (expected one of ${PROBLEM_TYPES.join(', ')})`);
    }
    if (seen.has(v)) throw yaml.fail(['type'], `${JSON.stringify(v)} is listed twice`);
    seen.add(v);
  }
  const types = seen as Set<ProblemType>;
  for (const [a, b] of INCOMPATIBLE_TYPES) {
    if (types.has(a) && types.has(b)) throw yaml.fail(['type'], `${a} and ${b} cannot be combined`);
  }
  return types;
}

/** Legacy problem.yaml's `grading`: only what Verdict judges by (a score to maximise) is accepted. */
function readGrading(yaml: YamlFile, grading: Static<typeof Grading>, scoring: boolean): void {
  if (!scoring) throw yaml.fail(['grading'], 'only scoring problems have grading (type: scoring)');
  if (grading.objective === 'min') throw yaml.fail(['grading', 'objective'], 'minimising scores is not supported (Verdict ranks higher scores first)');
  for (const key of ['accept_score', 'reject_score', 'range', 'on_reject'] as const) {
    if (grading[key] !== undefined) throw yaml.fail(['grading', key], `deprecated here and not supported: give ${key} in data/testdata.yaml`);
  }
}

function readValidation(yaml: YamlFile, raw: string, settings: ProblemSettings): 'default' | 'custom' {
  const words = raw.trim().split(/\s+/).filter((w) => w !== '');
  const mode = words[0];
  if (mode !== 'default' && mode !== 'custom') throw yaml.fail(['validation'], `expected "default" or "custom", got ${describeValue(raw)}`);
  for (const w of words.slice(1)) {
    if (w === 'interactive') {
      if (mode !== 'custom') throw yaml.fail(['validation'], 'an interactive problem needs "custom" validation (its output validator is the interactor)');
      settings.interactive = true;
      continue;
    }
    if (w === 'multi-pass' || w === 'multipass') {
      if (mode !== 'custom') throw yaml.fail(['validation'], 'a multi-pass problem needs "custom" validation (its output validator writes the next pass\'s input)');
      settings.multiPass = true;
      continue;
    }
    if (w === 'score') {
      if (mode !== 'custom') throw yaml.fail(['validation'], 'scores written by the validator need "custom" validation');
      settings.validatorScores = true;
      continue;
    }
    throw yaml.fail(['validation'], `unknown option ${JSON.stringify(w)} in ${JSON.stringify(raw)}`);
  }
  return mode;
}

function readLimits(yaml: YamlFile, given: Static<typeof Limits>, limits: ProblemLimits): void {
  const legacyKey = given.time_multiplier !== undefined ? 'time_multiplier' : given.time_safety_margin !== undefined ? 'time_safety_margin' : null;
  if (legacyKey !== null && given.time_multipliers !== undefined) {
    throw yaml.fail(['limits', legacyKey], 'give either time_multipliers or the legacy time_multiplier/time_safety_margin, not both');
  }
  limits.timeLimitSec = given.time_limit ?? null;
  limits.acToTimeLimit = given.time_multipliers?.ac_to_time_limit ?? given.time_multiplier ?? null;
  limits.timeLimitToTle = given.time_multipliers?.time_limit_to_tle ?? given.time_safety_margin ?? null;
  limits.timeResolutionSec = given.time_resolution ?? null;
  limits.memoryMb = given.memory ?? DEFAULT_MEMORY_MB;
  limits.outputMb = given.output ?? DEFAULT_OUTPUT_MB;
  limits.codeKb = given.code ?? null;
  limits.compilationTimeSec = given.compilation_time ?? null;
  limits.compilationMemoryMb = given.compilation_memory ?? null;
  limits.validationTimeSec = given.validation_time ?? null;
  limits.validationMemoryMb = given.validation_memory ?? null;
  limits.validationOutputMb = given.validation_output ?? null;
  limits.validationPasses = given.validation_passes ?? null;
}
