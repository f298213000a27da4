// The projector's scoreboard (/api/public/scoreboard) during the freeze: the public view whoever
// asks (a judge's browser too), a verdict the freeze hides shows nowhere in it, not even in its
// ETag, and it holds nothing more than a team's own portal scoreboard does. Gzipped for a client
// that accepts it.
import assert from 'node:assert/strict';
import { get as httpGet } from 'node:http';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { PortalSubmission, ScoreboardView } from '../shared/portalApi.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';
import { acceptsGzip } from './scoreboardReply.ts';

const HELLO = 'print("Hello, World!")\n';
let server: Awaited<ReturnType<typeof testServer>>;

before(async () => {
  server = await testServer({ workers: 1 });
  // "Now" falls in the last hour: the freeze.
  const contest = server.context.store.contest.get()!;
  server.context.store.contest.setTimes({ startTime: Date.now() - (contest.durationMs - contest.freezeMs) - 60_000 });
});
after(async () => {
  await server.close();
});

const publicBoard = (headers: Record<string, string> = {}) => new PortalClient(server.url).get<ScoreboardView>('/api/public/scoreboard', headers);
const helloCell = (board: ScoreboardView, teamId: string) => board.rows.find((r) => r.teamId === teamId)!.problems.find((p) => p.problemId === 'hello')!;

test('a verdict in the freeze stays hidden from the public board and its ETag, for anonymous callers and judges alike', async () => {
  const team = new PortalClient(server.url);
  const sent = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source: HELLO }, basic('team1', 'team1-pass'));
  assert.equal(sent.status, 202);
  const etagBefore = (await publicBoard()).headers.get('etag');
  await eventually(async () => (server.context.store.submissions.get(sent.body.id)?.verdict === 'AC' ? true : undefined), 60_000, 'the verdict');

  const anonymous = await publicBoard();
  assert.equal(anonymous.status, 200);
  assert.equal(anonymous.headers.get('etag'), etagBefore, 'the ETag moved on a verdict the board hides');
  assert.equal(anonymous.body.frozen, true);
  assert.deepEqual(helloCell(anonymous.body, 'team1'), { ...helloCell(anonymous.body, 'team1'), solved: false, pending: 1 });
  assert.equal(anonymous.body.rows.find((r) => r.teamId === 'team1')!.solved, 0);

  // A judge's logged-in browser on the projector gets the public board too, not the judges'.
  const asJudge = await publicBoard(basic('judge', 'judge-pass'));
  assert.deepEqual(asJudge.body, anonymous.body);
  const judgesBoard = await new PortalClient(server.url).get<ScoreboardView>('/api/portal/scoreboard', basic('judge', 'judge-pass'));
  assert.equal(helloCell(judgesBoard.body, 'team1').solved, true);

  // Nothing a team's own portal does not show: the same board, field for field.
  const teamsBoard = await new PortalClient(server.url).get<ScoreboardView>('/api/portal/scoreboard', basic('team2', 'team2-pass'));
  assert.deepEqual(anonymous.body, teamsBoard.body);

  // An unchanged board costs a 304.
  assert.equal((await publicBoard({ 'if-none-match': etagBefore! })).status, 304);
});

test('a client that accepts gzip gets the board gzipped, the same JSON; one that does not gets it as it is', async () => {
  const url = `${server.url}/api/public/scoreboard`;
  // Raw bytes: node:http does not decompress (fetch would).
  const raw = (acceptEncoding: string | null) =>
    new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>((resolve, reject) => {
      const req = httpGet(url, { headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], vary: res.headers.vary, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
    });
  const plain = await raw(null);
  assert.equal(plain.encoding, undefined);
  const board = JSON.parse(plain.body.toString('utf8')) as ScoreboardView;
  assert.ok(board.rows.length > 0);
  const zipped = await raw('br, gzip;q=0.8, deflate');
  assert.equal(zipped.encoding, 'gzip');
  assert.match(zipped.vary ?? '', /accept-encoding/i);
  assert.deepEqual(JSON.parse(gunzipSync(zipped.body).toString('utf8')), board);
  assert.ok(zipped.body.length < plain.body.length / 3, `${zipped.body.length} bytes gzipped, ${plain.body.length} plain`);
  assert.equal((await raw('gzip;q=0, identity')).encoding, undefined, 'gzip refused with q=0');
});

test('Accept-Encoding: gzip named or by *, not with q=0', () => {
  for (const yes of ['gzip', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.5', '*', 'GZIP']) assert.equal(acceptsGzip(yes), true, yes);
  for (const no of [undefined, '', 'identity', 'br', 'gzip;q=0', 'gzip;q=0.0, br', 'x-gzip2']) assert.equal(acceptsGzip(no), false, String(no));
});
