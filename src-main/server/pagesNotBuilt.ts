// Where the built pages (the portal and the console, `npm run build`) are missing, their addresses
// say how to build them: a 503 page in words instead of a bare 404 that looks like a wrong address.
import type { FastifyInstance, FastifyReply } from 'fastify';

/** How to get the pages: printed by `verdict serve` at start and shown at the pages' addresses. */
export const NOT_BUILT_HELP =
  'the portal and console pages are not built: run `npm run build` in the Verdict folder (`npm start` builds them too), then start `verdict serve` again';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Verdict — pages not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Verdict is running, but its pages are not built</h1>
<p>The judge’s server answers, but the contestants’ portal and the judges’ console have not been built on this computer.</p>
<p>On the judge’s computer, in the Verdict folder, run <code>npm run build</code> (or start with <code>npm start</code>, which builds them), then start <code>verdict serve</code> again.</p>
</body></html>
`;

/** The pages' addresses, answered with the page above (an unknown address gets it too, from the not-found handler). */
export function registerPagesNotBuilt(app: FastifyInstance): void {
  for (const url of ['/', '/console', '/console/']) {
    app.get(url, { config: { access: 'public' } }, (_request, reply) => notBuiltPage(reply));
  }
}

export function notBuiltPage(reply: FastifyReply): FastifyReply {
  return reply.code(503).type('text/html; charset=utf-8').send(PAGE);
}
