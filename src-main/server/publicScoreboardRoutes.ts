// The public scoreboard for a projector or a hall screen: the page at /scoreboard, without a login,
// and its data at /api/public/scoreboard. Always the public view (frozen during the freeze until the
// judges release the results), whoever asks: a judge's logged-in browser driving the projector must
// not put the judges' board on the wall. It shows nothing a team cannot see on its own portal.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { scoreboardReply } from './scoreboardReply.ts';
import type { ServerContext } from './context.ts';
import { notBuiltPage } from './pagesNotBuilt.ts';

/** Where the projector's page is served. */
const PUBLIC_SCOREBOARD_PATH = '/scoreboard';
const PAGE_FILE = join('scoreboard', 'index.html');

export function registerPublicScoreboardRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // The public view's digest moves only when what the board shows moves (never on a hidden verdict).
  app.get('/api/public/scoreboard', { config: { access: 'public' } }, async (request, reply): Promise<string | Buffer | undefined> => scoreboardReply(ctx, request, reply, 'public'));

  app.get(PUBLIC_SCOREBOARD_PATH, { config: { access: 'public' } }, (_request, reply) => {
    if (!ctx.rendererDir || !existsSync(join(ctx.rendererDir, PAGE_FILE))) return notBuiltPage(reply);
    return reply.sendFile(PAGE_FILE, ctx.rendererDir);
  });
}
