// The routes of remote judgehosts (judgehost accounts only; no other account may call them, and a
// judgehost account may call nothing else: httpServer.ts). A judgehost lists the problems with their
// package archives' names and fetches each archive once by that name (judging/packageArchives.ts).
import { createReadStream } from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { JUDGEHOST_API, SHA256_HEX, type JudgehostProblem, type JudgehostProblems } from '../common/judgehostHttp.ts';
import { HttpError } from './auth.ts';
import type { ServerContext } from './context.ts';

const PackageParams = Type.Object({ sha256: Type.String({ pattern: SHA256_HEX.source }) });

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
    return { problems };
  });

  api.get(`${JUDGEHOST_API}/packages/:sha256`, { config: { access: 'judgehost' }, schema: { params: PackageParams } }, (request, reply) => {
    const archive = archives.find(request.params.sha256);
    if (!archive) throw new HttpError(404, 'no package archive of that SHA-256 here (list the problems again)');
    // The name is the content: it never changes, so a cache may keep it for good.
    reply.header('content-type', 'application/x-tar').header('content-length', archive.bytes).header('etag', `"${archive.sha256}"`).header('cache-control', 'private, immutable, max-age=31536000');
    return reply.send(createReadStream(archive.file));
  });
}
