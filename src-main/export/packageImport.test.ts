// `verdict import` of an exported contest package: the round trip (export, import into a fresh data
// folder, export again: every file identical, the store's rows and event log identical), what the
// contest folder must agree on, and a broken package refused with one clear message, nothing written.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setLanguageDisabled } from '../store/languageSettings.ts';
import { loadContest } from '../contest/loadContest.ts';
import type { ContestDefinition } from '../contest/model.ts';
import { FileError } from '../common/errors.ts';
import { judgeResult } from '../store/testFixtures.ts';
import { Store } from '../store/store.ts';
import { TargetExistsError } from '../common/atomicFolder.ts';
import { exportContestPackage } from './contestPackage.ts';
import { readGroupsFile } from '../contest/folderLists.ts';
import { listFiles, MANIFEST, manifestText, sha256File } from '../common/manifest.ts';
import { importContestPackage } from './packageImport.ts';
import { AFTER_END, HOUR, START, makeContest, type TestContest } from './testContest.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-import-test-'));
let c: TestContest;
let pkg: string;
after(() => {
  c.store.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The test contest, plus what a real contest collects on the way: a team deleted after submitting (in three files), a
 *  rejudge, an override, a disabled language, a thawed and finalized state. */
before(async () => {
  c = await makeContest(join(scratch, 'live'));
  const teamsFile = join(c.contestDir, 'teams.json');
  const teams = readFileSync(teamsFile, 'utf8');
  writeFileSync(teamsFile, JSON.stringify([...JSON.parse(teams), { id: 't12', name: 'Leaver', group_ids: ['univ'] }]));
  c.store.contest.import(await loadContest(c.contestDir), { hashPasswords: false, now: START + HOUR });
  // A submission of several files: every file travels (submission_files is in the rows compared).
  const otherFiles = [{ fileName: 'twice.h', source: Buffer.from('int twice(int);\n') }, { fileName: 'a.c', source: Buffer.from('int twice(int n) { return 2 * n; }\n') }];
  const { submission } = c.store.submissions.add({ teamId: 't12', problemId: 'apple', languageId: 'c', fileName: 'main.c', source: Buffer.from('int main(){}'), otherFiles, submittedAt: START + 2 * HOUR });
  c.store.judgements.finish(c.store.judgements.start(submission.id, 'host-2', START + 2 * HOUR + 100), judgeResult('AC', [['secret/1', 'AC', 10]]), START + 2 * HOUR + 900);
  writeFileSync(teamsFile, teams);
  c.def = await loadContest(c.contestDir);
  c.store.contest.import(c.def, { hashPasswords: false, now: START + 2 * HOUR + 5000 });

  c.store.judgements.rejudge('9', START + 3 * HOUR);
  const again = c.store.judgements.start('9', 'host-3', START + 3 * HOUR + 10);
  c.store.judgements.finish(again, judgeResult('WA', [['secret/1', 'WA', 80]]), START + 3 * HOUR + 20);
  c.store.judgements.override('9', 'AC', 'the validator was wrong', 'judge', START + 3 * HOUR + 60_000);
  setLanguageDisabled(c.store, 'javascript', true);
  c.store.contest.markState({ thawed: AFTER_END - 1000, finalized: AFTER_END - 500 }, AFTER_END);
  pkg = join(scratch, 'pkg');
  await exportContestPackage(c.store, pkg, { groups: readGroupsFile(c.contestDir), now: AFTER_END });
});

/** Every row of every table, as comparable text (columns that cannot travel left out). */
function dump(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(
      tables.map((t) => [
        t,
        (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
          .map((row) => {
            // Queue bookkeeping of submissions is not exported: when it was last queued, its priority.
            if (t === 'submissions') for (const k of ['queued_at', 'priority', 'idempotency_key']) delete row[k];
            return JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
          })
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

async function importInto(name: string, def: ContestDefinition = c.def, from = pkg): Promise<string> {
  const data = join(scratch, 'imports', name);
  await importContestPackage(from, def, data, { now: AFTER_END });
  return data;
}

describe('verdict import: round trip', () => {
  test('export, import into a fresh data folder, export again: every file identical', async () => {
    const data = await importInto('round');
    assert.deepEqual(readdirSync(data), ['verdict.db']);
    const store = Store.open(join(data, 'verdict.db'));
    try {
      const second = join(scratch, 'second');
      await exportContestPackage(store, second, { groups: readGroupsFile(c.contestDir), now: AFTER_END });
      const files = await listFiles(pkg);
      assert.deepEqual(await listFiles(second), files);
      assert.ok(files.includes('event-feed.ndjson') && files.includes('scoreboard.json') && files.includes('submissions/23/files.zip'));
      // The manifest last, so that a difference names the file that differs.
      for (const f of [...files.filter((f) => f !== MANIFEST), MANIFEST]) assert.ok(readFileSync(join(second, f)).equals(readFileSync(join(pkg, f))), `${f} differs`);
    } finally {
      store.close();
    }
  });

  test('the imported store holds the same rows and event log as the original (accounts from the contest folder)', async () => {
    const data = await importInto('rows');
    const original = dump(c.dbFile);
    const imported = dump(join(data, 'verdict.db'));
    assert.deepEqual(Object.keys(imported), Object.keys(original));
    for (const table of Object.keys(original)) assert.deepEqual(imported[table], original[table], table);
    assert.ok(original.events.length > 100, `${original.events.length} events`);
    assert.equal(original.overrides.length, 1);
    assert.ok(original.teams.some((t) => t.includes('"t12"') && t.includes('"deleted":1')), 'the deleted team travels too');
    assert.equal(original.submission_files.length, 2, 'the files of a submission of several');
  });

  test('the imported contest goes on: serving it re-reads the contest folder without a new event; the next ids follow', async () => {
    const data = await importInto('goes-on');
    let store = Store.open(join(data, 'verdict.db'));
    const submit = () => store.submissions.add({ teamId: 't10', problemId: 'apple', languageId: 'c', fileName: 'main.c', source: Buffer.from('x'), submittedAt: START + HOUR });
    try {
      const last = store.events.lastToken();
      store.contest.import(c.def, { hashPasswords: false, now: AFTER_END });
      assert.equal(store.events.lastToken(), last, 'unchanged contest folder: nothing to announce');
      assert.equal(store.accounts.byUsername('t3')?.teamId, 't3');
      assert.equal(store.submissions.get('9')?.verdict, 'AC');
      assert.equal(store.judgements.overrides('9')[0]?.reason, 'the validator was wrong');
      assert.equal(store.settings.get('disabled-languages'), '["javascript"]');
      // The package's contest is final and closed for updates, and stays so once imported.
      assert.throws(submit, /results are final/);
    } finally {
      store.close();
    }
    // As a contest imported before its results were final: it takes submissions, numbered after the imported ones.
    const db = new Database(join(data, 'verdict.db'));
    db.prepare('UPDATE contest SET finalized_at = NULL, end_of_updates_at = NULL').run();
    db.close();
    store = Store.open(join(data, 'verdict.db'));
    try {
      const last = store.events.lastToken();
      const next = submit();
      assert.equal(next.submission.id, '24');
      assert.equal(BigInt(store.events.lastToken()!), BigInt(last!) + 1n);
    } finally {
      store.close();
    }
  });

  test('a data folder that holds something is refused unless forced; forced, the old one is kept aside', async () => {
    const data = await importInto('taken');
    await assert.rejects(importInto('taken'), TargetExistsError);
    const result = await importContestPackage(pkg, c.def, data, { force: true, now: AFTER_END });
    assert.ok(result.replaced && existsSync(join(result.replaced, 'verdict.db')));
    assert.deepEqual(result.counts, { teams: 11, problems: 3, submissions: 23, judgements: 24, runs: 24, clarifications: 2, events: result.counts.events });
  });
});

describe('verdict import: what is refused', () => {
  /** A copy of the package with one file changed and its manifest made to match (a broken exporter, not damage). */
  async function variant(name: string, file: string, change: (text: string) => string): Promise<string> {
    const dir = join(scratch, 'variants', name);
    cpSync(pkg, dir, { recursive: true });
    writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
    const hashes = new Map<string, string>();
    for (const f of await listFiles(dir)) if (f !== MANIFEST) hashes.set(f, await sha256File(join(dir, f)));
    writeFileSync(join(dir, MANIFEST), manifestText(hashes));
    return dir;
  }

  /** A list file's items, as editJson hands them to a change. */
  type Items = Record<string, unknown>[];

  function editJson<T = Items>(mutate: (value: T) => void): (text: string) => string {
    return (text) => {
      const value = JSON.parse(text) as T;
      mutate(value);
      return JSON.stringify(value);
    };
  }

  async function refused(name: string, from: string, message: RegExp, def: ContestDefinition = c.def): Promise<void> {
    const data = join(scratch, 'refused', name);
    await assert.rejects(importContestPackage(from, def, data, { now: AFTER_END }), (e: Error) => {
      assert.ok(e instanceof FileError, `${name}: ${e.stack}`);
      assert.match(e.message, message, name);
      assert.doesNotMatch(e.message, /\n/, 'one line');
      return true;
    });
    assert.equal(existsSync(data), false, `${name}: nothing written`);
  }

  test('a damaged package (a file changed after export) or a folder that is not a package', async () => {
    const damaged = join(scratch, 'variants', 'damaged');
    cpSync(pkg, damaged, { recursive: true });
    writeFileSync(join(damaged, 'teams.json'), '[]');
    await refused('damaged', damaged, /damaged: changed: teams\.json/);
    await refused('not-a-package', c.contestDir, /not a contest package exported by Verdict \(no manifest\.sha256\)/);
  });

  test('a contest folder that does not go with the package', async () => {
    const other = join(scratch, 'other-contest');
    cpSync(c.contestDir, other, { recursive: true });
    writeFileSync(join(other, 'contest.yaml'), readFileSync(join(other, 'contest.yaml'), 'utf8').replace('id: export-test', 'id: another'));
    await refused('other-contest', pkg, /holds contest "export-test", but the contest folder .* is contest "another"/, await loadContest(other));
    const fewer = join(scratch, 'fewer-teams');
    cpSync(c.contestDir, fewer, { recursive: true });
    writeFileSync(join(fewer, 'teams.json'), JSON.stringify(JSON.parse(readFileSync(join(fewer, 'teams.json'), 'utf8')).filter((t: { id: string }) => t.id !== 't5')));
    writeFileSync(join(fewer, 'accounts.json'), JSON.stringify(JSON.parse(readFileSync(join(fewer, 'accounts.json'), 'utf8')).filter((a: { id: string }) => a.id !== 'acc-t5')));
    await refused('fewer-teams', pkg, /team "t5" is not in the contest folder's teams/, await loadContest(fewer));
  });

  test('wrong values, broken references and an out-of-order feed: the file, the item and the field named', async () => {
    const cases: [string, string, (text: string) => string, RegExp][] = [
      ['verdict', 'judgements.json', editJson((j) => (j[0].judgement_type_id = 'XX')), /judgements\.json: item 1 \(id "1"\): judgement_type_id: expected a verdict \(AC, WA, .*\), got "XX"$/],
      ['id', 'submissions.json', editJson((s) => (s[2].id = 'abc')), /submissions\.json: item 3 \(id "abc"\): id: expected a numeric id as Verdict writes them \(a package Verdict exported has no other\), got "abc"$/],
      ['time', 'submissions.json', editJson((s) => (s[0].time = 'yesterday')), /submissions\.json: item 1 \(id "\d+"\): time: expected a CLICS TIME such as "2030-01-01T10:00:00\.000Z", got "yesterday"$/],
      ['run-ref', 'runs.json', editJson((r) => (r[0].judgement_id = '999')), /runs\.json: run 1 belongs to judgement 999, which is not in judgements\.json/],
      ['team-ref', 'submissions.json', editJson((s) => (s[0].team_id = 'nobody')), /team "nobody" is not in teams\.json or the event feed/],
      ['two-current', 'judgements.json', editJson<{ current: boolean }[]>((j) => j.forEach((x) => (x.current = true))), /submission 9 has two current judgements/],
      ['json', 'teams.json', () => '[{"id": "t1",', /teams\.json: not valid JSON/],
      ['feed-order', 'event-feed.ndjson', (t) => { const l = t.trimEnd().split('\n'); [l[3], l[4]] = [l[4], l[3]]; return `${l.join('\n')}\n`; }, /event-feed\.ndjson: line 5: token \d+ does not follow \d+/],
      ['feed-times', 'verdict.json', editJson<{ event_times: number[] }>((x) => x.event_times.pop()), /verdict\.json: the file: event_times must list one time \(epoch ms\) per line of event-feed\.ndjson \(\d+\), got \d+$/],
      ['format', 'verdict.json', editJson<{ format: string }>((x) => (x.format = 'something-else')), /not a Verdict contest package/],
      ['details', 'verdict.json', editJson<{ judgements: Record<string, { judgehost: unknown }> }>((x) => (x.judgements['1'].judgehost = 5)), /verdict\.json: "judgements" "1": judgehost: expected a string, got 5$/],
      ['feed-token', 'event-feed.ndjson', (t) => t.replace(/"token":"(\d+)"/, '"token":"t$1"'), /event-feed\.ndjson: line 1: token: expected a token as Verdict writes them \(a whole number\), got "t\d+"$/],
      ['reply', 'clarifications.json', editJson((cl) => (cl[1].reply_to_id = '7')), /clarification 2 replies to 7, which is not an earlier clarification/],
      ['run-ordinal', 'runs.json', editJson((r) => (r[1].judgement_id = r[0].judgement_id)), /inconsistent: UNIQUE constraint failed: runs\.judgement_id, runs\.ordinal/],
    ];
    for (const [name, file, change, message] of cases) await refused(name, await variant(name, file, change), message);
  });

  test('a missing or broken source zip', async () => {
    const missing = await variant('missing-zip', 'api.json', (t) => t);
    rmSync(join(missing, 'submissions', '4', 'files.zip'));
    const hashes = new Map<string, string>();
    for (const f of await listFiles(missing)) if (f !== MANIFEST) hashes.set(f, await sha256File(join(missing, f)));
    writeFileSync(join(missing, MANIFEST), manifestText(hashes));
    await refused('missing-zip', missing, /submissions\/4\/files\.zip: missing: every submission needs its files\.zip/);
    await refused('broken-zip', await variant('broken-zip', 'submissions/5/files.zip', () => 'not a zip'), /submissions\/5\/files\.zip: not a zip file/);
  });

  test('the data folder inside the package is refused', async () => {
    await assert.rejects(importContestPackage(pkg, c.def, join(pkg, 'data')), /must not contain each other/);
    assert.equal(existsSync(join(pkg, 'data')), false);
  });
});
