// The Contest API's admin writes over real HTTP ("Modifying submissions", "Modifying clarifications"): an
// admin PUTs a submission or a clarification with the id it chose and POSTs one with its time (admin_submit,
// admin_clar), as a proxy CCS forwarding what it took in while the central one was out of reach. Judges and
// teams still leave id and time to the server; an id in use is 409, one Verdict cannot hold 400.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as S from '../clics/schemas.ts';
import { clicsTime, relTime } from '../clics/time.ts';
import { storedZip } from '../export/zip.ts';
import { assertConforms } from '../test-support/clicsCheck.ts';
import { basic, testServer } from '../test-support/http.ts';

const HELLO = 'print("Hello, World!")\n';

describe('CLICS PUT and admin POST', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  const admin = basic('admin', 'admin-pass');
  const judge = basic('judge', 'judge-pass');
  const team1 = basic('team1', 'team1-pass');
  const team2 = basic('team2', 'team2-pass');
  const files = [{ data: storedZip([{ name: 'hello.py', data: Buffer.from(HELLO), mtime: Date.now() }]).toString('base64') }];

  before(async () => {
    server = await testServer();
  });
  after(() => server.close());

  const send = async <T = S.ClicsErrorBody>(method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(`${server.url}/api/contests/sample/${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, location: response.headers.get('location'), body: (text ? JSON.parse(text) : null) as T };
  };
  const startTime = () => server.context.store.contest.get()!.startTime!;
  /** A moment of the contest that has passed (or is within the allowed clock skew). */
  const during = (afterStartMs: number) => clicsTime(startTime() + afterStartMs);
  const submission = (extra: Record<string, unknown>) => ({ problem_id: 'hello', language_id: 'python', team_id: 'team1', files, ...extra });

  test('admins have admin_submit and admin_clar; judges and teams do not', async () => {
    const capabilities = async (headers: Record<string, string>) => (await send<S.ClicsAccess>('GET', 'access', undefined, headers)).body.capabilities;
    const ofAdmin = await capabilities(admin);
    assert.ok(ofAdmin.includes('admin_submit') && ofAdmin.includes('admin_clar') && ofAdmin.includes('proxy_submit'));
    for (const headers of [judge, team1]) assert.ok(!(await capabilities(headers)).some((c) => c.startsWith('admin_')));
  });

  test('PUT of a submission: the chosen id and time kept, served, announced; the store numbers on after it', async () => {
    const time = during(250);
    const put = await send<S.ClicsSubmission>('PUT', 'submissions/7000', submission({ id: '7000', time }), admin);
    assert.equal(put.status, 202, JSON.stringify(put.body));
    assert.equal(put.location, '/api/contests/sample/submissions/7000');
    assertConforms(S.OBJECT_SCHEMAS.submissions, put.body, 'the PUT answers with');
    assert.equal(put.body.id, '7000');
    assert.equal(put.body.time, time);
    assert.equal(put.body.contest_time, relTime(250));
    assert.deepEqual((await send('GET', 'submissions/7000', undefined, judge)).body, put.body);
    // The team's own, as any other.
    assert.equal((await send<S.ClicsSubmission>('GET', 'submissions/7000', undefined, team1)).body.team_id, 'team1');
    const feed = await (await fetch(`${server.url}/api/contests/sample/event-feed?stream=false`, { headers: judge })).text();
    assert.match(feed, /"type":"submissions","id":"7000","data":\{"id":"7000"/);

    const next = await send<S.ClicsSubmission>('POST', 'submissions', submission({}), team1);
    assert.equal(next.status, 202);
    assert.equal(next.body.id, '7001');
  });

  test('PUT of a submission refused: an id in use (409), one Verdict cannot hold, another URL, no time, not an admin', async () => {
    assert.equal((await send('PUT', 'submissions/7100', submission({ id: '7100', time: during(300) }), admin)).status, 202);
    const refusals: [string, unknown, Record<string, string>, number, RegExp][] = [
      ['7100', submission({ id: '7100', time: during(300) }), admin, 409, /submission 7100 already exists/],
      ['site1-42', submission({ id: 'site1-42', time: during(300) }), admin, 400, /whole numbers/],
      ['0042', submission({ id: '0042', time: during(300) }), admin, 400, /without leading zeros/],
      ['7101', submission({ id: '7102', time: during(300) }), admin, 409, /does not match the URL/],
      ['7101', submission({ time: during(300) }), admin, 400, /id: required/],
      ['7101', submission({ id: '7101' }), admin, 400, /time: required/],
      ['7101', submission({ id: '7101', time: 'yesterday' }), admin, 400, /not a TIME/],
      ['7101', submission({ id: '7101', time: clicsTime(Date.now() + 3_600_000) }), admin, 400, /in the future/],
      ['7101', submission({ id: '7101', time: during(300), contest_time: '0:00:01.000' }), admin, 400, /is not the contest time/],
      ['7101', submission({ id: '7101', time: during(-60_000) }), admin, 409, /has not started/],
      ['7101', submission({ id: '7101', team_id: 'nobody', time: during(300) }), admin, 400, /existing team_id/],
      ['7101', submission({ id: '7101', time: during(300) }), judge, 403, /admin_submit/],
      ['7101', submission({ id: '7101', time: during(300) }), team1, 403, /./],
    ];
    for (const [id, body, headers, status, message] of refusals) {
      const answer = await send('PUT', `submissions/${id}`, body, headers);
      assert.equal(answer.status, status, JSON.stringify(body));
      assertConforms(S.ErrorBody, answer.body, JSON.stringify(body));
      assert.equal(answer.body.code, status);
      assert.match(answer.body.message, message, JSON.stringify(body));
    }
    assert.equal((await send('GET', 'submissions/7101', undefined, judge)).status, 404, 'nothing refused was stored');
    // A contest_time that says the same moment as the time is taken.
    const agreeing = await send<S.ClicsSubmission>('PUT', 'submissions/7101', submission({ id: '7101', time: during(300), contest_time: relTime(300) }), admin);
    assert.equal(agreeing.status, 202, JSON.stringify(agreeing.body));
  });

  test('POST with a time: an admin\'s kept; a POST with an id, and a judge\'s or a team\'s time, refused', async () => {
    const time = during(400);
    const posted = await send<S.ClicsSubmission>('POST', 'submissions', submission({ time }), admin);
    assert.equal(posted.status, 202, JSON.stringify(posted.body));
    assert.equal(posted.body.time, time);
    assert.match(posted.location ?? '', new RegExp(`/submissions/${posted.body.id}$`));
    for (const [body, headers, message] of [
      [submission({ id: '7200', time }), admin, /id must not be provided/],
      [submission({ time }), judge, /time must not be provided/],
      [submission({ team_id: undefined, time }), team1, /time must not be provided/],
      [submission({ contest_time: relTime(400) }), judge, /contest_time must not be provided/],
    ] as const) {
      const answer = await send('POST', 'submissions', body, headers);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(answer.body.message, message);
    }
  });

  test('PUT of a clarification: an admin relays a team\'s question with its id and time; the team sees it, another does not', async () => {
    const time = during(500);
    const put = await send<S.ClicsClarification>('PUT', 'clarifications/900', { id: '900', from_team_id: 'team2', problem_id: 'hello', text: 'Is the comma required?', time }, admin);
    assert.equal(put.status, 201, JSON.stringify(put.body));
    assert.equal(put.location, '/api/contests/sample/clarifications/900');
    assertConforms(S.OBJECT_SCHEMAS.clarifications, put.body, 'the PUT answers with');
    assert.deepEqual({ ...put.body }, { id: '900', from_team_id: 'team2', to_team_id: null, reply_to_id: null, problem_id: 'hello', text: 'Is the comma required?', time, contest_time: relTime(500) });
    assert.ok((await send<S.ClicsClarification[]>('GET', 'clarifications', undefined, team2)).body.some((c) => c.id === '900'));
    assert.ok(!(await send<S.ClicsClarification[]>('GET', 'clarifications', undefined, team1)).body.some((c) => c.id === '900'));
    // The answer, POSTed by the admin with its time, to team2 alone.
    const answer = await send<S.ClicsClarification>('POST', 'clarifications', { reply_to_id: '900', to_team_ids: ['team2'], text: 'Yes.', time: during(600) }, admin);
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    assert.equal(answer.body.time, during(600));
    assert.equal(answer.body.to_team_id, 'team2');
    assert.equal(answer.body.id, '901', 'numbered on after the chosen id');

    const refusals: [string, unknown, Record<string, string>, number, RegExp][] = [
      ['900', { id: '900', text: 'Again', time }, admin, 409, /clarification 900 already exists/],
      ['clar-1', { id: 'clar-1', text: 'Hm', time }, admin, 400, /whole numbers/],
      ['920', { id: '920', text: 'Hm' }, admin, 400, /time: required/],
      ['920', { id: '920', text: 'Hm', time, from_team_id: 'team2', to_team_ids: ['team1'] }, admin, 400, /question or the judges' answer/],
      ['920', { id: '920', text: 'Hm', time, from_team_id: 'nobody' }, admin, 404, /unknown team nobody/],
      ['920', { id: '920', text: 'Hm', time }, judge, 403, /admin_clar/],
      ['920', { id: '920', text: 'Hm', time }, team1, 403, /./],
    ];
    for (const [id, body, headers, status, message] of refusals) {
      const refused = await send('PUT', `clarifications/${id}`, body, headers);
      assert.equal(refused.status, status, JSON.stringify(body));
      assert.equal(refused.body.code, status);
      assert.match(refused.body.message, message, JSON.stringify(body));
    }
    assert.equal((await send('GET', 'clarifications/920', undefined, judge)).status, 404, 'nothing refused was stored');
  });

  test('POST of a clarification: a judge\'s from_team_id, time or groups refused; a team\'s time and id refused', async () => {
    for (const [body, headers, message] of [
      [{ text: 'Hm', from_team_id: 'team2' }, judge, /from_team_id must not be provided/],
      [{ text: 'Hm', time: during(700) }, judge, /time must not be provided/],
      [{ text: 'Hm', to_group_ids: ['participants'] }, judge, /not groups/],
      [{ text: 'Hm', time: during(700) }, team1, /time must not be provided/],
      [{ text: 'Hm', id: '950' }, team1, /id must not be provided/],
      [{ text: 'Hm', id: '950', time: during(700) }, admin, /id must not be provided/],
    ] as const) {
      const answer = await send('POST', 'clarifications', body, headers);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(answer.body.message, message, JSON.stringify(body));
    }
  });
});
