// The contest folder's passwords are hashed by a low-priority child process: they end up stored
// as scrypt hashes only, logins work before and after, and the child never outlives the server
// (close(), kill -9) nor its work.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { procStatFields } from '../common/processes.ts';
import { bigContest } from '../load/bigContest.ts';
import { verifyPassword } from '../store/password.ts';
import { contestDefinition, tempStore } from '../store/testFixtures.ts';
import { running } from '../test-support/fixtures.ts';
import { eventually, testServer } from '../test-support/http.ts';
import { AccountDirectory } from './accounts.ts';

const HASHER_ENTRY = 'passwordHasherChild';
/** How a password is checked: for one request (HTTP Basic), or for a session (a form login). */
const REQUEST = { forSession: false };
const LOGIN = { forSession: true };
const bin = fileURLToPath(new URL('../../bin/verdict.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'verdict-hashing-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The hashing processes whose parent is `parent`. */
function hashers(parent: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      if (procStatFields(pid)?.[1] !== String(parent) || !running(pid)) return false;
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(HASHER_ENTRY);
      } catch {
        return false;
      }
    });
}

const gone = (pid: number, what: string) => eventually(async () => (running(pid) ? undefined : true), 10_000, what);

describe('AccountDirectory', () => {
  test('hashes the folder passwords in a child; logins work before and after; a restart keeps the hashes', async () => {
    const t = tempStore();
    try {
      const accounts = contestDefinition().accounts;
      const first = new AccountDirectory(t.store, accounts);
      // Nothing has come back from the child yet: this login is checked against the folder's password.
      assert.equal((await first.verify('team1', 'plain-secret-one', REQUEST))?.id, 'acc-t1');
      assert.equal(t.store.accounts.byUsername('team1')!.passwordHash, null, 'the login came before the hash');
      assert.equal(await first.verify('team1', 'plain-secret-two', REQUEST), null);
      const [child] = hashers(process.pid);
      assert.ok(child, 'a hashing process runs');
      assert.equal(procStatFields(child)![16], '19', 'at the lowest CPU priority');
      if (existsSync('/proc/self/autogroup')) {
        // Where the CPU is shared between sessions first, a session of its own with its group niced too.
        assert.equal(procStatFields(child)![3], String(child), 'a session of its own');
        assert.match(readFileSync(`/proc/${child}/autogroup`, 'utf8'), /nice 19\b/);
      }

      await eventually(async () => (first.progress().hashed === first.progress().total ? true : undefined), 60_000, 'hashing done');
      assert.deepEqual(first.progress(), { hashed: 2, total: 2 });
      const hashes = ['team1', 'team2'].map((u) => t.store.accounts.byUsername(u)!.passwordHash!);
      assert.match(hashes[0], /^scrypt\$/);
      assert.ok(verifyPassword('plain-secret-one', hashes[0]) && verifyPassword('plain-secret-two', hashes[1]));
      assert.ok(!verifyPassword('plain-secret-one', hashes[1]));
      assert.equal(t.store.accounts.byUsername('judge')!.passwordHash, 'scrypt$16384$8$1$c2FsdA$a2V5', 'a hash given in the folder is kept');
      assert.equal((await first.verify('team2', 'plain-secret-two', REQUEST))?.id, 'acc-t2');
      assert.equal(await first.verify('team2', 'plain-secret-one', REQUEST), null);
      assert.equal(await first.verify('judge', 'anything', REQUEST), null);
      await gone(child, 'the hashing process to exit once its work is done');
      await first.stop();

      // Unchanged passwords are checked against their hashes, not hashed again.
      const second = new AccountDirectory(t.reopen(), accounts);
      await eventually(async () => (second.progress().hashed === 2 ? true : undefined), 60_000, 'checking done');
      assert.deepEqual(['team1', 'team2'].map((u) => t.store.accounts.byUsername(u)!.passwordHash), hashes);
      assert.equal((await second.verify('team1', 'plain-secret-one', REQUEST))?.id, 'acc-t1');
      await second.stop();
    } finally {
      t.dispose();
    }
  });

  test('a password changed in the folder replaces the stored hash; the old one no longer logs in', async () => {
    const t = tempStore();
    try {
      const accounts = contestDefinition().accounts;
      const dir = new AccountDirectory(t.store, accounts);
      assert.ok(await dir.verify('team1', 'plain-secret-one', REQUEST));
      dir.add([{ ...accounts[0], password: 'changed-in-folder' }]);
      assert.equal(await dir.verify('team1', 'plain-secret-one', REQUEST), null);
      await eventually(async () => (dir.progress().hashed === dir.progress().total ? true : undefined), 60_000, 'hashing done');
      assert.ok(verifyPassword('changed-in-folder', t.store.accounts.byUsername('team1')!.passwordHash!));
      assert.ok(await dir.verify('team1', 'changed-in-folder', REQUEST));
      assert.equal(await dir.verify('team1', 'plain-secret-one', REQUEST), null);
      await dir.stop();
    } finally {
      t.dispose();
    }
  });

  test('a login is hashed ahead of the queue and kept by a stop right after it: its session outlives the restart', async () => {
    const t = tempStore();
    try {
      const accounts = contestDefinition().accounts;
      const first = new AccountDirectory(t.store, accounts);
      // team2 is last in the hashing queue; the server stops at once, long before the queue would reach it.
      const account = await first.verify('team2', 'plain-secret-two', LOGIN);
      assert.equal(account?.id, 'acc-t2');
      const loggedInAt = Date.now();
      t.store.accounts.createSession(account.id, 3_600_000, loggedInAt);
      await first.stop();
      assert.ok(verifyPassword('plain-secret-two', t.store.accounts.byUsername('team2')!.passwordHash ?? ''), 'the hash of the password logged in with is stored');

      // After the restart the stored hash confirms that the session was made with the folder's password.
      const second = new AccountDirectory(t.reopen(), accounts);
      assert.equal(await second.sessionHolds(account, loggedInAt), true);
      await second.stop();
    } finally {
      t.dispose();
    }
  });

  test('a request with HTTP Basic is not hashed ahead of the queue: a stop right after it waits for nothing and stores no hash for it', async () => {
    const t = tempStore();
    try {
      const first = new AccountDirectory(t.store, contestDefinition().accounts);
      assert.equal((await first.verify('team2', 'plain-secret-two', REQUEST))?.id, 'acc-t2');
      await first.stop();
      // team2 is last in the hashing queue, which the stop ended long before it got there.
      assert.equal(t.store.accounts.byUsername('team2')!.passwordHash, null);
    } finally {
      t.dispose();
    }
  });

  test('stop() ends the hashing process mid-way', async () => {
    const t = tempStore();
    try {
      const dir = new AccountDirectory(t.store, contestDefinition().accounts);
      const [child] = hashers(process.pid);
      assert.ok(child);
      await dir.stop();
      assert.ok(!running(child), 'gone when stop() resolves');
      assert.deepEqual(hashers(process.pid), []);
    } finally {
      t.dispose();
    }
  });

  for (const [name, entry] of [
    ['cannot start', () => join(scratch, 'missing.ts')],
    [
      'dies',
      () => {
        const file = join(scratch, 'dies.mjs');
        writeFileSync(file, "process.on('message', () => process.exit(3));\n");
        return file;
      },
    ],
  ] as const) {
    test(`when the hashing process ${name}, the server hashes the passwords itself`, async () => {
      const t = tempStore();
      try {
        const dir = new AccountDirectory(t.store, contestDefinition().accounts, { entry: entry() });
        await eventually(async () => (dir.progress().hashed === 2 ? true : undefined), 60_000, 'hashing done');
        assert.ok(verifyPassword('plain-secret-one', t.store.accounts.byUsername('team1')!.passwordHash!));
        assert.ok(verifyPassword('plain-secret-two', t.store.accounts.byUsername('team2')!.passwordHash!));
        assert.ok(await dir.verify('team1', 'plain-secret-one', REQUEST));
        await dir.stop();
      } finally {
        t.dispose();
      }
    });
  }
});

describe('the contest server', () => {
  const contestDir = bigContest(300);
  after(() => rmSync(contestDir, { recursive: true, force: true }));
  const basic = (n: number, password = `team${n}-pass`) => ({ authorization: `Basic ${Buffer.from(`team${n}:${password}`).toString('base64')}` });

  test('Basic auth works while the passwords are hashed; close() ends the hashing process', { timeout: 60_000 }, async () => {
    const server = await testServer({ contestDir });
    let child: number | undefined;
    try {
      [child] = hashers(process.pid);
      assert.ok(child, 'a hashing process runs');
      const ok = await fetch(`${server.url}/api/contests/sample/submissions`, { headers: basic(300) });
      assert.equal(ok.status, 200);
      assert.equal(server.context.store.accounts.byUsername('team300')!.passwordHash, null, 'the login came before the hash');
      assert.equal((await fetch(`${server.url}/api/contests/sample/submissions`, { headers: basic(300, 'team1-pass') })).status, 401);
      const overview = (await (await fetch(`${server.url}/api/portal/overview`)).json()) as { preparing: string[] };
      assert.match(overview.preparing.join('\n'), /preparing accounts: \d+ of 301/);
    } finally {
      await server.close();
    }
    await gone(child, 'the hashing process to exit after close()');
  });

  test('after kill -9 of `verdict serve`, the hashing process exits too', { timeout: 60_000 }, async () => {
    const dataDir = join(scratch, 'killed');
    const server = spawn(process.execPath, [bin, 'serve', '--contest', contestDir, '--data', dataDir, '--port', '0', '--workers', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => server.once('exit', resolve));
    let out = '';
    server.stdout.on('data', (d) => (out += d));
    server.stderr.on('data', (d) => (out += d));
    try {
      await eventually(async () => (/portal\s+http/.test(out) ? true : undefined), 30_000, `verdict serve to listen: ${out}`);
      const [child] = await eventually(async () => {
        const found = hashers(server.pid!);
        return found.length > 0 ? found : undefined;
      }, 10_000, 'the hashing process of verdict serve');
      server.kill('SIGKILL');
      await exited;
      await gone(child, 'the hashing process to exit after kill -9 of the server');
    } finally {
      server.kill('SIGKILL');
    }
  });
});
