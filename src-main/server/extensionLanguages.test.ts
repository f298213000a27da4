// contest.yaml's extension_languages reaches the portal: the contest's language for a shared
// extension is listed before the others sharing it, so the portal picks it for such a file.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import type { PortalOverview } from '../shared/portalApi.ts';
import { PortalClient, testServer } from '../test-support/http.ts';

const contestDir = mkdtempSync(join(tmpdir(), 'verdict-extension-languages-'));
let server: Awaited<ReturnType<typeof testServer>>;
let team: PortalClient;

before(async () => {
  cpSync(resourcePath('sample-contest'), contestDir, { recursive: true });
  appendFileSync(join(contestDir, 'contest.yaml'), 'extension_languages:\n  py: pypy3\n');
  server = await testServer({ contestDir });
  team = new PortalClient(server.url);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
});
after(async () => {
  await server?.close();
  rmSync(contestDir, { recursive: true, force: true });
});

test('the portal lists the contest\'s language for .py (PyPy) before CPython', async (t) => {
  const { languages } = (await team.get<PortalOverview>('/api/portal/overview')).body;
  const ids = languages.map((l) => l.id);
  if (!ids.includes('pypy3') || !ids.includes('python')) return t.skip('pypy3 or python3 is not installed here');
  assert.ok(ids.indexOf('pypy3') < ids.indexOf('python'), ids.join(', '));
  assert.equal(languages.find((l) => l.extensions.includes('py'))?.id, 'pypy3');
  assert.ok(ids.indexOf('c') < ids.indexOf('pypy3'), 'the other languages keep their order');
});
