// The scoreboard's JSON as an HTTP reply (the portal's and the projector's): an ETag of what the view
// shows (a client polling with If-None-Match gets 304 until it moves), gzipped for a client that
// accepts gzip (every browser): the compressed board is made once per change, not per request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { portalScoreboardGzipped, portalScoreboardJson } from '../core/views.ts';
import type { ServerContext } from './context.ts';

export function scoreboardReply(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply, view: 'judges' | 'public'): string | Buffer | undefined {
  const snapshot = ctx.scoreboard.snapshot(view, ctx.now());
  // From what the view shows only: a team polling with If-None-Match learns nothing the board hides.
  const etag = `"sb-${view}-${snapshot.digest}"`;
  reply.header('etag', etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === etag) {
    reply.code(304).send();
    return undefined;
  }
  reply.type('application/json; charset=utf-8');
  if (!acceptsGzip(request.headers['accept-encoding'])) return portalScoreboardJson(ctx, view);
  reply.header('content-encoding', 'gzip');
  return portalScoreboardGzipped(ctx, view);
}

/** Whether an Accept-Encoding header takes gzip (named, or `*`, without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
