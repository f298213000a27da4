// CLICS publishes a judgement's runs as its tests finish, not only with the verdict: a judging whose
// tests take over a second each shows its first runs in /runs while the judgement is still open.
// (The judging service gathers finished runs for at most RUN_BATCH_MS; a short judging stores its
// runs with its verdict, in one commit.)
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import type { PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, basic, testServer } from '../test-support/http.ts';
import { writePackage } from '../test-support/packages.ts';

/** Each test's run lasts about this long: longer than the service gathers runs for. */
const TEST_SECONDS = 1.3;
const TESTS = 3;
/** How often the test asks the Contest API while the judging goes on. */
const POLL_MS = 100;

const root = mkdtempSync(join(tmpdir(), 'verdict-live-runs-test-'));
let server: Awaited<ReturnType<typeof testServer>>;
let team: PortalClient;
const judgeAuth = basic('judge', 'judge-pass');

before(async () => {
  const contestDir = join(root, 'contest');
  cpSync(resourcePath('sample-contest'), contestDir, { recursive: true });
  const files: Record<string, string> = { 'problem.yaml': 'name: Slow tests\nlimits:\n  time_limit: 4\n' };
  for (let i = 1; i <= TESTS; i++) Object.assign(files, { [`data/secret/${i}.in`]: `${i}\n`, [`data/secret/${i}.ans`]: 'ok\n' });
  writePackage(join(contestDir, 'slow'), files);
  appendFileSync(join(contestDir, 'problems.yaml'), '- id: slow\n  label: D\n  name: Slow tests\n');
  server = await testServer({ workers: 1, contestDir, dataDir: join(root, 'data') });
  team = new PortalClient(server.url);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
});

after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function clics<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}/api/contests/sample/${path}`, { headers: judgeAuth });
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

test("a long judging's first runs are in the Contest API before its verdict", async () => {
  const source = `import time\ntime.sleep(${TEST_SECONDS})\nprint("ok")\n`;
  const sent = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'slow', languageId: 'python', fileName: 'slow.py', source });
  assert.equal(sent.status, 202);
  let runsWhileOpen = 0;
  const deadline = Date.now() + 60_000;
  type Judgement = { id: string; submission_id: string; end_time: string | null };
  const judgementOf = async () => (await clics<Judgement[]>('judgements')).find((j) => j.submission_id === sent.body.id);
  const runsOf = async (judgementId: string) => (await clics<{ judgement_id: string }[]>('runs')).filter((r) => r.judgement_id === judgementId).length;
  for (;;) {
    assert.ok(Date.now() < deadline, 'the judging ended');
    const judgement = await judgementOf();
    if (judgement) {
      const runs = await runsOf(judgement.id);
      // Still open after the runs were read: they were published before the verdict.
      if ((await judgementOf())?.end_time) {
        assert.equal(await runsOf(judgement.id), TESTS, 'every test has its run with the verdict');
        break;
      }
      runsWhileOpen = Math.max(runsWhileOpen, runs);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  assert.ok(runsWhileOpen > 0, 'runs were published while the judgement was still open');
});
