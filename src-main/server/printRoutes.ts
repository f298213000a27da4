// The portal's print routes (issue 15's print jobs; contract in shared/portalApi.ts): a team sends a
// source file or pasted text to be printed and sees its own jobs; the staff's side is the console's
// (console/printDesk.ts, JudgeApi's listPrintJobs and the like). Rate-limited per team, bounded in
// size with a clear refusal, open while the contest runs (printDesk.ts's printingClosedReason).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_PRINT_BYTES, PrintTooLargeError, printingClosedReason } from '../console/printDesk.ts';
import type { ConsoleService } from '../console/consoleService.ts';
import type { PortalPrintJob, PortalPrintJobs, PortalPrintJobWithText } from '../shared/portalApi.ts';
import type { PrintJobRow } from '../store/printJobs.ts';
import { HttpError, requireCaller, type Caller } from './auth.ts';
import type { ServerContext } from './context.ts';
import { RateLimiter } from './rateLimit.ts';
import { PrintBody, PrintJobParams } from './requestSchemas.ts';

/** A team may send this many jobs at once, then one more every two minutes: a solution or two, not a book. */
const PRINT_BURST = 5;
const PRINTS_PER_MINUTE = 0.5;
/** The body may be larger than a job's text may be (JSON writes a control character in 6 bytes), so that a
 *  text too large gets the words saying so (413 with the limit in KiB), not the server's generic refusal. */
const PRINT_BODY_LIMIT_BYTES = 6 * MAX_PRINT_BYTES + 64 * 1024;

function portalPrintJob(job: PrintJobRow): PortalPrintJob {
  return { id: job.id, fileName: job.fileName, languageId: job.languageId, submittedAt: job.submittedAt, printed: job.printed !== null };
}

export function registerPrintRoutes(app: FastifyInstance, ctx: ServerContext, console: ConsoleService, identify: (request: FastifyRequest) => Promise<Caller | null>): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const limiter = new RateLimiter(PRINT_BURST, PRINTS_PER_MINUTE);
  const teamOf = async (request: FastifyRequest): Promise<string> => {
    const caller = requireCaller(await identify(request));
    if (caller.account.type !== 'team' || !caller.account.teamId) throw new HttpError(403, 'only team accounts print here; judges see the jobs in the console');
    return caller.account.teamId;
  };

  app.get('/api/portal/print', { config: { access: 'team' } }, async (request): Promise<PortalPrintJobs> => {
    const teamId = await teamOf(request);
    const jobs = ctx.store.printJobs.list(teamId).reverse().map(portalPrintJob);
    return { closed: printingClosedReason(ctx), maxBytes: MAX_PRINT_BYTES, jobs };
  });

  api.get('/api/portal/print/:id', { config: { access: 'team' }, schema: { params: PrintJobParams } }, async (request): Promise<PortalPrintJobWithText> => {
    const teamId = await teamOf(request);
    const job = ctx.store.printJobs.get(request.params.id);
    // Another team's job is answered exactly as one that does not exist (ids count upward).
    if (!job || job.teamId !== teamId) throw new HttpError(404, 'no such print job');
    return { ...portalPrintJob(job), text: job.text };
  });

  api.post('/api/portal/print', { bodyLimit: PRINT_BODY_LIMIT_BYTES, config: { access: 'team', stateChange: true }, schema: { body: PrintBody } }, async (request, reply) => {
    const teamId = await teamOf(request);
    const now = ctx.now();
    const wait = limiter.peek(teamId, now);
    if (wait) {
      reply.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new HttpError(429, `too many print jobs: wait ${Math.ceil(wait / 1000)} s`);
    }
    let job: PrintJobRow;
    try {
      job = console.printDesk.submit(teamId, request.body);
    } catch (error) {
      if (error instanceof PrintTooLargeError) throw new HttpError(413, error.message);
      throw error;
    }
    // Only a job taken counts: a refused one (too large, empty, printing closed) costs the team nothing.
    limiter.take(teamId, now);
    reply.code(201);
    return portalPrintJob(job);
  });
}
