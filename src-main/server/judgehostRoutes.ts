// The routes of remote judgehosts (judgehost accounts only; no other account may call them, and a
// judgehost account may call nothing else: httpServer.ts). A judgehost lists the problems with their
// package archives' names and fetches each archive once by that name (judging/packageArchives.ts);
// it fetches each job's source, and reports the job's progress and result.
import { createReadStream } from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { JUDGEHOST_API, SHA256_HEX, type JudgehostProblem, type JudgehostProblems, type JudgingSources } from '../common/judgehostHttp.ts';
import type { JudgeProgress, JudgeResult } from '../common/results.ts';
import { MAX_REPORTED_OUTPUT_CHARS, type HeartbeatAnswer } from '../common/remoteJobs.ts';
import { VERDICTS, type Verdict } from '../common/types.ts';
import type { RemoteJudging } from '../judging/remoteJudging.ts';
import { HttpError } from './auth.ts';
import type { ServerContext } from './context.ts';

const PackageParams = Type.Object({ sha256: Type.String({ pattern: SHA256_HEX.source }) });
const JudgementParams = Type.Object({ id: Type.String({ pattern: '^[0-9]+$', maxLength: 20 }) });
// A query's values are text (no coercion: httpServer.ts); an attempt is a number of at most 16 digits (a clock in ms, counted on).
const AttemptQuery = Type.Object({ attempt: Type.String({ pattern: '^[0-9]{1,16}$' }) });
const Heartbeat = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  instance: Type.Optional(Type.String({ maxLength: 100 })),
  workers: Type.Integer({ minimum: 0, maximum: 1024 }),
  busy: Type.Integer({ minimum: 0, maximum: 1024 }),
  sandbox: Type.Optional(Type.String({ maxLength: 40 })),
  languages: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 })),
  calibrationMs: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
  judgementIds: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 1024 })),
});
// A judging's steps and result are the judgehost's own (a trusted account, as DOMjudge trusts its
// judgehosts): their outline is checked here, their details are JudgeProgress and JudgeResult.
const Step = Type.Object({ phase: Type.Union([Type.Literal('compiling'), Type.Literal('running'), Type.Literal('tested')]) });
// The output's bound leaves room for the judgehost's notice of what it skipped.
const Output = Type.Optional(Type.String({ maxLength: MAX_REPORTED_OUTPUT_CHARS + 200 }));
const Progress = Type.Object({ attempt: Type.Integer({ minimum: 0 }), steps: Type.Array(Step, { maxItems: 10_000 }), output: Output });
const Result = Type.Object({
  attempt: Type.Integer({ minimum: 0 }),
  judgehost: Type.String({ maxLength: 100 }),
  output: Output,
  result: Type.Object({
    verdict: Type.Unsafe<Verdict>({ type: 'string', enum: [...VERDICTS] }),
    tests: Type.Array(Type.Object({})),
    compile: Type.Object({ ok: Type.Boolean(), output: Type.String(), timeMs: Type.Number() }),
    timeMs: Type.Number(),
    memoryKb: Type.Number(),
  }),
});
/** A result carries each test's outcome and the compiler's output (each bounded by the judgehost). */
const RESULT_BODY_LIMIT_BYTES = 16 * 1024 * 1024;
/** The answer to a report of an attempt that is no longer the judgement's current one. */
const SUPERSEDED = 'not the current attempt of a judging in flight (superseded, cancelled, or already reported): ignored';

export function registerJudgehostRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const archives = ctx.packageArchives;
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(`${JUDGEHOST_API}/problems`, { config: { access: 'judgehost' } }, async (): Promise<JudgehostProblems> => {
    const problems = await Promise.all(
      ctx.store.contest.problems().map(async ({ id }): Promise<JudgehostProblem> => {
        try {
          const { sha256, bytes } = await archives.of(await ctx.problems.get(id));
          return { id, sha256, bytes };
        } catch (error) {
          return { id, error: (error as Error).message };
        }
      }),
    );
    return { problems, sandbox: ctx.engine.host.sandbox.level };
  });

  api.get(`${JUDGEHOST_API}/packages/:sha256`, { config: { access: 'judgehost' }, schema: { params: PackageParams } }, (request, reply) => {
    const archive = archives.find(request.params.sha256);
    if (!archive) throw new HttpError(404, 'no package archive of that SHA-256 here (list the problems again)');
    // The name is the content: it never changes, so a cache may keep it for good.
    reply.header('content-type', 'application/x-tar').header('content-length', archive.bytes).header('etag', `"${archive.sha256}"`).header('cache-control', 'private, immutable, max-age=31536000');
    return reply.send(createReadStream(archive.file));
  });

  const queue = (): RemoteJudging => {
    if (!ctx.remoteJudging) throw new HttpError(409, 'this server judges without a queue (start it with verdict serve --queue)');
    return ctx.remoteJudging;
  };

  // The answer says what a judge wants of this judgehost (judge, pause, drain): it learns an order within a beat.
  api.post(`${JUDGEHOST_API}/heartbeat`, { config: { access: 'judgehost', stateChange: true }, schema: { body: Heartbeat } }, (request): HeartbeatAnswer => {
    const answer = queue().heartbeat(request.body);
    if (!answer) throw new HttpError(409, `a judgehost named '${request.body.name}' is already judging for this server: give each judgehost its own --name`);
    return answer;
  });

  // A job names its judging; its source is fetched here, for the current attempt only (Redis never holds it).
  api.get(`${JUDGEHOST_API}/judgements/:id/sources`, { config: { access: 'judgehost' }, schema: { params: JudgementParams, querystring: AttemptQuery } }, (request, reply): JudgingSources => {
    const sources = queue().sources(request.params.id, Number(request.query.attempt));
    if (!sources) throw new HttpError(409, SUPERSEDED);
    // A contestant's source: no cache keeps it.
    reply.header('cache-control', 'no-store');
    return sources;
  });

  api.post(`${JUDGEHOST_API}/judgements/:id/progress`, { config: { access: 'judgehost', stateChange: true }, schema: { params: JudgementParams, body: Progress } }, (request, reply) => {
    const steps = request.body.steps as JudgeProgress[];
    if (!queue().progress(request.params.id, { attempt: request.body.attempt, steps, output: request.body.output })) throw new HttpError(409, SUPERSEDED);
    return reply.code(204).send();
  });

  api.post(`${JUDGEHOST_API}/judgements/:id/result`, { config: { access: 'judgehost', stateChange: true }, bodyLimit: RESULT_BODY_LIMIT_BYTES, schema: { params: JudgementParams, body: Result } }, (request, reply) => {
    const { attempt, judgehost, output } = request.body;
    const result = request.body.result as JudgeResult;
    if (!queue().result(request.params.id, { attempt, judgehost, result, output })) throw new HttpError(409, SUPERSEDED);
    return reply.code(204).send();
  });
}
