// A team opens its own submission (GET /api/portal/submissions/:id), during the freeze: its source,
// its compiler output, its samples; nothing of a secret test case; and nobody else gets anything,
// not even whether the id exists, whatever the spelling of the URL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PortalSubmission, PortalSubmissionDetail } from '../shared/portalApi.ts';
import { PortalClient, eventually, testServer } from '../test-support/http.ts';
import { cutCompileOutput } from './ownSubmission.ts';

let server: Awaited<ReturnType<typeof testServer>>;
const clients = new Map<string, PortalClient>();

before(async () => {
  server = await testServer({ workers: 1 });
  // "Now" falls in the last hour: the freeze, when a team still sees its own verdicts and nobody else's.
  const contest = server.context.store.contest.get()!;
  server.context.store.contest.setTimes({ startTime: Date.now() - (contest.durationMs - contest.freezeMs) - 60_000 });
  for (const team of ['team1', 'team2']) {
    const client = new PortalClient(server.url);
    assert.equal((await client.login(team, `${team}-pass`)).status, 200);
    clients.set(team, client);
  }
});
after(async () => {
  await server.close();
});

const as = (team: string): PortalClient => clients.get(team)!;

async function submit(team: string, problemId: string, source: string): Promise<string> {
  const answer = await as(team).post<PortalSubmission>('/api/portal/submissions', { problemId, languageId: 'python', fileName: 'a.py', source });
  assert.equal(answer.status, 202);
  return answer.body.id;
}

/** The owner's view of a submission once it is judged. */
function judged(team: string, id: string): Promise<PortalSubmissionDetail> {
  return eventually(
    async () => {
      const answer = await as(team).get<PortalSubmissionDetail>(`/api/portal/submissions/${id}`);
      assert.equal(answer.status, 200);
      return answer.body.submission.status === 'judged' ? answer.body : undefined;
    },
    60_000,
    `the verdict of ${id}`,
  );
}

test('a wrong answer on a sample: the source, the verdict and time of the sample, its input, expected answer and own output', async () => {
  const source = '# wrong: no comma\nprint("Hello World")\n';
  const id = await submit('team1', 'hello', source);
  const detail = await judged('team1', id);
  assert.equal(detail.submission.id, id);
  assert.equal(detail.submission.verdict, 'WA');
  assert.equal(detail.source, source);
  assert.equal(detail.compileOutput, '');
  assert.equal(detail.samples.length, 1);
  const [sample] = detail.samples;
  assert.equal(sample.verdict, 'WA');
  assert.equal(typeof sample.timeMs, 'number');
  assert.deepEqual(sample.wrongAnswer, { input: '', expected: 'Hello, World!\n', output: 'Hello World\n', truncated: false });
});

test('a compile error: the compiler output, no sample run', async () => {
  const id = await submit('team1', 'hello', 'print("unclosed"\n');
  const detail = await judged('team1', id);
  assert.equal(detail.submission.verdict, 'CE');
  assert.match(detail.compileOutput, /SyntaxError|never closed|unexpected EOF/);
  assert.equal(detail.compileOutputOmittedChars, 0);
  assert.deepEqual(
    detail.samples.map((s) => [s.verdict, s.wrongAnswer]),
    [[null, null]],
  );
});

test('a submission that passes the samples and fails a secret test case shows nothing of that test case', async () => {
  // Right on the samples (small sums), wrong on the large secret ones.
  const source = 'a, b = map(int, input().split())\nprint(a + b if abs(a + b) < 1000 else 7)\n';
  const id = await submit('team1', 'sum', source);
  const detail = await judged('team1', id);
  assert.equal(detail.submission.verdict, 'WA');
  assert.deepEqual(
    detail.samples.map((s) => [s.name, s.verdict, s.wrongAnswer]),
    [
      ['sample/1', 'AC', null],
      ['sample/2', 'AC', null],
    ],
  );
  const text = JSON.stringify(detail);
  assert.doesNotMatch(text, /secret/);
  // The program's output on the failing secret test case ("7") and that test case's data stay with the judges.
  const judgement = server.context.store.judgements.get(server.context.store.submissions.get(id)!.judgementId!)!;
  assert.equal(judgement.failingOutput, '7\n');
  assert.doesNotMatch(text, /1000000000000000000/);
});

test("another team, a logged-out browser and other spellings of the URL get nothing: the answer for an id that does not exist", async () => {
  const marker = 'only-team1-knows-this';
  const id = await submit('team1', 'hello', `print("Hello, World!")  # ${marker}\n`);
  await judged('team1', id);
  const missing = String(Number(id) + 1000);

  const nobody = await as('team2').get(`/api/portal/submissions/${missing}`);
  assert.equal(nobody.status, 404);
  const other = await as('team2').get(`/api/portal/submissions/${id}`);
  assert.equal(other.status, 404);
  assert.deepEqual(other.body, nobody.body);

  const spellings = (n: string): string[] => [
    `/api/portal/submissions/${n}/`,
    `/api/portal/submissions/0${n}`,
    `/api/portal/submissions/%3${n.split('').join('%3')}`,
    `/api/portal/submissions/${n}?teamId=team1`,
    `/api/portal/submissions/${n}.json`,
    `/api/portal/Submissions/${n}`,
    `/api/portal/./submissions/${n}`,
    `//api/portal/submissions/${n}`,
    `/api/portal/submissions/${n}%00`,
    `/api/portal/submissions/+${n}`,
  ];
  const asMissing = spellings(missing);
  for (const [i, path] of spellings(id).entries()) {
    const answer = await as('team2').get(path);
    const control = await as('team2').get(asMissing[i]);
    // (A path outside /api/ gets the portal's page where the pages are built: the same page whatever the id.)
    assert.ok(answer.status >= 400 || !path.startsWith('/api/'), `${path} answers ${answer.status}`);
    assert.equal(answer.status, control.status, path);
    assert.doesNotMatch(JSON.stringify(answer.body), new RegExp(marker), path);
    if (!path.startsWith('/api/')) {
      // The portal's page: the very same bytes (its asset names may hold any digits, so no id is replaced in it).
      assert.equal(answer.body, control.body, path);
      continue;
    }
    // Fastify's own 404 names the path: the same words but for the id.
    assert.equal(JSON.stringify(answer.body).replace(new RegExp(`(?<!\\d)${id}(?!\\d)`, 'g'), missing), JSON.stringify(control.body), path);
  }

  // Logged out: the same answer whether the id exists or not.
  const stranger = new PortalClient(server.url);
  const existing = await stranger.get(`/api/portal/submissions/${id}`);
  const absent = await stranger.get(`/api/portal/submissions/${missing}`);
  assert.equal(existing.status, 401);
  assert.equal(absent.status, existing.status);
  assert.deepEqual(existing.body, absent.body);

  // The owner still gets it.
  assert.match((await as('team1').get<PortalSubmissionDetail>(`/api/portal/submissions/${id}`)).body.source, new RegExp(marker));
});

test('compiler output is cut at a line end near the limit, saying how much was left out', () => {
  assert.deepEqual(cutCompileOutput('short\n', 100), { text: 'short\n', omitted: 0 });
  const lines = Array.from({ length: 20 }, (_, i) => `error ${i}: something is wrong here\n`).join('');
  const cut = cutCompileOutput(lines, 100);
  assert.ok(cut.text.endsWith('\n') && cut.text.length <= 100 && cut.text.length > 50, JSON.stringify(cut.text));
  assert.equal(cut.text.length + cut.omitted, lines.length);
  // One long line: cut at the limit itself.
  assert.deepEqual(cutCompileOutput('x'.repeat(300), 100), { text: 'x'.repeat(100), omitted: 200 });
});
