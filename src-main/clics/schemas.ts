// Every CLICS Contest API object Verdict serves, defined once (TypeBox: a JSON Schema and its TypeScript
// type in one). Written from the text of the CCS specifications, version 2026-01 (Contest_API.md,
// "Interface specification"); each object lists exactly the properties Verdict provides, so that
// - fastify serialises the API's answers with them (fast-json-stringify: nothing else can go out),
// - the store serialises every event's data with them (serialize.ts), and the event feed writes that,
// - the exporter writes the contest package's files with them,
// - /access lists them (access.ts): what /access announces is what the objects hold,
// - the conformance test validates every endpoint, the feed and a package against them, strictly.
// Every object is closed (additionalProperties: false). A nullable property may be left out: the
// spec reads a missing property as null.
import Type, { type Static, type TSchema } from 'typebox';
import { VERDICTS, type Verdict } from '../common/types.ts';

/** The version of the Contest API implemented, as /api says it. */
export const CLICS_VERSION = '2026-01';
export const CLICS_VERSION_URL = `https://ccs-specs.icpc.io/${CLICS_VERSION}/contest_api`;

/** `T` or null, as one JSON Schema type list (`"type": ["string", "null"]`): cheaper to serialise than anyOf. */
function Nullable<T extends TSchema & { type: string }>(schema: T) {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });
}

const closed = { additionalProperties: false } as const;

// ---------------------------------------------------------------- property types ("JSON property types")

/** ID: [a-zA-Z0-9_.-], at most 36 characters, not starting with '-' or '.', not ending with '.'. */
const Id = Type.String({ pattern: '^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,34}[A-Za-z0-9_-])?$' });
/** TIME: ISO 8601 extended date and time with zone; Verdict always gives milliseconds and Z. */
const Time = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$' });
/** RELTIME: (-)?(h)*h:mm:ss.uuu (Verdict always gives the milliseconds). */
const RelTime = Type.String({ pattern: '^-?[0-9]+:[0-5][0-9]:[0-5][0-9]\\.[0-9]{3}$' });
/** A RELTIME that cannot be negative (durations). */
const Duration = Type.String({ pattern: '^[0-9]+:[0-5][0-9]:[0-5][0-9]\\.[0-9]{3}$' });
/** Seconds, "a non-negative integer multiple of 0.001". */
const Seconds = Type.Number({ minimum: 0, multipleOf: 0.001 });
/** A verdict: the judgement types Verdict has (judgement-types). An enum, not anyOf: fast to serialise. */
const JudgementTypeId = Type.Unsafe<Verdict>({ type: 'string', enum: [...VERDICTS] });

/** FILE: a reference to a file; `href` relative to the API's base URL. */
const FileRef = Type.Object(
  {
    href: Type.String(),
    filename: Type.String({ minLength: 1 }),
    mime: Type.String(),
  },
  closed,
);

// ---------------------------------------------------------------- metadata

export const ApiInfo = Type.Object(
  {
    version: Type.Literal(CLICS_VERSION),
    version_url: Type.Literal(CLICS_VERSION_URL),
    provider: Type.Object({ name: Type.String(), version: Type.String() }, closed),
  },
  closed,
);

const CAPABILITIES = ['contest_start', 'contest_thaw', 'team_submit', 'post_clar', 'post_comment', 'proxy_submit', 'proxy_clar', 'admin_submit', 'admin_clar'] as const;
const Capability = Type.Unsafe<(typeof CAPABILITIES)[number]>({ type: 'string', enum: [...CAPABILITIES] });

export const Access = Type.Object(
  {
    capabilities: Type.Array(Capability),
    endpoints: Type.Array(Type.Object({ type: Type.String(), properties: Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$' }), { minItems: 1 }) }, closed)),
  },
  closed,
);

// ---------------------------------------------------------------- configuration

export const Contest = Type.Object(
  {
    id: Id,
    name: Type.String(),
    formal_name: Type.String(),
    start_time: Nullable(Time),
    duration: Duration,
    scoreboard_freeze_duration: Duration,
    scoreboard_type: Type.Union([Type.Literal('pass-fail'), Type.Literal('score')]),
    /** Pass-fail contests only. */
    penalty_time: Type.Optional(Duration),
  },
  closed,
);

const JudgementType = Type.Object(
  {
    id: JudgementTypeId,
    name: Type.String(),
    penalty: Type.Boolean(),
    solved: Type.Boolean(),
  },
  closed,
);

/** Verdict finds each language's entry point itself (the Java class, the file to run): none is required. */
const Language = Type.Object(
  {
    id: Id,
    name: Type.String(),
    entry_point_required: Type.Literal(false),
    extensions: Type.Array(Type.String()),
  },
  closed,
);

const Problem = Type.Object(
  {
    id: Id,
    label: Type.String(),
    name: Type.String(),
    ordinal: Type.Integer(),
    rgb: Type.Optional(Type.String({ pattern: '^#[0-9A-Fa-f]{3}([0-9A-Fa-f]{3})?$' })),
    color: Type.Optional(Type.String()),
    /** Seconds; left out until the package has been read. */
    time_limit: Type.Optional(Seconds),
    test_data_count: Type.Integer({ minimum: 0 }),
    /** Score contests: the most a submission can score (left out while unknown). */
    max_score: Type.Optional(Type.Number({ minimum: 0 })),
  },
  closed,
);

const Group = Type.Object({ id: Id, name: Type.String() }, closed);

const Organization = Type.Object(
  {
    id: Id,
    name: Type.String(),
    formal_name: Type.String(),
    /** ISO 3166-1 alpha-3. */
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  closed,
);

const Team = Type.Object(
  {
    id: Id,
    name: Type.String(),
    label: Type.String(),
    display_name: Type.String(),
    organization_id: Nullable(Id),
    group_ids: Type.Array(Id),
  },
  closed,
);

export const Account = Type.Object(
  {
    id: Id,
    username: Type.String(),
    // A judgehost account has no CLICS role: null.
    type: Type.Union([Type.Literal('team'), Type.Literal('judge'), Type.Literal('admin'), Type.Null()]),
    team_id: Nullable(Id),
  },
  closed,
);

// ---------------------------------------------------------------- live data

export const State = Type.Object(
  {
    started: Nullable(Time),
    frozen: Nullable(Time),
    ended: Nullable(Time),
    thawed: Nullable(Time),
    finalized: Nullable(Time),
    end_of_updates: Nullable(Time),
  },
  closed,
);

const Submission = Type.Object(
  {
    id: Id,
    language_id: Id,
    problem_id: Id,
    team_id: Id,
    time: Time,
    contest_time: RelTime,
    /** The Java class, the Kotlin class, the file of an interpreted language; null for C and C++. */
    entry_point: Nullable(Type.String()),
    /** Exactly one zip of the submitted files. */
    files: Type.Array(FileRef, { minItems: 1, maxItems: 1 }),
  },
  closed,
);

const Judgement = Type.Object(
  {
    id: Id,
    submission_id: Id,
    judgement_type_id: Type.Unsafe<Verdict | null>({ type: ['string', 'null'], enum: [...VERDICTS, null] }),
    /** False once replaced by a rejudge or by recovery after a crash. */
    current: Type.Boolean(),
    start_time: Time,
    start_contest_time: RelTime,
    end_time: Nullable(Time),
    end_contest_time: Nullable(RelTime),
    max_run_time: Nullable(Type.Number({ minimum: 0, multipleOf: 0.001 })),
    /** Score contests: the score the finished judgement counts for. */
    score: Type.Optional(Type.Number({ minimum: 0 })),
  },
  closed,
);

const Run = Type.Object(
  {
    id: Id,
    judgement_id: Id,
    ordinal: Type.Integer({ minimum: 1 }),
    judgement_type_id: JudgementTypeId,
    time: Time,
    contest_time: RelTime,
    run_time: Seconds,
    /** Score contests: the test case's score, where it has one. */
    score: Type.Optional(Type.Number()),
  },
  closed,
);

/**
 * A team's question has from_team_id; a judges' answer has to_team_id when it goes to one team, null when to
 * everyone. The spec's JSON schemas (and DOMjudge) name it to_team_id; the 2026-01 text's to_team_ids list is
 * accepted on input (server/clicsWrites.ts, imports), never written: a strict check of the schemas refuses it.
 */
const Clarification = Type.Object(
  {
    id: Id,
    from_team_id: Nullable(Id),
    to_team_id: Nullable(Id),
    reply_to_id: Nullable(Id),
    problem_id: Nullable(Id),
    text: Type.String(),
    time: Time,
    contest_time: RelTime,
  },
  closed,
);

const Award = Type.Object({ id: Id, citation: Type.String(), team_ids: Type.Array(Id) }, closed);

// ---------------------------------------------------------------- aggregate data

// A pass-fail contest's cells and row scores have `solved`, `num_solved` and `total_time`; a score contest's,
// `score` instead (the spec's oneOf).
const ScoreboardProblem = Type.Union([
  Type.Object(
    {
      problem_id: Id,
      num_judged: Type.Integer({ minimum: 0 }),
      num_pending: Type.Integer({ minimum: 0 }),
      solved: Type.Boolean(),
      /** Contest time of the solution (whole minutes, as the penalty counts it); only when solved. */
      time: Type.Optional(Duration),
    },
    closed,
  ),
  Type.Object(
    {
      problem_id: Id,
      num_judged: Type.Integer({ minimum: 0 }),
      num_pending: Type.Integer({ minimum: 0 }),
      /** The team's score for the problem. */
      score: Type.Number({ minimum: 0 }),
      /** Contest time (whole minutes) at which the cell reached its score; only when the score is above 0. */
      time: Type.Optional(Duration),
    },
    closed,
  ),
]);

const ScoreboardRow = Type.Object(
  {
    rank: Type.Integer({ minimum: 1 }),
    team_id: Id,
    score: Type.Union([
      Type.Object(
        {
          num_solved: Type.Integer({ minimum: 0 }),
          total_time: Duration,
          /** The last solution (whole minutes); null while nothing is solved. */
          time: Nullable(Duration),
        },
        closed,
      ),
      Type.Object(
        {
          /** The total score. */
          score: Type.Number(),
          /** The last score improvement (whole minutes); null while nothing is scored. */
          time: Nullable(Duration),
        },
        closed,
      ),
    ]),
    problems: Type.Array(ScoreboardProblem),
  },
  closed,
);

export const Scoreboard = Type.Object(
  {
    time: Time,
    contest_time: RelTime,
    state: State,
    rows: Type.Array(ScoreboardRow),
  },
  closed,
);

/** An error answer ("Success, Failure, and HTTP Responses"). */
export const ErrorBody = Type.Object({ code: Type.Integer(), message: Type.String() }, closed);

export type ClicsApiInfo = Static<typeof ApiInfo>;
export type ClicsAccess = Static<typeof Access>;
export type ClicsCapability = Static<typeof Capability>;
export type ClicsContest = Static<typeof Contest>;
export type ClicsJudgementType = Static<typeof JudgementType>;
export type ClicsLanguage = Static<typeof Language>;
export type ClicsProblem = Static<typeof Problem>;
export type ClicsGroup = Static<typeof Group>;
export type ClicsOrganization = Static<typeof Organization>;
export type ClicsTeam = Static<typeof Team>;
export type ClicsState = Static<typeof State>;
export type ClicsSubmission = Static<typeof Submission>;
export type ClicsJudgement = Static<typeof Judgement>;
export type ClicsRun = Static<typeof Run>;
export type ClicsClarification = Static<typeof Clarification>;
export type ClicsAward = Static<typeof Award>;
export type ClicsScoreboard = Static<typeof Scoreboard>;
export type ClicsScoreboardRow = Static<typeof ScoreboardRow>;
export type ClicsScoreboardProblem = Static<typeof ScoreboardProblem>;
export type ClicsErrorBody = Static<typeof ErrorBody>;

/**
 * The notification types ("Notification format") and the object each carries. `contest` and `state`
 * are singletons (id null); the others name the object's id (data null: it was deleted).
 */
export const OBJECT_SCHEMAS = {
  contest: Contest,
  'judgement-types': JudgementType,
  languages: Language,
  problems: Problem,
  groups: Group,
  organizations: Organization,
  teams: Team,
  state: State,
  submissions: Submission,
  judgements: Judgement,
  runs: Run,
  clarifications: Clarification,
  awards: Award,
  accounts: Account,
} as const;

export type ClicsType = keyof typeof OBJECT_SCHEMAS;
export const CLICS_TYPES = Object.keys(OBJECT_SCHEMAS) as ClicsType[];
export type ClicsObject<T extends ClicsType> = Static<(typeof OBJECT_SCHEMAS)[T]>;

/** Singletons: their notifications have id null and data never null. */
export const SINGLETON_TYPES: ReadonlySet<ClicsType> = new Set(['contest', 'state']);

/** One line of the event feed: which object changed, its new value (null: deleted), and a token to resume after it. */
export const Notification = Type.Union(
  CLICS_TYPES.map((type) =>
    SINGLETON_TYPES.has(type)
      ? Type.Object({ type: Type.Literal(type), id: Type.Null(), data: OBJECT_SCHEMAS[type], token: Type.String() }, closed)
      : Type.Object({ type: Type.Literal(type), id: Id, data: Type.Union([OBJECT_SCHEMAS[type], Type.Null()]), token: Type.String() }, closed),
  ),
);
