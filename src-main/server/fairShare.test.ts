// Fair sharing of the workers on a served contest, with real programs on 2 workers: while another team
// waits, a team holds at most one worker (its judging started last is stopped and judged again later,
// with one judgement and one verdict), rejudges give way before first judgings, and a stopped submission
// waits out a judgehost restart in the durable queue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ConsoleSnapshot } from '../shared/judgeApi.ts';
import type { PortalSubmission } from '../shared/portalApi.ts';
import type { EventRow } from '../store/rows.ts';
import { judgeResult } from '../store/testFixtures.ts';
import { PortalClient, eventually, testServer } from '../test-support/http.ts';

const TRIVIAL = 'print("Hello, World!")\n';
/** Correct, and sleeps on each of hello's 4 tests for most of its 2 s wall-clock limit: a worker held about 6 s. */
const SLEEPER = 'import time\ntime.sleep(1.5)\nprint("Hello, World!")\n';
/** A whole sleeper judging and then some, on a loaded machine. */
const JUDGED_WITHIN_MS = 120_000;

let server: Awaited<ReturnType<typeof testServer>>;
const teams = new Map<string, PortalClient>();
/** Submissions put back in the queue after their judging was stopped, in order (the judging service's notices). */
const requeued: string[] = [];

before(async () => {
  server = await testServer({ workers: 2 });
  for (const name of ['team1', 'team2', 'team3', 'judge']) {
    const client = new PortalClient(server.url);
    assert.equal((await client.login(name, `${name}-pass`)).status, 200);
    teams.set(name, client);
  }
  server.context.judging.addProgressListener((live) => {
    if (live.requeued) requeued.push(live.submissionId);
  });
});
after(() => server.close());

async function submit(team: string, source: string): Promise<string> {
  const answer = await teams.get(team)!.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source });
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  return answer.body.id;
}

const status = (id: string) => server.context.store.submissions.get(id)?.status;

const judging = (...ids: string[]) => eventually(async () => (ids.every((id) => status(id) === 'judging') ? true : undefined), 30_000, `${ids.join(', ')} judging`);

const judged = (...ids: string[]) => eventually(async () => (ids.every((id) => status(id) === 'judged') ? true : undefined), JUDGED_WITHIN_MS, `${ids.join(', ')} judged`);

/** The judgement events of a submission's judgements, in token order. */
function judgementEvents(submissionId: string): EventRow[] {
  const ids = new Set(server.context.store.judgements.list({ submissionId }).map((j) => j.id));
  return server.context.store.events.since(null, 1_000_000).filter((e) => e.type === 'judgements' && ids.has(e.id!));
}

/** Token of the event that ended the submission's current judgement. */
function endToken(submissionId: string): number {
  const current = server.context.store.submissions.get(submissionId)!.judgementId;
  const end = judgementEvents(submissionId).find((e) => e.id === current && (e.data as { end_time: string | null }).end_time !== null);
  assert.ok(end, `submission ${submissionId} has a judgement that ended`);
  return Number(end.token);
}

/**
 * The submission's verdict was given once: it has one current judgement, created once and ended once with `verdict`
 * in the event feed, and none of its judgements is left open (no judgement without a verdict forever).
 */
function judgedOnce(submissionId: string, verdict: string): void {
  const { store } = server.context;
  const submission = store.submissions.get(submissionId)!;
  assert.equal(submission.verdict, verdict, `submission ${submissionId}`);
  const judgements = store.judgements.list({ submissionId });
  assert.deepEqual(judgements.filter((j) => j.valid).map((j) => j.id), [submission.judgementId], `one current judgement of ${submissionId}`);
  assert.deepEqual(judgements.filter((j) => j.endTime === null), [], `no judgement of ${submissionId} left open`);
  const events = judgementEvents(submissionId).filter((e) => e.id === submission.judgementId);
  assert.deepEqual(
    events.map((e) => [e.op, (e.data as { judgement_type_id: string | null }).judgement_type_id]),
    [['create', null], ['update', verdict]],
    `the feed shows judgement ${submission.judgementId} of ${submissionId} started once and ended once`,
  );
}

test("a team holding both workers gives one up at once for another team's submission; the stopped one gets its verdict once", { timeout: 240_000 }, async () => {
  const first = await submit('team1', SLEEPER);
  const second = await submit('team1', SLEEPER);
  await judging(first, second);
  const trivial = await submit('team2', TRIVIAL);
  await judged(trivial, first, second);
  // team2's submission did not wait for either of team1's: it was judged before both.
  assert.ok(endToken(trivial) < endToken(first) && endToken(trivial) < endToken(second), 'the trivial submission was judged before both sleepers');
  // Exactly one of team1's was stopped, once, and judged again after; the other kept its worker throughout.
  const stopped = requeued.filter((id) => id === first || id === second);
  assert.equal(stopped.length, 1, `one sleeper stopped once (stopped: ${requeued.join(', ')})`);
  for (const id of [first, second, trivial]) judgedOnce(id, 'AC');
  // The portal shows each once, with its verdict.
  const mine = (await teams.get('team1')!.get<PortalSubmission[]>('/api/portal/submissions')).body.filter((s) => s.id === first || s.id === second);
  assert.deepEqual(mine.map((s) => s.verdict), ['AC', 'AC']);
});

test('a rejudge gives its worker to a first judging before a first judging does', { timeout: 240_000 }, async () => {
  const { store, engine } = server.context;
  requeued.length = 0;
  // team3's sleeper was judged earlier (recorded here) and is rejudged; team1's sleeper is new.
  engine.pool.pause();
  const old = store.submissions.add({ teamId: 'team3', problemId: 'hello', languageId: 'python', fileName: 'a.py', source: Buffer.from(SLEEPER), submittedAt: server.context.now() }).submission.id;
  store.judgements.finish(store.judgements.start(old, 'earlier'), judgeResult('AC', [['sample/1', 'AC', 20]]));
  store.judgements.rejudge(old);
  const live = await submit('team1', SLEEPER);
  engine.pool.resume();
  await judging(old, live);
  const trivial = await submit('team2', TRIVIAL);
  await judged(trivial, old, live);
  assert.deepEqual(requeued, [old], "the rejudge was stopped, team1's first judging was not");
  assert.ok(endToken(trivial) < endToken(live) && endToken(trivial) < endToken(old), 'the trivial submission was judged before both');
  for (const id of [live, trivial, old]) judgedOnce(id, 'AC');
});

test('a stopped submission waits in the queue through a judgehost restart, shown on the console, and is judged once', { timeout: 240_000 }, async () => {
  const { judging: service, engine } = server.context;
  requeued.length = 0;
  const first = await submit('team1', SLEEPER);
  const second = await submit('team1', SLEEPER);
  await judging(first, second);
  // team2's sleeper takes a worker for seconds: team1's stopped one waits meanwhile.
  const other = await submit('team2', SLEEPER);
  const stopped = await eventually(async () => requeued.find((id) => id === first || id === second), 30_000, 'one of team1 stopped');
  const kept = stopped === first ? second : first;
  assert.equal(status(stopped), 'queued');
  const snapshot = (await teams.get('judge')!.post<ConsoleSnapshot>('/api/console/getSnapshot', [])).body;
  assert.deepEqual(
    snapshot.queue.filter((q) => q.submissionId === stopped).map((q) => q.preempted),
    [true],
    'the console shows it waiting again, to be judged from the start',
  );
  const judgementBefore = server.context.store.submissions.get(stopped)!.judgementId;

  const pid = engine.host.pid!;
  process.kill(pid, 'SIGKILL');
  await eventually(async () => (engine.host.health().restarts >= 1 && engine.host.available ? true : undefined), 30_000, 'the judgehost restarted');
  await judged(first, second, other);
  for (const id of [first, second, other]) judgedOnce(id, 'AC');
  assert.equal(server.context.store.submissions.get(stopped)!.judgementId, judgementBefore, 'its judgement went on after the restart');
  assert.ok(endToken(kept) < endToken(stopped) || endToken(other) < endToken(stopped), 'it waited for a worker to free');
  assert.deepEqual(service.running(), []);
});
