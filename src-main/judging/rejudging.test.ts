// A rejudging judged for real: programs judged against a problem's test data, the test data changed, the
// judging service started again (as after a restart) judges the rejudging's submissions into judgements
// nobody else sees, and the diff says which verdicts would change; applying it changes them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { rejudgingDetail } from '../console/rejudgingViews.ts';
import { ProblemCatalogue } from '../contest/problemCatalogue.ts';
import type { Store } from '../store/store.ts';
import { contestDefinition, HOUR, START, tempStore, type TempStore } from '../store/testFixtures.ts';
import { startEngine } from '../test-support/fixtures.ts';
import { helloFiles, writePackage } from '../test-support/packages.ts';
import type { JudgeEngine } from './engine.ts';
import { JudgingService, type LiveJudging } from './judgingService.ts';

/** Python judgings of two tests each, on a loaded machine. */
const JUDGED_WITHIN_MS = 120_000;
const POLL_MS = 50;

let engine: JudgeEngine;
let t: TempStore;
let packageDir: string;

before(async () => {
  engine = await startEngine(2);
  packageDir = writePackage(mkdtempSync(join(tmpdir(), 'verdict-rejudging-')), helloFiles());
  t = tempStore({ imported: false });
  const definition = contestDefinition();
  definition.problems = definition.problems.map((p) => (p.id === 'hello' ? { ...p, packagePath: packageDir } : p));
  t.store.contest.import(definition, { hashPasswords: false, now: START - HOUR });
});
after(async () => {
  t.dispose();
  rmSync(packageDir, { recursive: true, force: true });
  await engine.close();
});

function submit(store: Store, teamId: string, source: string): string {
  return store.submissions.add({ teamId, problemId: 'hello', languageId: 'python', fileName: 'main.py', source: Buffer.from(source), submittedAt: START + 60_000 }).submission.id;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + JUDGED_WITHIN_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A judging service over the package as it is on disk now (a restarted core reads it anew). */
function service(store: Store): JudgingService {
  return new JudgingService(store, engine, new ProblemCatalogue(store.contest.problems().map((p) => ({ ...p, packagePath: packageDir }))));
}

test('test data changed between the judgements: the rejudging shows which verdicts would change, and applying changes them', async () => {
  const store = t.store;
  const greets = submit(store, 't1', 'print("Hello, Verdict!")\n');
  const waves = submit(store, 't2', 'print("Goodbye, Verdict!")\n');
  const crashes = submit(store, 't2', 'raise SystemExit(3)\n');
  const ids = [greets, waves, crashes];
  const first = service(store);
  first.start();
  await until(() => ids.every((id) => store.submissions.get(id)!.status === 'judged'), 'the first judgings');
  first.stop();
  const verdicts = () => ids.map((id) => store.submissions.get(id)!.verdict);
  assert.deepEqual(verdicts(), ['AC', 'WA', 'RTE']);

  // The judges decide the answer was wrong all along.
  for (const file of ['data/sample/1.ans', 'data/secret/1.ans']) writeFileSync(join(packageDir, file), 'Goodbye, Verdict!\n');
  const r = store.rejudgings.create(ids, 'the greeting is goodbye', 'judge');
  const before = store.events.lastToken();
  const again = service(store);
  const notices: LiveJudging[] = [];
  const rejudged: string[] = [];
  again.addProgressListener((live) => notices.push({ ...live }));
  again.onRejudged = (rejudgingId) => rejudged.push(rejudgingId);
  again.start();
  try {
    await until(() => store.rejudgings.get(r.id)!.done === ids.length, 'the rejudging');
    assert.deepEqual(verdicts(), ['AC', 'WA', 'RTE'], 'nobody else sees the new verdicts yet');
    assert.deepEqual(store.events.since(before, 1000).filter((e) => e.type === 'judgements' || e.type === 'runs'), [], 'nothing in the feed');
    assert.ok(notices.length > 0 && notices.every((n) => n.rejudgingId === r.id), "every step was the rejudging's (a team's portal hears none)");
    assert.deepEqual(rejudged, [r.id, r.id, r.id]);

    const detail = rejudgingDetail(store.rejudgings.get(r.id)!, store.rejudgings.items(r.id));
    assert.deepEqual(
      detail.items.map((i) => [i.submissionId, i.oldVerdict, i.newVerdict]),
      [[greets, 'AC', 'WA'], [waves, 'WA', 'AC'], [crashes, 'RTE', 'RTE']],
    );
    assert.deepEqual(detail.changes, [
      { from: 'AC', to: 'WA', count: 1 },
      { from: 'WA', to: 'AC', count: 1 },
      { from: 'RTE', to: 'RTE', count: 1 },
    ]);
    assert.equal(detail.changed, 2);

    store.rejudgings.apply(r.id, 'judge');
    assert.deepEqual(verdicts(), ['WA', 'AC', 'RTE']);
    const announced = store.events.since(before, 1000).filter((e) => e.type === 'judgements' && e.op === 'update' && (e.data as { current: boolean }).current);
    assert.deepEqual(announced.map((e) => (e.data as { judgement_type_id: string }).judgement_type_id), ['WA', 'AC', 'RTE'], 'each new verdict in the feed once applied');
  } finally {
    again.stop();
  }
});
