// The arguments of every JudgeApi request (judgeApi.ts) as TypeBox schemas, checked where they
// arrive from a client: the console's HTTP routes (server/consoleRoutes.ts) and the Electron IPC
// handlers (app/ipc.ts). Neither the browser nor the renderer is trusted, so a request reaches the
// ConsoleService only with arguments of the types its signature declares. The service still checks
// what a type cannot say (a reason that is not blank, a worker count from 1 to 64).
// The renderer does not import this file: it needs no validator in its bundle.
import Type, { type TSchema } from 'typebox';
import { compiledSchema } from '../common/compiledSchema.ts';
import type { JudgeRequestName } from './judgeApi.ts';

interface Param {
  name: string;
  schema: TSchema;
  /** May be left out (trailing parameters only). */
  optional?: boolean;
}

const Id = Type.String({ minLength: 1 });
const NullableString = Type.Union([Type.String(), Type.Null()]);
/** Medals of one colour: the CLI's --gold and the like allow as many. */
const MedalCount = Type.Integer({ minimum: 0, maximum: 1000 });
const param = (name: string, schema: TSchema, optional = false): Param => ({ name, schema, optional });

/** Each request's parameters, in order, as JudgeApi declares them. */
const PARAMS: Record<JudgeRequestName, readonly Param[]> = {
  getSnapshot: [],
  listSubmissions: [param('afterId', NullableString, true), param('limit', Type.Integer(), true)],
  getSubmission: [param('id', Id)],
  getScoreboard: [param('view', Type.Union([Type.Literal('judges'), Type.Literal('public')]))],
  listProblems: [],
  listTeams: [],
  listClarifications: [],
  pauseJudging: [],
  resumeJudging: [],
  setWorkers: [param('workers', Type.Integer())],
  setJudgehostMode: [param('judgehostId', Id), param('mode', Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('draining')]))],
  prioritise: [param('submissionId', Id)],
  rejudgeSubmission: [param('submissionId', Id)],
  createRejudging: [
    param(
      'selection',
      Type.Object({
        submissionIds: Type.Optional(Type.Array(Id)),
        problemIds: Type.Optional(Type.Array(Id)),
        teamIds: Type.Optional(Type.Array(Id)),
        languageIds: Type.Optional(Type.Array(Id)),
        verdicts: Type.Optional(Type.Array(Type.String())),
        fromContestMs: Type.Optional(Type.Number()),
        toContestMs: Type.Optional(Type.Number()),
      }),
    ),
    param('reason', Type.String()),
  ],
  listRejudgings: [],
  getRejudging: [param('id', Id)],
  applyRejudging: [param('id', Id)],
  cancelRejudging: [param('id', Id)],
  overrideVerdict: [param('submissionId', Id), param('verdict', Type.String()), param('reason', Type.String())],
  killRun: [param('submissionId', Id)],
  answerClarification: [
    param(
      'answer',
      Type.Object({
        replyToId: Type.Optional(NullableString),
        toTeamId: Type.Optional(NullableString),
        problemId: Type.Optional(NullableString),
        text: Type.String(),
      }),
    ),
  ],
  setClarificationClaimed: [param('clarificationId', Id), param('claimed', Type.Boolean())],
  listCannedAnswers: [],
  setContestTimes: [
    param(
      'times',
      Type.Object({
        startTime: Type.Union([Type.Number(), Type.Null()]),
        durationMs: Type.Number(),
        freezeMs: Type.Number(),
        penaltyMinutes: Type.Optional(Type.Integer()),
      }),
    ),
  ],
  startContestNow: [],
  endContestNow: [],
  setLanguageEnabled: [param('languageId', Id), param('enabled', Type.Boolean())],
  setThawed: [param('thawed', Type.Boolean())],
  finalizeResults: [],
  importTeams: [param('list', Type.String())],
  getPasswordSheet: [],
  startExport: [],
  listExports: [],
  listBalloons: [],
  setBalloonDelivered: [param('submissionId', Id), param('delivered', Type.Boolean())],
  getProblemStats: [],
  setVerified: [param('submissionId', Id), param('verified', Type.Boolean())],
  listPrintJobs: [],
  getPrintJob: [param('id', Id)],
  setPrintJobPrinted: [param('id', Id), param('printed', Type.Boolean())],
  sendPrintJob: [param('id', Id)],
  getAwards: [],
  setMedalCounts: [param('counts', Type.Union([Type.Object({ gold: MedalCount, silver: MedalCount, bronze: MedalCount }), Type.Null()]))],
  getResolver: [],
};

/**
 * `args` checked against `method`'s parameters: the arguments to call the service with (optional
 * parameters sent as null, as JSON must, left out), or what is wrong, naming the parameter
 * ("setThawed: thawed: must be boolean").
 */
export function checkJudgeRequest(method: JudgeRequestName, args: readonly unknown[]): { args: unknown[] } | { problem: string } {
  const params = PARAMS[method];
  const required = params.filter((p) => !p.optional).length;
  if (args.length < required || args.length > params.length) {
    const names = params.map((p) => (p.optional ? `${p.name}?` : p.name)).join(', ');
    return { problem: `${method}: expected the arguments [${names}], got ${args.length}` };
  }
  const out: unknown[] = [];
  for (const [i, p] of params.slice(0, args.length).entries()) {
    const arg = args[i];
    if (p.optional && (arg === undefined || arg === null)) {
      out.push(undefined);
      continue;
    }
    const validator = compiledSchema(p.schema);
    if (!validator.Check(arg)) {
      const error = validator.Errors(arg).at(0);
      return { problem: `${method}: ${p.name}${error?.instancePath.replace(/\//g, '.') ?? ''}: ${error?.message ?? 'of the wrong type'}` };
    }
    out.push(arg);
  }
  return { args: out };
}
