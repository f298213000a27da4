// The contest server over real HTTP on loopback: the portal flow, the CLICS API, and the attacks
// a contest LAN sees (wrong passwords, other teams' data, oversized and malformed bodies, zip-slip,
// CSRF, floods).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Me, PortalSubmission } from '../shared/portalApi.ts';
import { buildZip } from '../package/testUtil.ts';
import { resourcePath } from '../common/paths.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';
import { sourceFromZipFile } from '../contest/submissionFiles.ts';

let server: Awaited<ReturnType<typeof testServer>>;
let team1: PortalClient;
let team2: PortalClient;
const HELLO = 'print("Hello, World!")\n';

before(async () => {
  server = await testServer();
  team1 = new PortalClient(server.url);
  team2 = new PortalClient(server.url);
  assert.equal((await team1.login('team1', 'team1-pass')).status, 200);
  assert.equal((await team2.login('team2', 'team2-pass')).status, 200);
});
after(() => server.close());

function submit(client: PortalClient, source: string, key?: string, problemId = 'hello') {
  return client.post<PortalSubmission>('/api/portal/submissions', { problemId, languageId: 'python', fileName: 'a.py', source }, key ? { 'idempotency-key': key } : {});
}

async function verdictOf(client: PortalClient, id: string): Promise<string> {
  return eventually(async () => {
    const list = await client.get<PortalSubmission[]>('/api/portal/submissions');
    const s = list.body.find((x) => x.id === id);
    return s?.verdict ?? undefined;
  }, 30_000, `the verdict of submission ${id}`);
}

describe('portal flow', () => {
  test('log in, submit (202 at once), and the verdict arrives', async () => {
    const me = await team1.get<Me>('/api/me');
    assert.equal(me.body.team?.id, 'team1');
    const answer = await submit(team1, HELLO, 'flow-1');
    assert.equal(answer.status, 202);
    assert.equal(answer.body.status, 'queued');
    assert.equal(await verdictOf(team1, answer.body.id), 'AC');
    const wrong = await submit(team1, 'print("bye")\n');
    assert.equal(await verdictOf(team1, wrong.body.id), 'WA');
  });

  test('a retried POST with the same idempotency key returns the same submission', async () => {
    const first = await submit(team1, HELLO, 'retry-key');
    const again = await submit(team1, HELLO, 'retry-key');
    assert.equal(again.status, 202);
    assert.equal(again.body.id, first.body.id);
    const list = await team1.get<PortalSubmission[]>('/api/portal/submissions');
    assert.equal(list.body.filter((s) => s.id === first.body.id).length, 1);
    // The same key from another team is another submission.
    const other = await submit(team2, HELLO, 'retry-key');
    assert.notEqual(other.body.id, first.body.id);
  });

  test('the session cookie is HttpOnly and SameSite=Strict', async () => {
    const client = new PortalClient(server.url);
    const answer = await client.login('team3', 'team3-pass');
    const cookie = answer.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
  });

  test('the scoreboard shows the accepted team first', async () => {
    const board = await eventually(async () => {
      const answer = await team2.get<{ rows: { teamId: string; solved: number }[] }>('/api/portal/scoreboard');
      return answer.body.rows[0]?.solved ? answer.body : undefined;
    }, 10_000, 'a solved problem on the scoreboard');
    assert.equal(board.rows[0].teamId, 'team1');
  });

  test('the live stream tells a team about its own judgements only', async () => {
    const streams = { team1: await team1.sse('/api/portal/stream'), team2: await team2.sse('/api/portal/stream') };
    assert.equal(streams.team1.contentType, 'text/event-stream; charset=utf-8');
    const seen = { team1: streams.team1.frames, team2: streams.team2.frames };
    const answer = await submit(team1, HELLO);
    await verdictOf(team1, answer.body.id);
    await eventually(async () => (seen.team1.join('').includes(`"submission_id":"${answer.body.id}"`) ? true : undefined), 5000, 'the judgement event on team1\'s stream');
    // A slow judging (8 tests of about 0.3 s): the team hears each step, at most twice a second.
    const slow = await submit(team1, 'import time\na, b = map(int, input().split())\ntime.sleep(0.3)\nprint(a + b)\n', undefined, 'sum');
    assert.equal(await verdictOf(team1, slow.body.id), 'AC');
    const progress = (frames: string[]) => frames.join('').split('\n\n').filter((f) => f.startsWith('event: progress') && f.includes(`"submissionId":"${slow.body.id}"`)).length;
    assert.ok(progress(seen.team1) >= 3, `${progress(seen.team1)} progress events`);
    // Judging steps: compiling, then running and tested for each of 8 tests (17); throttled, fewer reach the team.
    assert.ok(progress(seen.team1) < 17, `throttled: ${progress(seen.team1)} events`);
    assert.equal(progress(seen.team2), 0, 'team2 hears nothing of team1\'s judging');
    for (const s of Object.values(streams)) s.close();
    assert.ok(!seen.team2.join('').includes(`"submission_id":"${answer.body.id}"`), 'team2 saw team1\'s judgement');
    assert.ok(!seen.team1.join('').includes('event: runs'), 'per-test runs are for judges only');
  });

  test('CLICS groups and organizations: every team\'s group_ids and organization_id resolve, named by the contest folder', async () => {
    const teams = (await team1.get<{ organization_id: string | null; group_ids: string[] }[]>('/api/contests/sample/teams')).body;
    const groups = (await team1.get<{ id: string; name: string }[]>('/api/contests/sample/groups')).body;
    const organizations = (await team1.get<{ id: string; name: string; formal_name: string }[]>('/api/contests/sample/organizations')).body;
    assert.deepEqual(groups, [{ id: 'participants', name: 'Participants' }]);
    assert.deepEqual(organizations.map((o) => o.id), ['east', 'north', 'south']);
    assert.equal(organizations.find((o) => o.id === 'north')?.formal_name, 'Northern Institute of Technology');
    assert.equal(teams.length, 5);
    for (const t of teams) {
      assert.ok(organizations.some((o) => o.id === t.organization_id), `organization ${t.organization_id}`);
      for (const g of t.group_ids) assert.ok(groups.some((x) => x.id === g), `group ${g}`);
    }
  });
});

describe('attacks', () => {
  test('a wrong password is refused, over the portal and over Basic auth', async () => {
    const client = new PortalClient(server.url);
    assert.equal((await client.login('team1', 'nope')).status, 401);
    assert.equal((await client.login('nobody', 'nope')).status, 401);
    const basicWrong = await client.get('/api/contests/sample/submissions', basic('team1', 'wrong'));
    assert.equal(basicWrong.status, 401);
  });

  test('another team\'s submission, judgements, runs and source stay hidden', async () => {
    const mine = await submit(team1, HELLO);
    await verdictOf(team1, mine.body.id);
    const asTeam2 = basic('team2', 'team2-pass');
    assert.equal((await team2.get(`/api/contests/sample/submissions/${mine.body.id}`, asTeam2)).status, 404);
    const list = await team2.get<{ team_id: string }[]>('/api/contests/sample/submissions', asTeam2);
    assert.ok(list.body.every((s) => s.team_id === 'team2'));
    const judgements = await team2.get<{ submission_id: string }[]>('/api/contests/sample/judgements', asTeam2);
    assert.ok(judgements.body.every((j) => j.submission_id !== mine.body.id));
    assert.equal((await team2.get('/api/contests/sample/runs', asTeam2)).status, 403);
    assert.equal((await team2.get(`/api/contests/sample/submissions/${mine.body.id}/files`, asTeam2)).status, 404, 'another team\'s files: not found, not forbidden');
    const feed = await team2.get<string>('/api/contests/sample/event-feed?stream=false', asTeam2);
    assert.ok(!String(feed.body).includes('"type":"runs"'));
    assert.ok(!String(feed.body).includes('"team_id":"team1"'));
    // Judges see it all.
    const judge = basic('judge', 'judge-pass');
    assert.equal((await team2.get(`/api/contests/sample/submissions/${mine.body.id}`, judge)).status, 200);
    // The files are the zip the submission object announces, for the judges and for the team that sent it.
    for (const who of [judge, basic('team1', 'team1-pass')]) {
      const files = await fetch(`${server.url}/api/contests/sample/submissions/${mine.body.id}/files`, { headers: who });
      assert.equal(files.status, 200);
      assert.equal(files.headers.get('content-type'), 'application/zip');
      assert.equal((await sourceFromZipFile(Buffer.from(await files.arrayBuffer()))).source.toString(), HELLO);
    }
  });

  test('state changes without the CSRF token, or not as JSON, are refused', async () => {
    const noToken = await team1.post('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source: HELLO }, { 'x-csrf-token': '' });
    assert.equal(noToken.status, 403);
    const form = await team1.request('POST', '/api/portal/submissions', 'problemId=hello', { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': team1.csrf });
    assert.equal(form.status, 415);
  });

  test('oversized, malformed and incomplete bodies get clear 4xx answers', async () => {
    const big = await submit(team1, 'x'.repeat(300 * 1024));
    assert.equal(big.status, 413);
    assert.match((big.body as unknown as { error: string }).error, /too large/);
    const huge = await team1.request('POST', '/api/portal/submissions', 'x'.repeat(2 * 1024 * 1024), { 'content-type': 'application/json', 'x-csrf-token': team1.csrf });
    assert.equal(huge.status, 413);
    const malformed = await team1.request('POST', '/api/portal/submissions', '{"problemId": ', { 'content-type': 'application/json', 'x-csrf-token': team1.csrf });
    assert.equal(malformed.status, 400);
    const missing = await team1.post('/api/portal/submissions', { problemId: 'hello' });
    assert.equal(missing.status, 400);
    const badName = await team1.post('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: '../../etc/passwd', source: HELLO });
    assert.equal(badName.status, 400);
    const badProblem = await team1.post('/api/portal/submissions', { problemId: 'nope', languageId: 'python', fileName: 'a.py', source: HELLO });
    assert.equal(badProblem.status, 400);
  });

  test('bodies and queries of the wrong types are refused naming the field, the portal and the Contest API each in its own error shape', async () => {
    const wrongType = await team1.post<{ error: string }>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source: 5 });
    assert.equal(wrongType.status, 400);
    assert.match(wrongType.body.error, /^source: must be string/);
    const noLanguage = await team1.post<{ error: string }>('/api/portal/submissions', { problemId: 'hello', fileName: 'a.py', source: HELLO });
    assert.deepEqual([noLanguage.status, noLanguage.body.error], [400, 'languageId: missing']);
    // The CSRF check comes first: a forged request is 403 whatever its body.
    const forged = await team1.request('POST', '/api/portal/submissions', '{"source": 5}', { 'content-type': 'application/json', 'x-csrf-token': 'forged' });
    assert.equal(forged.status, 403);
    // Accepted before (a number read as "no problem", an id of the wrong type ignored): now refused.
    const auth = { ...basic('team3', 'team3-pass'), 'content-type': 'application/json' };
    for (const [field, body] of [['problem_id', { text: 'Why?', problem_id: 5 }], ['reply_to_id', { text: 'Why?', reply_to_id: 7 }]] as const) {
      const refused = await team1.request<{ code: number; message: string }>('POST', '/api/contests/sample/clarifications', JSON.stringify(body), auth);
      assert.equal(refused.status, 400, field);
      assert.equal(refused.body.code, 400);
      assert.match(refused.body.message, new RegExp(`^${field}: `));
    }
    // A filter given twice was ignored (every object came back): now refused.
    const twice = await team1.get<{ code: number; message: string }>('/api/contests/sample/teams?organization_id=a&organization_id=b');
    assert.equal(twice.status, 400);
    assert.match(twice.body.message, /^query organization_id: must be string/);
  });

  test('headers over the limit are refused', async () => {
    const status = await new Promise<number>((resolve) => {
      const url = new URL(server.url);
      const req = httpRequest({ host: url.hostname, port: url.port, path: '/health', headers: { 'x-big': 'a'.repeat(64 * 1024) } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', () => resolve(-1));
      req.end();
    });
    assert.ok(status === 431 || status === -1, `status ${status}`);
  });

  test('a zip-slip upload through the CLICS API is refused and nothing is stored', async () => {
    const auth = { ...basic('team3', 'team3-pass'), 'content-type': 'application/json' };
    const before = await team1.get<unknown[]>('/api/contests/sample/submissions', basic('team3', 'team3-pass'));
    for (const name of ['../evil.py', '/abs.py', 'dir/nested.py']) {
      const zip = buildZip([{ name, data: HELLO }]).toString('base64');
      const answer = await team1.request<{ error: string }>('POST', '/api/contests/sample/submissions', JSON.stringify({ problem_id: 'hello', language_id: 'python', files: [{ data: zip }] }), auth);
      assert.equal(answer.status, 400, name);
    }
    const after = await team1.get<unknown[]>('/api/contests/sample/submissions', basic('team3', 'team3-pass'));
    assert.equal(after.body.length, before.body.length);
    // A proper zip works, and a team cannot submit for another team.
    const good = buildZip([{ name: 'hello.py', data: HELLO }]).toString('base64');
    const ok = await team1.request<{ id: string }>('POST', '/api/contests/sample/submissions', JSON.stringify({ problem_id: 'hello', language_id: 'python', files: [{ data: good }] }), auth);
    assert.equal(ok.status, 202);
    const spoof = await team1.request('POST', '/api/contests/sample/submissions', JSON.stringify({ problem_id: 'hello', language_id: 'python', team_id: 'team1', files: [{ data: good }] }), auth);
    assert.equal(spoof.status, 403);
  });

  test('a flood from one team is rate limited (429) without hurting another team', async () => {
    const flooder = new PortalClient(server.url);
    await flooder.login('team4', 'team4-pass');
    const answers = await Promise.all(Array.from({ length: 25 }, () => submit(flooder, HELLO)));
    const statuses = answers.map((a) => a.status);
    assert.ok(statuses.filter((s) => s === 202).length <= 11, `accepted ${statuses.filter((s) => s === 202).length}`);
    assert.ok(statuses.includes(429));
    assert.match((answers.find((a) => a.status === 429)!.body as unknown as { error: string }).error, /too many submissions/);
    const other = new PortalClient(server.url);
    await other.login('team5', 'team5-pass');
    assert.equal((await submit(other, HELLO)).status, 202);
  });

  test('judge-only endpoints refuse team credentials; paths cannot escape', async () => {
    const team = basic('team1', 'team1-pass');
    assert.equal((await team1.get('/api/contests/sample/runs', team)).status, 403);
    const traversal = await team1.get('/api/portal/problems/..%2F..%2F..%2Fpackage.json/statement');
    assert.equal(traversal.status, 404);
    const asset = await team1.get<string>('/assets/..%2F..%2F..%2Fpackage.json');
    assert.ok(!String(asset.body).includes('"name": "verdict"'), 'package.json leaked');
  });

  test('statement images are served from the statement folder only', async () => {
    const image = await team1.get('/api/portal/problems/sum/statement-files/plus.svg');
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/svg+xml');
    assert.match(image.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    for (const name of ['problem.en.md', '..%2F..%2Fproblem.yaml', '..%2F..%2Fdata%2Fsecret%2F1.ans', 'missing.png']) {
      assert.equal((await team1.get(`/api/portal/problems/sum/statement-files/${name}`)).status, 404, name);
    }
  });

  test('a team cannot open live streams without limit', async () => {
    const opened: AbortController[] = [];
    let refused = 0;
    for (let i = 0; i < 15; i++) {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/api/portal/stream`, { headers: { cookie: (team2 as unknown as { cookie: string }).cookie }, signal: controller.signal });
      if (response.status === 429) refused++;
      else opened.push(controller);
    }
    for (const c of opened) c.abort();
    assert.equal(opened.length, 12);
    assert.equal(refused, 3);
  });

  test('/health reports the queue and workers', async () => {
    const health = await team1.get<{ ok: boolean; workers: number; queued: number; oldestQueuedAgeMs: number | null }>('/health', basic('judge', 'judge-pass'));
    // Teams and anonymous callers learn only whether the judge is in working order.
    assert.deepEqual((await new PortalClient(server.url).get('/health')).body, { ok: true });
    assert.deepEqual((await team1.get('/health')).body, { ok: true });
    assert.equal(health.body.ok, true);
    assert.equal(health.body.workers, 1);
    assert.equal(typeof health.body.queued, 'number');
  });
});

describe('the contest clock', () => {
  test('no submissions before the contest is scheduled', async () => {
    const closed = await testServer({ startUnscheduled: false });
    try {
      const client = new PortalClient(closed.url);
      await client.login('team1', 'team1-pass');
      const answer = await submit(client, HELLO);
      assert.equal(answer.status, 409);
      assert.match((answer.body as unknown as { error: string }).error, /not been scheduled/);
    } finally {
      await closed.close();
    }
  });

  test('no submissions after the end', async () => {
    const ended = await testServer({ now: () => Date.now() + 6 * 3_600_000 });
    try {
      const client = new PortalClient(ended.url);
      await client.login('team1', 'team1-pass');
      // The sample contest started "now" by the server's clock: its clock then says 6 h later.
      ended.context.store.contest.setTimes({ startTime: Date.now() });
      const answer = await submit(client, HELLO);
      assert.equal(answer.status, 409);
      assert.match((answer.body as unknown as { error: string }).error, /over/);
    } finally {
      await ended.close();
    }
  });
});

describe('clarifications, freeze and the event feed', () => {
  test('a private answer reaches only the asking team; a broadcast reaches everyone', async () => {
    const asked = await team1.post<{ id: string }>('/api/portal/clarifications', { problemId: 'hello', text: 'Is the comma required?' });
    assert.equal(asked.status, 201);
    const judge = { ...basic('judge', 'judge-pass'), 'content-type': 'application/json' };
    const reply = await team1.request('POST', '/api/contests/sample/clarifications', JSON.stringify({ text: 'Yes.', to_team_id: 'team1', reply_to_id: asked.body.id, problem_id: 'hello' }), judge);
    assert.equal(reply.status, 201);
    const broadcast = await team1.request('POST', '/api/contests/sample/clarifications', JSON.stringify({ text: 'Problem B has been clarified.' }), judge);
    assert.equal(broadcast.status, 201);
    const seen1 = (await team1.get<{ text: string }[]>('/api/portal/clarifications')).body.map((c) => c.text);
    const seen2 = (await team2.get<{ text: string }[]>('/api/portal/clarifications')).body.map((c) => c.text);
    assert.ok(seen1.includes('Is the comma required?') && seen1.includes('Yes.') && seen1.includes('Problem B has been clarified.'));
    assert.ok(!seen2.includes('Is the comma required?') && !seen2.includes('Yes.'), 'team2 saw team1\'s private clarification');
    assert.ok(seen2.includes('Problem B has been clarified.'));
    // A team cannot address other teams.
    const sneaky = await team2.post('/api/portal/clarifications', { problemId: null, text: '' });
    assert.equal(sneaky.status, 400);
  });

  test('the event feed resumes after since_token with only newer events', async () => {
    const judge = basic('judge', 'judge-pass');
    const all = String((await team1.get<string>('/api/contests/sample/event-feed?stream=false', judge)).body).trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(all.length > 5);
    const tokens = all.map((e) => Number(e.token));
    assert.deepEqual(tokens, [...tokens].sort((a, b) => a - b), 'tokens increase');
    const middle = all[Math.floor(all.length / 2)].token;
    const rest = String((await team1.get<string>(`/api/contests/sample/event-feed?stream=false&since_token=${middle}`, judge)).body).trim().split('\n').map((l) => JSON.parse(l));
    // Judging may still add events between the two reads: those come after everything read before.
    const expected = all.filter((e) => Number(e.token) > Number(middle)).map((e) => e.token);
    assert.deepEqual(rest.slice(0, expected.length).map((e) => e.token), expected);
    const last = Number(all.at(-1).token);
    assert.ok(rest.slice(expected.length).every((e) => Number(e.token) > last), 'only newer events follow');
    assert.ok(all.some((e) => e.type === 'contest' && e.id === null) && all.some((e) => e.type === 'problems') && all.some((e) => e.type === 'judgements'));
    // since_id (the 2020-03 name) is read as since_token.
    const sinceId = String((await team1.get<string>(`/api/contests/sample/event-feed?stream=false&since_id=${middle}`, judge)).body).trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(sinceId.slice(0, expected.length).map((e) => e.token), expected);
    // A token this feed never gave is a 400 with the Contest API's error body, at once.
    for (const bad of ['nonsense', '99999999', '-1']) {
      const refused = await team1.get<{ code: number; message: string }>(`/api/contests/sample/event-feed?since_token=${bad}`, judge);
      assert.equal(refused.status, 400, bad);
      assert.equal(refused.body.code, 400);
      assert.match(refused.body.message, /since_token/);
    }
  });

  test('during the freeze teams see a frozen scoreboard and judges the live one', async () => {
    const contest = server.context.store.contest.get()!;
    // Move the start back so that "now" falls inside the last hour (the freeze).
    server.context.store.contest.setTimes({ startTime: Date.now() - (contest.durationMs - contest.freezeMs) - 60_000 });
    try {
      const team3 = new PortalClient(server.url);
      await team3.login('team3', 'team3-pass');
      const sumSource = readFileSync(join(resourcePath('sample-contest'), 'sum', 'submissions', 'accepted', 'sum.py'), 'utf8');
      const late = await submit(team3, sumSource, undefined, 'sum');
      assert.equal(late.status, 202);
      await eventually(async () => (server.context.store.submissions.get(late.body.id)?.verdict ? true : undefined), 30_000, 'the late verdict');
      const publicBoard = await team2.get<{ frozen: boolean; rows: { teamId: string; problems: { pending: number; solved: boolean }[] }[] }>('/api/portal/scoreboard');
      assert.equal(publicBoard.body.frozen, true);
      const team3Row = publicBoard.body.rows.find((r) => r.teamId === 'team3')!;
      assert.equal(team3Row.problems[1].solved, false, 'a solve during the freeze is hidden');
      assert.ok(team3Row.problems[1].pending > 0, 'and shown as pending');
      const judgeBoard = await team2.get<{ frozen: boolean; rows: { teamId: string; problems: { solved: boolean }[] }[] }>('/api/portal/scoreboard', basic('judge', 'judge-pass'));
      assert.equal(judgeBoard.body.frozen, false);
      assert.equal(judgeBoard.body.rows.find((r) => r.teamId === 'team3')!.problems[1].solved, true);
    } finally {
      server.context.store.contest.setTimes({ startTime: contest.startTime });
    }
  });
});
