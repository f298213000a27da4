// The judges' console API over real HTTP: judge-only access, the queue and workers, pause and
// resume, worker count, detail with the first failing test, override, rejudge, kill, live output
// with acknowledgements, languages on/off, clarifications.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { buildZip, zipEntries } from '../package/testUtil.ts';
import { LOCAL_JUDGEHOST_ID, type ConsoleEvent, type ConsoleSnapshot, type RejudgingSummary, type SubmissionDetail } from '../shared/judgeApi.ts';
import type { PortalOverview, PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';

let server: Awaited<ReturnType<typeof testServer>>;
let judge: PortalClient;
let team: PortalClient;

// Team import writes into the contest folder: the tests work on a copy of the sample contest.
const contestCopy = mkdtempSync(join(tmpdir(), 'verdict-console-contest-'));
cpSync(resourcePath('sample-contest'), contestCopy, { recursive: true });

before(async () => {
  server = await testServer({ workers: 1, contestDir: contestCopy });
  judge = new PortalClient(server.url);
  team = new PortalClient(server.url);
  assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
});
after(async () => {
  await server.close();
  rmSync(contestCopy, { recursive: true, force: true });
});

const call = <T>(method: string, ...args: unknown[]) => judge.post<T>(`/api/console/${method}`, args);

function submit(source: string, languageId = 'python', fileName = 'a.py') {
  return team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId, fileName, source });
}

const judged = (id: string) =>
  eventually(async () => {
    const s = server.context.store.submissions.get(id);
    return s?.status === 'judged' ? s : undefined;
  }, 30_000, `submission ${id} judged`);

/** A Server-Sent Events stream of the console, read in the background. */
async function stream(client: PortalClient, path: string): Promise<{ frames: string[]; close: () => void }> {
  const sse = await client.sse(path);
  assert.equal(sse.status, 200);
  return sse;
}

describe('access', () => {
  test('teams and anonymous callers are refused', async () => {
    assert.equal((await team.post('/api/console/getSnapshot', [])).status, 403);
    assert.equal((await new PortalClient(server.url).post('/api/console/getSnapshot', [])).status, 401);
    assert.equal((await team.get('/api/console/stream')).status, 403);
    assert.equal((await judge.post('/api/console/dropDatabase', [])).status, 404);
    assert.equal((await judge.post('/api/console/getSnapshot', [], { 'x-csrf-token': 'forged' })).status, 403);
    // Tools may use Basic auth.
    assert.equal((await team.request('POST', '/api/console/getSnapshot', '[]', { ...basic('judge', 'judge-pass'), 'content-type': 'application/json' })).status, 200);
  });
});

describe('steering judging', () => {
  test('pause holds new submissions in the queue, resume judges them; the worker count changes live', async () => {
    const sse = await stream(judge, '/api/console/stream');
    const events = (): ConsoleEvent[] => {
      const batches: ConsoleEvent[][] = [];
      for (const frame of sse.frames.join('').split('\n\n')) if (frame.startsWith('event: batch')) batches.push(JSON.parse(frame.slice(frame.indexOf('data: ') + 6)));
      return batches.flat();
    };
    assert.equal((await call('pauseJudging')).status, 200);
    // Pool events are coalesced per batch (the last state wins): see the paused one before resuming.
    await eventually(async () => (events().some((e) => e.type === 'pool' && e.pool.paused) ? true : undefined), 5000, 'a pool event that says paused');
    const waiting = await submit('print("Hello, World!")\n');
    const snapshot = await eventually(async () => {
      const s = (await call<ConsoleSnapshot>('getSnapshot')).body;
      return s.queue.some((q) => q.submissionId === waiting.body.id) ? s : undefined;
    }, 5000, 'the submission in the queue');
    assert.equal(snapshot.pool.paused, true);
    assert.equal(snapshot.queue[0].estimatedStart, null, 'no estimate while paused');
    // A pump with a free worker starts the next judging at once (its judgement is written before pump returns): paused, it starts none.
    assert.equal(server.context.engine.pool.busy, 0);
    server.context.judging.pump();
    assert.equal(server.context.store.submissions.get(waiting.body.id)!.status, 'queued', 'nothing is judged while paused');
    // The queue too is sent as its latest state: see it pushed with the waiting submission before resuming.
    await eventually(async () => (events().some((e) => e.type === 'queue' && e.queue.some((q) => q.submissionId === waiting.body.id)) ? true : undefined), 5000, 'the queue pushed');
    await call('resumeJudging');
    assert.equal((await judged(waiting.body.id)).verdict, 'AC');
    await call('setWorkers', 2);
    assert.equal((await call<ConsoleSnapshot>('getSnapshot')).body.pool.workers, 2);
    assert.equal((await call('setWorkers', 0)).status, 400);
    // Arguments of the wrong types are refused before the service sees them (shared/judgeRequests.ts).
    const notBoolean = await call<{ error: string }>('setLanguageEnabled', 'javascript', 'no');
    assert.equal(notBoolean.status, 400);
    assert.match(notBoolean.body.error, /setLanguageEnabled: enabled: /);
    assert.equal((await call('getSnapshot', 'extra')).status, 400, 'too many arguments');
    assert.equal((await call('getSubmission', { id: waiting.body.id })).status, 400, 'an id is a string');
    await call('setWorkers', 1);
    // Events are batched (at most every 33 ms): wait for the batch with the verdict before closing.
    await eventually(async () => (sse.frames.join('').includes(`"id":"${waiting.body.id}"`) && sse.frames.join('').includes('"verdict":"AC"') ? true : undefined), 5000, 'the verdict event');
    sse.close();
    const flat = events();
    assert.ok(flat.some((e) => e.type === 'submission' && e.submission.id === waiting.body.id && e.submission.verdict === 'AC'), 'the verdict arrived as an event');
  });

  test('the local judgehost is listed; paused it takes no judging, resumed it judges; it cannot be drained', async () => {
    const local = async () => (await call<ConsoleSnapshot>('getSnapshot')).body.judgehosts.find((j) => j.local)!;
    const listed = await local();
    assert.equal(listed.id, LOCAL_JUDGEHOST_ID);
    assert.equal(listed.state, 'live');
    assert.equal(listed.workers, server.context.engine.localWorkers);
    assert.equal(listed.sandbox, server.context.engine.host.sandbox.level);
    // Without remote judgehosts it is not calibrated (nothing to compare it with).
    assert.equal(listed.speedFactor, null);
    assert.equal((await call('setJudgehostMode', LOCAL_JUDGEHOST_ID, 'paused')).status, 200);
    assert.equal((await local()).state, 'paused');
    // Nothing judges now: the judges are told why (and /health says so).
    assert.ok((await call<ConsoleSnapshot>('getSnapshot')).body.pool.problems.some((p) => /the local one is paused by a judge/.test(p)));
    const waiting = await submit('print("Hello, World!")\n');
    server.context.judging.pump();
    assert.equal(server.context.engine.pool.busy, 0, 'its workers take nothing');
    assert.equal(server.context.store.submissions.get(waiting.body.id)!.status, 'queued');
    const drain = await call<{ error: string }>('setJudgehostMode', LOCAL_JUDGEHOST_ID, 'draining');
    assert.equal(drain.status, 400);
    assert.match(drain.body.error, /cannot be drained/);
    assert.equal((await call('setJudgehostMode', 'remote:nobody', 'paused')).status, 404);
    assert.equal((await call('setJudgehostMode', LOCAL_JUDGEHOST_ID, 'active')).status, 200);
    assert.equal((await judged(waiting.body.id)).verdict, 'AC');
    assert.equal((await local()).state, 'live');
  });

  test('the detail shows the first failing test side by side; override is audited; rejudge judges again', async () => {
    const wrong = await submit('print("Hello World")\n');
    await judged(wrong.body.id);
    const detail = (await call<SubmissionDetail>('getSubmission', wrong.body.id)).body;
    assert.equal(detail.submission.verdict, 'WA');
    assert.equal(detail.source, 'print("Hello World")\n');
    assert.equal(detail.failing?.output, 'Hello World\n');
    assert.equal(detail.failing?.expected, 'Hello, World!\n');
    assert.match(detail.failing?.message ?? '', /expected/);
    assert.ok(detail.runs.length >= 1);

    assert.equal((await call('overrideVerdict', wrong.body.id, 'AC', '')).status, 400, 'a reason is required');
    assert.equal((await call('overrideVerdict', wrong.body.id, 'AC', 'the comma is optional')).status, 200);
    const overridden = (await call<SubmissionDetail>('getSubmission', wrong.body.id)).body;
    assert.equal(overridden.submission.verdict, 'AC');
    assert.equal(overridden.submission.overridden, true);
    assert.deepEqual(overridden.overrides.map((o) => [o.previous, o.verdict, o.reason, o.by]), [['WA', 'AC', 'the comma is optional', 'judge']]);

    await call('rejudgeSubmission', wrong.body.id);
    const again = await judged(wrong.body.id);
    assert.equal(again.verdict, 'WA', 'a rejudge judges anew');
    const opened = (await call<{ rejudging: RejudgingSummary; skipped: number }>('createRejudging', { problemIds: ['hello'] }, 'all of hello')).body;
    assert.equal(opened.rejudging.total >= 2, true);
    assert.equal((await call<RejudgingSummary>('cancelRejudging', opened.rejudging.id)).body.state, 'cancelled');
  });

  test('live output streams to a watcher with acknowledgements, and a run can be killed', async () => {
    const chatty = await submit('import sys, time\nfor i in range(200):\n    print("line", i, flush=True)\n    sys.stderr.write("progress %d\\n" % i)\n    time.sleep(0.05)\n');
    const sse = await eventually(async () => (server.context.judging.running().some((l) => l.submissionId === chatty.body.id) ? stream(judge, `/api/console/output/${chatty.body.id}`) : undefined), 10_000, 'judging to start');
    await eventually(async () => (sse.frames.join('').includes('event: output') ? true : undefined), 10_000, 'output on the stream');
    assert.equal((await judge.post('/api/console/ackOutput', [chatty.body.id, 10])).status, 200);
    assert.equal((await call('killRun', chatty.body.id)).status, 200);
    const killed = await judged(chatty.body.id);
    assert.equal(killed.verdict, 'JE');
    const detail = (await call<SubmissionDetail>('getSubmission', chatty.body.id)).body;
    assert.match(detail.judgeError ?? '', /killed by a judge/);
    sse.close();
    assert.match(sse.frames.join(''), /line|progress/, 'the program\'s output reached the console');
    assert.equal((await call('killRun', chatty.body.id)).status, 409, 'nothing left to kill');
  });

  test('a language switched off disappears from the portal and is refused', async () => {
    await call('setLanguageEnabled', 'javascript', false);
    const overview = (await team.get<PortalOverview>('/api/portal/overview')).body;
    assert.ok(!overview.languages.some((l) => l.id === 'javascript'));
    const refused = await submit('console.log("Hello, World!")', 'javascript', 'a.js');
    assert.equal(refused.status, 400);
    assert.match((refused.body as unknown as { error: string }).error, /switched off/);
    await call('setLanguageEnabled', 'javascript', true);
    assert.equal((await submit('console.log("Hello, World!")', 'javascript', 'a.js')).status, 202);
    const snapshot = (await call<ConsoleSnapshot>('getSnapshot')).body;
    assert.equal(snapshot.languages.find((l) => l.id === 'javascript')?.enabled, true);
  });

  test('answers and announcements, contest times, thawing', async () => {
    const question = await team.post<{ id: string }>('/api/portal/clarifications', { problemId: 'hello', text: 'Trailing newline?' });
    const answer = await call<{ id: string; toTeamId: string }>('answerClarification', { replyToId: question.body.id, toTeamId: 'team1', problemId: 'hello', text: 'Either is fine.' });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.toTeamId, 'team1');
    const seen = (await team.get<{ text: string }[]>('/api/portal/clarifications')).body.map((c) => c.text);
    assert.ok(seen.includes('Either is fine.'));

    const contest = server.context.store.contest.get()!;
    assert.equal((await call('setContestTimes', { startTime: contest.startTime, durationMs: 1000, freezeMs: 5000 })).status, 400);
    assert.equal((await call('setContestTimes', { startTime: contest.startTime, durationMs: 6 * 3_600_000, freezeMs: 3_600_000, penaltyMinutes: 15 })).status, 200);
    assert.equal(server.context.store.contest.get()!.durationMs, 6 * 3_600_000);
    assert.equal(server.context.store.contest.get()!.penaltyMinutes, 15);
    assert.equal((await call('setContestTimes', { startTime: contest.startTime, durationMs: 6 * 3_600_000, freezeMs: 3_600_000, penaltyMinutes: -1 })).status, 400);
    await call('setThawed', true);
    assert.equal((await call<ConsoleSnapshot>('getSnapshot')).body.clock.thawed, true);
  });
});

describe('teams', () => {
  test('imported teams get accounts with generated passwords that log in at once; the sheet lists them', async () => {
    const summary = await call<{ added: number; updated: number; newAccounts: number }>('importTeams', 'id,name\nteam6,Six Pack\nteam1,Segfault Society\n');
    assert.deepEqual(summary.body, { added: 1, updated: 1, newAccounts: 1 });
    const sheet = (await call<{ teamId: string; username: string; password: string | null }[]>('getPasswordSheet')).body;
    const six = sheet.find((e) => e.teamId === 'team6')!;
    assert.equal(six.username, 'team6');
    assert.match(six.password ?? '', /^\w{10}$/);
    const newcomer = new PortalClient(server.url);
    assert.equal((await newcomer.login('team6', six.password!)).status, 200);
    assert.equal((await newcomer.post('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source: 'print("Hello, World!")' })).status, 202);
    const bad = await call('importTeams', 'id,name\n../evil,x\n');
    assert.equal(bad.status, 400);
    assert.match((bad.body as { error: string }).error, /bad team id/);
    assert.equal((await team.post('/api/console/getPasswordSheet', [])).status, 403, 'teams never see the sheet');
  });
});

describe('problems', () => {
  test('a problem package uploaded from the console joins the contest with the next label and is judged', async () => {
    const dir = join(resourcePath('sample-contest'), 'hello');
    const files: Record<string, string> = { 'problem.yaml': readFileSync(join(dir, 'problem.yaml'), 'utf8') };
    for (const group of ['sample', 'secret']) {
      for (const name of readdirSync(join(dir, 'data', group))) files[`data/${group}/${name}`] = readFileSync(join(dir, 'data', group, name), 'utf8');
    }
    const zip = buildZip(zipEntries(files));
    const upload = (client: PortalClient, name: string, body: Uint8Array, type = 'application/zip') =>
      client.request<{ id: string; label: string } | { error: string }>('POST', `/api/console/importProblem?name=${encodeURIComponent(name)}`, body, { 'content-type': type, 'x-csrf-token': client.csrf });
    const uploadsLeft = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`verdict-upload-${process.pid}-`));
    const added = await upload(judge, 'greeting.zip', zip);
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual(added.body, { id: 'greeting', label: 'D', name: 'Hello, World!' });
    assert.ok(existsSync(join(contestCopy, 'greeting.zip')));
    const overview = (await team.get<PortalOverview>('/api/portal/overview')).body;
    assert.ok(overview.problems.some((p) => p.id === 'greeting' && p.label === 'D'));
    const answer = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'greeting', languageId: 'python', fileName: 'g.py', source: 'print("Hello, World!")\n' });
    assert.equal(answer.status, 202);
    assert.equal((await judged(answer.body.id)).verdict, 'AC');

    const again = await upload(judge, 'greeting.zip', zip);
    assert.equal(again.status, 400);
    assert.match((again.body as { error: string }).error, /already has a problem "greeting"/);
    const broken = await upload(judge, 'broken.zip', Buffer.from('not a zip'));
    assert.equal(broken.status, 400);
    assert.match((broken.body as { error: string }).error, /not a zip/);
    assert.ok(!existsSync(join(contestCopy, 'broken.zip')), 'nothing half-imported is left');
    assert.deepEqual(uploadsLeft(), [], 'every uploaded file is removed once answered');
    const badName = await upload(judge, 'not an id.zip', zip);
    assert.equal(badName.status, 400);
    assert.match((badName.body as { error: string }).error, /problem id/);
    assert.equal((await upload(judge, 'json.zip', Buffer.from('["json.zip", "UEsDBA=="]'), 'application/json')).status, 415, 'the old base64 JSON is refused');
    assert.equal((await upload(team, 'x.zip', zip)).status, 403);
    assert.deepEqual(uploadsLeft(), []);
  });

  test('large test files are shown by their start only, marked as cut, in the detail and the samples', async () => {
    const SHOWN = 64 * 1024;
    const files = {
      'problem.yaml': 'name: Long lines\n',
      'data/sample/1.in': 'a'.repeat(3 * SHOWN),
      'data/sample/1.ans': 'b'.repeat(3 * SHOWN),
    };
    const added = await judge.request('POST', '/api/console/importProblem?name=long.zip', buildZip(zipEntries(files)), { 'content-type': 'application/zip', 'x-csrf-token': judge.csrf });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const sample = (await team.get<PortalOverview>('/api/portal/overview')).body.problems.find((p) => p.id === 'long')!.samples[0];
    assert.deepEqual([sample.input.length, sample.answer.length], [SHOWN, SHOWN]);
    const wrong = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'long', languageId: 'python', fileName: 'w.py', source: 'print("c")\n' });
    assert.equal((await judged(wrong.body.id)).verdict, 'WA');
    const failing = (await call<SubmissionDetail>('getSubmission', wrong.body.id)).body.failing!;
    assert.equal(failing.input, 'a'.repeat(SHOWN));
    assert.equal(failing.expected, 'b'.repeat(SHOWN));
    assert.equal(failing.truncated, true);
  });

  test('a package announced larger than the limit is refused before its body is written', { timeout: 30_000 }, async () => {
    // Announce 300 MiB, send a little, and wait for the answer: a server that wrote the body first
    // would answer only after its request timeout.
    const url = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/console/importProblem?name=huge.zip',
          headers: { ...basic('judge', 'judge-pass'), 'content-type': 'application/zip', 'content-length': String(300 * 1024 * 1024) },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.write(Buffer.alloc(64 * 1024));
    });
    assert.equal(status, 413);
    assert.ok(!existsSync(join(contestCopy, 'huge.zip')));
  });
});

describe('exports', () => {
  test('an export runs in the background and its files can be opened', async () => {
    const started = await call<{ id: string; state: string }>('startExport');
    assert.equal(started.status, 200);
    assert.equal(started.body.state, 'running');
    // The portal keeps answering while the export runs.
    assert.equal((await team.get('/api/portal/overview')).status, 200);
    const job = await eventually(async () => {
      const jobs = (await call<{ id: string; state: string; message: string; filesWritten: number }[]>('listExports')).body;
      const found = jobs.find((j) => j.id === started.body.id);
      return found && found.state !== 'running' ? found : undefined;
    }, 60_000, 'the export to finish');
    assert.equal(job.state, 'done', job.message);
    assert.ok(job.filesWritten > 10);
    const results = await judge.get<string>(`/api/console/exports/${job.id}/results.tsv`);
    assert.equal(results.status, 200);
    assert.match(String(results.body), /^results\t1\n/);
    const html = await judge.get<string>(`/api/console/exports/${job.id}/standings.html`);
    assert.match(String(html.body), /Segfault Society/);
    assert.equal((await judge.get(`/api/console/exports/${job.id}/..%2F..%2Fverdict.db`)).status, 404);
    assert.equal((await team.get(`/api/console/exports/${job.id}/results.tsv`)).status, 403);
  });

  test('the CLICS awards endpoint: judges always, teams once the results are released (an empty list before)', async () => {
    const awards = await judge.get<{ id: string; team_ids: string[] }[]>('/api/contests/sample/awards');
    assert.equal(awards.status, 200);
    assert.ok(awards.body.some((a) => a.id === 'winner'));
    await call('setThawed', false);
    const before = await team.get<unknown[]>('/api/contests/sample/awards');
    assert.equal(before.status, 200);
    assert.deepEqual(before.body, [], 'none before the results are out');
    await call('setThawed', true);
    const released = await team.get<{ id: string }[]>('/api/contests/sample/awards');
    assert.equal(released.status, 200);
    assert.ok(released.body.some((a) => a.id === 'winner'));
  });
});

describe('the fair queue', () => {
  test("the console's queue and the portal's queue positions follow the judging order: teams take turns", async () => {
    const team2 = new PortalClient(server.url);
    assert.equal((await team2.login('team2', 'team2-pass')).status, 200);
    assert.equal((await call('pauseJudging')).status, 200);
    const { store } = server.context;
    // A team's submission being judged counts as its turn: start from idle workers (earlier tests' rejudges may still run).
    await eventually(async () => (store.queue.stats(server.context.now()).judging === 0 ? true : undefined), 60_000, 'idle workers');
    // Straight into the store: the portal's rate limit would not let one team queue four at once.
    const add = (teamId: string) =>
      store.submissions.add({ teamId, problemId: 'hello', languageId: 'python', fileName: 'a.py', source: Buffer.from('print("Hello, World!")\n'), submittedAt: server.context.now() }).submission.id;
    const mine = [add('team1'), add('team1'), add('team1'), add('team1')];
    const theirs = add('team2');
    try {
      const snapshot = await eventually(async () => {
        const s = (await call<ConsoleSnapshot>('getSnapshot')).body;
        return s.queue.some((q) => q.submissionId === theirs) ? s : undefined;
      }, 5000, 'the queue with both teams');
      const ours = new Set([...mine, theirs]);
      assert.deepEqual(snapshot.queue.filter((q) => ours.has(q.submissionId)).map((q) => q.submissionId), [mine[0], theirs, mine[1], mine[2], mine[3]], "team2's one is not behind all of team1's");
      assert.deepEqual(snapshot.queue.map((q) => q.submissionId), store.queue.list(snapshot.queue.length).map((s) => s.id), 'the console shows the order judging takes');
      assert.deepEqual(snapshot.queue.map((q) => q.position), snapshot.queue.map((_, i) => i + 1));
      const place = (id: string) => snapshot.queue.find((q) => q.submissionId === id)!.position;

      const portal2 = (await team2.get<PortalSubmission[]>('/api/portal/submissions')).body.find((s) => s.id === theirs)!;
      assert.equal(portal2.queuePosition, place(theirs), "the team's queue position is its place on the console");
      const portal1 = (await team.get<PortalSubmission[]>('/api/portal/submissions')).body.filter((s) => mine.includes(s.id));
      assert.deepEqual(portal1.map((s) => [s.id, s.queuePosition]), [...mine].reverse().map((id) => [id, place(id)]));
    } finally {
      await call('resumeJudging');
    }
    for (const id of [...mine, theirs]) await judged(id);
  });
});
