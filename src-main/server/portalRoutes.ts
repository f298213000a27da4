// The contestants' portal API (contract: src-main/shared/portalApi.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readContestClock, submissionClosedReason } from '../contest/clock.ts';
import { disabledLanguages } from '../store/languageSettings.ts';
import type { ImageLookup } from '../contest/latexStatement.ts';
import { LatexStatementCache } from '../contest/statementCache.ts';
import { findStatement } from '../contest/problemCatalogue.ts';
import { languageForFile, preferChosen } from '../common/languages.ts';
import { timeFactorOf } from '../common/timeFactors.ts';
import { readHead } from '../common/fileSlices.ts';
import { ANSWER_LANGUAGE_ID } from '../common/types.ts';
import type { Me, PortalClarification, PortalOverview, PortalProblem, PortalSubmission, PortalSubmissionDetail } from '../shared/portalApi.ts';
import type { SubmissionRow } from '../store/store.ts';
import { portalClarification } from '../core/views.ts';
import { scoreboardReply } from './scoreboardReply.ts';
import { HttpError, isJudge, JUDGEHOST_ACCOUNTS_ONLY_JUDGE, requireCaller, type Caller } from './auth.ts';
import { MAX_STREAMS_PER_TEAM } from './liveHub.ts';
import type { ServerContext } from './context.ts';
import { portalFiles } from './portalSubmitFiles.ts';
import { checkSourceSize, type SourceFile } from '../contest/submissionFiles.ts';
import { AskBody, LoginBody, ProblemParams, StatementFileParams, SubmissionParams, SubmitBody } from './requestSchemas.ts';
import { ownSubmissionDetail } from './ownSubmission.ts';

/** Samples shown inline on a problem page are cut here (large samples are rare and unreadable). */
const SAMPLE_SHOWN_BYTES = 64 * 1024;
const MAX_CLARIFICATION_CHARS = 4000;
/** Files a statement may show, by extension. */
const STATEMENT_FILE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

type Caller_ = Caller | null;

/** LaTeX names images without their extension (\includegraphics{plot}): the file the page can show. */
function statementImages(dir: string): ImageLookup {
  return (name) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return null;
    const candidates = extname(name) ? [name] : Object.keys(STATEMENT_FILE_TYPES).map((ext) => `${name}${ext}`);
    return candidates.find((file) => STATEMENT_FILE_TYPES[extname(file).toLowerCase()] && existsSync(join(dir, file))) ?? null;
  };
}

export function registerPortalRoutes(app: FastifyInstance, ctx: ServerContext, identify: (request: FastifyRequest) => Promise<Caller_>): void {
  const { store, auth } = ctx;
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const latexStatements = new LatexStatementCache();

  api.post('/api/login', { config: { access: 'public' }, schema: { body: LoginBody } }, async (request, reply) => {
    // Failed attempts are throttled by username and by address in the Authenticator (loginThrottle.ts).
    const { account, csrfToken } = await auth.login(request.body.username, request.body.password, reply, request.protocol === 'https');
    return me(ctx, account, csrfToken);
  });

  // A page elsewhere must not be able to log a team out (CSRF), as for every change of state.
  app.post('/api/logout', { config: { access: 'signed-in', stateChange: true } }, async (request, reply) => {
    auth.logout(request, reply);
    return {};
  });

  app.get('/api/me', { config: { access: 'signed-in' } }, async (request) => {
    const caller = requireCaller(await identify(request));
    return me(ctx, caller.account, caller.csrfToken ?? '');
  });

  app.get('/api/portal/overview', { config: { access: 'public' } }, async (): Promise<PortalOverview> => {
    const contest = store.contest.get()!;
    const now = ctx.now();
    const phase = readContestClock(contest, now);
    const disabled = disabledLanguages(store);
    const preparing: string[] = [];
    const { hashed, total } = ctx.accounts.progress();
    if (hashed < total) preparing.push(`preparing accounts: ${hashed} of ${total}`);
    const loading = ctx.problems.loading();
    if (loading > 0) preparing.push(`reading problem packages: ${loading} left`);
    return {
      contest: { id: contest.id, name: contest.name, formalName: contest.formalName, startTime: contest.startTime, durationMs: contest.durationMs, freezeMs: contest.freezeMs, penaltyMinutes: contest.penaltyMinutes },
      serverTime: now,
      phase: { started: phase.started, ended: phase.ended, frozen: phase.frozen, contestTimeMs: phase.contestTimeMs, remainingMs: phase.remainingMs },
      problems: await Promise.all(ctx.contest.problems.map((p) => portalProblem(ctx, p.id))),
      // The contest's language for a shared extension first: the portal picks the first listing a file's extension.
      languages: preferChosen(ctx.engine.languages.filter((l) => l.available && !disabled.has(l.id)), ctx.contest.extensionLanguages ?? {}).map((l) => ({
        id: l.id,
        name: l.name,
        extensions: l.extensions,
        timeFactor: timeFactorOf(ctx.contest.languageTimeFactors, l.id),
      })),
      preparing,
    };
  });

  api.get('/api/portal/problems/:id/statement', { config: { access: 'public' }, schema: { params: ProblemParams } }, async (request, reply) => {
    const { id } = request.params;
    if (!ctx.contest.problems.some((p) => p.id === id)) throw new HttpError(404, `no problem '${id}'`);
    const pkg = await ctx.problems.get(id).catch(() => null);
    const statement = pkg && findStatement(pkg);
    if (!statement) throw new HttpError(404, 'this problem has no statement file');
    const type = { markdown: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf', latex: 'text/html; charset=utf-8' }[statement.kind];
    // Statements are judge-provided but shown in a page: no scripts, ever.
    reply.header('content-security-policy', "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'");
    if (statement.kind === 'latex') return reply.type(type).send(latexStatements.html(statement.path, statementImages(dirname(statement.path))));
    return reply.type(type).send(readFileSync(statement.path));
  });

  // Images and other files a statement refers to, from the statement's own folder only.
  api.get('/api/portal/problems/:id/statement-files/:name', { config: { access: 'public' }, schema: { params: StatementFileParams } }, async (request, reply) => {
    const { id, name } = request.params;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || !STATEMENT_FILE_TYPES[extname(name).toLowerCase()]) throw new HttpError(404, 'no such statement file');
    if (!ctx.contest.problems.some((p) => p.id === id)) throw new HttpError(404, `no problem '${id}'`);
    const pkg = await ctx.problems.get(id).catch(() => null);
    const statement = pkg && findStatement(pkg);
    const file = statement && join(dirname(statement.path), name);
    if (!file || !existsSync(file)) throw new HttpError(404, 'no such statement file');
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return reply.type(STATEMENT_FILE_TYPES[extname(name).toLowerCase()]).send(readFileSync(file));
  });

  app.get('/api/portal/submissions', { config: { access: 'team' } }, async (request): Promise<PortalSubmission[]> => {
    const team = teamOf(await identify(request));
    return portalSubmissions(ctx, store.submissions.list({ teamId: team }).reverse());
  });

  api.get('/api/portal/submissions/:id', { config: { access: 'team' }, schema: { params: SubmissionParams } }, async (request): Promise<PortalSubmissionDetail> => {
    const team = teamOf(await identify(request));
    const row = store.submissions.get(request.params.id);
    // Another team's submission is answered exactly as one that does not exist: ids count upward,
    // and any other answer would tell a team which of them are taken (and when, during the freeze).
    if (!row || row.teamId !== team) throw new HttpError(404, 'no such submission');
    const [submission] = await portalSubmissions(ctx, [row]);
    return ownSubmissionDetail(ctx, row, submission);
  });

  api.post('/api/portal/submissions', { config: { access: 'team', stateChange: true }, schema: { body: SubmitBody } }, async (request, reply) => {
    const teamId = teamOf(await identify(request));
    const { body } = request;
    const { entry, others } = portalFiles(ctx, body);
    const submission = await acceptSubmission(ctx, request, {
      teamId,
      problemId: body.problemId,
      languageId: body.languageId,
      fileName: entry.fileName,
      source: entry.source,
      otherFiles: others,
    });
    reply.code(202);
    return (await portalSubmissions(ctx, [submission]))[0];
  });

  app.get('/api/portal/scoreboard', { config: { access: 'public' } }, async (request, reply): Promise<string | Buffer | undefined> => {
    const caller = await identify(request);
    return scoreboardReply(ctx, request, reply, isJudge(caller) ? 'judges' : 'public');
  });

  app.get('/api/portal/clarifications', { config: { access: 'signed-in' } }, async (request): Promise<PortalClarification[]> => {
    const caller = requireCaller(await identify(request));
    const rows = caller.account.type === 'team' ? store.clarifications.list({ teamId: caller.account.teamId! }) : store.clarifications.list();
    return rows.map(portalClarification);
  });

  api.post('/api/portal/clarifications', { config: { access: 'team', stateChange: true }, schema: { body: AskBody } }, async (request, reply) => {
    const teamId = teamOf(await identify(request));
    const wait = ctx.limits.clarifications.take(teamId);
    if (wait) throw new HttpError(429, `too many questions: wait ${Math.ceil(wait / 1000)} s`);
    const { body } = request;
    if (!body.text.trim()) throw new HttpError(400, 'text: a question needs words');
    if (body.text.length > MAX_CLARIFICATION_CHARS) throw new HttpError(413, `question too long (limit ${MAX_CLARIFICATION_CHARS} characters)`);
    const problemId = body.problemId ?? null;
    if (problemId !== null && !ctx.contest.problems.some((p) => p.id === problemId)) throw new HttpError(400, `no problem '${problemId}'`);
    const row = store.clarifications.add({ fromTeamId: teamId, toTeamId: null, problemId, text: body.text.trim(), replyToId: null, time: ctx.now() });
    reply.code(201);
    return portalClarification(row);
  });

  app.get('/api/portal/stream', { config: { access: 'signed-in' } }, async (request, reply) => {
    const caller = requireCaller(await identify(request));
    const teamId = caller.account.type === 'team' ? caller.account.teamId : null;
    if (teamId && ctx.live.streamsOf(teamId) >= MAX_STREAMS_PER_TEAM) throw new HttpError(429, `too many open live streams for this team (limit ${MAX_STREAMS_PER_TEAM}): close some tabs`);
    reply.hijack();
    ctx.live.add(reply.raw, teamId, store.events.lastToken());
  });
}

function teamOf(caller: Caller | null): string {
  const c = requireCaller(caller);
  if (c.account.type !== 'team' || !c.account.teamId) throw new HttpError(403, 'only team accounts submit; judges use the console');
  return c.account.teamId;
}

function me(ctx: ServerContext, account: Caller['account'], csrfToken: string): Me {
  // Never reached by a judgehost account (the server refuses it everywhere but /api/judgehost): said again here.
  if (account.type === 'judgehost') throw new HttpError(403, JUDGEHOST_ACCOUNTS_ONLY_JUDGE);
  const team = account.teamId ? ctx.store.contest.team(account.teamId) : null;
  return {
    account: { id: account.id, username: account.username, type: account.type, teamId: account.teamId },
    team: team ? { id: team.id, name: team.name, displayName: team.displayName } : null,
    csrfToken,
  };
}

/**
 * Validates and stores a submission (durable before this returns) and wakes the judging service.
 * Shared by the portal and the CLICS API. Never waits for judging. An admin's submission (the CLICS
 * API's admin_submit) may bring its own `submittedAt` and `id`: it is checked against the contest's
 * hours at that time, and not counted against the team's rate (a proxy forwards what teams sent it).
 */
export async function acceptSubmission(
  ctx: ServerContext,
  request: FastifyRequest,
  s: { teamId: string; problemId: string; languageId: string; fileName: string; source: Buffer; otherFiles?: readonly SourceFile[]; submittedAt?: number; id?: string },
): Promise<SubmissionRow> {
  const contest = ctx.store.contest.get()!;
  const now = ctx.now();
  const submittedAt = s.submittedAt ?? now;
  const closed = submissionClosedReason(contest, submittedAt);
  if (closed) throw new HttpError(409, closed);
  checkSourceSize(s.source.length + (s.otherFiles ?? []).reduce((sum, f) => sum + f.source.length, 0));
  if (s.otherFiles?.length && (await submitsAnswers(ctx, s.problemId, s.languageId))) throw new HttpError(400, 'an answer file is one file');
  if (!ctx.contest.problems.some((p) => p.id === s.problemId)) throw new HttpError(400, `no problem '${s.problemId}'`);
  // A submit-answer problem's answer file is in no language: nothing to check of one.
  if (!(await submitsAnswers(ctx, s.problemId, s.languageId))) s = checkLanguage(ctx, s);
  const key = request.headers['idempotency-key'];
  const idempotencyKey = typeof key === 'string' && key.length > 0 ? key.slice(0, 200) : null;
  // A retried POST with the same key is not a new submission and must not be rate limited.
  const existing = idempotencyKey ? ctx.store.submissions.findByKey(s.teamId, idempotencyKey) : null;
  if (existing) return existing;
  if (s.submittedAt === undefined) {
    const wait = ctx.limits.submissions.take(s.teamId, now);
    if (wait) throw new HttpError(429, `too many submissions: wait ${Math.ceil(wait / 1000)} s`);
  }
  return ctx.intake.add({ ...s, submittedAt, idempotencyKey, queuedAt: now });
}

/** Whether the submission is a submit-answer problem's answer file (its language id ANSWER_LANGUAGE_ID,
 *  and no other id, for such a problem); a 400 when the id and the problem's type disagree. */
async function submitsAnswers(ctx: ServerContext, problemId: string, languageId: string): Promise<boolean> {
  const submitAnswer = (await ctx.problems.get(problemId).catch(() => null))?.submitAnswer ?? false;
  if (submitAnswer && languageId !== ANSWER_LANGUAGE_ID) throw new HttpError(400, `problem '${problemId}' takes an answer file, not a program: submit it with language '${ANSWER_LANGUAGE_ID}'`);
  if (!submitAnswer && languageId === ANSWER_LANGUAGE_ID) throw new HttpError(400, `problem '${problemId}' takes a program, not an answer file: choose its language`);
  return submitAnswer;
}

/** A program's language: known, available, switched on; the file name given its extension. */
function checkLanguage<S extends { languageId: string; fileName: string }>(ctx: ServerContext, s: S): S {
  const language = ctx.engine.languages.find((l) => l.id === s.languageId);
  if (!language) throw new HttpError(400, `no language '${s.languageId}'`);
  if (!language.available) throw new HttpError(400, `language '${s.languageId}' is not available on this judge`);
  if (disabledLanguages(ctx.store).has(language.id)) throw new HttpError(400, `language '${s.languageId}' is switched off for this contest`);
  // Keeps the saved file's extension truthful for the compiler (Java names its file by class).
  if (!languageForFile([language], s.fileName) && language.id !== 'java') return { ...s, fileName: `${s.fileName}.${language.extensions[0]}` };
  return s;
}

async function portalProblem(ctx: ServerContext, id: string): Promise<PortalProblem> {
  const problem = ctx.contest.problems.find((p) => p.id === id)!;
  const status = ctx.problems.status(id);
  const base = { id, label: problem.label, name: problem.name, rgb: problem.rgb, color: problem.color };
  if (status?.state !== 'ready') return { ...base, timeLimitMs: null, memoryLimitMb: null, statementKind: null, interactive: null, submitAnswer: null, samples: [] };
  const pkg = await ctx.problems.get(id);
  return {
    ...base,
    timeLimitMs: status.timeLimitMs,
    memoryLimitMb: pkg.memoryLimitMb,
    statementKind: findStatement(pkg)?.kind ?? null,
    interactive: pkg.interactive,
    submitAnswer: pkg.submitAnswer,
    // An interactive problem's sample files are the interactor's, not what the program reads and
    // writes: its statement describes the interaction instead.
    samples: pkg.interactive ? [] : pkg.testCases.filter((t) => t.isSample).map((t) => ({ name: t.name, input: readHead(t.inputPath, SAMPLE_SHOWN_BYTES), answer: readHead(t.answerPath, SAMPLE_SHOWN_BYTES) })),
  };
}

async function portalSubmissions(ctx: ServerContext, rows: SubmissionRow[]): Promise<PortalSubmission[]> {
  // A rejudging's judging is the judges' only: the team sees its verdict as it was until the rejudging is applied.
  const running = new Map(ctx.judging.running().flatMap((l) => (l.rejudgingId === null ? [[l.submissionId, l] as const] : [])));
  const perSubmissionMs = ctx.judging.averageJudgingMs();
  const workers = Math.max(1, ctx.engine.pool.workers);
  const maxScores = new Map(ctx.store.contest.problems().map((p) => [p.id, p.maxScore]));
  return rows.map((s) => {
    const place = s.status === 'queued' ? ctx.store.queue.position(s.id) : null;
    const progress = running.get(s.id)?.progress;
    const testsTotal = progress && progress.phase !== 'compiling' ? progress.testCount : null;
    const testsDone = progress && progress.phase !== 'compiling' ? progress.testIndex + (progress.phase === 'tested' ? 1 : 0) : null;
    return {
      id: s.id,
      problemId: s.problemId,
      languageId: s.languageId,
      fileName: s.fileName,
      submittedAt: s.submittedAt,
      contestTimeMs: s.contestTimeMs,
      status: s.verdict === 'JE' ? 'judging' : s.status,
      verdict: s.verdict === 'JE' ? null : s.verdict,
      queuePosition: place,
      estimatedWaitMs: place === null ? null : Math.round((Math.ceil(place / workers) * perSubmissionMs)),
      testsDone,
      testsTotal,
      timeMs: s.verdict === 'JE' ? null : s.timeMs,
      ...scoreOf(ctx, s, maxScores),
    };
  });
}

/** A scoring problem's judged submission: its score and its test groups' results (a team sees its own, freeze or not). */
function scoreOf(ctx: ServerContext, s: SubmissionRow, maxScores: ReadonlyMap<string, number | null>): Pick<PortalSubmission, 'score' | 'maxScore' | 'groups'> {
  if (s.score === null || s.verdict === null || s.verdict === 'JE' || s.judgementId === null) return { score: null, maxScore: null, groups: null };
  return { score: s.score, maxScore: maxScores.get(s.problemId) ?? null, groups: ctx.store.judgements.get(s.judgementId)?.groups ?? null };
}
