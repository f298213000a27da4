import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Fastify from 'fastify';
import type { ContestAccount } from '../contest/model.ts';
import { registerPagesNotBuilt } from '../server/pagesNotBuilt.ts';
import { serveBanner } from './serveBanner.ts';

const account = (id: string, type: ContestAccount['type']): ContestAccount => ({ id, username: id, type, teamId: type === 'team' ? id : null, password: `${id}-pass`, passwordHash: null });

function facts(dir: string, accounts: ContestAccount[], pagesBuilt = true) {
  return { contest: { dir, accounts, problems: [], teams: [] }, name: 'Practice', contestId: 'practice', url: 'http://10.0.0.5:7800', dataDir: '/var/verdict', pagesBuilt };
}

test('serve prints the console address, the logins file with its accounts, and the data folder', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-banner-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'accounts.yaml'), '[]\n');
  const lines = serveBanner(facts(dir, [account('t1', 'team'), account('t2', 'team'), account('judge', 'judge'), account('admin', 'admin')]));
  assert.ok(lines.includes("verdict: contestants' portal  http://10.0.0.5:7800/"), 'the portal line the tests and scripts read is unchanged');
  assert.ok(lines.includes("verdict: judges' console      http://10.0.0.5:7800/console"));
  assert.ok(lines.includes(`verdict: logins               ${join(dir, 'accounts.yaml')} (2 team, 1 judge and 1 admin accounts; usernames and passwords are in that file)`), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('verdict: data folder          /var/verdict')));
  assert.ok(!lines.some((l) => l.includes('not built')), 'nothing said about the pages when they are built');
});

test('serve says what to do when there is no accounts file, and when the pages are not built', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-banner-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const lines = serveBanner(facts(dir, [], false));
  const logins = lines.find((l) => l.startsWith('verdict: logins'));
  assert.match(logins ?? '', /none yet: add accounts\.json or accounts\.yaml to .*import teams in the console/);
  assert.ok(lines.some((l) => /warning: the portal and console pages are not built: run `npm run build`/.test(l)), lines.join('\n'));
});

test('without the built pages, the portal and console addresses answer a page saying how to build them (503, not 404)', async (t) => {
  const app = Fastify();
  t.after(() => app.close());
  registerPagesNotBuilt(app);
  for (const url of ['/', '/console']) {
    const answer = await app.inject({ method: 'GET', url });
    assert.equal(answer.statusCode, 503, url);
    assert.match(answer.headers['content-type'] ?? '', /^text\/html/);
    assert.match(answer.body, /npm run build/);
  }
});
