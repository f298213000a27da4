// Test groups: the configuration files in data/ and its folders, and the rules each folder's test
// cases are judged by.
//
//   testdata.yaml    legacy and 2023-07 (problemtools): on_reject, output_validator_flags, ...
//   test_group.yaml  2025-09: output_validator_args, ... (no on_reject: a group stops at its first rejection)
//   <case>.yaml      2023-07 / 2025-09, beside <case>.in: the test case's own output_validator_args
//
// Decisions:
// - Every folder of data/ is a group, data/ itself the root ('' below). A folder's file sets the keys it
//   names; every other key is inherited from the nearest folder above that sets it (the legacy text; the
//   2025-09 text says the same of a test case's keys and its group). A <case>.yaml does the same for one
//   test case.
// - A folder holding both files is read by its format version's (test_group.yaml from 2025-09 on), the
//   other ignored with a warning. Unknown keys in testdata.yaml are warnings (as problemtools
//   says); in test_group.yaml and <case>.yaml they are errors (as the 2025-09 text says).
// - Flags given as a string are split at white space; as a list, each item is one argument.
// - The output validator's arguments of a test case: problem.yaml's validator_flags (legacy), then its
//   group's output_validator_flags / output_validator_args (or its own <case>.yaml's).
// - Input validators' arguments (input_validator_flags, input_validator_args) are inherited the same way:
//   a string or a list for every validator, or a map of validator names to them (legacy: a map with the
//   keys name and flags). `verdict verify` runs the validators with them (inputValidators.ts).
// - A pass-fail problem's scoring keys (accept_score, reject_score, range, max_score, score_aggregation
//   other than pass-fail, require_pass, static_validation_score, grading: custom and grader_flags beyond
//   the verdict modes) are refused; a scoring problem's are read by groupScoring.ts. Submissions' `args`
//   are refused.

import Type, { type Static } from 'typebox';
import type { GroupScoring, InputValidatorArgs, TestGroup } from '../common/types.ts';
import { aggregationOnReject, groupScoring, readScoringKeys, type ScoringModel, type ScoringSettings } from './groupScoring.ts';
import { YamlFile, YamlSchema } from './yamlSchema.ts';

export const TESTDATA_YAML = 'testdata.yaml';
export const TEST_GROUP_YAML = 'test_group.yaml';

const Flags = Type.Union([Type.String(), Type.Array(Type.String())], { expected: 'a string or a list of strings' });
const InputValidatorFlags = Type.Union([Type.String(), Type.Array(Type.String()), Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))], {
  expected: 'a string, a list of strings or a map of validator names to them',
});
const Score = Type.Number({ expected: 'a number' });

/** The keys the 2025-09 format gives both a test group and a test case. */
const caseKeys = {
  args: Type.Optional(Flags),
  input_validator_args: Type.Optional(InputValidatorFlags),
  output_validator_args: Type.Optional(Flags),
  input_visualizer_args: Type.Optional(Flags),
  output_visualizer_args: Type.Optional(Flags),
  full_feedback: Type.Optional(Type.Boolean()),
};

/** The scoring keys of the 2025-09 format (and of 2023-07 drafts' testdata.yaml). */
const scoringKeys = {
  max_score: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Literal('unbounded')], { expected: 'a non-negative integer or "unbounded"' })),
  score_aggregation: Type.Optional(Type.Union([Type.Literal('pass-fail'), Type.Literal('sum'), Type.Literal('min')], { expected: 'pass-fail, sum or min' })),
  static_validation_score: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Literal('pass-fail')], { expected: 'a non-negative integer or "pass-fail"' })),
  require_pass: Type.Optional(Flags),
};

/** testdata.yaml: the legacy keys, and the 2025-09 ones 2023-07 drafts already wrote there. Open: unknown keys are warned about. */
const TestdataYaml = Type.Object(
  {
    on_reject: Type.Optional(Type.Union([Type.Literal('break'), Type.Literal('continue')], { expected: 'break or continue' })),
    grading: Type.Optional(Type.Union([Type.Literal('default'), Type.Literal('custom')], { expected: 'default or custom' })),
    grader_flags: Type.Optional(Type.String()),
    input_validator_flags: Type.Optional(InputValidatorFlags),
    output_validator_flags: Type.Optional(Flags),
    accept_score: Type.Optional(Score),
    reject_score: Type.Optional(Score),
    range: Type.Optional(Type.String()),
    static_validator_args: Type.Optional(Flags),
    ...caseKeys,
    ...scoringKeys,
  },
  { expected: 'a map of keys' },
);

const TestGroupYaml = Type.Object(
  { ...caseKeys, ...scoringKeys, static_validator_args: Type.Optional(Flags) },
  { additionalProperties: false, expected: 'a map of keys' },
);

const CaseYaml = Type.Object(
  { ...caseKeys, hint: Type.Optional(Type.String()), description: Type.Optional(Type.String()) },
  { additionalProperties: false, expected: 'a map of keys' },
);

const testdataSchema = new YamlSchema(TestdataYaml);
const testGroupSchema = new YamlSchema(TestGroupYaml);
const caseSchema = new YamlSchema(CaseYaml);

/** What a folder's (or a test case's) file sets; unset keys are inherited. */
export interface GroupSettings {
  onReject?: 'break' | 'continue';
  outputValidatorArgs?: string[];
  inputValidatorArgs?: InputValidatorArgs;
  /** Scoring problems: the scoring keys the file sets. */
  scoring?: ScoringSettings;
}

/** A folder's rules once inherited: what its test cases are judged by. */
export interface GroupRules {
  onReject: 'break' | 'continue';
  outputValidatorArgs: string[];
  inputValidatorArgs: InputValidatorArgs;
  /** Scoring problems only. */
  scoring?: GroupScoring;
}

export const ROOT_RULES: Readonly<GroupRules> = Object.freeze({ onReject: 'break', outputValidatorArgs: [], inputValidatorArgs: [] });

/** The rules of a folder whose file sets `own`, below a folder with `parent`'s. */
export function inheritRules(parent: GroupRules, own: GroupSettings): GroupRules {
  return {
    onReject: own.onReject ?? parent.onReject,
    outputValidatorArgs: own.outputValidatorArgs ?? parent.outputValidatorArgs,
    inputValidatorArgs: own.inputValidatorArgs ?? parent.inputValidatorArgs,
  };
}

/** The rules of folder `name` (its group file `file`, or null), whose file sets `own`, below a folder with
 *  `parent`'s (ROOT_RULES for data/ itself); `model` says how a scoring problem scores (null: pass-fail). */
export function folderRules(model: ScoringModel | null, name: string, file: string | null, parent: GroupRules, own: GroupSettings): GroupRules {
  const rules = inheritRules(parent, own);
  if (model === null) return rules;
  return { ...rules, scoring: groupScoring(model, { name, file, own: own.scoring ?? {} }, parent.scoring ?? null) };
}

/** A group as the judge sees it (`parent`: the group above it as the judge sees it). */
export function testGroup(name: string, rules: GroupRules, parent?: TestGroup): TestGroup {
  if (rules.scoring === undefined) return { name, onReject: rules.onReject };
  // 2025-09 has no on_reject: a group judges on where its score still depends on the rest.
  const onReject = rules.scoring.rules === 'grader' ? rules.onReject : aggregationOnReject(name, rules.scoring, parent);
  return { name, onReject, scoring: rules.scoring };
}

function argv(flags: string | readonly string[]): string[] {
  return typeof flags === 'string' ? flags.split(/\s+/).filter((s) => s !== '') : [...flags];
}

/** Input validators' arguments as written: for all of them, or by name (legacy: {name, flags}). */
function inputArgs(flags: Static<typeof InputValidatorFlags> | undefined): Pick<GroupSettings, 'inputValidatorArgs'> {
  if (flags === undefined) return {};
  if (typeof flags === 'string' || Array.isArray(flags)) return { inputValidatorArgs: argv(flags) };
  const keys = Object.keys(flags);
  if (keys.length === 2 && typeof flags.name === 'string' && flags.flags !== undefined) return { inputValidatorArgs: { [flags.name]: argv(flags.flags) } };
  return { inputValidatorArgs: Object.fromEntries(Object.entries(flags).map(([name, args]) => [name, argv(args)])) };
}

/** Verdict modes of the legacy default grader that judge a pass-fail problem as Verdict does (the first rejection decides). */
const PASS_FAIL_GRADER_FLAGS = new Set(['first_error', 'worst_error', 'sum', 'avg', 'min', 'max']);

/** Refuses, in a pass-fail problem, what only scoring problems (or submissions' arguments) use. */
function refuseScoring(yaml: YamlFile, value: Static<typeof TestGroupYaml> & { accept_score?: number; reject_score?: number; range?: string; grading?: string; grader_flags?: string }): void {
  for (const key of ['accept_score', 'reject_score', 'range', 'max_score', 'static_validation_score', 'require_pass'] as const) {
    if (value[key] !== undefined) throw yaml.fail([key], 'only scoring problems have scores (type: scoring)');
  }
  if (value.score_aggregation !== undefined && value.score_aggregation !== 'pass-fail') {
    throw yaml.fail(['score_aggregation'], 'only scoring problems aggregate scores (type: scoring)');
  }
  if (value.grading === 'custom') throw yaml.fail(['grading'], 'custom graders are not supported');
  const flag = argv(value.grader_flags ?? '').find((f) => !PASS_FAIL_GRADER_FLAGS.has(f));
  if (flag !== undefined) throw yaml.fail(['grader_flags'], `${JSON.stringify(flag)} is not supported in a pass-fail problem (its verdict is the first rejection's)`);
  refuseArgs(yaml, value.args);
}

/** Submissions' command-line arguments: none is fine, any is not supported. */
function refuseArgs(yaml: YamlFile, args: string | string[] | undefined): void {
  if (args !== undefined && argv(args).length > 0) throw yaml.fail(['args'], 'command-line arguments for submissions are not supported');
}

/** Reads a folder's testdata.yaml or test_group.yaml (`file` is its name); unknown keys of a testdata.yaml go to
 *  `warnings`. `model` says how a scoring problem scores (null: a pass-fail problem, which has no scoring keys). */
export function parseGroupFile(text: string, file: string, warnings: string[], model: ScoringModel | null = null): GroupSettings {
  const yaml = YamlFile.parse(text, file);
  if (yaml.value === null || yaml.value === undefined) return {};
  if (file.endsWith(TESTDATA_YAML)) {
    const value = testdataSchema.check(yaml);
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(TestdataYaml.properties, key)) warnings.push(`${file}: ${key}: unknown key ignored`);
    }
    const scoring = scoringOf(yaml, value, model);
    const output = value.output_validator_flags ?? value.output_validator_args;
    return {
      ...(value.on_reject ? { onReject: value.on_reject } : {}),
      ...(output !== undefined ? { outputValidatorArgs: argv(output) } : {}),
      ...inputArgs(value.input_validator_flags ?? value.input_validator_args),
      ...scoring,
    };
  }
  const value = testGroupSchema.check(yaml);
  const scoring = scoringOf(yaml, value, model);
  return { ...(value.output_validator_args !== undefined ? { outputValidatorArgs: argv(value.output_validator_args) } : {}), ...inputArgs(value.input_validator_args), ...scoring };
}

/** A scoring problem's scoring keys of a group file; a pass-fail problem's are refused. */
function scoringOf(yaml: YamlFile, value: Parameters<typeof refuseScoring>[1], model: ScoringModel | null): { scoring?: ScoringSettings } {
  if (model === null) {
    refuseScoring(yaml, value);
    return {};
  }
  refuseArgs(yaml, value.args);
  return { scoring: readScoringKeys(yaml, value, model) };
}

/** Reads a test case's <case>.yaml (`file` names it). */
export function parseCaseFile(text: string, file: string): GroupSettings {
  const yaml = YamlFile.parse(text, file);
  if (yaml.value === null || yaml.value === undefined) return {};
  const value = caseSchema.check(yaml);
  refuseArgs(yaml, value.args);
  return { ...(value.output_validator_args !== undefined ? { outputValidatorArgs: argv(value.output_validator_args) } : {}), ...inputArgs(value.input_validator_args) };
}
