// The credential cache: one scrypt per credential, however many requests carry it at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredentialCache, sameSecret } from './passwords.ts';

/** A check that resolves when told to, counting its runs. */
function gate(ok: boolean) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const check = { runs: 0, open, run: async () => (check.runs++, await opened, ok) };
  return check;
}

test('concurrent requests with one credential share one check, and the result is remembered', async () => {
  const cache = new CredentialCache();
  const check = gate(true);
  const answers = Array.from({ length: 20 }, () => cache.verify('team1', 'secret', 'acc-1', check.run));
  check.open();
  assert.deepEqual(await Promise.all(answers), Array(20).fill(true));
  assert.equal(check.runs, 1);
  assert.equal(await cache.verify('team1', 'secret', 'acc-1', check.run), true);
  assert.equal(check.runs, 1, 'remembered');
  const other = gate(true);
  other.open();
  assert.equal(await cache.verify('team1', 'secret', 'acc-2', other.run), true, 'another account with that name is checked anew');
  assert.equal(other.runs, 1);
});

test('a wrong credential is not remembered; expiry and clear() forget', async () => {
  const cache = new CredentialCache();
  const wrong = gate(false);
  wrong.open();
  assert.equal(await cache.verify('team1', 'guess', 'acc-1', wrong.run), false);
  assert.equal(await cache.verify('team1', 'guess', 'acc-1', wrong.run), false);
  assert.equal(wrong.runs, 2);

  const right = gate(true);
  right.open();
  await cache.verify('team1', 'secret', 'acc-1', right.run, 0);
  await cache.verify('team1', 'secret', 'acc-1', right.run, 11 * 60 * 1000);
  assert.equal(right.runs, 2, 'checked again after the time to live');

  // A check that began before a password change is not remembered after it.
  const slow = gate(true);
  const pending = cache.verify('team2', 'old', 'acc-2', slow.run);
  cache.clear();
  slow.open();
  assert.equal(await pending, true);
  const again = gate(false);
  again.open();
  assert.equal(await cache.verify('team2', 'old', 'acc-2', again.run), false);
  assert.equal(again.runs, 1);
});

test('sameSecret compares strings of any length', () => {
  assert.ok(sameSecret('abc', 'abc'));
  assert.ok(!sameSecret('abc', 'abd'));
  assert.ok(!sameSecret('abc', 'abcd'));
  assert.ok(sameSecret('', ''));
});
