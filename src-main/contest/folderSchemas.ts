// The contest folder's files (contest.yaml, problems, teams, accounts, groups, organizations) as TypeBox schemas: one
// definition gives the fields' types and their runtime check, and every field carries the words its
// error message uses, so a wrong value is one message naming the field ("hidden: expected true or
// false, got "yes""). What a schema cannot say (aliases, uniqueness, references between files,
// durations' arithmetic) stays in loadContest.ts.
//
// Each field schema may carry
// - `expected`: what the field holds ("expected a string"), for a value of the wrong kind;
// - `invalid`: what is wrong with a value of the right kind that breaks a rule (a pattern, an enum);
//   without it `expected` is used.
// An object schema may carry `missing`: by required field, why it matters, said after "missing".
import Type, { type Static, type TSchema } from 'typebox';
import { compiledSchema } from '../common/compiledSchema.ts';
import { describeValue, fieldPath, pathIn, type FieldPathPart } from '../common/fieldWording.ts';

/** The CLICS id syntax for the folder's ids (contest, problem, team, account, username of an
 *  imported team): letters, digits, '_', '.', '-', not starting with '.' or '-'. */
const ID_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_.-]*$';
export const ID_RE = new RegExp(ID_PATTERN);
const ID_RULE = "is not a valid id (letters, digits, '_', '.', '-'; not starting with '.' or '-')";

interface Wording {
  expected?: string;
  invalid?: string;
}

/** A string; a number is kept as written (YAML reads `name: 2024` as a number). */
function Text(wording: Wording = {}, string: { pattern?: string } = {}, number: { minimum?: number } = {}) {
  return Type.Union([Type.String(string), Type.Number(number)], { expected: 'expected a string', ...wording });
}

/** An id: a string in the id syntax, or a number (DOMjudge exports use numeric team ids). */
const FolderId = Text({ invalid: ID_RULE }, { pattern: ID_PATTERN }, { minimum: 0 });
/** A duration "h:mm:ss" or "h:mm:ss.sss" (what parseReltime reads). */
const Reltime = Type.String({ pattern: '^\\s*\\d+:[0-5]\\d:[0-5]\\d(\\.\\d{1,3})?\\s*$', expected: 'expected a duration "h:mm:ss" (e.g. "5:00:00")' });
const Flag = Type.Boolean({ expected: 'expected true or false' });

/** contest.yaml, its keys with '-' read as '_' (older Kattis files). Unknown keys are allowed (warnings). */
export const ContestFile = Type.Object({
  id: Type.Optional(FolderId),
  short_name: Type.Optional(FolderId),
  name: Type.Optional(Text()),
  formal_name: Type.Optional(Text()),
  start_time: Type.Optional(Type.String({ expected: 'expected an ISO 8601 date and time or null' })),
  duration: Reltime,
  scoreboard_freeze_duration: Type.Optional(Reltime),
  scoreboard_freeze_length: Type.Optional(Reltime),
  /** The contest time at which the freeze starts (legacy). */
  scoreboard_freeze: Type.Optional(Reltime),
  penalty_time: Type.Optional(
    Type.Union([Type.Integer({ minimum: 0 }), Type.String()], { expected: 'expected whole minutes (20) or a duration in whole minutes ("0:20:00")' }),
  ),
  scoreboard_type: Type.Optional(
    Type.Union([Type.Literal('pass-fail'), Type.Literal('score')], { expected: 'expected "pass-fail" (ICPC: problems solved, then penalty time) or "score" (total score)' }),
  ),
  /** Verdict's own (score contests): a problem's score is the best submission's, or the sum of each subtask's best. */
  score_mode: Type.Optional(
    Type.Union([Type.Literal('best-submission'), Type.Literal('best-per-subtask')], { expected: 'expected "best-submission" or "best-per-subtask"' }),
  ),
  /** Verdict's own: the language a file extension shared by several means ({py: pypy3}); the ids are checked in loadContest.ts. */
  extension_languages: Type.Optional(
    Type.Record(Type.String(), Type.String({ expected: 'expected a language id' }), { expected: 'expected a map of file extensions to language ids (py: pypy3)' }),
  ),
  /** Verdict's own: whether teams may send a source to be printed from the portal (default true). */
  printing: Type.Optional(Flag),
  /**
   * Verdict's own: the command that prints a job, as its argv (["lpr", "-P", "hall"]); the path of the file Verdict
   * rendered is added as the last argument. Never run through a shell. Absent: staff print the jobs from the console.
   */
  print_command: Type.Optional(
    Type.Array(Type.String({ minLength: 1, expected: 'expected a word of the command' }), { minItems: 1, expected: 'expected the command as a list of its words (["lpr", "-P", "hall"])' }),
  ),
  /** Verdict's own: a language's time limit is the problem's times this ({java: 1.5}, DOMjudge's time factor); the ids are checked in loadContest.ts. */
  language_time_factors: Type.Optional(
    Type.Record(Type.String(), Type.Number({ exclusiveMinimum: 0, maximum: 100, expected: 'expected a number', invalid: 'is not a factor above 0 and at most 100' }), {
      expected: 'expected a map of language ids to time factors (java: 1.5)',
    }),
  ),
}, { missing: { duration: ' (the contest length, e.g. "5:00:00")' } });
export type ContestFile = Static<typeof ContestFile>;

/** One stock answer of clarification-answers.yaml (a number is kept as written). */
export const CannedAnswer = Text({}, { pattern: '\\S' });

/** One problem of problems.yaml; `short-name`/`short_name` and `letter` are older names of id and label. */
export const ProblemEntry = Type.Object({
  id: Type.Optional(FolderId),
  'short-name': Type.Optional(FolderId),
  short_name: Type.Optional(FolderId),
  label: Type.Optional(Text()),
  letter: Type.Optional(Text()),
  name: Type.Optional(Text()),
  color: Type.Optional(Text()),
  rgb: Type.Optional(Text({ expected: 'expected a colour "#rrggbb"' }, { pattern: '^\\s*#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\s*$' })),
});
export type ProblemEntry = Static<typeof ProblemEntry>;

/** One team of teams.json / teams.yaml. */
export const TeamEntry = Type.Object({
  id: FolderId,
  name: Type.Optional(Text()),
  display_name: Type.Optional(Text()),
  organization_id: Type.Optional(Text()),
  group_ids: Type.Optional(
    Type.Array(Type.Union([Type.String({ minLength: 1 }), Type.Number()], { expected: 'expected an id' }), { expected: 'expected a list of ids' }),
  ),
  hidden: Type.Optional(Flag),
  // Where the team sits, for the balloon runners: words ("Hall B, desk 14", as DOMjudge's team
  // location), or CLICS's place on the floor plan ({x, y, rotation}, metres and degrees).
  location: Type.Optional(
    Type.Union([Type.String(), Type.Number(), Type.Object({ x: Type.Number(), y: Type.Number(), rotation: Type.Optional(Type.Number()) })], {
      expected: 'expected words saying where the team sits, or CLICS\'s {x, y, rotation}',
    }),
  ),
});
export type TeamEntry = Static<typeof TeamEntry>;

/** One account of accounts.json / accounts.yaml. */
export const AccountEntry = Type.Object({
  username: Text({ invalid: 'must be non-empty, without spaces or control characters' }, { pattern: '^[^\\s\\x00-\\x1f\\x7f]+$' }),
  id: Type.Optional(FolderId),
  type: Type.Union([Type.Literal('team'), Type.Literal('judge'), Type.Literal('admin'), Type.Literal('judgehost')], { expected: 'expected a string', invalid: 'is not supported (expected team, judge, admin or judgehost)' }),
  team_id: Type.Optional(Text()),
  password: Type.Optional(Text()),
  password_hash: Type.Optional(Text()),
}, { missing: { type: ' (team, judge, admin or judgehost)' } });
export type AccountEntry = Static<typeof AccountEntry>;

/** One group of groups.json / groups.yaml (CLICS groups). */
export const GroupEntry = Type.Object({
  id: Text(),
  name: Type.Optional(Text()),
  hidden: Type.Optional(Flag),
});

/** One organization of organizations.json / organizations.yaml (CLICS organizations). */
export const OrganizationEntry = Type.Object({
  id: Text(),
  name: Type.Optional(Text()),
  formal_name: Type.Optional(Text()),
  country: Type.Optional(Type.String({ pattern: '^(\\s*|[A-Z]{3})$', expected: 'expected a string', invalid: 'is not an ISO 3166-1 alpha-3 code such as "NLD"' })),
});

// ---------------------------------------------------------------------------------------------- messages

/** The message for a value at `path` ("/group_ids/2") that `schema` refuses. */
function fieldMessage(schema: TSchema & Wording, path: FieldPathPart[], value: unknown, errors: { keyword: string }[]): string {
  const name = fieldPath(path);
  // A value of a kind the field takes that breaks one of its rules (pattern, enum, minimum).
  const ruleBroken = errors.some((e) => !['type', 'anyOf', 'required'].includes(e.keyword)) && (typeof value === 'string' || typeof value === 'number');
  if (ruleBroken && schema.invalid !== undefined) return `${name}: ${describeValue(value)} ${schema.invalid}`;
  return `${name}: ${schema.expected ?? 'expected something else'}, got ${describeValue(value)}`;
}

/**
 * Checks one map of fields (an entry of a list file, or contest.yaml) against `schema`; null values
 * count as absent (YAML's `key:`). Returns the map typed, or the message for its first wrong field
 * ("name: missing", "hidden: expected true or false, got "yes"").
 */
export function checkFields<S extends TSchema>(schema: S, data: Record<string, unknown>): { ok: Static<S> } | { problem: string } {
  const present: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (v !== null && v !== undefined) present[k] = v;
  const validator = compiledSchema(schema);
  if (validator.Check(present)) return { ok: present };
  const errors = validator.Errors(present);
  const first = errors[0];
  if (first.keyword === 'required') {
    const key = first.params.requiredProperties[0];
    const hints = (schema as { missing?: Record<string, string> }).missing ?? {};
    return { problem: `${key}: missing${hints[key] ?? ''}` };
  }
  const path = first.instancePath.split('/').slice(1);
  const atPath = errors.filter((e) => e.instancePath === first.instancePath);
  let sub: TSchema & Wording = schema;
  let value: unknown = present;
  for (const step of path) {
    value = (value as Record<string, unknown>)[step];
    const s = sub as { properties?: Record<string, TSchema>; items?: TSchema; patternProperties?: Record<string, TSchema> };
    // A map of any keys (Type.Record) holds its values' schema under its one pattern.
    sub = s.properties?.[step] ?? s.items ?? Object.values(s.patternProperties ?? {})[0] ?? sub;
  }
  return { problem: fieldMessage(sub, pathIn(present, path), value, atPath) };
}
