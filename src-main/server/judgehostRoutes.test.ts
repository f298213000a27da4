// Remote judgehosts' routes over real HTTP: the problems with their package archives' names, each
// archive fetched by that name (the same folder gives the same name on every start), and a judgehost
// account that can do nothing else.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { extract } from 'tar';
import type { JudgehostProblems } from '../common/judgehostHttp.ts';
import { resourcePath } from '../common/paths.ts';
import { readPackage } from '../package/readPackage.ts';
import { basic, PortalClient, testServer } from '../test-support/http.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-judgehost-routes-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const judgehost = basic('judgehost1', 'judgehost1-pass');

/** The sample contest with one more problem whose package cannot be read. */
function contestWithBrokenProblem(): string {
  const dir = join(scratch, 'contest');
  cpSync(resourcePath('sample-contest'), dir, { recursive: true });
  mkdirSync(join(dir, 'broken'));
  writeFileSync(join(dir, 'broken', 'problem.yaml'), 'name: [not, a, name\n');
  appendFileSync(join(dir, 'problems.yaml'), '- id: broken\n  label: Z\n  name: Broken\n');
  return dir;
}

async function problemsOf(url: string): Promise<JudgehostProblems['problems']> {
  const response = await fetch(`${url}/api/judgehost/problems`, { headers: judgehost });
  assert.equal(response.status, 200);
  return ((await response.json()) as JudgehostProblems).problems;
}

test('a judgehost lists the problems and fetches each package by its SHA-256; the archive is the package', { timeout: 60_000 }, async () => {
  const contestDir = contestWithBrokenProblem();
  const server = await testServer({ contestDir });
  let firstNames: Map<string, string>;
  try {
    const problems = await problemsOf(server.url);
    assert.deepEqual(problems.map((p) => p.id).sort(), ['broken', 'hello', 'mean', 'sum']);
    const broken = problems.find((p) => p.id === 'broken')!;
    assert.ok('error' in broken && broken.error.length > 0, 'a broken package says why, the others are still listed');
    firstNames = new Map(problems.flatMap((p) => ('sha256' in p ? [[p.id, p.sha256] as const] : [])));

    for (const p of problems) {
      if (!('sha256' in p)) continue;
      const response = await fetch(`${server.url}/api/judgehost/packages/${p.sha256}`, { headers: judgehost });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/x-tar');
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.length, p.bytes);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), p.sha256, 'the name is the content');
      // Unpacked, it reads as the server's package does: the same test cases, with their data.
      const archive = join(scratch, `${p.id}.tar`);
      writeFileSync(archive, bytes);
      const unpacked = join(scratch, `unpacked-${p.id}`);
      mkdirSync(unpacked);
      await extract({ file: archive, cwd: unpacked });
      const [fetched, original] = await Promise.all([readPackage(unpacked), server.context.problems.get(p.id)]);
      try {
        assert.deepEqual(fetched.testCases.map((t) => t.name), original.testCases.map((t) => t.name));
        assert.equal(fetched.timeLimitMs, original.timeLimitMs);
      } finally {
        fetched.dispose();
      }
    }

    const unknown = await fetch(`${server.url}/api/judgehost/packages/${'0'.repeat(64)}`, { headers: judgehost });
    assert.equal(unknown.status, 404);
    const malformed = await fetch(`${server.url}/api/judgehost/packages/..%2Fcontest.sqlite`, { headers: judgehost });
    assert.equal(malformed.status, 400);
  } finally {
    await server.close();
  }

  // Another start on the same folder names every package the same: a judgehost's cache stays good.
  const again = await testServer({ contestDir });
  try {
    const names = new Map((await problemsOf(again.url)).flatMap((p) => ('sha256' in p ? [[p.id, p.sha256] as const] : [])));
    assert.deepEqual(names, firstNames);
  } finally {
    await again.close();
  }
});

test('a judgehost account cannot log in, nor read what a team or a judge reads; no other account opens its routes', { timeout: 30_000 }, async () => {
  const server = await testServer();
  try {
    const login = await new PortalClient(server.url).login('judgehost1', 'judgehost1-pass');
    assert.equal(login.status, 403);
    assert.match(JSON.stringify(login.body), /judgehost account only fetches judging work/);
    assert.equal((await fetch(`${server.url}/api/contests/sample/submissions`, { headers: judgehost })).status, 403);
    assert.equal((await fetch(`${server.url}/api/contests/sample/runs`, { headers: judgehost })).status, 403);
    // A public route that asks who calls (judges see more) does not take it for a judge either.
    assert.equal((await fetch(`${server.url}/api/contests/sample/teams`, { headers: judgehost })).status, 403);
    for (const who of [basic('judge', 'judge-pass'), basic('admin', 'admin-pass'), basic('team1', 'team1-pass')]) {
      assert.equal((await fetch(`${server.url}/api/judgehost/problems`, { headers: who })).status, 403);
    }
    assert.equal((await fetch(`${server.url}/api/judgehost/problems`)).status, 401);
    assert.equal((await fetch(`${server.url}/api/judgehost/problems`, { headers: basic('judgehost1', 'wrong') })).status, 401);
  } finally {
    await server.close();
  }
});
