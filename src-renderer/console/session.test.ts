import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Me } from '../../src-main/shared/portalApi.ts';
import { HttpError } from '../shared/http.ts';
import { isJudgeAccount, login, NOT_A_JUDGE, NotAJudgeError, restore } from './session.ts';
import { createHttpClient } from './transport/httpClient.ts';

const me = (type: Me['account']['type']): Me => ({
  account: { id: '1', username: type === 'team' ? 'team1' : 'judge', type, teamId: type === 'team' ? 't1' : null },
  team: type === 'team' ? { id: 't1', name: 'T1', displayName: 'Team One' } : null,
  csrfToken: `csrf-${type}`,
});

function server(account: Me | null) {
  const sent: { url: string; method: string; csrf: string | undefined }[] = [];
  let token: string | null = null;
  const client = createHttpClient({
    getCsrfToken: () => token,
    fetch: async (url, init) => {
      sent.push({ url, method: String(init.method), csrf: (init.headers as Record<string, string>)['X-CSRF-Token'] });
      if (url === '/api/me') return account ? Response.json(account) : Response.json({ error: 'not logged in' }, { status: 401 });
      if (url === '/api/login') return account ? Response.json(account) : Response.json({ error: 'wrong username or password' }, { status: 401 });
      if (url === '/api/logout') return Response.json({});
      return new Response('', { status: 404 });
    },
  });
  return { client, sent, setToken: (t: string | null) => (token = t), token: () => token };
}

test('judges and admins may use the console, teams not', () => {
  assert.equal(isJudgeAccount(me('judge')), true);
  assert.equal(isJudgeAccount(me('admin')), true);
  assert.equal(isJudgeAccount(me('team')), false);
});

test('a judge logs in and the CSRF token is kept', async () => {
  const s = server(me('judge'));
  assert.equal((await login(s.client, s.setToken, 'judge', 'judge-pass')).account.type, 'judge');
  assert.equal(s.token(), 'csrf-judge');
});

test('a team account is refused with a clear message and logged out again (with its token)', async () => {
  const s = server(me('team'));
  await assert.rejects(login(s.client, s.setToken, 'team1', 'team1-pass'), (e: unknown) => e instanceof NotAJudgeError && e.message === NOT_A_JUDGE);
  assert.deepEqual(s.sent.map((r) => [r.url, r.csrf]), [
    ['/api/login', undefined],
    ['/api/logout', 'csrf-team'],
  ]);
  assert.equal(s.token(), null);
});

test('a wrong password is the server’s message', async () => {
  const s = server(null);
  await assert.rejects(login(s.client, s.setToken, 'judge', 'nope'), (e: unknown) => e instanceof HttpError && e.message === 'wrong username or password');
});

test('restore: a judge’s session, none, or a team’s (refused)', async () => {
  assert.equal((await restore(server(me('judge')).client)).me?.account.type, 'judge');
  assert.deepEqual(await restore(server(null).client), { me: null, refused: false });
  assert.deepEqual(await restore(server(me('team')).client), { me: null, refused: true });
});
