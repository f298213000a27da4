// The Contest API's methods besides GET and POST, over real HTTP: PATCH of the contest (its start set or
// cleared, the scoreboard thawed) for judges only, with the spec's checks and error bodies, and 405 with
// Allow for a method a path does not support.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as S from '../clics/schemas.ts';
import { clicsTime } from '../clics/time.ts';
import { assertConforms } from '../test-support/clicsCheck.ts';
import { basic, testServer } from '../test-support/http.ts';

const HOUR_MS = 3_600_000;

describe('CLICS PATCH and 405', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  const judge = basic('judge', 'judge-pass');
  const team = basic('team1', 'team1-pass');

  before(async () => {
    // Not started: its start is the judges' to set.
    server = await testServer({ startUnscheduled: false });
  });
  after(() => server.close());

  const send = async <T = S.ClicsErrorBody>(method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(server.url + path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, allow: response.headers.get('allow'), body: (text ? JSON.parse(text) : null) as T };
  };
  const patch = <T = S.ClicsErrorBody>(body: unknown, headers: Record<string, string> = judge) => send<T>('PATCH', '/api/contests/sample', body, headers);
  const contest = async () => (await send<S.ClicsContest>('GET', '/api/contests/sample', undefined, {})).body;

  test('judges have contest_start and contest_thaw; teams and the public do not', async () => {
    const capabilities = async (headers: Record<string, string>) => (await send<S.ClicsAccess>('GET', '/api/contests/sample/access', undefined, headers)).body.capabilities;
    assert.ok((await capabilities(judge)).includes('contest_start') && (await capabilities(judge)).includes('contest_thaw'));
    assert.ok(!(await capabilities(team)).includes('contest_start'));
    assert.deepEqual(await capabilities({}), []);
  });

  test('PATCH start_time: set and cleared before the start; refused when it does not fit, for others, once started', async () => {
    const start = server.context.now() + HOUR_MS;
    const set = await patch<S.ClicsContest>({ id: 'sample', start_time: clicsTime(start) });
    assert.equal(set.status, 200);
    assertConforms(S.Contest, set.body, 'the contest PATCH answers with');
    assert.equal(set.body.start_time, clicsTime(start));
    assert.deepEqual(await contest(), set.body);
    // Another zone's notation of the same kind of moment.
    const later = await patch<S.ClicsContest>({ id: 'sample', start_time: '2099-06-25T10:00:00+01' });
    assert.equal(later.body.start_time, '2099-06-25T09:00:00.000Z');
    const cleared = await patch<S.ClicsContest>({ id: 'sample', start_time: null });
    assert.equal(cleared.status, 200);
    assert.equal((await contest()).start_time, null);

    const refusals: [unknown, Record<string, string>, number, RegExp][] = [
      [{ id: 'other', start_time: null }, judge, 409, /does not match/],
      [{ id: 'sample', start_time: clicsTime(server.context.now() - 1000) }, judge, 403, /in the past or within 30 s/],
      [{ id: 'sample', start_time: clicsTime(server.context.now() + 10_000) }, judge, 403, /within 30 s/],
      [{ id: 'sample', start_time: 'tomorrow' }, judge, 400, /not a TIME/],
      [{ id: 'sample', start_time: null, countdown_pause_time: '0:10:00' }, judge, 400, /countdown/],
      [{ id: 'sample' }, judge, 400, /missing/],
      [{ id: 'sample', start_time: null }, team, 403, /./],
    ];
    for (const [body, headers, status, message] of refusals) {
      const answer = await patch(body, headers);
      assert.equal(answer.status, status, JSON.stringify(body));
      assertConforms(S.ErrorBody, answer.body, JSON.stringify(body));
      assert.match(answer.body.message, message);
    }
    assert.equal((await patch({ id: 'sample', start_time: null }, {})).status, 401);

    // Started: its start stays.
    server.context.store.contest.setTimes({ startTime: server.context.now() - 1000 });
    const started = await patch({ id: 'sample', start_time: clicsTime(server.context.now() + HOUR_MS) });
    assert.equal(started.status, 403);
    assert.match(started.body.message, /has started/);
  });

  test('PATCH scoreboard_thaw_time: after the end, at once; a later time, a second thaw or a thaw before the end refused', async () => {
    const { store } = server.context;
    const duration = store.contest.get()!.durationMs;
    store.contest.setTimes({ startTime: server.context.now() - duration + HOUR_MS / 2 });
    const early = await patch({ id: 'sample', scoreboard_thaw_time: clicsTime(server.context.now()) });
    assert.deepEqual([early.status, early.body.message], [403, 'the contest has not ended: it cannot be thawed yet']);
    store.contest.setTimes({ startTime: server.context.now() - duration - 1000 });
    store.contest.refreshState(server.context.now());
    const later = await patch({ id: 'sample', scoreboard_thaw_time: clicsTime(server.context.now() + HOUR_MS) });
    assert.equal(later.status, 403);
    assert.match(later.body.message, /at once/);
    assert.equal((await send<S.ClicsState>('GET', '/api/contests/sample/state', undefined, {})).body.thawed, null);

    const thawed = await patch<S.ClicsContest>({ id: 'sample', scoreboard_thaw_time: clicsTime(server.context.now() - 1000) });
    assert.equal(thawed.status, 200);
    assertConforms(S.Contest, thawed.body, 'the thaw answers with');
    assert.notEqual((await send<S.ClicsState>('GET', '/api/contests/sample/state', undefined, {})).body.thawed, null);
    const again = await patch({ id: 'sample', scoreboard_thaw_time: clicsTime(server.context.now()) });
    assert.deepEqual([again.status, again.body.message], [403, 'the scoreboard is already thawed']);
  });

  test('a method a path does not support: 405, its methods in Allow, the error body of the spec', async () => {
    const cases: [string, string, string][] = [
      ['PUT', '/api/contests/sample/teams', 'GET, HEAD'],
      ['DELETE', '/api/contests/sample/teams/team1', 'GET, HEAD'],
      ['DELETE', '/api/contests/sample', 'GET, HEAD, PATCH'],
      ['POST', '/api/contests/sample/scoreboard', 'GET, HEAD'],
      ['PATCH', '/api/contests/sample/submissions', 'GET, HEAD, POST'],
      ['POST', '/api/', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const answer = await send(method, path, {}, judge);
      assert.equal(answer.status, 405, `${method} ${path}`);
      assert.equal(answer.allow, allow, `${method} ${path}`);
      assertConforms(S.ErrorBody, answer.body, `${method} ${path}`);
      assert.equal(answer.body.code, 405);
    }
    // A path the API does not have stays 404.
    assert.equal((await send('PUT', '/api/contests/sample/nothing', {}, judge)).status, 404);
  });

  test('persons and commentary are not offered: 404 for everyone, and no /access lists them', async () => {
    // "access ... specifies which other endpoints are offered by the API": Verdict has neither concept.
    const admin = basic('admin', 'admin-pass');
    for (const headers of [{}, team, judge, admin]) {
      const access = (await send<S.ClicsAccess>('GET', '/api/contests/sample/access', undefined, headers)).body;
      assert.ok(access.endpoints.length > 0);
      assert.deepEqual(access.endpoints.filter((e) => e.type === 'persons' || e.type === 'commentary'), []);
      assert.ok(!access.capabilities.includes('post_comment'));
      for (const path of ['persons', 'persons/p1', 'commentary', 'commentary/c1']) {
        const answer = await send('GET', `/api/contests/sample/${path}`, undefined, headers);
        assert.equal(answer.status, 404, path);
        assertConforms(S.ErrorBody, answer.body, path);
      }
    }
    assert.equal((await send('POST', '/api/contests/sample/commentary', { message: 'Hello' }, admin)).status, 404);
  });
});
