import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FileError } from '../common/errors.ts';
import { Store } from '../store/store.ts';
import { TargetExistsError } from '../common/atomicFolder.ts';
import { backupFiles, checkBackup, restore } from './backup.ts';
import { MANIFEST } from '../common/manifest.ts';
import { AFTER_END, START, makeContest, type TestContest } from './testContest.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-backup-test-'));
let c: TestContest;
let backupDir: string;
before(async () => {
  c = await makeContest(join(scratch, 'live'));
  backupDir = join(scratch, 'backups', 'b1');
  await backupFiles(c.dbFile, c.contestDir, backupDir, { now: AFTER_END });
});
after(() => {
  c.store.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Everything a store holds that matters, for comparing two stores. */
function dump(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all().map((row) => JSON.stringify(row)).sort()]));
  } finally {
    db.close();
  }
}

describe('backup', () => {
  test('the database, the contest folder, backup.json and a manifest; private', () => {
    assert.deepEqual(readdirSync(backupDir).sort(), ['backup.json', 'contest', MANIFEST, 'verdict.db']);
    assert.deepEqual(readdirSync(join(backupDir, 'contest')).sort(), ['accounts.json', 'apple', 'banana', 'cherry', 'contest.yaml', 'groups.json', 'organizations.yaml', 'problems.yaml', 'teams.json']);
    assert.equal(statSync(backupDir).mode & 0o777, 0o700);
    assert.equal(statSync(join(backupDir, 'verdict.db')).mode & 0o777, 0o600);
    const info = JSON.parse(readFileSync(join(backupDir, 'backup.json'), 'utf8'));
    assert.equal(info.format, 'verdict-backup');
    assert.equal(info.contest_id, 'export-test');
    assert.equal(info.last_event_token, c.store.events.lastToken());
    assert.equal(info.submissions, 22);
    assert.equal(info.created, new Date(AFTER_END).toISOString());
    const db = new Database(join(backupDir, 'verdict.db'), { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'delete', 'one self-contained file');
    db.close();
    assert.deepEqual(readdirSync(backupDir).filter((f) => f.includes('-wal') || f.includes('-shm')), []);
  });

  test('online: the store keeps being written while the backup runs; the backup is one consistent moment', async () => {
    const out = join(scratch, 'backups', 'online');
    const running = backupFiles(c.dbFile, c.contestDir, out);
    for (let i = 0; i < 20; i++) c.store.clarifications.add({ fromTeamId: 't2', toTeamId: null, problemId: null, text: `question ${i}`, replyToId: null, time: START + i * 1000 });
    const made = await running;
    const db = new Database(join(out, 'verdict.db'), { readonly: true });
    try {
      const last = db.prepare('SELECT CAST(max(token) AS TEXT) FROM events').pluck().get();
      assert.equal(last, made.info.last_event_token);
      const clarifications = db.prepare('SELECT count(*) FROM clarifications').pluck().get() as number;
      const events = db.prepare("SELECT count(*) FROM events WHERE type = 'clarifications'").pluck().get() as number;
      assert.equal(clarifications, events, 'rows and their events agree');
    } finally {
      db.close();
    }
  });

  test('symbolic links in the contest folder are copied as the files they point to', async () => {
    const contest = join(scratch, 'linked-contest');
    cpSync(c.contestDir, contest, { recursive: true, dereference: true });
    const shared = join(scratch, 'shared-packages', 'apple');
    mkdirSync(join(scratch, 'shared-packages'), { recursive: true });
    cpSync(join(contest, 'apple'), shared, { recursive: true });
    rmSync(join(contest, 'apple'), { recursive: true });
    symlinkSync(shared, join(contest, 'apple'));
    const out = join(scratch, 'backups', 'linked');
    await backupFiles(c.dbFile, contest, out);
    assert.ok(statSync(join(out, 'contest', 'apple')).isDirectory());
    assert.equal(readFileSync(join(out, 'contest', 'apple', 'data', 'secret', '1.ans'), 'utf8'), '3\n');
  });

  test('refuses to write into the contest folder it copies, or over an existing backup', async () => {
    await assert.rejects(backupFiles(c.dbFile, c.contestDir, join(c.contestDir, 'backup')), FileError);
    await assert.rejects(backupFiles(c.dbFile, c.contestDir, backupDir), TargetExistsError);
  });
});

describe('restore', () => {
  test('brings back the exact database and the contest folder into a fresh data folder', async () => {
    const data = join(scratch, 'machine-2', 'data');
    const r = await restore(backupDir, data);
    assert.equal(r.dbFile, join(data, 'verdict.db'));
    assert.equal(r.replaced, null);
    assert.deepEqual(readdirSync(data).sort(), ['contest', 'verdict.db']);
    assert.deepEqual(dump(r.dbFile), dump(join(backupDir, 'verdict.db')));
    assert.equal(readFileSync(join(r.contestDir, 'teams.json'), 'utf8'), readFileSync(join(c.contestDir, 'teams.json'), 'utf8'));
    const store = Store.open(r.dbFile);
    try {
      assert.equal(store.contest.get()!.id, 'export-test');
      assert.equal(store.submissions.list().length, 22);
      assert.ok(store.submissions.source('22')!.source.equals(c.store.submissions.source('22')!.source));
    } finally {
      store.close();
    }
  });

  test('refuses an existing data folder without force; with force keeps it aside', async () => {
    const data = join(scratch, 'machine-3', 'data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'verdict.db'), 'the current contest');
    await assert.rejects(restore(backupDir, data), TargetExistsError);
    assert.equal(readFileSync(join(data, 'verdict.db'), 'utf8'), 'the current contest');
    const r = await restore(backupDir, data, { force: true, now: AFTER_END });
    assert.equal(r.replaced, `${data}.replaced-2030-01-01T16-00-00-000Z`);
    assert.equal(readFileSync(join(r.replaced, 'verdict.db'), 'utf8'), 'the current contest');
    assert.deepEqual(dump(r.dbFile), dump(join(backupDir, 'verdict.db')));
  });

  test('an empty data folder is fine', async () => {
    const data = join(scratch, 'machine-4', 'data');
    mkdirSync(data, { recursive: true });
    await restore(backupDir, data);
    assert.ok(existsSync(join(data, 'verdict.db')));
  });

  test('refuses a damaged backup, and a folder that is not a backup, writing nothing', async () => {
    const damaged = join(scratch, 'backups', 'damaged');
    cpSync(backupDir, damaged, { recursive: true });
    writeFileSync(join(damaged, 'contest', 'teams.json'), '[]');
    const data = join(scratch, 'machine-5', 'data');
    await assert.rejects(restore(damaged, data), /damaged: changed: contest\/teams\.json/);
    await assert.rejects(checkBackup(c.contestDir), /not a Verdict backup/);
    assert.ok(!existsSync(join(scratch, 'machine-5')) || readdirSync(join(scratch, 'machine-5')).length === 0);
  });
});
