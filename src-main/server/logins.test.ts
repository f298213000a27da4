// Logins under attack, over real HTTP: failed HTTP Basic and form logins are throttled per username
// and per address, rejecting an unknown username costs what rejecting a known one does, password
// checks cannot pile up, a changed password ends old sessions, and --trust-proxy.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { hashPassword } from '../store/password.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';
import { CHECKS_AT_ONCE, CHECKS_QUEUED_MAX } from './checkGate.ts';
import { ADDRESS_FAILURES_BURST, USERNAME_FAILURES_BURST } from './loginThrottle.ts';

type Server = Awaited<ReturnType<typeof testServer>>;

/** The sample contest in a temporary folder, with the judge's account given as a hash only. */
function contestCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-logins-contest-'));
  cpSync(resourcePath('sample-contest'), dir, { recursive: true });
  const file = join(dir, 'accounts.json');
  const accounts = JSON.parse(readFileSync(file, 'utf8')) as { username: string; password?: string; password_hash?: string }[];
  for (const a of accounts) {
    if (a.username !== 'judge') continue;
    a.password_hash = hashPassword(a.password!);
    delete a.password;
  }
  writeFileSync(file, JSON.stringify(accounts, null, 2));
  return dir;
}

function setPassword(contestDir: string, username: string, password: string): void {
  const file = join(contestDir, 'accounts.json');
  const accounts = JSON.parse(readFileSync(file, 'utf8')) as { username: string; password?: string }[];
  accounts.find((a) => a.username === username)!.password = password;
  writeFileSync(file, JSON.stringify(accounts, null, 2));
}

/** A Basic-auth GET of the team's submissions, as if relayed by a proxy for `address`. */
async function basicGet(server: Server, username: string, password: string, address?: string): Promise<number> {
  const headers = { ...basic(username, password), ...(address ? { 'x-forwarded-for': address } : {}) };
  const response = await fetch(`${server.url}/api/contests/sample/submissions`, { headers });
  await response.arrayBuffer();
  return response.status;
}

async function formLogin(server: Server, username: string, password: string, headers: Record<string, string> = {}): Promise<{ status: number; setCookie: string | null }> {
  const response = await fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });
  await response.arrayBuffer();
  return { status: response.status, setCookie: response.headers.get('set-cookie') };
}

describe('logins', () => {
  let contestDir: string;
  before(() => {
    contestDir = contestCopy();
  });
  after(() => rmSync(contestDir, { recursive: true, force: true }));

  test('wrong HTTP Basic credentials are counted: the username is locked, other usernames from that address are not', async () => {
    const server = await testServer({ contestDir });
    try {
      for (let i = 0; i < USERNAME_FAILURES_BURST; i++) assert.equal(await basicGet(server, 'team1', `guess-${i}`), 401);
      assert.equal(await basicGet(server, 'team1', 'guess-more'), 429);
      // The lock is the username's, for Basic and the form alike: even the right password waits, from this address.
      assert.equal(await basicGet(server, 'team1', 'team1-pass'), 429);
      assert.equal((await formLogin(server, 'team1', 'team1-pass')).status, 429);
      // Other teams behind the same address are not locked out.
      assert.equal(await basicGet(server, 'team2', 'team2-pass'), 200);
      assert.equal((await formLogin(server, 'team3', 'team3-pass')).status, 200);
    } finally {
      await server.close();
    }
  });

  test('rejecting an unknown username costs one scrypt, like a known one (folder password or stored hash)', async () => {
    const server = await testServer({ contestDir });
    try {
      const checks = server.context.accounts.checks;
      const cost = async (username: string, password: string, expected: number) => {
        const before = checks.started;
        assert.equal(await basicGet(server, username, password), expected, username);
        return checks.started - before;
      };
      assert.equal(await cost('nobody', 'guess', 401), 1);
      assert.equal(await cost('team4', 'guess', 401), 1); // a folder password
      assert.equal(await cost('judge', 'guess', 401), 1); // a hash only
      assert.equal(await cost('team4', 'team4-pass', 200), 0); // the folder's password: no scrypt
      assert.equal(await cost('judge', 'judge-pass', 200), 1);
      assert.equal(await cost('judge', 'judge-pass', 200), 0); // remembered
    } finally {
      await server.close();
    }
  });

  test('password checks are capped: a flood of wrong credentials gets 503 beyond the queue, and teams still log in', async () => {
    const server = await testServer({ contestDir, trustProxy: true });
    try {
      // Distinct usernames and addresses, so that no throttle steps in: only the cap on checks.
      const flood = 4 * (CHECKS_AT_ONCE + CHECKS_QUEUED_MAX);
      const statuses = await Promise.all(Array.from({ length: flood }, (_, i) => basicGet(server, `nobody${i}`, 'guess', `10.9.${i >> 8}.${i & 255}`)));
      assert.deepEqual([...new Set(statuses)].sort(), [401, 503]);
      assert.ok(statuses.filter((s) => s === 401).length >= CHECKS_AT_ONCE + CHECKS_QUEUED_MAX);
      assert.equal(await basicGet(server, 'team5', 'team5-pass', '10.8.0.1'), 200);
    } finally {
      await server.close();
    }
  });

  test('behind a proxy: guessing from many addresses locks the username, not the team from its own address', async () => {
    const server = await testServer({ contestDir, trustProxy: true });
    try {
      for (let i = 1; i <= USERNAME_FAILURES_BURST; i++) assert.equal(await basicGet(server, 'team1', `guess-${i}`, `10.0.0.${i}`), 401);
      // A guesser's address that failed already: refused while the username is locked.
      assert.equal(await basicGet(server, 'team1', 'guess-again', '10.0.0.1'), 429);
      assert.equal(await basicGet(server, 'team1', 'team1-pass', '10.0.0.1'), 429);
      // A fresh address gets one check: a wrong guess spends it, the team's right password logs in.
      assert.equal(await basicGet(server, 'team1', 'guess-fresh', '10.0.0.200'), 401);
      assert.equal(await basicGet(server, 'team1', 'guess-fresh-2', '10.0.0.200'), 429);
      assert.equal((await formLogin(server, 'team1', 'team1-pass', { 'x-forwarded-for': '10.0.1.7' })).status, 200);
    } finally {
      await server.close();
    }
  });

  test('behind a proxy: one noisy address is refused, everyone else logs in', async () => {
    const server = await testServer({ contestDir, trustProxy: true });
    try {
      // Spread over usernames so that only the address budget is spent.
      // (The budget refills a little while the checks run: a few more than the burst get through.)
      let failures = 0;
      while (failures <= ADDRESS_FAILURES_BURST + 10 && (await basicGet(server, `spray${failures}`, 'guess', '10.1.0.1')) === 401) failures++;
      assert.ok(failures >= ADDRESS_FAILURES_BURST && failures <= ADDRESS_FAILURES_BURST + 10, `${failures} failures before 429`);
      assert.equal((await formLogin(server, 'team2', 'team2-pass', { 'x-forwarded-for': '10.1.0.1' })).status, 429);
      assert.equal((await formLogin(server, 'team2', 'team2-pass', { 'x-forwarded-for': '10.1.0.2' })).status, 200);
      assert.equal(await basicGet(server, 'team3', 'team3-pass', '10.1.0.3'), 200);
    } finally {
      await server.close();
    }
  });

  test('the session cookie is Secure over https with --trust-proxy, and X-Forwarded-* are ignored without it', async () => {
    const proxied = await testServer({ contestDir, trustProxy: true });
    try {
      const overHttps = await formLogin(proxied, 'team1', 'team1-pass', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.1' });
      assert.equal(overHttps.status, 200);
      assert.match(overHttps.setCookie ?? '', /;\s*Secure/i);
      const overHttp = await formLogin(proxied, 'team1', 'team1-pass', { 'x-forwarded-proto': 'http' });
      assert.doesNotMatch(overHttp.setCookie ?? '', /;\s*Secure/i);
    } finally {
      await proxied.close();
    }
    const direct = await testServer({ contestDir });
    try {
      const spoofed = await formLogin(direct, 'team1', 'team1-pass', { 'x-forwarded-proto': 'https' });
      assert.equal(spoofed.status, 200);
      assert.doesNotMatch(spoofed.setCookie ?? '', /;\s*Secure/i);
      // Without a proxy a client's X-Forwarded-For is not its address: changing it does not escape the lock.
      for (let i = 0; i < USERNAME_FAILURES_BURST; i++) await basicGet(direct, 'team2', `guess-${i}`, `10.2.0.${i}`);
      assert.equal(await basicGet(direct, 'team2', 'guess', '10.2.0.99'), 429);
    } finally {
      await direct.close();
    }
  });

  test('a password changed in the contest folder ends the sessions made with the old one at restart', async () => {
    const dir = contestCopy();
    const dataDir = mkdtempSync(join(tmpdir(), 'verdict-logins-data-'));
    try {
      let server = await testServer({ contestDir: dir, dataDir });
      const team1 = new PortalClient(server.url);
      const team2 = new PortalClient(server.url);
      assert.equal((await team1.login('team1', 'team1-pass')).status, 200);
      assert.equal((await team2.login('team2', 'team2-pass')).status, 200);
      // Once hashed: a password the store holds no hash of cannot be shown unchanged at restart (its sessions would end too).
      await eventually(async () => (server.context.accounts.progress().hashed === server.context.accounts.progress().total ? true : undefined), 60_000, 'hashing');
      await server.close();

      setPassword(dir, 'team1', 'a-new-secret');
      server = await testServer({ contestDir: dir, dataDir });
      try {
        const at = (client: PortalClient) => Object.assign(client, { base: server.url });
        assert.equal((await at(team1).get('/api/me')).status, 401);
        assert.equal((await at(team2).get('/api/me')).status, 200); // unchanged: the session holds
        assert.equal((await at(new PortalClient(server.url)).login('team1', 'a-new-secret')).status, 200);
        assert.equal((await at(new PortalClient(server.url)).login('team1', 'team1-pass')).status, 401);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
