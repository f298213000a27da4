// The Contest API's writes of live data ("Modifying submissions", "Modifying clarifications"): POST of a
// submission or a clarification, and PUT of one with the id the client chose. Who may give which property
// is the caller's capability (clics/access.ts): a team (team_submit, post_clar) and a judge (proxy_submit,
// post_clar) leave id and time to the server; an admin (admin_submit, admin_clar) gives the time, and with
// PUT the id, as a proxy CCS does that forwards what teams sent it while the central CCS was out of reach.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { clicsJson } from '../clics/serialize.ts';
import { contestTimeMs, parseClicsTime, parseRelTime, relTime } from '../clics/time.ts';
import { entryAndOthers, sourcesFromZip } from '../contest/submissionFiles.ts';
import { clarificationObject, submissionObject } from '../store/clics.ts';
import { HttpError, isJudge, requireCaller, type Caller } from './auth.ts';
import type { ServerContext } from './context.ts';
import { acceptSubmission } from './portalRoutes.ts';
import { ClicsClarificationBody, ClicsSubmissionBody, ContestParams, ObjectParams } from './requestSchemas.ts';

/** How far ahead of the server's clock an admin's time may be (two machines' clocks never agree exactly). */
const CLOCK_SKEW_MS = 5_000;
/** The longest clarification text kept. */
const MAX_CLARIFICATION_CHARS = 4000;

type SubmissionBody = Static<typeof ClicsSubmissionBody>;
type ClarificationBody = Static<typeof ClicsClarificationBody>;

/** A property that the server decides for this caller ("must not be provided"). */
function refuse(body: object, keys: readonly string[], why = 'the server sets it'): void {
  for (const key of keys) if (key in body) throw new HttpError(400, `${key} must not be provided: ${why}`);
}

export function registerClicsWrites(app: FastifyInstance, ctx: ServerContext, identify: (request: FastifyRequest) => Promise<Caller | null>): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = ctx;
  const contestId = () => store.contest.get()!.id;
  const base = '/api/contests/:cid';

  /**
   * The time an admin gave (admin_submit, admin_clar: "time is required"), as epoch ms: a TIME not ahead of
   * the server's clock; a contest_time given with it must be the same moment (Verdict works it out from time).
   */
  function adminTime(body: { time?: string; contest_time?: string }): number {
    if (body.time === undefined) throw new HttpError(400, 'time: required in a PUT (admin_submit, admin_clar)');
    const at = parseClicsTime(body.time);
    if (at === null) throw new HttpError(400, `time: not a TIME: ${JSON.stringify(body.time)}`);
    if (at > ctx.now() + CLOCK_SKEW_MS) throw new HttpError(400, `time ${body.time} is in the future`);
    if (body.contest_time !== undefined) {
      let given: number;
      try {
        given = parseRelTime(body.contest_time);
      } catch {
        throw new HttpError(400, `contest_time: not a RELTIME: ${JSON.stringify(body.contest_time)}`);
      }
      const expected = contestTimeMs(store.contest.startTime(), at);
      if (given !== expected) throw new HttpError(400, `contest_time ${body.contest_time} is not the contest time of time ${body.time} (${relTime(expected)})`);
    }
    return at;
  }

  /** The caller of a PUT: an admin (the only one with admin_submit and admin_clar). */
  async function admin(request: FastifyRequest, capability: 'admin_submit' | 'admin_clar'): Promise<Caller> {
    const caller = requireCaller(await identify(request));
    if (caller.account.type !== 'admin') throw new HttpError(403, `PUT needs ${capability}, which admin accounts have: POST instead, and the server gives the id`);
    return caller;
  }

  /** An id in the body must be the URL's ("A PUT ... containing an id that does not match the URL": 409). */
  function putId(body: { id?: string }, id: string): string {
    if (body.id === undefined) throw new HttpError(400, 'id: required in a PUT');
    if (body.id !== id) throw new HttpError(409, `id ${JSON.stringify(body.id)} does not match the URL's, ${JSON.stringify(id)}`);
    return id;
  }

  // ---------------------------------------------------------------- submissions

  /** Checks and stores a submission (`given`: an admin's id and time), then answers 202 with it and its Location. */
  async function submit(request: FastifyRequest, reply: FastifyReply, caller: Caller, body: SubmissionBody, given: { id?: string; submittedAt?: number }) {
    if (body.files.length !== 1) throw new HttpError(400, 'files must hold exactly one zip');
    if (body.files[0].mime !== undefined && body.files[0].mime !== 'application/zip') throw new HttpError(400, 'files[0].mime must be application/zip');
    let teamId: string;
    if (caller.account.type === 'team') {
      if (body.team_id !== undefined && body.team_id !== caller.account.teamId) throw new HttpError(403, 'a team submits for itself only');
      teamId = caller.account.teamId!;
    } else {
      const named = body.team_id;
      if (typeof named !== 'string' || !store.contest.teams().some((t) => t.id === named)) throw new HttpError(400, 'judges submitting must name an existing team_id');
      teamId = named;
    }
    const files = await sourcesFromZip(body.files[0].data);
    // Several files: a program in the language's sources (an answer file is one file).
    const language = ctx.engine.languages.find((l) => l.id === body.language_id);
    if (files.length > 1 && !language) throw new HttpError(400, `no language '${body.language_id}' (a submission of several files is a program)`);
    const { entry, others } = language ? entryAndOthers(files, language) : { entry: files[0], others: [] };
    const submission = await acceptSubmission(ctx, request, { teamId, problemId: body.problem_id, languageId: body.language_id, fileName: entry.fileName, source: entry.source, otherFiles: others, ...given });
    reply.code(202).header('location', `/api/contests/${contestId()}/submissions/${submission.id}`).type('application/json');
    return clicsJson('submissions', submissionObject(submission, contestId()));
  }

  api.post(`${base}/submissions`, { config: { access: 'signed-in', stateChange: true }, schema: { params: ContestParams, body: ClicsSubmissionBody } }, async (request, reply) => {
    const caller = requireCaller(await identify(request));
    const { body } = request;
    refuse(body, ['id'], 'POST leaves the id to the server (an admin PUTs a submission with its own id)');
    // admin_submit: an admin's submission with its time; team_submit and proxy_submit: the server's time.
    if (caller.account.type === 'admin' && 'time' in body) return submit(request, reply, caller, body, { submittedAt: adminTime(body) });
    refuse(body, ['time', 'contest_time']);
    return submit(request, reply, caller, body, {});
  });

  api.put(`${base}/submissions/:id`, { config: { access: 'judge', stateChange: true }, schema: { params: ObjectParams, body: ClicsSubmissionBody } }, async (request, reply) => {
    const caller = await admin(request, 'admin_submit');
    const { body } = request;
    const id = putId(body, request.params.id);
    return submit(request, reply, caller, body, { id, submittedAt: adminTime(body) });
  });

  // ---------------------------------------------------------------- clarifications

  /** Checks and stores a clarification (`given`: an admin's id and time), then answers 201 with it and its Location. */
  function clarify(reply: FastifyReply, caller: Caller, body: ClarificationBody, given: { id?: string; time?: number }) {
    if (!body.text.trim()) throw new HttpError(400, 'text: empty');
    const judge = isJudge(caller);
    if (!judge) {
      refuse(body, ['to_team_ids', 'to_group_ids']);
      if (body.from_team_id !== undefined && body.from_team_id !== caller.account.teamId) throw new HttpError(403, 'a team asks for itself only');
      const wait = ctx.limits.clarifications.take(caller.account.teamId!);
      if (wait) throw new HttpError(429, `too many questions: wait ${Math.ceil(wait / 1000)} s`);
    }
    // Verdict sends an answer to one team or to all: to_team_ids holds at most one team (to_team_id, of earlier versions, too).
    if (judge && body.to_group_ids !== undefined && body.to_group_ids !== null && body.to_group_ids.length > 0) throw new HttpError(400, 'to_group_ids: Verdict answers one team or all teams, not groups');
    let toTeamId: string | null = null;
    if (judge && Array.isArray(body.to_team_ids)) {
      if (body.to_team_ids.length > 1) throw new HttpError(400, 'to_team_ids: Verdict answers one team or all teams');
      toTeamId = body.to_team_ids[0] ?? null;
    } else if (judge) toTeamId = body.to_team_id ?? null;
    // A judge only answers; an admin giving the time (admin_clar) may also relay a team's question.
    let fromTeamId: string | null = judge ? null : caller.account.teamId;
    if (judge && body.from_team_id !== undefined && body.from_team_id !== null) {
      if (given.time === undefined) throw new HttpError(400, 'from_team_id must not be provided by the judges');
      if (typeof body.from_team_id !== 'string') throw new HttpError(400, 'from_team_id: expected a team id or null');
      if (toTeamId !== null) throw new HttpError(400, "from_team_id and to_team_ids: a clarification is a team's question or the judges' answer, not both");
      fromTeamId = body.from_team_id;
    }
    const replyToId = body.reply_to_id ?? null;
    // A team may only follow up on a clarification it can see: whether another one exists is not its business.
    if (!judge && replyToId !== null && !store.clarifications.list({ teamId: caller.account.teamId! }).some((c) => c.id === replyToId)) {
      throw new HttpError(400, `reply_to_id ${replyToId}: no such clarification`);
    }
    const row = store.clarifications.add({
      fromTeamId,
      toTeamId,
      problemId: body.problem_id ?? null,
      text: body.text.trim().slice(0, MAX_CLARIFICATION_CHARS),
      replyToId,
      time: given.time ?? ctx.now(),
      ...(given.id === undefined ? {} : { id: given.id }),
    });
    reply.code(201).header('location', `/api/contests/${contestId()}/clarifications/${row.id}`).type('application/json');
    return clicsJson('clarifications', clarificationObject(row));
  }

  api.post(`${base}/clarifications`, { config: { access: 'signed-in', stateChange: true }, schema: { params: ContestParams, body: ClicsClarificationBody } }, async (request, reply) => {
    const caller = requireCaller(await identify(request));
    const { body } = request;
    refuse(body, ['id'], 'POST leaves the id to the server (an admin PUTs a clarification with its own id)');
    // admin_clar: an admin's clarification with its time; post_clar: the server's time.
    if (caller.account.type === 'admin' && 'time' in body) return clarify(reply, caller, body, { time: adminTime(body) });
    refuse(body, ['time', 'contest_time']);
    return clarify(reply, caller, body, {});
  });

  api.put(`${base}/clarifications/:id`, { config: { access: 'judge', stateChange: true }, schema: { params: ObjectParams, body: ClicsClarificationBody } }, async (request, reply) => {
    const caller = await admin(request, 'admin_clar');
    const { body } = request;
    const id = putId(body, request.params.id);
    return clarify(reply, caller, body, { id, time: adminTime(body) });
  });
}
