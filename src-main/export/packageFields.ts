// The JSON files of a contest package Verdict exported, as TypeBox schemas: one definition gives each
// object's fields, their types and their check, and every field carries the words its error message uses
// (as the contest folder's do, contest/folderSchemas.ts), so a wrong value is one message naming the file,
// the item and the field ("judgements.json: item 1 (id "1"): judgement_type_id: expected a verdict (AC, WA,
// ...), got "XX""), never a stack trace or a half-read contest. What a schema cannot say (references between
// files, the feed's order) stays in packageImport.ts. readObject and readList serve the packages other
// systems wrote too (foreignSchemas.ts).
import Type, { type Static, type TSchema } from 'typebox';
import { FileError } from '../common/errors.ts';
import { describeValue } from '../common/fieldWording.ts';
import { VERDICTS } from '../common/types.ts';
import { checkFields } from '../contest/folderSchemas.ts';

const Str = Type.String({ expected: 'expected a string' });
/** An id Verdict generated: a decimal integer as a string. */
const IntId = Type.String({ pattern: '^[1-9][0-9]{0,14}$', expected: 'expected a numeric id as Verdict writes them (a package Verdict exported has no other)' });
const Count = (minimum: number) => Type.Integer({ minimum, expected: `expected a whole number of at least ${minimum}` });
const AnyInteger = Type.Integer({ expected: 'expected a whole number' });
const Flag = Type.Boolean({ expected: 'expected true or false' });
/** CLICS TIME (ISO 8601 with a zone), as Date.parse reads it. */
const Time = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})$', expected: 'expected a CLICS TIME such as "2030-01-01T10:00:00.000Z"' });
/** CLICS RELTIME, as parseRelTime reads it. */
const RelTime = Type.String({ pattern: '^-?\\d+:[0-5]\\d:[0-5]\\d(\\.\\d{1,3})?$', expected: 'expected a CLICS RELTIME such as "1:30:00.000"' });
/** A CLICS decimal number of seconds. */
const Seconds = Type.Number({ minimum: 0, expected: 'expected a number of seconds' });
/** A score contest's score of a judgement or a run. */
const Score = Type.Number({ minimum: 0, expected: 'expected a score (a number of at least 0)' });
const Verdict = Type.Union(
  VERDICTS.map((v) => Type.Literal(v)),
  { expected: `expected a verdict (${VERDICTS.join(', ')})` },
);
const Strings = Type.Array(Str, { expected: 'expected a list of strings' });
/** A map whose values are checked one by one (so that a message names the key). */
const Entries = Type.Record(Type.String(), Type.Unknown(), { expected: 'expected a map' });

export const PackageContest = Type.Object({
  id: Str,
  name: Str,
  formal_name: Str,
  start_time: Type.Optional(Time),
  duration: RelTime,
  scoreboard_freeze_duration: RelTime,
  /** Absent in a score contest. */
  penalty_time: Type.Optional(RelTime),
  /** Absent in packages written before scoring contests: pass-fail. */
  scoreboard_type: Type.Optional(Type.Union([Type.Literal('pass-fail'), Type.Literal('score')], { expected: 'expected "pass-fail" or "score"' })),
});

export const PackageState = Type.Object({ thawed: Type.Optional(Time), finalized: Type.Optional(Time), end_of_updates: Type.Optional(Time) });

export const PackageProblem = Type.Object({
  id: Str,
  label: Str,
  name: Str,
  ordinal: Count(0),
  color: Type.Optional(Str),
  rgb: Type.Optional(Str),
  time_limit: Type.Optional(Seconds),
  test_data_count: Type.Optional(Count(0)),
});

export const PackageTeam = Type.Object({
  id: Str,
  name: Str,
  display_name: Type.Optional(Str),
  organization_id: Type.Optional(Str),
  group_ids: Type.Optional(Strings),
  /** Written before 2026-01, when team objects said so. */
  hidden: Type.Optional(Flag),
});

export const PackageSubmission = Type.Object({ id: IntId, team_id: Str, problem_id: Str, language_id: Str, time: Time, contest_time: RelTime });

export const PackageJudgement = Type.Object({
  id: IntId,
  submission_id: IntId,
  judgement_type_id: Type.Optional(Verdict),
  current: Type.Optional(Flag),
  start_time: Time,
  end_time: Type.Optional(Time),
  max_run_time: Type.Optional(Seconds),
  score: Type.Optional(Score),
});

export const PackageRun = Type.Object({ id: IntId, judgement_id: IntId, ordinal: Count(1), judgement_type_id: Verdict, time: Time, run_time: Seconds, score: Type.Optional(Score) });

export const PackageClarification = Type.Object({
  id: IntId,
  from_team_id: Type.Optional(Str),
  to_team_ids: Type.Optional(Strings),
  /** Written before 2026-01: the one recipient. */
  to_team_id: Type.Optional(Str),
  reply_to_id: Type.Optional(IntId),
  problem_id: Type.Optional(Str),
  text: Str,
  time: Time,
  contest_time: RelTime,
});

/** verdict.json: what CLICS has no place for (packageExtras.ts writes it). */
export const PackageExtras = Type.Object({
  format: Str,
  version: Count(1),
  event_times: Type.Array(AnyInteger, { expected: 'expected a list of times (epoch ms)' }),
  judgements: Entries,
  runs: Entries,
  overrides: Type.Array(Type.Unknown(), { expected: 'expected a list' }),
  settings: Type.Record(Type.String(), Str, { expected: 'expected a map of strings' }),
});

/** One test group's result of a judgement (common/results.ts GroupResult). */
const GroupResultFields = Type.Object({
  name: Type.String({ expected: 'expected a test group\'s path below data/ ("" for the root)' }),
  verdict: Verdict,
  score: Type.Number({ expected: 'expected a score (a number)' }),
  max_score: Type.Union([Type.Number(), Type.Null()], { expected: 'expected the most the group can score (a number), or null' }),
});

/** verdict.json's details of one judgement. */
export const JudgementExtras = Type.Object({
  judgehost: Str,
  judged_verdict: Type.Optional(Verdict),
  overridden: Flag,
  max_memory_kb: Type.Optional(Count(0)),
  compile_ok: Type.Optional(Flag),
  compile_output: Type.Optional(Str),
  compile_time_ms: Type.Optional(Count(0)),
  error: Type.Optional(Str),
  failing_output: Type.Optional(Str),
  invalidated_at: Type.Optional(Count(0)),
  invalidated_why: Type.Optional(Type.Union([Type.Literal('rejudge'), Type.Literal('recovery')], { expected: 'expected "rejudge" or "recovery"' })),
  /** A scoring problem's test groups' results (absent in packages written before they were exported). */
  groups: Type.Optional(Type.Array(GroupResultFields, { expected: 'expected a list of test groups\' results' })),
});

/** verdict.json's details of one run. */
export const RunExtras = Type.Object({ test_name: Str, memory_kb: Count(0), wall_ms: Count(0), exit_code: AnyInteger, signal: Count(0), message: Str });

export const PackageOverride = Type.Object({ submission_id: IntId, judgement_id: IntId, old_verdict: Verdict, new_verdict: Verdict, reason: Str, by: Str, time: AnyInteger });

/** One line of event-feed.ndjson. */
export const FeedLine = Type.Object({
  type: Str,
  id: Type.Optional(Str),
  token: Type.String({ pattern: '^[1-9][0-9]{0,14}$', expected: 'expected a token as Verdict writes them (a whole number)' }),
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { expected: 'expected an object or null' })),
});

/** `value` checked against `schema`: the object, or a FileError naming `file`, `where` and the field. */
export function readObject<S extends TSchema>(schema: S, file: string, where: string, value: unknown): Static<S> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FileError(file, `${where}: expected an object, got ${describeValue(value)}`);
  const checked = checkFields(schema, value as Record<string, unknown>);
  if ('problem' in checked) throw new FileError(file, `${where}: ${checked.problem}`);
  return checked.ok;
}

/** A file holding a JSON list of objects of `schema`; each item named by its place and id in a message. */
export function readList<S extends TSchema>(schema: S, file: string, value: unknown): Static<S>[] {
  if (!Array.isArray(value)) throw new FileError(file, `expected a JSON list, got ${describeValue(value)}`);
  return value.map((item, i) => readObject(schema, file, itemName(item, i), item));
}

/** "item 3" or "item 3 (id "17")": how a message names an item of a list. */
export function itemName(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null && 'id' in item ? ` (id ${describeValue(item.id)})` : '';
  return `item ${index + 1}${id}`;
}
