// Who may call what, over real HTTP: every registered route against one table, for anonymous
// callers, a team, a judge and a remote judgehost, in the plain spelling and in encoded ones. Judge-only routes were once
// guarded by the raw URL's prefix, so `/api/%63onsole/…` served the judges' exports to anyone and
// let anonymous clients send 256 MiB bodies.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { RouteAccess } from './httpServer.ts';
import { PortalClient, basic, testServer } from '../test-support/http.ts';

/** The expected access of every route: a new route must be added here, with a decision. */
const EXPECTED: Record<string, RouteAccess> = {
  'GET /health': 'public',
  'GET /': 'public',
  'GET /assets/*': 'public',
  'GET /portal/*': 'public',
  'GET /console': 'public',
  'GET /console/': 'public',
  'POST /api/login': 'public',
  'POST /api/logout': 'signed-in',
  'GET /api/me': 'signed-in',
  'GET /api/portal/overview': 'public',
  'GET /api/portal/problems/:id/statement': 'public',
  'GET /api/portal/problems/:id/statement-files/:name': 'public',
  'GET /api/portal/submissions': 'team',
  'GET /api/portal/submissions/:id': 'team',
  'POST /api/portal/submissions': 'team',
  'GET /api/portal/scoreboard': 'public',
  'GET /api/portal/clarifications': 'signed-in',
  'POST /api/portal/clarifications': 'team',
  'GET /api/portal/stream': 'signed-in',
  'GET /api/portal/print': 'team',
  'GET /api/portal/print/:id': 'team',
  'POST /api/portal/print': 'team',
  'GET /api/public/scoreboard': 'public',
  'GET /scoreboard': 'public',
  'GET /api': 'public',
  'GET /api/': 'public',
  'GET /api/contests': 'public',
  'GET /api/contests/:cid': 'public',
  'PATCH /api/contests/:cid': 'judge',
  'GET /api/contests/:cid/access': 'public',
  'GET /api/contests/:cid/account': 'signed-in',
  'GET /api/contests/:cid/state': 'public',
  'GET /api/contests/:cid/judgement-types': 'public',
  'GET /api/contests/:cid/judgement-types/:id': 'public',
  'GET /api/contests/:cid/languages': 'public',
  'GET /api/contests/:cid/languages/:id': 'public',
  'GET /api/contests/:cid/problems': 'public',
  'GET /api/contests/:cid/problems/:id': 'public',
  'GET /api/contests/:cid/groups': 'public',
  'GET /api/contests/:cid/groups/:id': 'public',
  'GET /api/contests/:cid/organizations': 'public',
  'GET /api/contests/:cid/organizations/:id': 'public',
  'GET /api/contests/:cid/teams': 'public',
  'GET /api/contests/:cid/teams/:id': 'public',
  'GET /api/contests/:cid/submissions': 'signed-in',
  'GET /api/contests/:cid/submissions/:id': 'signed-in',
  // The judges' and the submitting team's: another team gets 404 (as if there were no such submission).
  'GET /api/contests/:cid/submissions/:id/files': 'signed-in',
  'POST /api/contests/:cid/submissions': 'signed-in',
  // An admin's, with the id it chose (admin_submit); a judge's PUT is 403 in the handler.
  'PUT /api/contests/:cid/submissions/:id': 'judge',
  'GET /api/contests/:cid/judgements': 'signed-in',
  'GET /api/contests/:cid/judgements/:id': 'signed-in',
  'GET /api/contests/:cid/runs': 'judge',
  'GET /api/contests/:cid/runs/:id': 'judge',
  'GET /api/contests/:cid/clarifications': 'signed-in',
  'GET /api/contests/:cid/clarifications/:id': 'signed-in',
  'POST /api/contests/:cid/clarifications': 'signed-in',
  'PUT /api/contests/:cid/clarifications/:id': 'judge',
  'GET /api/contests/:cid/accounts': 'signed-in',
  'GET /api/contests/:cid/accounts/:id': 'signed-in',
  'GET /api/contests/:cid/awards': 'public',
  'GET /api/contests/:cid/awards/:id': 'public',
  'GET /api/contests/:cid/scoreboard': 'public',
  'GET /api/contests/:cid/event-feed': 'signed-in',
  'POST /api/console/ackOutput': 'judge',
  'POST /api/console/:method': 'judge',
  'POST /api/console/importProblem': 'judge',
  'GET /api/console/exports/:id/:file': 'judge',
  'GET /api/console/problem-files/:id/:kind': 'judge',
  'GET /api/console/stream': 'judge',
  'GET /api/console/output/:id': 'judge',
  'GET /api/judgehost/problems': 'judgehost',
  'GET /api/judgehost/packages/:sha256': 'judgehost',
  'GET /api/judgehost/judgements/:id/sources': 'judgehost',
  'POST /api/judgehost/heartbeat': 'judgehost',
  'POST /api/judgehost/judgements/:id/progress': 'judgehost',
  'POST /api/judgehost/judgements/:id/result': 'judgehost',
};

/** Public routes whose content is held back by the contest's state, where anyone but a judge may get 403
 *  (none now: the awards are an empty list until the judges release the results). */
const HELD_BACK = new Set<string>([]);

/** A concrete path for a route pattern. */
function pathOf(url: string): string {
  return url
    .replace(':cid', 'sample')
    .replace(':method', 'getSnapshot')
    .replace(':file', 'scoreboard.json')
    .replace(':name', 'figure.svg')
    .replace(':sha256', '0'.repeat(64))
    .replace(':id', '1')
    .replace('*', 'x');
}

/** Other spellings of the same path a router decodes to it (percent-encoded letters, doubled slashes are not). */
function spellings(path: string): string[] {
  const encoded = path.replace(/\/api\/([a-z])/, (_, letter: string) => `/api/%${letter.charCodeAt(0).toString(16)}`);
  return encoded === path ? [path] : [path, encoded];
}

/** The status of one request; streams are cut as soon as their headers arrive. */
async function statusOf(base: string, method: string, path: string, headers: Record<string, string>): Promise<number> {
  const controller = new AbortController();
  const body = method === 'POST' ? (path.startsWith('/api/console/') ? '[]' : '{}') : undefined;
  const response = await fetch(base + path, {
    method,
    body,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    redirect: 'manual',
    signal: controller.signal,
  });
  controller.abort();
  return response.status;
}

describe('route access', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  const team = basic('team1', 'team1-pass');
  const judge = basic('judge', 'judge-pass');
  const judgehost = basic('judgehost1', 'judgehost1-pass');

  before(async () => {
    server = await testServer();
  });
  after(async () => {
    await server.close();
  });

  test('every registered route is in the table, with the access it declares', () => {
    const registered = Object.fromEntries(server.http.routeTable.filter((r) => r.method !== 'HEAD').map((r) => [`${r.method} ${r.url}`, r.access]));
    assert.deepEqual(registered, EXPECTED);
  });

  test('anonymous callers, teams, judges and judgehosts get exactly their access on every route, however the URL is spelled', { timeout: 60_000 }, async () => {
    const failures: string[] = [];
    for (const [route, access] of Object.entries(EXPECTED)) {
      const [method, url] = route.split(' ') as [string, string];
      for (const path of spellings(pathOf(url))) {
        const anonymous = await statusOf(server.url, method, path, {});
        const asTeam = await statusOf(server.url, method, path, team);
        const asJudge = await statusOf(server.url, method, path, judge);
        const asJudgehost = await statusOf(server.url, method, path, judgehost);
        const heldBack = HELD_BACK.has(route);
        const teamRefused = access === 'judge' || access === 'judgehost';
        const judgeRefused = access === 'team' || access === 'judgehost';
        if (access !== 'public' && anonymous !== 401) failures.push(`${method} ${path} anonymous: ${anonymous}, expected 401`);
        if (teamRefused && asTeam !== 403) failures.push(`${method} ${path} as a team: ${asTeam}, expected 403`);
        if (!teamRefused && (asTeam === 401 || (asTeam === 403 && !heldBack))) failures.push(`${method} ${path} as a team: ${asTeam}`);
        if (judgeRefused && asJudge !== 403) failures.push(`${method} ${path} as a judge: ${asJudge}, expected 403`);
        if (!judgeRefused && (asJudge === 401 || asJudge === 403)) failures.push(`${method} ${path} as a judge: ${asJudge}`);
        // A judgehost's credentials open its own routes and nothing else: elsewhere it is refused, or (a
        // public route that never asks who calls) answered as anyone is.
        if (access === 'judgehost' && (asJudgehost === 401 || asJudgehost === 403)) failures.push(`${method} ${path} as a judgehost: ${asJudgehost}`);
        if (access !== 'judgehost' && asJudgehost !== 403 && !(access === 'public' && asJudgehost === anonymous)) {
          failures.push(`${method} ${path} as a judgehost: ${asJudgehost}, expected 403 (or, on a public route, what anyone gets: ${anonymous})`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test("an anonymous client is refused before its body is read, even a huge one to a judges' route", { timeout: 30_000 }, async () => {
    // Announce 200 MB, send a little, and wait for the answer: a server that reads the body first
    // never answers until its request timeout.
    const url = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, method: 'POST', path: '/api/%63onsole/importProblem?name=x.zip', headers: { 'content-type': 'application/zip', 'content-length': String(200 * 1024 * 1024) } },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.write('['.padEnd(64 * 1024, ' '));
    });
    assert.equal(status, 401);
  });

  test('logging out needs the session\'s CSRF token', async () => {
    const client = new PortalClient(server.url);
    assert.equal((await client.login('team2', 'team2-pass')).status, 200);
    const forged = await client.request('POST', '/api/logout', '{}', { 'content-type': 'application/json' });
    assert.equal(forged.status, 403);
    assert.equal((await client.get('/api/me')).status, 200, 'still logged in');
    assert.equal((await client.post('/api/logout', {})).status, 200);
    assert.equal((await client.get('/api/me')).status, 401);
  });

  test("a team cannot reply to, or learn of, another team's clarification", async () => {
    const asked = await new PortalClient(server.url).request<{ id: string }>('POST', '/api/contests/sample/clarifications', JSON.stringify({ text: 'private question of team1' }), { 'content-type': 'application/json', ...team });
    assert.equal(asked.status, 201);
    const other = basic('team2', 'team2-pass');
    const send = (replyTo: string) =>
      new PortalClient(server.url).request<{ code: number; message: string }>('POST', '/api/contests/sample/clarifications', JSON.stringify({ text: 'follow-up', reply_to_id: replyTo }), { 'content-type': 'application/json', ...other });
    const existing = await send(asked.body.id);
    const missing = await send('999999');
    assert.equal(existing.status, 400);
    assert.equal(missing.status, 400);
    assert.equal(existing.body.message.replace(asked.body.id, 'N'), missing.body.message.replace('999999', 'N'), 'the two answers must not differ');
    // Its own question it may follow up on.
    assert.equal((await new PortalClient(server.url).request('POST', '/api/contests/sample/clarifications', JSON.stringify({ text: 'more', reply_to_id: asked.body.id }), { 'content-type': 'application/json', ...team })).status, 201);
  });

  test('pages carry a Content-Security-Policy header with frame-ancestors, and no page may be framed by another site', async (t) => {
    if (!server.context.rendererDir) return t.skip('the pages are not built (npm run build)');
    for (const path of ['/', '/console']) {
      const response = await fetch(server.url + path);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/, path);
      assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN', path);
    }
  });
});
