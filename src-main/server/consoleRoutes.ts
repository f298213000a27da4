// The judges' console over HTTP + Server-Sent Events (the browser transport of JudgeApi,
// contract in src-main/shared/judgeApi.ts). Judges and admins only.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SIGNED_REQUESTS, type ConsoleService } from '../console/consoleService.ts';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { EXPORT_FILES, JUDGE_REQUESTS, type JudgeRequestName } from '../shared/judgeApi.ts';
import { checkJudgeRequest } from '../shared/judgeRequests.ts';
import { HttpError, requireJudge, type Caller } from './auth.ts';
import type { ServerContext } from './context.ts';
import { AckOutputBody, ConsoleArgs, ConsoleMethodParams, ExportFileParams, ProblemFileParams, SubmissionParams } from './requestSchemas.ts';
import { PACKAGE_UPLOAD_TYPE, receivePackage, removeUpload, type UploadedPackage } from './packageUpload.ts';

/** A console request's JSON arguments: a team list of thousands of teams fits with room to spare. */
const CONSOLE_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

export function registerConsoleRoutes(app: FastifyInstance, ctx: ServerContext, console: ConsoleService, identify: (request: FastifyRequest) => Promise<Caller | null>): void {
  // Every route here is judges-only (config.access, checked by the server before any body is read:
  // console requests may carry large problem packages, and nobody else may make the server buffer those).
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /** Acknowledgers of open output streams, by judge account and submission. */
  const acks = new Map<string, (chars: number) => void>();
  /** The open event streams: ended when the server stops, or a judge's open console would hold the stop. */
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const stream of streams) stream.end();
    streams.clear();
    done();
  });
  const openStream = (raw: ServerResponse): void => {
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    streams.add(raw);
    raw.on('close', () => streams.delete(raw));
  };

  api.post('/api/console/ackOutput', { config: { access: 'judge', stateChange: true }, schema: { body: AckOutputBody } }, async (request) => {
    const caller = requireJudge(await identify(request));
    const [submissionId, chars] = request.body;
    acks.get(`${caller.account.id}:${submissionId}`)?.(chars);
    return null;
  });

  api.post('/api/console/:method', { bodyLimit: CONSOLE_BODY_LIMIT_BYTES, config: { access: 'judge', stateChange: true }, schema: { params: ConsoleMethodParams, body: ConsoleArgs } }, async (request) => {
    const caller = requireJudge(await identify(request));
    const method = request.params.method as JudgeRequestName;
    if (!JUDGE_REQUESTS.includes(method)) throw new HttpError(404, `no console request '${method}'`);
    const checked = checkJudgeRequest(method, request.body);
    if ('problem' in checked) throw new HttpError(400, checked.problem);
    const args = checked.args;
    // Overrides, deliveries and verifications are recorded with the judge who made them.
    if (SIGNED_REQUESTS.has(method)) args.push(caller.account.username);
    return (await (console[method] as (...a: unknown[]) => Promise<unknown>).apply(console, args)) ?? null;
  });

  // A problem package: the zip as the body, streamed to a file (packageUpload.ts). Its parser is
  // this scope's only: no other route takes a zip.
  void app.register(async (scope) => {
    scope.addContentTypeParser(PACKAGE_UPLOAD_TYPE, receivePackage);
    scope.post('/api/console/importProblem', {
      // Not config.stateChange (checked once the body is parsed, and for JSON): the same check, for a
      // zip, before the body is written anywhere.
      config: { access: 'judge' },
      preParsing: async (request, _reply, payload) => {
        ctx.auth.checkStateChange(request, requireJudge(await identify(request)), PACKAGE_UPLOAD_TYPE);
        return payload;
      },
      onResponse: async (request) => {
        if (request.body) removeUpload(request.body as UploadedPackage);
      },
    }, async (request) => console.addProblemFrom((request.body as UploadedPackage).path));
  });

  // The files of a finished export (judges open standings.html or download results.tsv from here).
  api.get('/api/console/exports/:id/:file', { config: { access: 'judge' }, schema: { params: ExportFileParams } }, async (request, reply) => {
    const { id, file } = request.params;
    const job = console.exports.get(id);
    if (!job || job.state !== 'done') throw new HttpError(404, `no finished export ${id}`);
    if (!(EXPORT_FILES as readonly string[]).includes(file)) throw new HttpError(404, `an export has no file '${file}'`);
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.json') ? 'application/json' : 'text/plain; charset=utf-8';
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    if (!file.endsWith('.html')) reply.header('content-disposition', `attachment; filename="${file}"`);
    return reply.type(type).send(readFileSync(join(job.path, file)));
  });

  // A problem's test data (a zip of data/) or statement, as a download (console/problemFiles.ts).
  api.get('/api/console/problem-files/:id/:kind', { config: { access: 'judge' }, schema: { params: ProblemFileParams } }, async (request, reply) => {
    requireJudge(await identify(request));
    const file = await console.problemFile(request.params.id, request.params.kind);
    // A statement is the problem setter's file: downloaded, never shown as a page of this origin.
    reply.header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`);
    reply.header('content-security-policy', "default-src 'none'");
    reply.header('cache-control', 'no-store');
    return reply.type(file.contentType).send(file.data);
  });

  app.get('/api/console/stream', { config: { access: 'judge' } }, async (request, reply) => {
    requireJudge(await identify(request));
    reply.hijack();
    const raw = reply.raw;
    openStream(raw);
    raw.write('retry: 2000\n: connected\n\n');
    const unsubscribe = console.subscribe((events) => raw.write(`event: batch\ndata: ${JSON.stringify(events)}\n\n`));
    const keepalive = setInterval(() => raw.write(': keepalive\n\n'), 15_000);
    raw.on('close', () => {
      unsubscribe();
      clearInterval(keepalive);
    });
  });

  api.get('/api/console/output/:id', { config: { access: 'judge' }, schema: { params: SubmissionParams } }, async (request, reply) => {
    const caller = requireJudge(await identify(request));
    const submissionId = request.params.id;
    if (!ctx.store.submissions.get(submissionId)) throw new HttpError(404, `no submission ${submissionId}`);
    reply.hijack();
    const raw = reply.raw;
    openStream(raw);
    raw.write('retry: 2000\n\n');
    const key = `${caller.account.id}:${submissionId}`;
    const watch = console.output.watch(submissionId, (data) => raw.write(`event: output\ndata: ${JSON.stringify({ data })}\n\n`));
    acks.set(key, watch.ack);
    raw.on('close', () => {
      watch.stop();
      if (acks.get(key) === watch.ack) acks.delete(key);
    });
  });
}
