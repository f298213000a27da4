// CLICS conformance (Contest API 2026-01) over real HTTP, against Verdict's own schemas (clics/schemas.ts),
// strictly: every endpoint /access lists, collections and single objects, for the public, a team and a judge;
// the live and a resumed event feed, each line a notification of the schemas and every object created before
// anything refers to it; the feed's last word on each object equal to what its endpoint serves; and a contest
// package exported from the same store. A hidden team (with a group and an organization of its own) is there
// to show it reaches the judges only.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as S from '../clics/schemas.ts';
import { exportContestPackage } from '../export/contestPackage.ts';
import { resourcePath } from '../common/paths.ts';
import { assertCollection, assertConforms, assertFeed, integrityProblems } from '../test-support/clicsCheck.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';

const HELLO = 'print("Hello, World!")\n';
const WRONG = 'print("Hello World")\n';

type Feed = ReturnType<typeof assertFeed>;

/** The objects a feed leaves, by type and id (singletons under ''), deletions applied. */
function fold(feed: Feed): Map<S.ClicsType, Map<string, unknown>> {
  const out = new Map<S.ClicsType, Map<string, unknown>>();
  for (const e of feed) {
    const objects = out.get(e.type) ?? new Map<string, unknown>();
    out.set(e.type, objects);
    if (e.data === null) objects.delete(e.id ?? '');
    else objects.set(e.id ?? '', e.data);
  }
  return out;
}

describe('CLICS conformance', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  const scratch = mkdtempSync(join(tmpdir(), 'verdict-clics-'));
  const judge = basic('judge', 'judge-pass');
  const team = basic('team1', 'team1-pass');
  const roles = { public: {}, team, judge } as const;

  const get = async <T = unknown>(path: string, headers: Record<string, string>): Promise<{ status: number; body: T; type: string | null }> => {
    const response = await fetch(server.url + path, { headers });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, type: response.headers.get('content-type') };
  };
  const feedOf = async (headers: Record<string, string>, query = ''): Promise<Feed> => {
    const response = await fetch(`${server.url}/api/contests/sample/event-feed?stream=false${query}`, { headers });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    return assertFeed(await response.text(), `the feed ${query}`);
  };

  before(async () => {
    // The sample contest with one hidden team more, which names a group and an organization no one else does.
    const contestDir = join(scratch, 'contest');
    cpSync(resourcePath('sample-contest'), contestDir, { recursive: true });
    const teams = JSON.parse(readFileSync(join(contestDir, 'teams.json'), 'utf8')) as Record<string, unknown>[];
    teams.push({ id: 'observer', name: 'Observers', display_name: 'Observers', organization_id: 'jury-org', group_ids: ['observers'], hidden: true });
    writeFileSync(join(contestDir, 'teams.json'), JSON.stringify(teams));
    server = await testServer({ contestDir, workers: 1 });
    const portal = new PortalClient(server.url);
    await portal.login('team1', 'team1-pass');
    for (const [fileName, source] of [['a.py', HELLO], ['b.py', WRONG]]) {
      assert.equal((await portal.post('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName, source })).status, 202);
    }
    // A question, a private answer to it, and an announcement to everyone.
    const asked = await get<{ id: string }>('/api/contests/sample/clarifications', team).then(() =>
      portal.request<{ id: string }>('POST', '/api/contests/sample/clarifications', JSON.stringify({ problem_id: 'hello', text: 'Is the output case-sensitive?' }), { 'content-type': 'application/json', ...team }),
    );
    assert.equal(asked.status, 201);
    for (const body of [{ text: 'Yes.', reply_to_id: asked.body.id, to_team_ids: ['team1'] }, { text: 'Read the statement.' }]) {
      const answered = await portal.request('POST', '/api/contests/sample/clarifications', JSON.stringify(body), { 'content-type': 'application/json', ...judge });
      assert.equal(answered.status, 201);
      assert.match(answered.headers.get('location') ?? '', /^\/api\/contests\/sample\/clarifications\/\d+$/);
    }
    await eventually(async () => {
      const judgements = (await get<{ end_time: string | null }[]>('/api/contests/sample/judgements', judge)).body;
      return judgements.length >= 2 && judgements.every((j) => j.end_time !== null) ? true : undefined;
    }, 60_000, 'both submissions judged');
  });
  after(async () => {
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('/api and /api/ name the version implemented; /access lists exactly what each caller gets', async () => {
    for (const path of ['/api', '/api/']) {
      const info = await get<S.ClicsApiInfo>(path, {});
      assert.equal(info.status, 200);
      assertConforms(S.ApiInfo, info.body, path);
      assert.equal(info.body.version, '2026-01');
    }
    const contests = await get('/api/contests', {});
    assertCollection('contest', contests.body, '/api/contests');
    for (const [role, headers] of Object.entries(roles)) {
      const access = await get<S.ClicsAccess>('/api/contests/sample/access', headers);
      assert.equal(access.status, 200, role);
      assertConforms(S.Access, access.body, `access of ${role}`);
      const types = access.body.endpoints.map((e) => e.type);
      assert.ok(types.includes('contest') && types.includes('teams') && types.includes('awards'), role);
      assert.equal(types.includes('runs'), role === 'judge', `runs are the judges' (${role})`);
      assert.equal(types.includes('submissions'), role !== 'public', role);
      // Referential integrity of /access itself: whatever a listed property refers to is listed too.
      if (types.includes('submissions')) for (const t of ['languages', 'problems', 'teams'] as const) assert.ok(types.includes(t), `${role}: ${t}`);
    }
    assert.deepEqual((await get<S.ClicsAccess>('/api/contests/sample/access', team)).body.capabilities, ['team_submit', 'post_clar']);
    assert.equal((await get('/api/contests/sample/account', {})).status, 401);
    const account = await get('/api/contests/sample/account', team);
    assertConforms(S.Account, account.body, 'account');
    // Accounts: a team sees its own, the judges all of them; never a password.
    assert.deepEqual((await get('/api/contests/sample/accounts', team)).body, [account.body]);
    const accounts = (await get<S.ClicsObject<'accounts'>[]>('/api/contests/sample/accounts', judge)).body;
    assert.ok(accounts.some((a) => a.type === 'judge') && accounts.filter((a) => a.type === 'team').length > 1);
    assert.equal((await get('/api/contests/sample/accounts', {})).status, 401);
  });

  test('every endpoint /access lists, collection and single object, conforms for the public, a team and a judge', async () => {
    for (const [role, headers] of Object.entries(roles)) {
      const access = (await get<S.ClicsAccess>('/api/contests/sample/access', headers)).body;
      for (const { type, properties } of access.endpoints) {
        const schema = S.OBJECT_SCHEMAS[type as S.ClicsType];
        assert.ok(schema, `${type}: a type of ours`);
        assert.deepEqual(properties, Object.keys(schema.properties), `${role} ${type}: /access lists the schema's properties`);
        if (S.SINGLETON_TYPES.has(type as S.ClicsType)) {
          const path = type === 'contest' ? '/api/contests/sample' : `/api/contests/sample/${type}`;
          const one = await get(path, headers);
          assert.equal(one.status, 200, `${role} ${path}`);
          assertConforms(schema, one.body, `${role} ${path}`);
          continue;
        }
        const path = `/api/contests/sample/${type}`;
        const list = await get<{ id: string }[]>(path, headers);
        assert.equal(list.status, 200, `${role} ${path}`);
        assertCollection(type as S.ClicsType, list.body, `${role} ${path}`);
        if (type !== 'awards' || role === 'judge') assert.ok(list.body.length > 0, `${role} ${path}: something to check`);
        for (const item of list.body.slice(0, 3)) {
          const one = await get(`${path}/${encodeURIComponent(item.id)}`, headers);
          assert.equal(one.status, 200, `${role} ${path}/${item.id}`);
          assert.deepEqual(one.body, item, `${role} ${path}/${item.id}: the same object as in the collection`);
        }
        const missing = await get<S.ClicsErrorBody>(`${path}/no-such-id`, headers);
        assert.equal(missing.status, 404);
        assertConforms(S.ErrorBody, missing.body, `${role} ${path}/no-such-id`);
      }
      const board = await get('/api/contests/sample/scoreboard', headers);
      assertConforms(S.Scoreboard, board.body, `${role} scoreboard`);
    }
    // The hidden team is the judges' only, and so are the group and the organization only it belongs to.
    for (const [role, headers] of Object.entries(roles)) {
      const judges = role === 'judge';
      for (const [type, id] of [['teams', 'observer'], ['groups', 'observers'], ['organizations', 'jury-org']]) {
        const ids = (await get<{ id: string }[]>(`/api/contests/sample/${type}`, headers)).body.map((o) => o.id);
        assert.equal(ids.includes(id), judges, `${role}: /${type} lists ${id}`);
        assert.equal((await get(`/api/contests/sample/${type}/${id}`, headers)).status, judges ? 200 : 404, `${role}: /${type}/${id}`);
      }
      // What visible teams belong to stays public.
      assert.ok((await get<{ id: string }[]>('/api/contests/sample/groups', headers)).body.length > 0, `${role}: the other groups`);
    }
    // Filtering on ID properties: empty means null.
    const fromTeam1 = (await get<{ from_team_id: string | null }[]>('/api/contests/sample/clarifications?from_team_id=team1', judge)).body;
    assert.ok(fromTeam1.length === 1 && fromTeam1[0].from_team_id === 'team1');
    const fromJudges = (await get<{ from_team_id: string | null }[]>('/api/contests/sample/clarifications?from_team_id=', judge)).body;
    assert.ok(fromJudges.length === 2 && fromJudges.every((c) => c.from_team_id === null));
    // An error is {code, message}.
    const refused = await get<S.ClicsErrorBody>('/api/contests/sample/runs', team);
    assert.equal(refused.status, 403);
    assertConforms(S.ErrorBody, refused.body, 'a refusal');
  });

  test('the event feed: notifications of the schemas, every object created before it is referred to, its last word what the endpoints serve', async () => {
    for (const [role, headers] of [['team', team], ['judge', judge]] as const) {
      const feed = await feedOf(headers);
      assert.deepEqual(integrityProblems(feed), [], `${role}'s feed`);
      const state = fold(feed);
      for (const type of S.CLICS_TYPES) {
        if (S.SINGLETON_TYPES.has(type)) continue;
        const objects = state.get(type);
        if (!objects) continue;
        const served = (await get<{ id: string }[]>(`/api/contests/sample/${type}`, headers)).body;
        // Awards are worked out again at most every 2 s: the feed may be behind the standings, never behind the endpoint.
        assert.deepEqual(
          [...objects.values()].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
          [...served].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
          `${role}: ${type} as the feed leaves them and as /${type} serves them`,
        );
      }
      assert.deepEqual(state.get('contest')?.get(''), (await get('/api/contests/sample', headers)).body);
      for (const [type, id] of [['teams', 'observer'], ['groups', 'observers'], ['organizations', 'jury-org']] as const) {
        assert.equal(feed.some((e) => e.type === type && e.id === id), role === 'judge', `${role}'s feed: ${type} ${id}, of the hidden team`);
      }
      assert.equal(feed.some((e) => e.type === 'runs'), role === 'judge', `${role}: runs`);
    }
    // Resumed after a token: only what follows it, still notifications of the schemas.
    const all = await feedOf(judge);
    const middle = all[Math.floor(all.length / 2)].token;
    const rest = await feedOf(judge, `&since_token=${middle}`);
    assert.deepEqual(
      rest.map((e) => e.token).slice(0, all.length - all.findIndex((e) => e.token === middle) - 1),
      all.slice(all.findIndex((e) => e.token === middle) + 1).map((e) => e.token),
    );
    const refused = await fetch(`${server.url}/api/contests/sample/event-feed?since_token=12345678901`, { headers: judge });
    assert.equal(refused.status, 400);
    assertConforms(S.ErrorBody, await refused.json(), 'a refused since_token');
  });

  test('the live feed: what happens while it is open conforms and refers only to what exists', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/contests/sample/event-feed`, { headers: judge, signal: controller.signal });
    const reader = response.body!.getReader();
    let text = '';
    let submissionId = '';
    const decoder = new TextDecoder();
    try {
      const portal = new PortalClient(server.url);
      await portal.login('team2', 'team2-pass');
      const sent = await portal.post<{ id: string }>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'c.py', source: HELLO });
      assert.equal(sent.status, 202);
      submissionId = sent.body.id;
      // Until the new submission's judgement has ended, live.
      const done = new RegExp(`"type":"judgements".*"submission_id":"${sent.body.id}".*"end_time":"`);
      const deadline = Date.now() + 60_000;
      while (!text.split('\n').some((line) => done.test(line))) {
        assert.ok(Date.now() < deadline, 'the judgement arrived live');
        const { value, done: ended } = await reader.read();
        assert.ok(!ended, 'the feed stays open');
        text += decoder.decode(value, { stream: true });
      }
    } finally {
      controller.abort();
    }
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const feed = assertFeed(complete, 'the live feed');
    assert.deepEqual(integrityProblems(feed), []);
    // Runs are published as their tests finish: all of the new judgement's before its verdict, none after.
    const verdictAt = feed.findIndex((e) => e.type === 'judgements' && e.data?.submission_id === submissionId && e.data.end_time);
    const judgementId = feed[verdictAt].id;
    const runs = feed.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'runs' && e.data?.judgement_id === judgementId);
    assert.ok(runs.length > 0 && runs.every(([, i]) => i < verdictAt), 'every run before the verdict');
  });

  test('an exported contest package conforms, and its feed is whole', async () => {
    const out = join(scratch, 'package');
    await exportContestPackage(server.context.store, out, { now: server.context.now() });
    const read = (name: string): unknown => JSON.parse(readFileSync(join(out, name), 'utf8'));
    assertConforms(S.ApiInfo, read('api.json'), 'api.json');
    assertConforms(S.Contest, read('contest.json'), 'contest.json');
    assertConforms(S.State, read('state.json'), 'state.json');
    assertConforms(S.Scoreboard, read('scoreboard.json'), 'scoreboard.json');
    const files: [string, S.ClicsType][] = [
      ['judgement-types.json', 'judgement-types'],
      ['languages.json', 'languages'],
      ['problems.json', 'problems'],
      ['groups.json', 'groups'],
      ['organizations.json', 'organizations'],
      ['teams.json', 'teams'],
      ['submissions.json', 'submissions'],
      ['judgements.json', 'judgements'],
      ['runs.json', 'runs'],
      ['clarifications.json', 'clarifications'],
      ['awards.json', 'awards'],
    ];
    for (const [name, type] of files) assertCollection(type, read(name), name);
    const feed = assertFeed(readFileSync(join(out, 'event-feed.ndjson'), 'utf8'), 'event-feed.ndjson');
    assert.deepEqual(integrityProblems(feed), []);
    assert.deepEqual(fold(feed).get('contest')?.get(''), read('contest.json'), 'the last contest event is contest.json');
    // Each submission's files.zip, as its object says.
    for (const s of read('submissions.json') as S.ClicsSubmission[]) assert.deepEqual(readdirSync(join(out, 'submissions', s.id)), [s.files[0].filename]);
  });

  // Last: it ends the contest.
  test('finalisation: refused while the contest runs; once over, released and final, end_of_updates is the last event and the feed ends there', async () => {
    const consoleCall = (method: string, ...args: unknown[]) =>
      fetch(`${server.url}/api/console/${method}`, { method: 'POST', body: JSON.stringify(args), headers: { 'content-type': 'application/json', ...judge } });
    assert.equal((await consoleCall('finalizeResults')).status, 409, 'the contest runs');
    // A streaming feed, open before the end.
    const controller = new AbortController();
    const streaming = await fetch(`${server.url}/api/contests/sample/event-feed`, { headers: judge, signal: controller.signal });
    const { store } = server.context;
    const contest = store.contest.get()!;
    try {
      store.contest.setTimes({ startTime: server.context.now() - contest.durationMs - 1000 });
      store.contest.refreshState(server.context.now());
      // Every question is answered (the first one privately, above) and every submission judged.
      await eventually(async () => (store.submissions.list().every((s) => s.verdict !== null) ? true : undefined), 60_000, 'all judged');
      assert.equal((await consoleCall('finalizeResults')).status, 200);
      assert.equal((await get<S.ClicsState>('/api/contests/sample/state', {})).body.end_of_updates, null, 'frozen and not thawed yet: updates may still come');
      assert.equal((await consoleCall('setThawed', true)).status, 200);
      const state = (await get<S.ClicsState>('/api/contests/sample/state', {})).body;
      assertConforms(S.State, state, 'the final state');
      assert.ok(state.finalized !== null && state.thawed !== null && state.end_of_updates !== null);
      assert.equal((await consoleCall('setThawed', false)).status, 409, 'a release after the contest is for good');
      // The streaming feed ended by itself, its last line the state with end_of_updates.
      const lines = assertFeed(await streaming.text(), 'the streaming feed');
      assert.equal(lines.at(-1)?.type, 'state');
      assert.ok(lines.at(-1)?.data?.end_of_updates);
      assert.deepEqual(integrityProblems(lines), []);
      // A feed read afterwards ends there too.
      const reread = await feedOf(judge);
      assert.deepEqual(reread.at(-1), lines.at(-1));
      // The awards went to everyone with the release, before the contest closed: a team's feed has them all.
      const awards = (await get<S.ClicsAward[]>('/api/contests/sample/awards', {})).body;
      assert.ok(awards.length > 0);
      const teamFeed = await feedOf(team);
      assert.equal(teamFeed.at(-1)?.type, 'state');
      const byId = (list: S.ClicsAward[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(byId([...(fold(teamFeed).get('awards')?.values() ?? [])] as S.ClicsAward[]), byId(awards));

      // Closed for updates: every change is refused, with the API's error body or the console's words.
      const clicsPost = async (what: string, body: unknown, headers: Record<string, string>) => {
        const response = await fetch(`${server.url}/api/contests/sample/${what}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
        return { status: response.status, body: (await response.json()) as { code: number; message: string } };
      };
      const zip = (await fetch(`${server.url}/api/contests/sample/submissions/1/files`, { headers: judge })).arrayBuffer();
      const submission = await clicsPost('submissions', { problem_id: 'hello', language_id: 'python', team_id: 'team1', files: [{ data: Buffer.from(await zip).toString('base64') }] }, judge);
      assert.equal(submission.status, 409);
      assert.equal(submission.body.code, 409);
      assert.match(submission.body.message, /submissions are closed/);
      const question = await clicsPost('clarifications', { text: 'Can we still ask?' }, team);
      assert.deepEqual([question.status, question.body.code], [409, 409]);
      assert.match(question.body.message, /a clarification refused: the contest is closed for updates/);
      const override = await consoleCall('overrideVerdict', '2', 'AC', 'lenient after all');
      assert.equal(override.status, 409);
      assert.match(((await override.json()) as { error: string }).error, /overriding the verdict of submission 2 refused: the results are final/);
      const rejudge = await consoleCall('createRejudging', { problemIds: ['hello'] }, 'too late');
      assert.equal(rejudge.status, 409);
      assert.match(((await rejudge.json()) as { error: string }).error, /a rejudging refused/);
      assert.deepEqual(await feedOf(judge), reread, 'nothing was announced after end_of_updates');
    } finally {
      controller.abort();
    }
  });
});
