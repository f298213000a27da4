// A submission of several files through the Contest API (POST /submissions with a zip of them) and the
// portal (POST /api/portal/submissions with otherFiles):
// stored with every file, judged from its entry file with its module beside it, and given back whole
// by GET /submissions/{id}/files; zips that are not a program of the language are refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildZip, type ZipEntrySpec } from '../package/testUtil.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';
import { sourcesFromZipFile } from '../contest/submissionFiles.ts';
import type { SubmissionDetail } from '../shared/judgeApi.ts';
import type { PortalSubmissionDetail } from '../shared/portalApi.ts';

describe('submissions of several files over the Contest API', () => {
  let server: Awaited<ReturnType<typeof testServer>>;
  const team = { ...basic('team2', 'team2-pass'), 'content-type': 'application/json' };
  before(async () => {
    server = await testServer();
  });
  after(() => server.close());

  const post = async (entries: ZipEntrySpec[], languageId = 'python') => {
    const files = [{ data: buildZip(entries).toString('base64') }];
    const response = await fetch(`${server.url}/api/contests/sample/submissions`, { method: 'POST', headers: team, body: JSON.stringify({ problem_id: 'hello', language_id: languageId, files }) });
    return { status: response.status, body: (await response.json()) as { id: string; entry_point?: string; message?: string } };
  };

  test('a Python program in two files with a data file is stored whole, judged AC and given back whole', async () => {
    const answer = await post([
      { name: 'main.py', data: 'import greeting\nprint(greeting.TEXT)\n' },
      { name: 'greeting.py', data: 'TEXT = "Hello, World!"\n' },
      { name: 'readme.txt', data: 'not Python\n' },
    ]);
    assert.equal(answer.status, 202, answer.body.message);
    const stored = server.context.store.submissions.get(answer.body.id);
    assert.equal(stored?.fileName, 'main.py');
    const verdict = await eventually(async () => server.context.store.submissions.get(answer.body.id)?.verdict ?? undefined, 60_000, 'the verdict');
    assert.equal(verdict, 'AC');
    const zip = await fetch(`${server.url}/api/contests/sample/submissions/${answer.body.id}/files`, { headers: team });
    assert.equal(zip.status, 200);
    const files = await sourcesFromZipFile(Buffer.from(await zip.arrayBuffer()));
    assert.deepEqual(files.map((f) => [f.fileName, f.source.toString()]), [
      ['greeting.py', 'TEXT = "Hello, World!"\n'],
      ['main.py', 'import greeting\nprint(greeting.TEXT)\n'],
      ['readme.txt', 'not Python\n'],
    ]);
  });

  test('the module it imports is what it runs: a wrong one beside the entry file is WA', async () => {
    const answer = await post([{ name: 'main.py', data: 'import greeting\nprint(greeting.TEXT)\n' }, { name: 'greeting.py', data: 'TEXT = "Goodbye"\n' }]);
    assert.equal(answer.status, 202, answer.body.message);
    assert.equal(await eventually(async () => server.context.store.submissions.get(answer.body.id)?.verdict ?? undefined, 60_000, 'the verdict'), 'WA');
  });

  test('refused with nothing stored: no file of the language, a symbolic link, a file twice', async () => {
    const before = server.context.store.submissions.list().length;
    const none = await post([{ name: 'a.txt', data: 'x' }, { name: 'b.txt', data: 'y' }]);
    assert.equal(none.status, 400);
    assert.match(none.body.message ?? '', /none of the 2 files is a Python 3 source/);
    assert.equal((await post([{ name: 'main.py', data: 'print(1)\n' }, { name: 'evil.py', data: '/etc/passwd', mode: 0o120777 }])).status, 400);
    assert.equal((await post([{ name: 'main.py', data: 'print(1)\n' }, { name: 'main.py', data: 'print(2)\n' }])).status, 400);
    assert.equal(server.context.store.submissions.list().length, before);
  });

  test('the portal takes a program of several files; the entry is main.* whichever file comes first', async () => {
    const portal = new PortalClient(server.url);
    await portal.login('team3', 'team3-pass');
    const sent = await portal.post<{ id: string; error?: string }>('/api/portal/submissions', {
      problemId: 'hello',
      languageId: 'python',
      fileName: 'greeting.py',
      source: 'TEXT = "Hello, World!"\n',
      otherFiles: [{ fileName: 'main.py', source: 'from greeting import TEXT\nprint(TEXT)\n' }],
    });
    assert.equal(sent.status, 202, sent.body.error);
    assert.equal(server.context.store.submissions.get(sent.body.id)?.fileName, 'main.py');
    assert.deepEqual(server.context.store.submissions.files(sent.body.id)?.map((f) => f.fileName), ['main.py', 'greeting.py']);
    assert.equal(await eventually(async () => server.context.store.submissions.get(sent.body.id)?.verdict ?? undefined, 60_000, 'the verdict'), 'AC');
    // The console's submission view has each file: the entry file's source, then the others.
    const judge = new PortalClient(server.url);
    await judge.login('judge', 'judge-pass');
    const detail = (await judge.post<SubmissionDetail>('/api/console/getSubmission', [sent.body.id])).body;
    assert.equal(detail.source, 'from greeting import TEXT\nprint(TEXT)\n');
    assert.deepEqual(detail.otherFiles, [{ fileName: 'greeting.py', source: 'TEXT = "Hello, World!"\n' }]);
    // So has the team's own submission page.
    const own = (await portal.get<PortalSubmissionDetail>(`/api/portal/submissions/${sent.body.id}`)).body;
    assert.equal(own.submission.fileName, 'main.py');
    assert.equal(own.source, 'from greeting import TEXT\nprint(TEXT)\n');
    assert.deepEqual(own.otherFiles, [{ fileName: 'greeting.py', source: 'TEXT = "Hello, World!"\n' }]);
    const refused = async (otherFiles: unknown, message: RegExp) => {
      const answer = await portal.post<{ error?: string; message?: string }>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'main.py', source: 'print(1)\n', otherFiles });
      assert.equal(answer.status, 400);
      assert.match(answer.body.error ?? answer.body.message ?? '', message);
    };
    await refused([{ fileName: 'main.py', source: '' }], /'main\.py' is there twice/);
    await refused([{ fileName: '../x.py', source: '' }], /bad file name/);
    await refused(Array.from({ length: 16 }, (_, i) => ({ fileName: `m${i}.py`, source: '' })), /otherFiles/);
  });
});
