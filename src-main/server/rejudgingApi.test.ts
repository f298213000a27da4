// A rejudging over real HTTP: until it is applied, its judgement is in neither the Contest API
// (/judgements, /runs, the event feed) nor the team's portal, and the results cannot be final; applied, it is current everywhere.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RejudgingDetail, RejudgingSummary } from '../shared/judgeApi.ts';
import type { PortalSubmission } from '../shared/portalApi.ts';
import { PortalClient, basic, eventually, testServer } from '../test-support/http.ts';

let server: Awaited<ReturnType<typeof testServer>>;
let judge: PortalClient;
let team: PortalClient;
const judgeAuth = basic('judge', 'judge-pass');

before(async () => {
  server = await testServer({ workers: 1 });
  judge = new PortalClient(server.url);
  team = new PortalClient(server.url);
  assert.equal((await judge.login('judge', 'judge-pass')).status, 200);
  assert.equal((await team.login('team1', 'team1-pass')).status, 200);
});
after(() => server.close());

const call = <T>(method: string, ...args: unknown[]) => judge.post<T>(`/api/console/${method}`, args);

async function clics<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}/api/contests/sample/${path}`, { headers: judgeAuth });
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

async function feedJudgementIds(): Promise<Set<string>> {
  const response = await fetch(`${server.url}/api/contests/sample/event-feed?stream=false`, { headers: judgeAuth });
  const events = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; id: string | null });
  return new Set(events.filter((e) => e.type === 'judgements').map((e) => e.id!));
}

async function teamView(id: string): Promise<PortalSubmission> {
  return (await team.get<PortalSubmission[]>('/api/portal/submissions')).body.find((s) => s.id === id)!;
}

test("a rejudging's judgement reaches the Contest API, the feed and the team only when applied", async () => {
  const submitted = await team.post<PortalSubmission>('/api/portal/submissions', { problemId: 'hello', languageId: 'python', fileName: 'a.py', source: 'print("Hello, World!")\n' });
  assert.equal(submitted.status, 202);
  const id = submitted.body.id;
  await eventually(async () => (server.context.store.submissions.get(id)?.status === 'judged' ? true : undefined), 60_000, 'the first judging');
  const before = server.context.store.submissions.get(id)!.judgementId!;

  const opened = await call<{ rejudging: RejudgingSummary; skipped: number }>('createRejudging', { submissionIds: [id] }, 'a second look');
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  const rid = opened.body.rejudging.id;
  assert.equal((await call('createRejudging', { submissionIds: [id] }, 'again')).status, 400, 'in an open rejudging: nothing left to select');
  assert.equal((await call('rejudgeSubmission', id)).status, 409, 'nor rejudged now');
  const detail = await eventually(async () => {
    const d = (await call<RejudgingDetail>('getRejudging', rid)).body;
    return d.rejudging.done === 1 ? d : undefined;
  }, 60_000, 'the rejudging');
  assert.deepEqual(detail.items.map((i) => [i.submissionId, i.oldVerdict, i.newVerdict]), [[id, 'AC', 'AC']]);
  const rejudged = server.context.store.rejudgings.items(rid)[0].newJudgementId;
  assert.ok(rejudged !== null && rejudged !== before, 'a judgement of its own');

  const judgements = await clics<{ id: string; submission_id: string; current: boolean }[]>('judgements');
  assert.deepEqual(judgements.filter((j) => j.submission_id === id).map((j) => [j.id, j.current]), [[before, true]]);
  assert.equal((await clics<{ judgement_id: string }[]>('runs')).filter((r) => r.judgement_id === rejudged).length, 0);
  assert.equal((await feedJudgementIds()).has(rejudged), false, 'not in the feed');
  assert.equal((await fetch(`${server.url}/api/contests/sample/judgements/${rejudged}`, { headers: judgeAuth })).status, 404);
  const seen = await teamView(id);
  assert.deepEqual([seen.status, seen.verdict, seen.testsDone], ['judged', 'AC', null]);

  // The contest over: its results cannot be final while the rejudging is open.
  const now = Date.now();
  assert.equal((await call('setContestTimes', { startTime: now - 2 * 3_600_000, durationMs: 3_600_000, freezeMs: 0 })).status, 200);
  const finalize = await call<{ error: string }>('finalizeResults');
  assert.deepEqual([finalize.status, finalize.body.error], [409, '1 rejudging is open: apply or cancel first']);

  assert.equal((await call<RejudgingSummary>('applyRejudging', rid)).body.state, 'applied');
  const after = await clics<{ id: string; submission_id: string; current: boolean }[]>('judgements');
  assert.deepEqual(after.filter((j) => j.submission_id === id).map((j) => [j.id, j.current]), [[before, false], [rejudged, true]]);
  assert.ok((await clics<{ judgement_id: string }[]>('runs')).some((r) => r.judgement_id === rejudged));
  assert.equal((await feedJudgementIds()).has(rejudged), true);
  assert.equal(server.context.store.submissions.get(id)!.judgementId, rejudged);
});
