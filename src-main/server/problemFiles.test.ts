// A problem's test data and statement downloaded from the console over real HTTP: the judges get the
// package's data/ as a zip (every file, as the package has it) and its statement file, as downloads;
// a team or a logged-out request gets nothing of them.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { extractZip } from '../package/unzip.ts';
import { PortalClient, testServer } from '../test-support/http.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-problem-files-test-'));
let server: Awaited<ReturnType<typeof testServer>>;
let judge: PortalClient;

before(async () => {
  server = await testServer({ workers: 1 });
  judge = new PortalClient(server.url);
  assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
});
after(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Every file below `dir` with its content, by its path relative to `dir`. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

/** A download as `client` (null: logged out) asks for it. */
const download = (client: PortalClient | null, path: string): Promise<Response> => (client ?? new PortalClient(server.url)).fetchRaw(path);

test("the judges download a problem's test data: a zip of its data/ folder, every file as the package has it", async () => {
  const response = await download(judge, '/api/console/problem-files/hello/data');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/zip');
  assert.equal(response.headers.get('content-disposition'), 'attachment; filename="hello-data.zip"');
  const zip = join(scratch, 'hello-data.zip');
  writeFileSync(zip, Buffer.from(await response.arrayBuffer()));
  const extracted = await extractZip(zip);
  try {
    const expected = tree(join(resourcePath('sample-contest'), 'hello'));
    const dataFiles = Object.fromEntries(Object.entries(expected).filter(([name]) => name.startsWith('data/')));
    assert.ok(Object.keys(dataFiles).length >= 8);
    assert.deepEqual(tree(extracted.dir), dataFiles);
  } finally {
    extracted.dispose();
  }
});

test('the judges download its statement file, as a download (never shown as a page of the server)', async () => {
  const response = await download(judge, '/api/console/problem-files/hello/statement');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-disposition'), 'attachment; filename="hello-problem.en.md"');
  assert.equal(response.headers.get('content-security-policy'), "default-src 'none'");
  assert.equal(await response.text(), readFileSync(join(resourcePath('sample-contest'), 'hello', 'statement', 'problem.en.md'), 'utf8'));
});

test('an unknown problem or kind of file: 404 and 400', async () => {
  const unknown = await download(judge, '/api/console/problem-files/nope/data');
  assert.equal(unknown.status, 404);
  assert.match(((await unknown.json()) as { error: string }).error, /no problem 'nope'/);
  assert.equal((await download(judge, '/api/console/problem-files/hello/source')).status, 400);
});

test('a team gets 403 and a logged-out request 401, for the data and the statement alike', async () => {
  const team = new PortalClient(server.url);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
  for (const kind of ['data', 'statement']) {
    assert.equal((await download(team, `/api/console/problem-files/hello/${kind}`)).status, 403, `a team's ${kind}`);
    assert.equal((await download(null, `/api/console/problem-files/hello/${kind}`)).status, 401, `a logged-out ${kind}`);
    // Encoded spellings of the path are the same route, with the same guard.
    assert.equal((await download(null, `/api/%63onsole/problem-files/hello/${kind}`)).status, 401);
  }
});
