// During the freeze nothing a team can see may tell it that another team's judging finished: not
// event tokens (every change takes the next global one, so gaps count the hidden events), not the
// portal stream's tokens, not a scoreboard signal or ETag that moves on a hidden verdict, not /health.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import type { PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';

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

const submit = (team: string, source = HELLO) =>
  new PortalClient(server.url).post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source }, basic(team, `${team}-pass`));

/** Opens a team's portal stream and collects its raw text. */
function openStream(team: string): { text: () => string; close: () => void } {
  const url = new URL(server.url);
  let text = '';
  const req = request({ host: url.hostname, port: url.port, path: '/api/portal/stream', headers: basic(team, `${team}-pass`) }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
  });
  req.on('error', () => {});
  req.end();
  return { text: () => text, close: () => req.destroy() };
}

const judged = (id: string) => eventually(async () => (server.context.store.submissions.get(id)?.verdict ? true : undefined), 60_000, `the verdict of ${id}`);

test("a team's portal stream carries no event tokens", async () => {
  const stream = openStream('team2');
  try {
    const mine = await submit('team2');
    await judged(mine.body.id);
    await eventually(async () => (/event: judgements/.test(stream.text()) ? true : undefined), 10_000, 'its own judgement on the stream');
    assert.match(stream.text(), /: connected \n/);
    assert.doesNotMatch(stream.text(), /^id: /m);
  } finally {
    stream.close();
  }
});

test('a hidden verdict sends teams no scoreboard signal and leaves the ETag of their board alone', async () => {
  const watcher = openStream('team3');
  try {
    await eventually(async () => (watcher.text().includes(': connected') ? true : undefined), 10_000, 'the stream');
    const first = await submit('team1');
    // Its submission is public (pending on the frozen board): one signal.
    await eventually(async () => (watcher.text().split('event: scoreboard').length === 2 ? true : undefined), 10_000, 'the signal of the new submission');
    const board = new PortalClient(server.url);
    const etagBefore = (await board.get('/api/portal/scoreboard', basic('team3', 'team3-pass'))).headers.get('etag');
    await judged(first.body.id);
    const etagAfter = (await board.get('/api/portal/scoreboard', basic('team3', 'team3-pass'))).headers.get('etag');
    assert.equal(etagAfter, etagBefore, 'the ETag moved on a verdict the board hides');
    // A change teams may see comes next: the only signal between the two is none.
    await submit('team4');
    await eventually(async () => (watcher.text().split('event: scoreboard').length >= 3 ? true : undefined), 10_000, 'the signal of the second submission');
    const signals = watcher.text().split('event: scoreboard').length - 1;
    assert.equal(signals, 2, 'a signal told team3 that a judging had finished');
  } finally {
    watcher.close();
  }
});

test("a team's event-feed tokens are opaque, and resume where they left off", async () => {
  const team = basic('team1', 'team1-pass');
  const read = async (query: string) =>
    String((await new PortalClient(server.url).get<string>(`/api/contests/sample/event-feed?stream=false${query}`, team)).body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { token: string; type: string; id: string });
  const all = await read('');
  assert.ok(all.length > 3);
  assert.ok(all.every((e) => !/^\d+$/.test(e.token)), 'a team sees global token numbers');
  const middle = all[Math.floor(all.length / 2)];
  const rest = await read(`&since_token=${middle.token}`);
  assert.deepEqual(rest.map((e) => `${e.type}/${e.id}/${e.token}`).slice(0, all.length - all.indexOf(middle) - 1), all.slice(all.indexOf(middle) + 1).map((e) => `${e.type}/${e.id}/${e.token}`));
  // A plain number is not a token a team was given.
  assert.equal((await new PortalClient(server.url).get(`/api/contests/sample/event-feed?stream=false&since_token=1`, team)).status, 400);
});

test('/health tells teams and anonymous callers only whether the judge works', async () => {
  assert.deepEqual((await new PortalClient(server.url).get('/health', basic('team1', 'team1-pass'))).body, { ok: true });
  assert.deepEqual((await new PortalClient(server.url).get('/health')).body, { ok: true });
  const forJudges = (await new PortalClient(server.url).get<{ queued: number }>('/health', basic('judge', 'judge-pass'))).body;
  assert.equal(typeof forJudges.queued, 'number');
});
