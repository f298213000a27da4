// What the HTTP routes accept, as TypeBox schemas: bodies, path parameters and query strings.
// fastify checks each request against its route's schemas before the handler runs (a request that
// does not fit is 400, its message naming the field: httpServer.ts's validationError), and the
// TypeBox type provider gives the handlers the types. Objects stay open: the handlers refuse the
// keys they must not get with their own messages (CLICS's "must not be provided").
import Type, { type Static } from 'typebox';
import type { AskRequest, LoginRequest, PrintRequest, SubmitRequest } from '../shared/portalApi.ts';
import { MAX_SUBMISSION_FILES } from '../contest/submissionFiles.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

// ---------------------------------------------------------------- portal (shared/portalApi.ts)

export const LoginBody = Type.Object({ username: Type.String(), password: Type.String() });
/** A program of several files: the others besides fileName/source (contest/submissionFiles.ts bounds them). */
const OtherFiles = Type.Array(Type.Object({ fileName: Type.String(), source: Type.String() }), { maxItems: MAX_SUBMISSION_FILES - 1 });
export const SubmitBody = Type.Object({ problemId: Type.String(), languageId: Type.String(), fileName: Type.String(), source: Type.String(), otherFiles: Type.Optional(OtherFiles) });
export const AskBody = Type.Object({ problemId: Type.Optional(NullableString), text: Type.String() });
export const PrintBody = Type.Object({ fileName: Type.String(), text: Type.String() });
export const PrintJobParams = Type.Object({ id: Type.String() });
export const ProblemParams = Type.Object({ id: Type.String() });
export const StatementFileParams = Type.Object({ id: Type.String(), name: Type.String() });

// Every request the portal's contract types allow fits these schemas: a change to the contract that
// the schemas would refuse fails to compile here.
const contractFits: [LoginRequest, SubmitRequest, AskRequest, PrintRequest] extends [Static<typeof LoginBody>, Static<typeof SubmitBody>, Static<typeof AskBody>, Static<typeof PrintBody>]
  ? true
  : never = true;
void contractFits;

// ---------------------------------------------------------------- CLICS Contest API

export const ContestParams = Type.Object({ cid: Type.String() });
export const ObjectParams = Type.Object({ cid: Type.String(), id: Type.String() });

/** A collection's query: its filters (ID properties), each one value; other keys are ignored. */
export function filterQuery(filters: readonly string[]) {
  return Type.Object(Object.fromEntries(filters.map((key) => [key, Type.Optional(Type.String())])));
}

export const EventFeedQuery = Type.Object({
  since_token: Type.Optional(Type.String()),
  /** The 2020-03 name of since_token. */
  since_id: Type.Optional(Type.String()),
  stream: Type.Optional(Type.String()),
});

/**
 * team_submit / proxy_submit / admin_submit (POST and PUT). `team_id` is checked by the handler: who may name which
 * team is access, not shape; so are id, time and contest_time (only an admin gives them).
 */
export const ClicsSubmissionBody = Type.Object({
  id: Type.Optional(Type.String()),
  time: Type.Optional(Type.String()),
  contest_time: Type.Optional(Type.String()),
  problem_id: Type.String(),
  language_id: Type.String(),
  team_id: Type.Optional(Type.Unknown()),
  files: Type.Array(Type.Object({ data: Type.String(), mime: Type.Optional(Type.Unknown()) }), { minItems: 1 }),
});

/** PATCH of the contest (contest_start, contest_thaw): the id to check, and the start or the thaw time. */
export const ClicsContestPatchBody = Type.Object({
  id: Type.String(),
  start_time: Type.Optional(NullableString),
  countdown_pause_time: Type.Optional(NullableString),
  scoreboard_thaw_time: Type.Optional(Type.String()),
});

/** A question (team) or an answer or announcement (judges); who may give which property is the handler's. */
export const ClicsClarificationBody = Type.Object({
  id: Type.Optional(Type.String()),
  time: Type.Optional(Type.String()),
  contest_time: Type.Optional(Type.String()),
  text: Type.String(),
  problem_id: Type.Optional(NullableString),
  reply_to_id: Type.Optional(NullableString),
  from_team_id: Type.Optional(Type.Unknown()),
  to_team_ids: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
  to_group_ids: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
  /** Earlier versions' single recipient. */
  to_team_id: Type.Optional(NullableString),
});

// ---------------------------------------------------------------- the console's browser transport

/** The arguments of a JudgeApi request (each checked by shared/judgeRequests.ts). */
export const ConsoleArgs = Type.Array(Type.Unknown());
export const ConsoleMethodParams = Type.Object({ method: Type.String() });
/** [submissionId, characters the terminal has parsed]. */
export const AckOutputBody = Type.Tuple([Type.String(), Type.Number({ minimum: 0 })]);
export const ExportFileParams = Type.Object({ id: Type.String(), file: Type.String() });
export const ProblemFileParams = Type.Object({ id: Type.String(), kind: Type.Union([Type.Literal('data'), Type.Literal('statement')]) });
export const SubmissionParams = Type.Object({ id: Type.String() });
