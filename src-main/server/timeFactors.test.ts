// A contest's per-language time factor (contest.yaml's language_time_factors) judged for real: a
// Python program that needs 0.45 s of CPU is TLE under a problem's 0.2 s limit and accepted with
// Python's factor of 5 (1 s). CPU time decides; the limits are small against the judge's wall-clock
// slack (at least a second), so a program that gets a fifth of a CPU on a busy machine still reaches
// its CPU limit before the wall-clock one (and a starved run is judged again, never TLE). The factor also reaches the portal and the console's languages.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { jobFor } from '../judging/engine.ts';
import type { PortalOverview, PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, eventually, testServer } from '../test-support/http.ts';

/** Spins until it has used this much CPU time: over twice the problem's limit, well under Python's. */
const CPU_NEEDED_S = 0.45;
const SPIN = `import time\nwhile time.process_time() < ${CPU_NEEDED_S}:\n    pass\nprint("done")\n`;
const PROBLEM_FILES: Record<string, string> = {
  'problem.yaml': 'name: Spin\nlimits:\n  time_limit: 0.2\n',
  'data/sample/1.in': '',
  'data/sample/1.ans': 'done\n',
};

const contestDir = mkdtempSync(join(tmpdir(), 'verdict-time-factors-'));
let server: Awaited<ReturnType<typeof testServer>>;
let team: PortalClient;

before(async () => {
  cpSync(resourcePath('sample-contest'), contestDir, { recursive: true });
  for (const [name, text] of Object.entries(PROBLEM_FILES)) {
    mkdirSync(dirname(join(contestDir, 'spin', name)), { recursive: true });
    writeFileSync(join(contestDir, 'spin', name), text);
  }
  appendFileSync(join(contestDir, 'problems.yaml'), '- id: spin\n  label: S\n  name: Spin\n');
  appendFileSync(join(contestDir, 'contest.yaml'), 'language_time_factors:\n  python: 5\n  java: 1.5\n');
  server = await testServer({ contestDir });
  team = new PortalClient(server.url);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
});
after(async () => {
  await server?.close();
  rmSync(contestDir, { recursive: true, force: true });
});

test("a program over the problem's limit is TLE without Python's factor and accepted with it", async (t) => {
  if (!server.context.engine.languages.some((l) => l.id === 'python' && l.available)) return t.skip('python3 is not installed here');
  const pkg = await server.context.problems.get('spin');
  const sourceDir = mkdtempSync(join(tmpdir(), 'verdict-spin-'));
  try {
    writeFileSync(join(sourceDir, 'spin.py'), SPIN);
    // As `verdict judge` judges it: the package's limit.
    const plain = await server.context.engine.judge(jobFor(pkg, join(sourceDir, 'spin.py'), 'python'));
    assert.equal(plain.verdict, 'TLE', JSON.stringify([plain.error, plain.tests.map((r) => [r.verdict, r.timeMs])]));
  } finally {
    rmSync(sourceDir, { recursive: true, force: true });
  }
  // As the contest judges it: the same program, submitted.
  const answer = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'spin', languageId: 'python', fileName: 'spin.py', source: SPIN });
  assert.equal(answer.status, 202);
  const judged = await eventually(async () => {
    const row = server.context.store.submissions.get(answer.body.id);
    return row?.status === 'judged' ? row : undefined;
  }, 60_000, 'the submission judged');
  assert.equal(judged.verdict, 'AC', JSON.stringify(server.context.store.judgements.get(judged.judgementId!)?.error ?? null));
  assert.ok(judged.timeMs !== null && judged.timeMs > 200, `it ran over the problem's own limit: ${judged.timeMs} ms`);
});

test("the portal and the console's languages say each language's factor (1 where none is set)", async () => {
  const { languages } = (await team.get<PortalOverview>('/api/portal/overview')).body;
  const portal = new Map(languages.map((l) => [l.id, l.timeFactor]));
  const snapshot = await server.console.getSnapshot();
  const console = new Map(snapshot.languages.map((l) => [l.id, l.timeFactor]));
  assert.equal(console.get('python'), 5);
  assert.equal(console.get('java'), 1.5);
  assert.equal(console.get('c'), 1);
  for (const [id, factor] of portal) assert.equal(factor, console.get(id), id);
});
