// Published sample passwords never reach the LAN: the real sample contest, and copies of it whose
// judge, admin and judgehost passwords were changed (as text, or as hashes).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadContest } from '../contest/loadContest.ts';
import { resourcePath } from '../common/paths.ts';
import { hashPassword } from '../store/password.ts';
import { decideServingHost, isLoopbackHost, LOOPBACK_HOST, publishedSamplePasswords, samplePasswordWarning } from './servingAddress.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-serving-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

type AccountEntry = { username: string; type: string; password?: string; password_hash?: string };

/** A copy of the sample contest with its accounts file changed by `edit`. */
function sampleWith(edit: (accounts: AccountEntry[]) => void): string {
  const dir = mkdtempSync(join(scratch, 'contest-'));
  cpSync(resourcePath('sample-contest'), dir, { recursive: true });
  const file = join(dir, 'accounts.json');
  const accounts = JSON.parse(readFileSync(file, 'utf8')) as AccountEntry[];
  edit(accounts);
  writeFileSync(file, JSON.stringify(accounts, null, 2));
  return dir;
}

const setPassword = (accounts: AccountEntry[], username: string, password: string) => {
  accounts.find((a) => a.username === username)!.password = password;
};

test('the published passwords are those of the sample accounts file', async () => {
  const passwords = await publishedSamplePasswords();
  const sample = await loadContest(resourcePath('sample-contest'));
  assert.equal(passwords.size, sample.accounts.length);
  for (const account of sample.accounts) assert.ok(passwords.has(account.password!), account.username);
});

test('the sample contest itself is served on loopback only, with a notice naming its judge, admin and judgehost accounts', async () => {
  const sample = await loadContest(resourcePath('sample-contest'));
  const decision = await decideServingHost(sample, '0.0.0.0');
  assert.equal(decision.host, LOOPBACK_HOST);
  // A judgehost account may fetch every package, secret test data included: it counts as much as a judge.
  assert.deepEqual(decision.sampleAccounts.sort(), ['admin', 'judge', 'judgehost1']);
  assert.match(decision.notice!, /"judge", "admin" and "judgehost1"/);
  assert.ok(decision.notice!.includes(sample.dir), 'the notice says where the accounts file is');
  // A specific LAN address or a host name is narrowed as well.
  assert.equal((await decideServingHost(sample, '192.168.1.20')).host, LOOPBACK_HOST);
  assert.equal((await decideServingHost(sample, 'judge.lan')).host, LOOPBACK_HOST);
});

test('a loopback host asked for is kept as it is, without a notice', async () => {
  const sample = await loadContest(resourcePath('sample-contest'));
  for (const host of ['127.0.0.1', 'localhost', '::1']) {
    const decision = await decideServingHost(sample, host);
    assert.deepEqual([decision.host, decision.notice], [host, null]);
    assert.equal(decision.sampleAccounts.length, 3, 'the accounts are still reported');
  }
});

test('with new judge, admin and judgehost passwords the contest is served on the LAN; team passwords do not matter', async () => {
  const dir = sampleWith((accounts) => {
    setPassword(accounts, 'judge', 'Kq7-private-judge');
    setPassword(accounts, 'admin', 'Zr4-private-admin');
    setPassword(accounts, 'judgehost1', 'Hv2-private-judgehost');
  });
  const contest = await loadContest(dir);
  assert.ok(contest.accounts.some((a) => a.type === 'team' && a.password === 'team1-pass'), 'team passwords are still the sample ones');
  const decision = await decideServingHost(contest, '0.0.0.0');
  assert.deepEqual(decision, { host: '0.0.0.0', sampleAccounts: [], notice: null });
  assert.equal(await samplePasswordWarning(contest, '0.0.0.0'), null);
});

test('one account left with a sample password is enough to stay on loopback, whatever its name', async () => {
  const dir = sampleWith((accounts) => {
    setPassword(accounts, 'judge', 'Kq7-private-judge');
    setPassword(accounts, 'admin', 'team3-pass'); // published too, as a team's password
    setPassword(accounts, 'judgehost1', 'Hv2-private-judgehost');
    accounts.push({ username: 'head-judge', type: 'judge', password: 'judge-pass' });
  });
  const decision = await decideServingHost(await loadContest(dir), '0.0.0.0');
  assert.equal(decision.host, LOOPBACK_HOST);
  assert.deepEqual(decision.sampleAccounts.sort(), ['admin', 'head-judge']);
  assert.match(decision.notice!, /them new passwords/);
});

test('accounts imported with a hash only are checked against the hash', async () => {
  const published = (password: string) =>
    sampleWith((accounts) => {
      setPassword(accounts, 'judge', 'Kq7-private-judge');
      setPassword(accounts, 'judgehost1', 'Hv2-private-judgehost');
      const admin = accounts.find((a) => a.username === 'admin')!;
      delete admin.password;
      admin.password_hash = hashPassword(password);
    });
  const exposed = await decideServingHost(await loadContest(published('admin-pass')), '0.0.0.0');
  assert.deepEqual([exposed.host, exposed.sampleAccounts], [LOOPBACK_HOST, ['admin']]);
  assert.match(exposed.notice!, /account "admin" still has a published sample password/);
  const changed = await decideServingHost(await loadContest(published('Zr4-private-admin')), '0.0.0.0');
  assert.deepEqual([changed.host, changed.sampleAccounts], ['0.0.0.0', []]);
});

test('verdict serve on a LAN address with the sample passwords gets a warning, on loopback none', async () => {
  const sample = await loadContest(resourcePath('sample-contest'));
  const warning = await samplePasswordWarning(sample, '0.0.0.0');
  assert.match(warning!, /published sample password and 0\.0\.0\.0 is reachable from the LAN/);
  assert.equal(await samplePasswordWarning(sample, '127.0.0.1'), null);
});

test('loopback addresses', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) assert.ok(isLoopbackHost(host), host);
  for (const host of ['0.0.0.0', '::', '192.168.0.5', '10.0.0.1', 'judge.local', '::ffff:10.0.0.1', '']) assert.ok(!isLoopbackHost(host), host);
});
