// The public scoreboard for a projector or a hall screen: the page at /scoreboard, without a login,
// and its data at /api/public/scoreboard. Always the public view (frozen during the freeze until the
// judges release the results), whoever asks: a judge's logged-in browser driving the projector must
// not put the judges' board on the wall. It shows nothing a team cannot see on its own portal.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { portalScoreboardJson } from '../core/views.ts';
import type { ServerContext } from './context.ts';
import { notBuiltPage } from './pagesNotBuilt.ts';

/** Where the projector's page is served. */
const PUBLIC_SCOREBOARD_PATH = '/scoreboard';
const PAGE_FILE = join('scoreboard', 'index.html');

export function registerPublicScoreboardRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/public/scoreboard', { config: { access: 'public' } }, async (request, reply): Promise<string | undefined> => {
    const snapshot = ctx.scoreboard.snapshot('public', ctx.now());
    // The public view's digest: it moves only when what the board shows moves (never on a hidden verdict).
    const etag = `"sb-public-${snapshot.digest}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) {
      reply.code(304).send();
      return;
    }
    reply.type('application/json; charset=utf-8');
    return portalScoreboardJson(ctx, 'public');
  });

  app.get(PUBLIC_SCOREBOARD_PATH, { config: { access: 'public' } }, (_request, reply) => {
    if (!ctx.rendererDir || !existsSync(join(ctx.rendererDir, PAGE_FILE))) return notBuiltPage(reply);
    return reply.sendFile(PAGE_FILE, ctx.rendererDir);
  });
}
