// The files of a contest package another system wrote (DOMjudge, a CDS: Contest_Package.md's layout, the
// Contest API's objects) as far as `verdict import` reads them: TypeBox schemas of the properties Verdict
// uses, objects left open (other systems add their own properties, e.g. DOMjudge's externalid). Each field
// says what it expects, so a wrong value is one message naming the file, the item and the field
// (packageFields.ts's readObject and readList, as for the packages Verdict writes).
import Type from 'typebox';

const Str = Type.String({ expected: 'expected a string' });
/** Another system's id: a string, or a number (some write numeric ids as numbers). */
const ForeignId = Type.Union([Type.String(), Type.Integer()], { expected: 'expected an id (a string)' });
const NullableId = Type.Union([Type.String(), Type.Integer(), Type.Null()], { expected: 'expected an id or null' });
/** CLICS TIME; read by parseClicsTime. */
const Time = Type.String({ expected: 'expected a CLICS TIME such as "2030-01-01T10:00:00.000+01"' });
/** CLICS RELTIME "(-)h:mm:ss(.uuu)". */
const RelTime = Type.String({ pattern: '^-?\\d+:[0-5]\\d:[0-5]\\d(\\.\\d{1,3})?$', expected: 'expected a CLICS RELTIME such as "5:00:00"' });
const Seconds = Type.Number({ minimum: 0, expected: 'expected a number of seconds' });
const Flag = Type.Boolean({ expected: 'expected true or false' });
const Ids = Type.Array(ForeignId, { expected: 'expected a list of ids' });

export const ForeignContest = Type.Object({
  id: ForeignId,
  name: Type.Optional(Str),
  formal_name: Type.Optional(Str),
  start_time: Type.Optional(Time),
  duration: RelTime,
  scoreboard_freeze_duration: Type.Optional(RelTime),
  /** Whole minutes (older packages) or a RELTIME. */
  penalty_time: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), RelTime], { expected: 'expected whole minutes or a RELTIME' })),
  scoreboard_type: Type.Optional(Str),
});

export const ForeignState = Type.Object({ thawed: Type.Optional(Time), finalized: Type.Optional(Time), end_of_updates: Type.Optional(Time) });

export const ForeignJudgementType = Type.Object({ id: ForeignId, name: Type.Optional(Str), penalty: Type.Optional(Flag), solved: Type.Optional(Flag) });
export const ForeignLanguage = Type.Object({ id: ForeignId, name: Type.Optional(Str), extensions: Type.Optional(Type.Array(Str, { expected: 'expected a list of file extensions' })) });
export const ForeignProblem = Type.Object({ id: ForeignId, label: Type.Optional(Str), name: Type.Optional(Str) });
export const ForeignGroup = Type.Object({ id: ForeignId, name: Type.Optional(Str), hidden: Type.Optional(Flag) });
export const ForeignOrganization = Type.Object({ id: ForeignId, name: Type.Optional(Str), formal_name: Type.Optional(Str), country: Type.Optional(Str) });
export const ForeignTeam = Type.Object({
  id: ForeignId,
  name: Str,
  display_name: Type.Optional(Str),
  organization_id: Type.Optional(NullableId),
  group_ids: Type.Optional(Ids),
  hidden: Type.Optional(Flag),
});
export const ForeignSubmission = Type.Object({
  id: ForeignId,
  team_id: ForeignId,
  problem_id: ForeignId,
  language_id: ForeignId,
  time: Time,
  files: Type.Optional(Type.Array(Type.Object({ filename: Type.Optional(Str) }), { expected: 'expected a list of file references' })),
});
export const ForeignJudgement = Type.Object({
  id: ForeignId,
  submission_id: ForeignId,
  judgement_type_id: Type.Optional(NullableId),
  start_time: Time,
  end_time: Type.Optional(Time),
  max_run_time: Type.Optional(Seconds),
  /** Earlier versions: false for a judgement a rejudge replaced. */
  valid: Type.Optional(Flag),
  current: Type.Optional(Flag),
});
export const ForeignRun = Type.Object({
  id: ForeignId,
  judgement_id: ForeignId,
  ordinal: Type.Integer({ minimum: 1, expected: 'expected a whole number from 1' }),
  judgement_type_id: ForeignId,
  time: Time,
  run_time: Type.Optional(Seconds),
});
export const ForeignClarification = Type.Object({
  id: ForeignId,
  from_team_id: Type.Optional(NullableId),
  to_team_ids: Type.Optional(Type.Union([Ids, Type.Null()], { expected: 'expected a list of ids or null' })),
  /** Earlier versions' one recipient. */
  to_team_id: Type.Optional(NullableId),
  to_group_ids: Type.Optional(Type.Union([Ids, Type.Null()], { expected: 'expected a list of ids or null' })),
  reply_to_id: Type.Optional(NullableId),
  problem_id: Type.Optional(NullableId),
  text: Str,
  time: Time,
});

/** An id as text (numbers written as ids are read as their decimal text). */
export function idText(id: string | number): string {
  return typeof id === 'number' ? String(id) : id;
}
