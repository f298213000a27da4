// The core's HTTP server: the contestants' portal, the judges' console in a browser, the CLICS
// Contest API, Server-Sent Events and /health. Nothing on a request path waits for judging.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifySchemaValidationError } from 'fastify';
import { log } from '../common/log.ts';
import type { ClicsErrorBody } from '../clics/schemas.ts';
import type { ApiError } from '../shared/portalApi.ts';
import { StoreError } from '../store/store.ts';
import { ConsoleError } from '../console/consoleError.ts';
import { STORAGE_FAILURE_MESSAGE, isStorageFailure } from '../store/storageFailure.ts';
import { HttpError, isJudge, JUDGEHOST_ACCOUNTS_ONLY_JUDGE, requireCaller, requireJudge, type Caller } from './auth.ts';
import type { ConsoleService } from '../console/consoleService.ts';
import { allowedMethods } from './allowedMethods.ts';
import { registerClicsRoutes } from './clicsRoutes.ts';
import { registerConsoleRoutes } from './consoleRoutes.ts';
import type { ServerContext } from './context.ts';
import { healthProblems } from '../core/health.ts';
import { notBuiltPage, registerPagesNotBuilt } from './pagesNotBuilt.ts';
import { registerPortalRoutes } from './portalRoutes.ts';
import { registerPrintRoutes } from './printRoutes.ts';
import { registerPublicScoreboardRoutes } from './publicScoreboardRoutes.ts';
import { registerJudgehostRoutes } from './judgehostRoutes.ts';
import { MAX_SOURCE_BYTES, SubmissionFileError } from '../contest/submissionFiles.ts';

const STORE_ERROR_STATUS = { not_found: 404, conflict: 409, invalid: 400 } as const;
const SUBMISSION_FILE_STATUS = { invalid: 400, too_large: 413 } as const;
const CONSOLE_ERROR_STATUS = { not_found: 404, conflict: 409, invalid: 400 } as const;

/** An error answer's body: the portal's and the console's API say `{error}`. */
const apiError = (message: string): ApiError => ({ error: message });

/** The CLICS Contest API's paths: /api, /api/ and /api/contests... */
function isClicsUrl(url: string): boolean {
  const path = url.split('?')[0];
  return path === '/api' || path === '/api/' || path === '/api/contests' || path.startsWith('/api/contests/');
}

/** An error answer's body for `request`: the Contest API's `{code, message}` on its paths, `{error}` elsewhere. */
function errorBody(request: FastifyRequest, status: number, message: string): ApiError | ClicsErrorBody {
  return isClicsUrl(request.url) ? { code: status, message } : apiError(message);
}

/** Who may call a route: anyone, a signed-in account (team or judge), team accounts only, judges
 *  and admins only, or remote judgehosts' accounts only (which no other route accepts). Routes may
 *  check more themselves (a team sees only its own); never less. */
const ROUTE_ACCESS = ['public', 'signed-in', 'team', 'judge', 'judgehost'] as const;
export type RouteAccess = (typeof ROUTE_ACCESS)[number];

interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The route changes state: it must be sent as JSON with the session's CSRF token (checked
     *  before the body is validated, so a forged request is 403 whatever its body). */
    stateChange?: boolean;
  }
  interface FastifyInstance {
    /** Every route with who may call it (for the access test and for reading). */
    routeTable: readonly RouteEntry[];
  }
}

/** A base64 zip of the largest source, plus JSON around it. */
const BODY_LIMIT_BYTES = Math.ceil(MAX_SOURCE_BYTES * 1.4) + 64 * 1024;
/** The pages' policy: their own scripts, styles (inline too: React sets style attributes), images
 *  (and data: ones), fonts and API only; never framed by another site. */
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
/** Refused requests are counted by status and logged at most this often (a flood is one line, not thousands). */
const REJECTED_LOG_INTERVAL_MS = 60_000;
/** Slow-loris protection: a request must arrive within this time. */
const REQUEST_TIMEOUT_MS = 30_000;
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * A request that does not fit its route's schemas (requestSchemas.ts): a 400 whose message names the
 * field ("problemId: must be string", "files: missing", "query team_id: must be string").
 */
function validationError(errors: FastifySchemaValidationError[], part: string): HttpError {
  const error = errors[0];
  const path = error.instancePath.split('/').slice(1);
  const missing = error.keyword === 'required' ? String(error.params.missingProperty) : null;
  if (missing !== null) path.push(missing);
  const field = path.join('.');
  const where = part === 'body' ? field || 'body' : `${part === 'querystring' ? 'query' : part}${field ? ` ${field}` : ''}`;
  return new HttpError(400, `${where}: ${missing !== null ? 'missing' : (error.message ?? 'not valid')}`);
}

export async function createHttpServer(ctx: ServerContext, console: ConsoleService, options: { trustProxy?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Behind one TLS proxy: trust only its hop, so the client address is the one the proxy adds to
    // X-Forwarded-For (not one a client wrote there) and https is read from X-Forwarded-Proto.
    trustProxy: options.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    routerOptions: { maxParamLength: 200 },
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    logger: false,
    // Many keep-alive connections from one LAN: never let an idle socket hold a slot forever.
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    // Requests are checked as sent: a number is not a string (fastify coerces by default).
    ajv: { customOptions: { coerceTypes: false } },
    schemaErrorFormatter: validationError,
  });
  await app.register(fastifyCookie);

  // Refused requests (4xx) and failures (5xx), by status, logged once a minute when there were any.
  const logger = log.child({ component: 'http' });
  let refused: Record<number, number> = {};
  app.addHook('onResponse', async (_request, reply) => {
    if (reply.statusCode >= 400) refused[reply.statusCode] = (refused[reply.statusCode] ?? 0) + 1;
  });
  const refusedLog = setInterval(() => {
    if (Object.keys(refused).length === 0) return;
    logger.info({ byStatus: refused, intervalS: REJECTED_LOG_INTERVAL_MS / 1000 }, 'refused requests');
    refused = {};
  }, REJECTED_LOG_INTERVAL_MS);
  refusedLog.unref();
  app.addHook('onClose', async () => clearInterval(refusedLog));

  // One identification per request, memoised: Basic credentials are checked once per request
  // (and, thanks to the credential cache, one scrypt per credential overall).
  const identities = new WeakMap<FastifyRequest, Promise<Caller | null>>();
  const identify = (request: FastifyRequest): Promise<Caller | null> => {
    let identity = identities.get(request);
    if (!identity) {
      // A judgehost account counts only on its own routes; anywhere else its credentials are refused,
      // so that no route can take it for a judge or a team.
      const ownRoute = request.routeOptions.config.access === 'judgehost';
      identity = ctx.auth.identify(request).then((caller) => {
        if (caller?.account.type === 'judgehost' && !ownRoute) throw new HttpError(403, JUDGEHOST_ACCOUNTS_ONLY_JUDGE);
        return caller;
      });
      identities.set(request, identity);
    }
    return identity;
  };

  // Who may call each route is declared with the route (config.access) and checked here, on the
  // route the router matched (whatever spelling of the URL reached it), before any body is read.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || !ROUTE_ACCESS.includes(access)) throw new Error(`route ${[route.method].flat().join(',')} ${route.url} declares no access (config.access: ${ROUTE_ACCESS.join(' | ')})`);
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === 'judge') requireJudge(await identify(request));
    else if (access === 'team' && requireCaller(await identify(request)).account.type !== 'team') throw new HttpError(403, 'team accounts only: judges use the console');
    else if (access === 'signed-in') requireCaller(await identify(request));
    else if (access === 'judgehost' && requireCaller(await identify(request)).account.type !== 'judgehost') throw new HttpError(403, 'judgehost accounts only');
  });
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.stateChange) ctx.auth.checkStateChange(request, await identify(request));
  });

  // Pages may be framed only by our own pages (a PDF statement in the portal); HTML gets a CSP
  // header as well as its meta tag, since frame-ancestors works only in a header.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-frame-options', 'SAMEORIGIN').header('x-content-type-options', 'nosniff');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html') && !reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', PAGE_CSP);
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const err = error as Error & { statusCode?: number; code?: string };
    const answer = (status: number, message: string) => reply.code(status).send(errorBody(request, status, message));
    if (err instanceof HttpError) return answer(err.status, err.message);
    if (err instanceof StoreError) return answer(STORE_ERROR_STATUS[err.code], err.message);
    if (err instanceof SubmissionFileError) return answer(SUBMISSION_FILE_STATUS[err.code], err.message);
    if (err instanceof ConsoleError) return answer(CONSOLE_ERROR_STATUS[err.code], err.message);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return answer(413, `request body too large (limit ${BODY_LIMIT_BYTES} bytes)`);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return answer(err.statusCode, err.message);
    if (isStorageFailure(err)) {
      logger.error({ err, url: request.url, method: request.method }, 'a request could not be stored');
      reply.header('retry-after', '60');
      return answer(503, STORAGE_FAILURE_MESSAGE);
    }
    answer(500, 'internal error');
    logger.error({ err, url: request.url, method: request.method }, 'internal error while serving a request');
  });
  app.setNotFoundHandler((request, reply) => {
    // A Contest API path that other methods serve: 405, with those in Allow.
    const allow = isClicsUrl(request.url) ? allowedMethods(routeTable, request.url.split('?')[0]) : [];
    if (allow.length > 0) {
      const message = `${request.method} is not supported here: ${allow.join(', ')}`;
      return reply.code(405).header('allow', allow.join(', ')).send(errorBody(request, 405, message));
    }
    if (request.url.startsWith('/api/')) return reply.code(404).send(errorBody(request, 404, `no such endpoint: ${request.method} ${request.url.split('?')[0]}`));
    // Unknown pages fall back to the portal (a single-page app with its own views).
    if (ctx.rendererDir) return reply.sendFile('portal/index.html', ctx.rendererDir);
    return notBuiltPage(reply);
  });

  // Honest health: not ok (503) whenever judging cannot proceed or submissions cannot be stored.
  // Everyone sees whether it is ok and why not; only judges see the queue, the workers and the
  // judgehost: when a judging finished is not a team's business during the freeze.
  app.get('/health', { config: { access: 'public' } }, async (request, reply) => {
    const problems = healthProblems(ctx);
    reply.code(problems.length ? 503 : 200);
    const verdict = { ok: problems.length === 0, ...(problems.length ? { reason: problems.join('; ') } : {}) };
    if (!isJudge(await identify(request).catch(() => null))) return verdict;
    const stats = ctx.store.queue.stats(ctx.now());
    const pool = ctx.engine.pool;
    return {
      ...verdict,
      queued: stats.queued,
      judging: stats.judging,
      oldestQueuedAgeMs: stats.oldestQueuedAgeMs,
      workers: pool.workers,
      workersBusy: pool.busy,
      paused: pool.isPaused,
      liveClients: ctx.live.size,
      judgehost: ctx.engine.host.health(),
      sandbox: ctx.engine.host.sandbox,
    };
  });

  registerPortalRoutes(app, ctx, identify);
  registerPrintRoutes(app, ctx, console, identify);
  registerClicsRoutes(app, ctx, console, identify);
  registerConsoleRoutes(app, ctx, console, identify);
  registerPublicScoreboardRoutes(app, ctx);
  registerJudgehostRoutes(app, ctx);

  if (ctx.rendererDir && existsSync(ctx.rendererDir)) {
    await app.register(fastifyStatic, { root: ctx.rendererDir, prefix: '/', index: false, wildcard: false, serve: false });
    app.get('/', { config: { access: 'public' } }, (_request, reply) => reply.sendFile('portal/index.html', ctx.rendererDir!));
    app.get('/assets/*', { config: { access: 'public' } }, (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      return reply.sendFile(join('assets', file), ctx.rendererDir!, { maxAge: '1y', immutable: true });
    });
    app.get('/portal/*', { config: { access: 'public' } }, (_request, reply) => reply.sendFile('portal/index.html', ctx.rendererDir!));
    // The judges' console: the same page as the desktop app's; its API needs a judge login.
    app.get('/console', { config: { access: 'public' } }, (_request, reply) => reply.sendFile('console/index.html', ctx.rendererDir!));
    app.get('/console/', { config: { access: 'public' } }, (_request, reply) => reply.sendFile('console/index.html', ctx.rendererDir!));
  } else {
    registerPagesNotBuilt(app);
  }
  return app;
}

