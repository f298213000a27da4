// The contest store on real SQLite files in temporary folders.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { contestObject, judgementObject, problemObject, stateObject } from './clics.ts';
import { parseRelTime, relTime } from '../clics/time.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { eventAudience, EVERYONE, JUDGES_ONLY, maySee, storedAudience } from './eventAudience.ts';
import { latestVersion, migrate, MIGRATIONS, type Migration } from './schema.ts';
import { Store, StoreError, type EventRow, type StoredEvent, type TeamRow } from './store.ts';
import { contestDefinition, HOUR, judgeResult, source, START, tempStore } from './testFixtures.ts';

function submit(store: Store, teamId: string, text: string, extra: { problemId?: string; key?: string | null; at?: number } = {}) {
  return store.submissions.add({
    teamId,
    problemId: extra.problemId ?? 'hello',
    languageId: 'python',
    fileName: 'main.py',
    source: source(text),
    submittedAt: extra.at ?? START + 60_000,
    idempotencyKey: extra.key ?? null,
  });
}

function eventsAfter(store: Store, token: string | null): StoredEvent[] {
  return store.events.since(token, 100_000);
}

function tableNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);
  } finally {
    db.close();
  }
}

/** The database file and its WAL, as bytes (what someone copying the data folder would get). */
function fileBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

test('migrations create the schema with WAL, FULL sync and foreign keys; reopening keeps data and version', () => {
  const t = tempStore();
  try {
    assert.equal(t.store.db.schemaVersion, latestVersion());
    assert.equal(t.store.db.schemaVersion, MIGRATIONS.length);
    const d = t.store.db.diagnostics();
    assert.deepEqual([d.journalMode, d.synchronous, d.foreignKeys, d.schemaVersion], ['wal', 2, true, MIGRATIONS.length]);
    assert.ok(d.walAutocheckpoint > 0);
    for (const name of ['contest', 'problems', 'teams', 'accounts', 'sessions', 'submissions', 'submission_sources', 'judgements', 'runs', 'overrides', 'clarifications', 'events']) {
      assert.ok(tableNames(t.file).includes(name), `table ${name}`);
    }
    const { submission } = submit(t.store, 't1', 'print("hi")');
    const tokens = t.store.events.lastToken();
    const store = t.reopen();
    assert.equal(store.db.schemaVersion, MIGRATIONS.length);
    assert.deepEqual(store.submissions.get(submission.id), submission);
    assert.equal(store.submissions.source(submission.id)?.source.toString(), 'print("hi")');
    assert.equal(store.events.lastToken(), tokens);
    assert.equal(store.contest.get()?.id, 'demo');
    // Reopening runs no step again and appends nothing.
    assert.equal(store.events.since(tokens).length, 0);
  } finally {
    t.dispose();
  }
});

test('a failing migration step leaves the database at the previous version; a newer database is refused', () => {
  const t = tempStore({ imported: false });
  try {
    t.store.close();
    const db = new Database(t.file);
    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      description: 'half done',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('disk on fire');
      },
    };
    assert.throws(() => migrate(db, [...MIGRATIONS, failing]), /migration \d+ \(half done\) failed: disk on fire/);
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get(), 0);
    const added: Migration = { version: MIGRATIONS.length + 1, description: 'add', up: (d) => d.exec('CREATE TABLE added (x INTEGER)') };
    assert.equal(migrate(db, [...MIGRATIONS, added]), MIGRATIONS.length + 1);
    db.pragma('user_version = 999');
    db.close();
    assert.throws(() => Store.open(t.file), /schema version 999, newer than this Verdict knows/);
    t.store = Store.open(':memory:'); // for dispose()
  } finally {
    t.dispose();
  }
});

test('contest.import twice emits events once; a changed team name is one update; removal and return are delete and create', () => {
  const t = tempStore({ imported: false });
  try {
    const def = contestDefinition();
    t.store.contest.import(def, { hashPasswords: false, now: START - HOUR });
    const first = eventsAfter(t.store, null);
    assert.deepEqual(
      first.map((e) => `${e.type}/${e.op}/${e.id}`),
      [
        'contest/create/null',
        ...['AC', 'WA', 'TLE', 'MLE', 'RTE', 'OLE', 'CE', 'JE'].map((v) => `judgement-types/create/${v}`),
        'groups/create/participants',
        'organizations/create/uni',
        'problems/create/hello',
        'problems/create/sum',
        'teams/create/t1',
        'teams/create/t2',
        'teams/create/t3',
        'state/create/null',
      ],
      'what teams refer to (groups, organizations) comes before them',
    );
    assert.deepEqual(first[0].data, {
      id: 'demo',
      name: 'Demo',
      formal_name: 'Demo Contest 2030',
      start_time: '2030-01-01T10:00:00.000Z',
      duration: '5:00:00.000',
      scoreboard_freeze_duration: '1:00:00.000',
      scoreboard_type: 'pass-fail',
      penalty_time: '0:20:00.000',
    });
    assert.deepEqual(first[11].data, { id: 'hello', label: 'A', name: 'Hello', ordinal: 1, rgb: '#ff0000', color: 'red', test_data_count: 0 });
    assert.deepEqual(first[13].data, { id: 't1', name: 'Team 1', label: 't1', display_name: 'Team One', organization_id: null, group_ids: ['participants'] });

    const last = t.store.events.lastToken();
    t.store.contest.import(def, { hashPasswords: false });
    assert.equal(t.store.events.lastToken(), last, 'an unchanged folder appends nothing');
    t.reopen().contest.import(def, { hashPasswords: false });
    assert.equal(t.store.events.lastToken(), last, 'nor after a restart');

    def.teams[1].name = 'Team 2 (renamed)';
    t.store.contest.import(def, { hashPasswords: false });
    const renamed = eventsAfter(t.store, last);
    assert.deepEqual(renamed.map((e) => `${e.type}/${e.op}/${e.id}`), ['teams/update/t2']);
    assert.equal(renamed[0].data!.name, 'Team 2 (renamed)');
    assert.equal(t.store.contest.teams().find((x) => x.id === 't2')?.name, 'Team 2 (renamed)');

    const before = t.store.events.lastToken();
    const sum = def.problems.pop()!;
    t.store.contest.import(def, { hashPasswords: false });
    assert.deepEqual(eventsAfter(t.store, before).map((e) => `${e.type}/${e.op}/${e.id}/${JSON.stringify(e.data)}`), ['problems/delete/sum/null']);
    assert.deepEqual(t.store.contest.problems().map((p) => p.id), ['hello']);
    const afterDelete = t.store.events.lastToken();
    def.problems.push(sum);
    t.store.contest.import(def, { hashPasswords: false });
    assert.deepEqual(eventsAfter(t.store, afterDelete).map((e) => `${e.type}/${e.op}/${e.id}`), ['problems/create/sum']);

    assert.throws(() => t.store.contest.import({ ...def, id: 'other' }), (e: unknown) => e instanceof StoreError && e.code === 'conflict');
  } finally {
    t.dispose();
  }
});

test('the teams are read once and again after each change, a rolled-back one included; what is read cannot be changed in place', () => {
  const t = tempStore();
  try {
    const def = contestDefinition();
    const first = t.store.contest.teams();
    assert.equal(t.store.contest.teams(), first, 'read once');
    assert.throws(() => (first as TeamRow[]).push(first[0]), TypeError);
    assert.throws(() => ((first[0] as { name: string }).name = 'changed'), TypeError);
    assert.throws(() => first[0].groupIds.push('more'), TypeError);
    def.teams[0].name = 'Team 1 (renamed)';
    t.store.contest.import(def, { hashPasswords: false });
    assert.equal(t.store.contest.teams()[0].name, 'Team 1 (renamed)');
    def.teams[0].name = 'Team 1 (renamed again)';
    assert.throws(() =>
      t.store.db.transaction(() => {
        t.store.contest.import(def, { hashPasswords: false });
        assert.equal(t.store.contest.teams()[0].name, 'Team 1 (renamed again)', 'the transaction sees its own change');
        throw new Error('rolled back');
      }),
    );
    assert.equal(t.store.contest.teams()[0].name, 'Team 1 (renamed)', 'the rolled-back change is forgotten');
  } finally {
    t.dispose();
  }
});

test('schedule changes: contest.setTimes emits a contest update; a runtime change survives re-import of an unchanged folder', () => {
  const t = tempStore();
  try {
    const last = t.store.events.lastToken();
    t.store.contest.setTimes({ startTime: START + HOUR, durationMs: 4 * HOUR }, START);
    const events = eventsAfter(t.store, last);
    assert.deepEqual(events.map((e) => `${e.type}/${e.op}/${e.id}`), ['contest/update/null']);
    assert.equal(events[0].data!.start_time, '2030-01-01T11:00:00.000Z');
    assert.equal(events[0].data!.duration, '4:00:00.000');
    t.reopen().contest.import(contestDefinition(), { hashPasswords: false });
    assert.equal(t.store.contest.get()?.startTime, START + HOUR, 'the folder did not change: the judges\' start time stays');
    assert.throws(() => t.store.contest.setTimes({ startTime: START, freezeMs: 9 * HOUR }), /do not fit/);

    // The state follows the clock once refreshed; the judges' marks are added by markState.
    const s0 = t.store.events.lastToken();
    t.store.contest.refreshState(START + 2 * HOUR);
    t.store.contest.refreshState(START + 2 * HOUR + 1); // same state: nothing appended
    const started = eventsAfter(t.store, s0);
    assert.deepEqual(started.map((e) => `${e.type}/${e.op}/${e.id}`), ['state/update/null']);
    assert.deepEqual(started[0].data, { started: '2030-01-01T11:00:00.000Z', frozen: null, ended: null, thawed: null, finalized: null, end_of_updates: null });
    const ended = t.store.contest.markState({ thawed: START + 6 * HOUR }, START + 6 * HOUR);
    assert.equal(ended.frozen, '2030-01-01T14:00:00.000Z');
    assert.equal(ended.ended, '2030-01-01T15:00:00.000Z');
    assert.equal(ended.thawed, '2030-01-01T16:00:00.000Z');
  } finally {
    t.dispose();
  }
});

test('setProblemInfo fills the time limit and test count once: a problems update only when they change', () => {
  const t = tempStore();
  try {
    const last = t.store.events.lastToken();
    t.store.contest.setProblemInfo('hello', { timeLimitMs: 1500, testDataCount: 12 });
    t.store.contest.setProblemInfo('hello', { timeLimitMs: 1500, testDataCount: 12 });
    const events = eventsAfter(t.store, last);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0].data, { id: 'hello', label: 'A', name: 'Hello', ordinal: 1, rgb: '#ff0000', color: 'red', time_limit: 1.5, test_data_count: 12 });
    assert.equal(t.store.contest.problems()[0].timeLimitMs, 1500);
    assert.throws(() => t.store.contest.setProblemInfo('nope', { timeLimitMs: 1, testDataCount: 1 }), (e: unknown) => e instanceof StoreError && e.code === 'not_found');
    // A new package path forgets what the old package said.
    const def = contestDefinition();
    def.problems[0].packagePath = '/contest/hello-v2';
    t.store.contest.import(def, { hashPasswords: false });
    assert.equal(t.store.contest.problems()[0].timeLimitMs, null);
  } finally {
    t.dispose();
  }
});

test('accounts: plain passwords are stored only as scrypt hashes; unchanged folders are not re-hashed; runtime changes survive', () => {
  const t = tempStore({ imported: false });
  try {
    const def = contestDefinition();
    t.store.contest.import(def);
    const team1 = t.store.accounts.byUsername('team1')!;
    assert.deepEqual({ ...team1, passwordHash: null }, { id: 'acc-t1', username: 'team1', type: 'team', teamId: 't1', passwordHash: null });
    assert.match(team1.passwordHash!, /^scrypt\$16384\$8\$1\$/);
    assert.ok(verifyPassword('plain-secret-one', team1.passwordHash!));
    assert.ok(!verifyPassword('plain-secret-two', team1.passwordHash!));
    assert.equal(t.store.accounts.byUsername('judge')?.passwordHash, 'scrypt$16384$8$1$c2FsdA$a2V5', 'a given hash is stored as given');
    assert.deepEqual(t.store.accounts.byId('acc-t2')?.username, 'team2');
    assert.equal(t.store.accounts.byUsername('nobody'), null);

    t.store.contest.import(def);
    assert.equal(t.store.accounts.byUsername('team1')?.passwordHash, team1.passwordHash, 'same folder: same hash (no re-hash)');

    const changed = hashPassword('changed-by-judges');
    t.store.accounts.setPasswordHash('acc-t1', changed);
    t.reopen().contest.import(def);
    assert.equal(t.store.accounts.byUsername('team1')?.passwordHash, changed, 'a runtime change survives an unchanged folder');

    def.accounts[0].password = 'new-in-folder';
    def.accounts[1].username = 'team-two';
    t.store.contest.import(def);
    assert.ok(verifyPassword('new-in-folder', t.store.accounts.byUsername('team1')!.passwordHash!), 'the folder changed it: the folder wins');
    assert.equal(t.store.accounts.byUsername('team2'), null);
    assert.equal(t.store.accounts.byUsername('team-two')?.id, 'acc-t2');

    t.store.close();
    const bytes = fileBytes(t.file);
    for (const plain of ['plain-secret-one', 'plain-secret-two', 'new-in-folder']) assert.equal(bytes.includes(plain), false, `${plain} is not in the file`);
    t.store = Store.open(t.file);
    assert.throws(() => t.store.accounts.setPasswordHash('ghost', 'x'), (e: unknown) => e instanceof StoreError && e.code === 'not_found');
  } finally {
    t.dispose();
  }
});

test('sessions: only the SHA-256 of the token is stored; expiry; delete', () => {
  const t = tempStore();
  try {
    const now = START;
    const s = t.store.accounts.createSession('acc-t1', 60_000, now);
    assert.match(s.token, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(s.token, s.csrfToken);
    assert.equal(s.expiresAt, now + 60_000);
    assert.deepEqual(t.store.accounts.session(s.token, now + 1), { accountId: 'acc-t1', csrfToken: s.csrfToken, expiresAt: now + 60_000, createdAt: now });
    assert.equal(t.store.accounts.session(s.token, now + 60_000), null, 'expired');
    assert.equal(t.store.accounts.session('not-a-token', now), null);

    t.store.close();
    const db = new Database(t.file, { readonly: true });
    const stored = db.prepare('SELECT token_hash FROM sessions').pluck().all() as Buffer[];
    db.close();
    assert.deepEqual(stored, [createHash('sha256').update(s.token).digest()]);
    assert.equal(fileBytes(t.file).includes(s.token), false, 'the raw token is nowhere in the database files');

    const store = t.reopen();
    assert.equal(store.accounts.session(s.token, now + 1)?.accountId, 'acc-t1', 'sessions survive a restart');
    store.accounts.deleteSession(s.token);
    assert.equal(store.accounts.session(s.token, now + 1), null);
    // Expired sessions are purged when new ones are made.
    const old = store.accounts.createSession('acc-t2', 10, now);
    store.accounts.createSession('acc-t2', 10, now + 1000);
    assert.equal(store.accounts.session(old.token, now), null);
    assert.throws(() => store.accounts.createSession('ghost', 1000), (e: unknown) => e instanceof StoreError && e.code === 'not_found');
  } finally {
    t.dispose();
  }
});

test('addSubmission: a row, its source and one CLICS create event; idempotency per team', () => {
  const t = tempStore();
  try {
    const last = t.store.events.lastToken();
    const a = submit(t.store, 't1', 'print(1)', { key: 'k-1', at: START + 83_034 });
    assert.equal(a.created, true);
    assert.deepEqual(a.submission, {
      id: a.submission.id,
      teamId: 't1',
      problemId: 'hello',
      languageId: 'python',
      fileName: 'main.py',
      submittedAt: START + 83_034,
      contestTimeMs: 83_034,
      entryPoint: 'main.py',
      status: 'queued',
      verdict: null,
      overridden: false,
      judgementId: null,
      timeMs: null,
      memoryKb: null,
      score: null,
      rejudgingId: null,
    });
    assert.match(a.submission.id, /^[0-9]+$/);
    const again = submit(t.store, 't1', 'print(1) but different', { key: 'k-1' });
    assert.equal(again.created, false);
    assert.equal(again.submission.id, a.submission.id);
    assert.equal(t.store.submissions.source(a.submission.id)?.source.toString(), 'print(1)', 'the first source stays');
    const other = submit(t.store, 't2', 'print(2)', { key: 'k-1' });
    assert.equal(other.created, true);
    assert.notEqual(other.submission.id, a.submission.id);
    const noKey1 = submit(t.store, 't1', 'x');
    const noKey2 = submit(t.store, 't1', 'x');
    assert.notEqual(noKey1.submission.id, noKey2.submission.id, 'without a key every call is a new submission');
    assert.equal(t.store.submissions.findByKey('t1', 'k-1')?.id, a.submission.id);
    assert.equal(t.store.submissions.findByKey('t3', 'k-1'), null);

    const events = eventsAfter(t.store, last);
    assert.deepEqual(events.map((e) => `${e.type}/${e.op}/${e.id}`), [a, other, noKey1, noKey2].map((x) => `submissions/create/${x.submission.id}`));
    assert.deepEqual(events[0].data, {
      id: a.submission.id,
      language_id: 'python',
      problem_id: 'hello',
      team_id: 't1',
      time: '2030-01-01T10:01:23.034Z',
      contest_time: '0:01:23.034',
      entry_point: 'main.py',
      files: [{ href: `contests/demo/submissions/${a.submission.id}/files`, filename: 'files.zip', mime: 'application/zip' }],
    });
    // Before the start, contest time is negative.
    assert.equal(submit(t.store, 't1', 'early', { at: START - 1500 }).submission.contestTimeMs, -1500);

    const count = t.store.submissions.list().length;
    const tokenBefore = t.store.events.lastToken();
    assert.throws(() => submit(t.store, 'nobody', 'x'), (e: unknown) => e instanceof StoreError && e.code === 'not_found');
    assert.throws(() => submit(t.store, 't1', 'x', { problemId: 'nope' }), /unknown problem nope/);
    assert.equal(t.store.submissions.list().length, count);
    assert.equal(t.store.events.lastToken(), tokenBefore);
  } finally {
    t.dispose();
  }
});

test('listSubmissions filters by team and problem and pages by id', () => {
  const t = tempStore();
  try {
    const ids = [
      submit(t.store, 't1', '1').submission.id,
      submit(t.store, 't2', '2').submission.id,
      submit(t.store, 't1', '3', { problemId: 'sum' }).submission.id,
      submit(t.store, 't1', '4').submission.id,
    ];
    assert.deepEqual(t.store.submissions.list().map((s) => s.id), ids);
    assert.deepEqual(t.store.submissions.list({ teamId: 't1' }).map((s) => s.id), [ids[0], ids[2], ids[3]]);
    assert.deepEqual(t.store.submissions.list({ problemId: 'sum' }).map((s) => s.id), [ids[2]]);
    assert.deepEqual(t.store.submissions.list({ teamId: 't1', problemId: 'hello' }).map((s) => s.id), [ids[0], ids[3]]);
    assert.deepEqual(t.store.submissions.list({ afterId: ids[0], limit: 2 }).map((s) => s.id), [ids[1], ids[2]]);
    assert.deepEqual(t.store.submissions.list({ teamId: 't1', afterId: ids[2] }).map((s) => s.id), [ids[3]]);
    assert.equal(t.store.submissions.get('999999'), null);
    assert.equal(t.store.submissions.get('abc'), null);
    assert.throws(() => t.store.submissions.list({ afterId: 'x' }), (e: unknown) => e instanceof StoreError && e.code === 'invalid');
  } finally {
    t.dispose();
  }
});

test('the queue is FIFO by id, prioritised submissions first; queueStats counts and ages it', () => {
  const t = tempStore();
  try {
    const ids = [1, 2, 3, 4].map((i) => submit(t.store, 't1', `s${i}`, { at: START + i * 1000 }).submission.id);
    assert.deepEqual(t.store.queue.list().map((s) => s.id), ids);
    t.store.queue.prioritise(ids[2]);
    assert.deepEqual(t.store.queue.list().map((s) => s.id), [ids[2], ids[0], ids[1], ids[3]]);
    t.store.queue.prioritise(ids[3]);
    assert.deepEqual(t.store.queue.list().map((s) => s.id), [ids[3], ids[2], ids[0], ids[1]], 'the latest prioritised is next');
    assert.deepEqual(t.store.queue.list(2).map((s) => s.id), [ids[3], ids[2]]);
    assert.deepEqual(ids.map((id) => t.store.queue.position(id)), [3, 4, 2, 1], 'positions follow the judging order');
    assert.throws(() => t.store.queue.prioritise('424242'), (e: unknown) => e instanceof StoreError && e.code === 'not_found');

    const j = t.store.judgements.start(ids[3], 'host-1', START + 10_000);
    assert.equal(t.store.queue.position(ids[3]), null, 'a judging submission has no queue position');
    assert.equal(t.store.queue.position(ids[0]), 2);
    assert.deepEqual(t.store.queue.stats(START + 11_000), { queued: 3, judging: 1, oldestQueuedAgeMs: 10_000 });
    assert.deepEqual(t.store.queue.list().map((s) => s.id), [ids[2], ids[0], ids[1]]);
    assert.throws(() => t.store.judgements.start(ids[3], 'host-2'), (e: unknown) => e instanceof StoreError && e.code === 'conflict');
    t.store.judgements.finish(j, judgeResult('AC', [['secret/1', 'AC', 5]]));
    for (const id of ids.slice(0, 3)) t.store.judgements.finish(t.store.judgements.start(id, 'host-1'), judgeResult('WA', [['secret/1', 'WA', 5]]));
    assert.deepEqual(t.store.queue.stats(START), { queued: 0, judging: 0, oldestQueuedAgeMs: null });
  } finally {
    t.dispose();
  }
});

/**
 * The whole queue in judging order, checking that every position and every shorter look-ahead agree with it. The
 * places are numbered once and kept until the queue changes: each call after a change checks they were not kept.
 */
function assertPositionsFollowOrder(store: Store): string[] {
  const order = store.queue.list(1000).map((s) => s.id);
  assert.deepEqual(order.map((id) => store.queue.position(id)), order.map((_, i) => i + 1), 'positions follow the judging order');
  for (let k = 1; k <= order.length; k++) assert.deepEqual(store.queue.list(k).map((s) => s.id), order.slice(0, k), `the next ${k}`);
  return order;
}

test('queue places are kept across writes that do not move the queue, never across those that do, a rolled-back one included', () => {
  const t = tempStore();
  try {
    const a = [1, 2, 3].map((i) => submit(t.store, 't1', `a${i}`, { at: START + i * 1000 }).submission.id);
    assert.deepEqual(assertPositionsFollowOrder(t.store), a);
    t.store.settings.set('test.unrelated', 'x');
    assert.deepEqual(a.map((id) => t.store.queue.position(id)), [1, 2, 3]);
    // Added and asked for inside a transaction that then fails: the numbering that held it is not kept.
    let inside: number | null = null;
    assert.throws(() =>
      t.store.db.transaction(() => {
        const b = submit(t.store, 't2', 'b', { at: START + 5000 }).submission.id;
        inside = t.store.queue.position(b);
        throw new Error('rolled back');
      }),
    );
    assert.equal(inside, 2, 'inside the transaction, t2\'s first is second (after t1\'s first)');
    assert.deepEqual(a.map((id) => t.store.queue.position(id)), [1, 2, 3], 'after the rollback, the queue is t1\'s three again');
    assert.equal(t.store.queue.list(1000).length, 3);
    // Each kind of change moves the places: a new team's submission, a start, a judge's prioritise.
    const c = submit(t.store, 't3', 'c', { at: START + 6000 }).submission.id;
    assert.deepEqual(assertPositionsFollowOrder(t.store), [a[0], c, a[1], a[2]]);
    t.store.judgements.start(a[0], 'h');
    assert.deepEqual(assertPositionsFollowOrder(t.store), [c, a[1], a[2]]);
    t.store.queue.prioritise(a[2]);
    assert.deepEqual(assertPositionsFollowOrder(t.store), [a[2], c, a[1]]);
  } finally {
    t.dispose();
  }
});

test('fair queue: teams take turns, so a later team is not behind all of one team\'s pending submissions; ties by arrival', () => {
  const t = tempStore();
  try {
    const a = [1, 2, 3, 4, 5, 6].map((i) => submit(t.store, 't1', `a${i}`, { at: START + i * 1000 }).submission.id);
    const b = submit(t.store, 't2', 'b', { at: START + 10_000 }).submission.id;
    const c = submit(t.store, 't3', 'c', { at: START + 11_000 }).submission.id;
    // Turn 1: a1, b, c (by arrival); then t1's others, alone in the queue.
    assert.deepEqual(assertPositionsFollowOrder(t.store), [a[0], b, c, a[1], a[2], a[3], a[4], a[5]]);
    assert.deepEqual(t.store.queue.list(2).map((s) => s.id), [a[0], b], 'the next few, in the same order');

    // While t1's first is judged, that counts as t1's turn: t1's second waits behind b and c, not just by id.
    t.store.judgements.start(a[0], 'h');
    assert.equal(t.store.queue.position(a[0]), null, 'a judging submission has no queue position');
    assert.deepEqual(assertPositionsFollowOrder(t.store), [b, c, a[1], a[2], a[3], a[4], a[5]]);
    // t2 sends two more: its turns 2 and 3 interleave with t1's (t1's judged one is turn 1).
    const b2 = submit(t.store, 't2', 'b2', { at: START + 12_000 }).submission.id;
    const b3 = submit(t.store, 't2', 'b3', { at: START + 13_000 }).submission.id;
    assert.deepEqual(assertPositionsFollowOrder(t.store), [b, c, a[1], b2, a[2], b3, a[3], a[4], a[5]]);
    // One worker at a time: each time t1 takes one, the other teams' next waiting one is ahead of t1's next.
    t.store.judgements.finish(t.store.judgements.start(b, 'h'), judgeResult('AC', [['1', 'AC', 1]]));
    t.store.judgements.finish(t.store.judgements.start(c, 'h'), judgeResult('AC', [['1', 'AC', 1]]));
    t.store.judgements.start(a[1], 'h'); // t1 now holds two workers
    assert.deepEqual(assertPositionsFollowOrder(t.store), [b2, b3, a[2], a[3], a[4], a[5]]);
  } finally {
    t.dispose();
  }
});

test('fair queue: prioritised first, rejudges behind every first judging and fair among themselves', () => {
  const t = tempStore();
  try {
    const judge = (id: string) => t.store.judgements.finish(t.store.judgements.start(id, 'h'), judgeResult('WA', [['1', 'WA', 1]]));
    const old = [1, 2, 3].map((i) => submit(t.store, 't1', `old${i}`, { at: START + i * 1000 }).submission.id);
    const oldB = submit(t.store, 't2', 'oldB', { at: START + 4000 }).submission.id;
    for (const id of [...old, oldB]) judge(id);
    for (const id of [...old, oldB]) t.store.judgements.rejudge(id, START + 5000);
    // Only rejudges wait: they take turns too (t1's first, t2's, then t1's others).
    assert.deepEqual(assertPositionsFollowOrder(t.store), [old[0], oldB, old[1], old[2]]);

    const live = [submit(t.store, 't2', 'x', { at: START + 6000 }).submission.id, submit(t.store, 't1', 'y', { at: START + 7000 }).submission.id];
    assert.deepEqual(assertPositionsFollowOrder(t.store), [...live, old[0], oldB, old[1], old[2]], 'first judgings before every rejudge');

    t.store.queue.prioritise(old[2]);
    assert.deepEqual(assertPositionsFollowOrder(t.store), [old[2], ...live, old[0], oldB, old[1]], 'a prioritised rejudge goes first');
    t.store.queue.prioritise(live[1]);
    assert.deepEqual(assertPositionsFollowOrder(t.store), [live[1], old[2], live[0], old[0], oldB, old[1]], 'the latest prioritised is next');

    // A prioritised submission judged and later rejudged does not keep its old priority.
    judge(live[1]);
    t.store.judgements.rejudge(live[1], START + 8000);
    assert.deepEqual(assertPositionsFollowOrder(t.store), [old[2], live[0], old[0], oldB, old[1], live[1]]);
  } finally {
    t.dispose();
  }
});

test('fair queue, at random: the next k are the rule worked out over the whole queue, for every k (many teams, levels, busy workers)', () => {
  const t = tempStore({ imported: false });
  try {
    const teams = Array.from({ length: 12 }, (_, i) => `q${i + 1}`);
    const def = contestDefinition();
    def.teams = teams.map((id) => ({ id, name: id, displayName: id, organizationId: null, groupIds: [], hidden: false }));
    def.accounts = [];
    t.store.contest.import(def, { hashPasswords: false, now: START - HOUR });
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8) % n;
    const ids: string[] = [];
    // Teams submit unevenly; some are judged, some being judged (turns taken), some rejudged or prioritised.
    for (let i = 0; i < 160; i++) ids.push(submit(t.store, teams[Math.min(rand(12), rand(12))], `s${i}`, { at: START + i }).submission.id);
    for (const id of ids.filter(() => rand(4) === 0)) t.store.judgements.finish(t.store.judgements.start(id, 'h'), judgeResult('WA', [['1', 'WA', 1]]));
    for (const id of ids.filter(() => rand(6) === 0)) t.store.judgements.rejudge(id);
    for (const id of ids.filter(() => rand(15) === 0)) t.store.queue.prioritise(id);
    for (const id of ids.filter(() => rand(12) === 0)) if (t.store.submissions.get(id)!.status === 'queued') t.store.judgements.start(id, 'h');

    // The rule, over every waiting submission (read behind the store's back).
    const db = new Database(t.file, { readonly: true });
    const rows = db.prepare("SELECT id, team_id AS team, status, priority FROM submissions ORDER BY id").all() as { id: number; team: string; status: string; priority: number }[];
    db.close();
    const busy = (team: string) => rows.filter((r) => r.team === team && r.status === 'judging').length;
    const waiting = rows.filter((r) => r.status === 'queued');
    const turn = (r: (typeof waiting)[number]) => busy(r.team) + waiting.filter((o) => o.team === r.team && o.priority === r.priority && o.id <= r.id).length;
    const rule = [...waiting].sort((a, b) => b.priority - a.priority || turn(a) - turn(b) || a.id - b.id).map((r) => String(r.id));
    assert.ok(new Set(waiting.map((r) => r.priority)).size >= 3, 'several levels wait');
    assert.ok(waiting.length > 60, `${waiting.length} waiting`);
    assert.deepEqual(assertPositionsFollowOrder(t.store), rule);
  } finally {
    t.dispose();
  }
});

test('fair queue: a submission prioritised while only rejudges wait stays ahead of first judgings (one recovered after a crash too)', () => {
  const t = tempStore();
  try {
    const inFlight = submit(t.store, 't1', 'in flight').submission.id;
    const r = submit(t.store, 't2', 'r').submission.id;
    t.store.judgements.finish(t.store.judgements.start(r, 'h'), judgeResult('WA', [['1', 'WA', 1]]));
    t.store.judgements.start(inFlight, 'h');
    t.store.judgements.rejudge(r);
    t.store.queue.prioritise(r);
    const store = t.reopen(); // a crash while `inFlight` was judged: it comes back as a first judging
    assert.equal(store.judgements.recoverInFlight(START), 1);
    const later = submit(store, 't1', 'later').submission.id;
    assert.deepEqual(assertPositionsFollowOrder(store), [r, inFlight, later]);
  } finally {
    t.dispose();
  }
});

test('start and finish a judgement: runs, verdict, and events in order', () => {
  const t = tempStore();
  try {
    const sid = submit(t.store, 't1', 'print(1)', { at: START + 60_000 }).submission.id;
    const last = t.store.events.lastToken();
    const jid = t.store.judgements.start(sid, 'host-1', START + 61_000);
    const judging = t.store.submissions.get(sid)!;
    assert.deepEqual([judging.status, judging.judgementId, judging.verdict], ['judging', jid, null]);
    const result = judgeResult('WA', [['sample/1', 'AC', 12], ['secret/01', 'AC', 250], ['secret/02', 'WA', 31]]);
    result.error = undefined;
    assert.equal(t.store.judgements.finish(jid, result, START + 62_500), true);

    const s = t.store.submissions.get(sid)!;
    assert.deepEqual([s.status, s.verdict, s.judgementId, s.timeMs, s.memoryKb, s.overridden], ['judged', 'WA', jid, 250, 2298, false]);
    const j = t.store.judgements.get(jid)!;
    assert.deepEqual([j.valid, j.verdict, j.judgedVerdict, j.startTime, j.endTime, j.compileOk, j.compileTimeMs, j.judgehost], [true, 'WA', 'WA', START + 61_000, START + 62_500, true, 300, 'host-1']);
    const runs = t.store.judgements.runs(jid);
    assert.deepEqual(runs.map((r) => [r.ordinal, r.testName, r.verdict, r.timeMs, r.wallMs]), [[1, 'sample/1', 'AC', 12, 17], [2, 'secret/01', 'AC', 250, 255], [3, 'secret/02', 'WA', 31, 36]]);
    assert.equal(runs[2].message, 'WA on secret/02');

    const events = eventsAfter(t.store, last);
    assert.deepEqual(events.map((e) => `${e.type}/${e.op}/${e.id}`), [
      `judgements/create/${jid}`,
      ...runs.map((r) => `runs/create/${r.id}`),
      `judgements/update/${jid}`,
    ]);
    assert.deepEqual(events[0].data, {
      id: jid,
      submission_id: sid,
      judgement_type_id: null,
      current: true,
      start_time: '2030-01-01T10:01:01.000Z',
      start_contest_time: '0:01:01.000',
      end_time: null,
      end_contest_time: null,
      max_run_time: null,
    });
    assert.deepEqual(events[4].data, {
      id: jid,
      submission_id: sid,
      judgement_type_id: 'WA',
      current: true,
      start_time: '2030-01-01T10:01:01.000Z',
      start_contest_time: '0:01:01.000',
      end_time: '2030-01-01T10:01:02.500Z',
      end_contest_time: '0:01:02.500',
      max_run_time: 0.25,
    });
    assert.deepEqual(events[1].data, { id: runs[0].id, judgement_id: jid, ordinal: 1, judgement_type_id: 'AC', time: '2030-01-01T10:01:02.500Z', contest_time: '0:01:02.500', run_time: 0.012 });
    assert.equal(t.store.judgements.finish(jid, result), false, 'finishing twice changes nothing');
    assert.equal(t.store.judgements.runs(jid).length, 3);
    assert.throws(() => t.store.judgements.finish('777', result), (e: unknown) => e instanceof StoreError && e.code === 'not_found');
    assert.throws(() => t.store.judgements.finish(jid, { ...result, verdict: 'XX' as never }), /unknown verdict/);
  } finally {
    t.dispose();
  }
});

test('a compile error and a judging error are recorded with their output', () => {
  const t = tempStore();
  try {
    const sid = submit(t.store, 't1', 'bad').submission.id;
    const jid = t.store.judgements.start(sid, 'h');
    t.store.judgements.finish(jid, judgeResult('CE', []));
    const j = t.store.judgements.get(jid)!;
    assert.deepEqual([j.verdict, j.compileOk, j.compileOutput, t.store.judgements.runs(jid).length], ['CE', false, 'error: expected ;', 0]);
    const sid2 = submit(t.store, 't1', 'x').submission.id;
    const jid2 = t.store.judgements.start(sid2, 'h');
    t.store.judgements.finish(jid2, { ...judgeResult('JE', []), error: 'validator crashed' });
    assert.equal(t.store.judgements.get(jid2)?.error, 'validator crashed');
  } finally {
    t.dispose();
  }
});

test('finishing an invalidated judgement is a no-op; rejudge re-queues with a new judgement', () => {
  const t = tempStore();
  try {
    const sid = submit(t.store, 't1', 'x').submission.id;
    const j1 = t.store.judgements.start(sid, 'host-1');
    const last = t.store.events.lastToken();
    t.store.judgements.rejudge(sid, START + 5000);
    const afterRejudge = eventsAfter(t.store, last);
    assert.deepEqual(afterRejudge.map((e) => `${e.type}/${e.op}/${e.id}/${String(e.data!.current)}`), [`judgements/update/${j1}/false`]);
    const s = t.store.submissions.get(sid)!;
    assert.deepEqual([s.status, s.judgementId, s.verdict], ['queued', null, null]);

    const token = t.store.events.lastToken();
    assert.equal(t.store.judgements.finish(j1, judgeResult('AC', [['1', 'AC', 1]])), false);
    assert.equal(t.store.events.lastToken(), token, 'no event');
    assert.equal(t.store.judgements.runs(j1).length, 0, 'no runs');
    assert.equal(t.store.submissions.get(sid)?.status, 'queued');

    const j2 = t.store.judgements.start(sid, 'host-2');
    t.store.judgements.finish(j2, judgeResult('AC', [['1', 'AC', 1]]));
    t.store.judgements.rejudge(sid);
    assert.equal(t.store.submissions.get(sid)?.status, 'queued');
    const j3 = t.store.judgements.start(sid, 'host-1');
    t.store.judgements.finish(j3, judgeResult('TLE', [['1', 'TLE', 1000]]));
    assert.deepEqual(t.store.judgements.list({ submissionId: sid }).map((j) => [j.id, j.valid, j.verdict]), [[j1, false, null], [j2, false, 'AC'], [j3, true, 'TLE']]);
    assert.equal(t.store.submissions.get(sid)?.verdict, 'TLE');
    t.store.judgements.rejudge(t.store.submissions.get(sid)!.id);
    const tokenQueued = t.store.events.lastToken();
    t.store.judgements.rejudge(sid);
    assert.equal(t.store.events.lastToken(), tokenQueued, 'rejudging a queued submission changes nothing');
    assert.throws(() => t.store.judgements.rejudge('31337'), (e: unknown) => e instanceof StoreError && e.code === 'not_found');
  } finally {
    t.dispose();
  }
});

test('recoverInFlight invalidates judgements that never ended and re-queues their submissions', () => {
  const t = tempStore();
  try {
    const a = submit(t.store, 't1', 'a').submission.id;
    const b = submit(t.store, 't1', 'b').submission.id;
    const c = submit(t.store, 't2', 'c').submission.id;
    const ja = t.store.judgements.start(a, 'h');
    t.store.judgements.finish(ja, judgeResult('AC', [['1', 'AC', 1]]));
    const jb = t.store.judgements.start(b, 'h');
    const store = t.reopen(); // as after a crash
    const last = store.events.lastToken();
    assert.equal(store.judgements.recoverInFlight(START), 1);
    assert.deepEqual([a, b, c].map((id) => store.submissions.get(id)!.status), ['judged', 'queued', 'queued']);
    assert.equal(store.judgements.get(jb)?.valid, false);
    assert.deepEqual(store.queue.list().map((s) => s.id), [b, c], 'back in its place by id');
    assert.deepEqual(eventsAfter(store, last).map((e) => `${e.type}/${e.op}/${e.id}`), [`judgements/update/${jb}`]);
    assert.equal(store.judgements.recoverInFlight(START), 0, 'nothing left');
  } finally {
    t.dispose();
  }
});

test('judgements.override is audited, shown as overridden, and announced', () => {
  const t = tempStore();
  try {
    const sid = submit(t.store, 't1', 'x').submission.id;
    assert.throws(() => t.store.judgements.override(sid, 'AC', 'no judgement yet', 'judge'), (e: unknown) => e instanceof StoreError && e.code === 'conflict');
    const jid = t.store.judgements.start(sid, 'h');
    t.store.judgements.finish(jid, judgeResult('WA', [['1', 'WA', 3]]));
    const last = t.store.events.lastToken();
    t.store.judgements.override(sid, 'AC', 'validator bug on test 1', 'judge', START + 7200_000);
    const s = t.store.submissions.get(sid)!;
    assert.deepEqual([s.verdict, s.overridden], ['AC', true]);
    const j = t.store.judgements.get(jid)!;
    assert.deepEqual([j.verdict, j.judgedVerdict, j.overridden], ['AC', 'WA', true]);
    assert.deepEqual(t.store.judgements.overrides(sid), [{ id: t.store.judgements.overrides()[0].id, submissionId: sid, judgementId: jid, oldVerdict: 'WA', newVerdict: 'AC', reason: 'validator bug on test 1', by: 'judge', time: START + 7200_000 }]);
    const events = eventsAfter(t.store, last);
    assert.deepEqual(events.map((e) => `${e.type}/${e.op}/${e.id}/${String(e.data!.judgement_type_id)}`), [`judgements/update/${jid}/AC`]);
    assert.throws(() => t.store.judgements.override(sid, 'OK' as never, 'r', 'judge'), /unknown verdict/);
  } finally {
    t.dispose();
  }
});

test('clarifications: a team sees its own, replies to it and broadcasts, never another team\'s', () => {
  const t = tempStore();
  try {
    const at = START + 30 * 60_000;
    const q1 = t.store.clarifications.add({ fromTeamId: 't1', toTeamId: null, problemId: 'hello', text: 'Is n < 10?', replyToId: null, time: at });
    const q2 = t.store.clarifications.add({ fromTeamId: 't2', toTeamId: null, problemId: null, text: 'private question of t2', replyToId: null, time: at + 1 });
    const r2 = t.store.clarifications.add({ fromTeamId: null, toTeamId: 't2', problemId: null, text: 'private answer to t2', replyToId: q2.id, time: at + 2 });
    const r1 = t.store.clarifications.add({ fromTeamId: null, toTeamId: 't1', problemId: 'hello', text: 'Yes.', replyToId: q1.id, time: at + 3 });
    const all = t.store.clarifications.add({ fromTeamId: null, toTeamId: null, problemId: null, text: 'Broadcast: 1 hour left', replyToId: null, time: at + 4 });
    assert.deepEqual(t.store.clarifications.list({ teamId: 't1' }).map((c) => c.id), [q1.id, r1.id, all.id]);
    assert.deepEqual(t.store.clarifications.list({ teamId: 't2' }).map((c) => c.id), [q2.id, r2.id, all.id]);
    assert.deepEqual(t.store.clarifications.list({ teamId: 't3' }).map((c) => c.id), [all.id]);
    assert.equal(t.store.clarifications.list().length, 5);
    assert.deepEqual(r1, { id: r1.id, fromTeamId: null, toTeamId: 't1', replyToId: q1.id, problemId: 'hello', text: 'Yes.', time: at + 3, contestTimeMs: 30 * 60_000 + 3 });
    const ev = t.store.events.since(null, 100_000).filter((e) => e.type === 'clarifications');
    assert.equal(ev.length, 5);
    assert.deepEqual(ev[3].data, { id: r1.id, from_team_id: null, to_team_id: 't1', reply_to_id: q1.id, problem_id: 'hello', text: 'Yes.', time: '2030-01-01T10:30:00.003Z', contest_time: '0:30:00.003' });
    assert.throws(() => t.store.clarifications.add({ fromTeamId: 'ghost', toTeamId: null, problemId: null, text: 'x', replyToId: null, time: at }), /unknown team ghost/);
    assert.throws(() => t.store.clarifications.add({ fromTeamId: null, toTeamId: null, problemId: null, text: 'x', replyToId: '9999', time: at }), /unknown clarification/);
  } finally {
    t.dispose();
  }
});

test('events.since pages through strictly increasing tokens', () => {
  const t = tempStore();
  try {
    for (let i = 0; i < 25; i++) submit(t.store, i % 2 ? 't1' : 't2', `s${i}`);
    const all = t.store.events.since(null, 100_000);
    assert.ok(all.length >= 25 + 7);
    const tokens = all.map((e) => BigInt(e.token));
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i] > tokens[i - 1], 'strictly increasing');
    assert.equal(t.store.events.lastToken(), all[all.length - 1].token);

    const paged: EventRow[] = [];
    let token: string | null = null;
    for (;;) {
      const page = t.store.events.since(token, 7);
      if (page.length === 0) break;
      assert.ok(page.length <= 7);
      paged.push(...page);
      token = page[page.length - 1].token;
    }
    assert.deepEqual(paged, all);
    assert.deepEqual(t.store.events.since(t.store.events.lastToken()), []);
    assert.throws(() => t.store.events.since('abc'), (e: unknown) => e instanceof StoreError && e.code === 'invalid');
  } finally {
    t.dispose();
  }
});

test('onEvent fires after commit only, in token order, and never for a rolled-back transaction', () => {
  const t = tempStore();
  try {
    const seen: EventRow[] = [];
    const unsubscribe = t.store.events.subscribe((e) => seen.push(e));
    const clar = { fromTeamId: 't1', toTeamId: null, problemId: null, text: 'q', replyToId: null, time: START };

    assert.throws(() =>
      t.store.db.transaction(() => {
        t.store.clarifications.add(clar);
        submit(t.store, 't1', 'inside');
        assert.equal(seen.length, 0, 'nothing is delivered before the commit');
        throw new Error('changed my mind');
      }),
    /changed my mind/);
    assert.equal(seen.length, 0, 'a rolled-back transaction delivers nothing');
    assert.equal(t.store.clarifications.list().length, 0, 'and stores nothing');
    assert.equal(t.store.submissions.list().length, 0);

    const result = t.store.db.transaction(() => {
      const c = t.store.clarifications.add(clar);
      // A failing inner step (savepoint) drops only its own events.
      assert.throws(() => t.store.db.transaction(() => { submit(t.store, 't1', 'inner'); throw new Error('inner'); }));
      const s = submit(t.store, 't1', 'kept');
      assert.equal(seen.length, 0);
      return [c, s] as const;
    });
    assert.deepEqual(seen.map((e) => `${e.type}/${e.id}`), [`clarifications/${result[0].id}`, `submissions/${result[1].submission.id}`]);
    assert.deepEqual(seen, t.store.events.since(null, 100_000).slice(-2), 'listeners get what the log holds');

    // A listener that writes: its events are delivered after the current one, to everyone, in order.
    const order: string[] = [];
    const stop2 = t.store.events.subscribe((e) => {
      order.push(e.type);
      if (e.type === 'submissions') t.store.clarifications.add(clar);
    });
    const stop3 = t.store.events.subscribe(() => {
      throw new Error('a broken listener does not break the store');
    });
    const originalError = console.error;
    console.error = () => {};
    try {
      submit(t.store, 't2', 'x');
    } finally {
      console.error = originalError;
    }
    assert.deepEqual(order, ['submissions', 'clarifications']);
    assert.deepEqual(seen.slice(-2).map((e) => e.type), ['submissions', 'clarifications']);
    stop2();
    stop3();
    unsubscribe();
    submit(t.store, 't2', 'y');
    assert.equal(seen.length, 4, 'unsubscribed');
  } finally {
    t.dispose();
  }
});

test('CLICS formats: RELTIME, times, problems without package info, state', () => {
  assert.equal(relTime(0), '0:00:00.000');
  assert.equal(relTime(83_034), '0:01:23.034');
  assert.equal(relTime(-1500), '-0:00:01.500');
  assert.equal(relTime(26 * HOUR + 61_001), '26:01:01.001');
  for (const ms of [0, 1, -1, 83_034, 5 * HOUR, -26 * HOUR - 59_999]) assert.equal(parseRelTime(relTime(ms)), ms);
  assert.equal(parseRelTime('1:30:00'), 90 * 60_000);
  assert.throws(() => parseRelTime('1:99:00'));
  const c = { id: 'x', name: 'X', formalName: 'X', startTime: null, durationMs: HOUR, freezeMs: 0, penaltyMinutes: 20, scoreboardType: 'pass-fail' as const, scoreMode: 'best-submission' as const };
  assert.deepEqual(contestObject(c), { id: 'x', name: 'X', formal_name: 'X', start_time: null, duration: '1:00:00.000', scoreboard_freeze_duration: '0:00:00.000', scoreboard_type: 'pass-fail', penalty_time: '0:20:00.000' });
  assert.deepEqual(problemObject({ id: 'p', label: 'A', name: 'P', ordinal: 1, color: '', rgb: 'bad', packagePath: '/p', timeLimitMs: null, testDataCount: null, scoring: null, maxScore: null }, 'pass-fail'), { id: 'p', label: 'A', name: 'P', ordinal: 1, test_data_count: 0 });
  const marks = { thawed: null, finalized: null, endOfUpdates: null };
  assert.deepEqual(stateObject(null, marks, START), { started: null, frozen: null, ended: null, thawed: null, finalized: null, end_of_updates: null });
  const running = { ...c, startTime: START, durationMs: 5 * HOUR, freezeMs: HOUR };
  assert.equal(stateObject(running, marks, START - 1).started, null);
  assert.equal(stateObject(running, marks, START + 4 * HOUR - 1).frozen, null);
  assert.equal(stateObject(running, marks, START + 4 * HOUR).frozen, '2030-01-01T14:00:00.000Z');
  assert.equal(stateObject(running, marks, START + 5 * HOUR).ended, '2030-01-01T15:00:00.000Z');
  const j = { id: '1', submissionId: '2', judgehost: 'h', valid: false, startTime: START - 1000, endTime: null, verdict: null, judgedVerdict: null, overridden: false, timeMs: null, memoryKb: null, compileOk: null, compileOutput: null, compileTimeMs: null, error: null, failingOutput: null, invalidatedAt: null, invalidatedWhy: null, score: null, groups: null };
  assert.deepEqual(judgementObject(j, START, 'pass-fail'), { id: '1', submission_id: '2', judgement_type_id: null, current: false, start_time: '2030-01-01T09:59:59.000Z', start_contest_time: '-0:00:01.000', end_time: null, end_contest_time: null, max_run_time: null });
});

test('judges\' settings persist across reopening, and a failing test\'s output is kept with its judgement', () => {
  const t = tempStore();
  try {
    assert.equal(t.store.settings.get('disabled-languages'), null);
    t.store.settings.set('disabled-languages', '["java"]');
    const { submission } = submit(t.store, 't1', 'print(1)');
    const j = t.store.judgements.start(submission.id, 'h');
    t.store.judgements.finish(j, { ...judgeResult('WA', [['secret/1', 'WA', 3]]), firstFailure: { testName: 'secret/1', output: '1\n', truncated: false } });
    const store = t.reopen();
    assert.equal(store.settings.get('disabled-languages'), '["java"]');
    assert.equal(store.judgements.get(j)!.failingOutput, '1\n');
  } finally {
    t.dispose();
  }
});

test("a team's events are read by their stored audience: exactly what the audience rule lets it see, in token order", () => {
  const t = tempStore();
  try {
    const at = START + 60_000;
    const mine = submit(t.store, 't1', 'print(1)', { at });
    const theirs = submit(t.store, 't2', 'print(2)', { at: at + 1 });
    for (const s of [mine, theirs]) t.store.judgements.finish(t.store.judgements.start(s.submission.id, 'h'), judgeResult('WA', [['secret/1', 'WA', 5]]));
    t.store.clarifications.add({ fromTeamId: 't2', toTeamId: null, problemId: null, text: 'private question of t2', replyToId: null, time: at + 2 });
    t.store.clarifications.add({ fromTeamId: null, toTeamId: null, problemId: null, text: 'to everyone', replyToId: null, time: at + 3 });
    const all = t.store.events.since(null, 10_000);
    const teamOf = (id: string) => t.store.submissions.get(id)?.teamId ?? null;
    const hidden = (id: string) => t.store.contest.teams().some((x) => x.id === id && x.hidden);
    for (const team of ['t1', 't2']) {
      const expected = all.filter((e) => maySee(storedAudience(eventAudience(e, teamOf, hidden)), team)).map((e) => e.token);
      assert.deepEqual(t.store.events.since(null, 10_000, team).map((e) => e.token), expected, team);
      // Paged, it is the same sequence.
      const paged: string[] = [];
      for (let page = t.store.events.since(null, 3, team); page.length; page = t.store.events.since(page.at(-1)!.token, 3, team)) paged.push(...page.map((e) => e.token));
      assert.deepEqual(paged, expected, `${team}, paged`);
    }
    assert.ok(all.length > t.store.events.since(null, 10_000, 't1').length, 'some events are hidden from t1');
  } finally {
    t.dispose();
  }
});

test('listeners hear each event with the audience stored with it (what a read gives), so no one looks it up again', () => {
  const t = tempStore();
  try {
    const heard: { token: string; type: string; audience: string }[] = [];
    t.store.events.subscribe((e) => heard.push({ token: e.token, type: e.type, audience: e.audience }));
    const s = submit(t.store, 't1', 'print(1)');
    t.store.judgements.finish(t.store.judgements.start(s.submission.id, 'h'), judgeResult('WA', [['secret/1', 'WA', 5]]));
    t.store.clarifications.add({ fromTeamId: 't2', toTeamId: null, problemId: null, text: 'question', replyToId: null, time: START });
    t.store.clarifications.add({ fromTeamId: null, toTeamId: null, problemId: null, text: 'to everyone', replyToId: null, time: START });
    assert.deepEqual(
      heard.map((e) => [e.type, e.audience]),
      [['submissions', 't1'], ['judgements', 't1'], ['runs', JUDGES_ONLY], ['judgements', 't1'], ['clarifications', 't2'], ['clarifications', EVERYONE]],
    );
    const read = new Map(t.store.events.since(null, 10_000).map((e) => [e.token, e.audience]));
    for (const e of heard) assert.equal(read.get(e.token), e.audience, `${e.type} ${e.token}`);
  } finally {
    t.dispose();
  }
});

/** What migration 6 added, dropped to go back to an older version. */
const DROP_MIGRATION_6 = `ALTER TABLE contest DROP COLUMN scoreboard_type; ALTER TABLE contest DROP COLUMN score_mode;
  ALTER TABLE problems DROP COLUMN scoring; ALTER TABLE problems DROP COLUMN max_score;
  ALTER TABLE judgements DROP COLUMN score; ALTER TABLE judgements DROP COLUMN groups; ALTER TABLE runs DROP COLUMN score`;
/** What the staff's marks' migration (7) and the clarification claims' (8) added, dropped to go back to an older version. */
const DROP_STAFF_MARKS = 'DROP TABLE balloon_deliveries; DROP TABLE verifications; DROP TABLE clarification_claims';
/** What the print jobs' migration (13) added, dropped to go back to an older version. */
const DROP_PRINT_JOBS = 'DROP TABLE print_jobs';
/** What the rejudgings' migration (9) added, dropped to go back to an older version. */
const DROP_REJUDGINGS = `DROP INDEX judgements_rejudging; ALTER TABLE judgements DROP COLUMN rejudging_id; ALTER TABLE submissions DROP COLUMN rejudging_id;
  DROP TABLE rejudging_items; DROP TABLE rejudgings`;
/** What the migration of submissions of several files (12) added, dropped to go back to an older version. */
const DROP_SUBMISSION_FILES = 'DROP TABLE submission_files';

test('migration 4 gives events written before it their audience', () => {
  const t = tempStore();
  try {
    submit(t.store, 't1', 'print(1)');
    t.store.close();
    // Back to version 3, as an older Verdict left it, then up again.
    const db = new Database(t.file);
    db.exec('DROP INDEX events_audience; ALTER TABLE events DROP COLUMN audience; ALTER TABLE submissions DROP COLUMN entry_point; DROP TABLE clics_objects');
    db.exec(DROP_MIGRATION_6);
    db.exec(DROP_REJUDGINGS);
    db.exec(DROP_STAFF_MARKS);
    db.exec(DROP_SUBMISSION_FILES);
    db.exec(DROP_PRINT_JOBS);
    db.pragma('user_version = 3');
    assert.equal(migrate(db), latestVersion());
    const audiences = db.prepare("SELECT type, audience FROM events WHERE type IN ('submissions', 'runs', 'problems') GROUP BY type, audience ORDER BY type").all();
    db.close();
    assert.deepEqual(audiences, [
      { type: 'problems', audience: '*' },
      { type: 'submissions', audience: 't1' },
    ]);
  } finally {
    t.dispose();
  }
});

test("migration 11 names a clarification's recipient to_team_id, as versions 5 to 10 wrote to_team_ids", () => {
  const t = tempStore();
  try {
    t.store.clarifications.add({ fromTeamId: null, toTeamId: 't1', problemId: null, text: 'to t1', replyToId: null, time: START });
    t.store.clarifications.add({ fromTeamId: null, toTeamId: null, problemId: null, text: 'to all', replyToId: null, time: START });
    t.store.close();
    // Back to version 10, the events as it wrote them.
    const db = new Database(t.file);
    for (const e of db.prepare("SELECT token, data FROM events WHERE type = 'clarifications'").all() as { token: number; data: string }[]) {
      const { to_team_id: to, ...d } = JSON.parse(e.data) as Record<string, unknown>;
      db.prepare('UPDATE events SET data = ? WHERE token = ?').run(JSON.stringify(to === null ? d : { ...d, to_team_ids: [to] }), e.token);
    }
    db.exec(DROP_SUBMISSION_FILES);
    db.exec(DROP_PRINT_JOBS);
    db.pragma('user_version = 10');
    assert.equal(migrate(db), latestVersion());
    const clars = (db.prepare("SELECT data FROM events WHERE type = 'clarifications' ORDER BY token").pluck().all() as string[]).map((d) => JSON.parse(d) as Record<string, unknown>);
    db.close();
    assert.deepEqual(
      clars.map((c) => [c.text, c.to_team_id, 'to_team_ids' in c]),
      [
        ['to t1', 't1', false],
        ['to all', null, false],
      ],
    );
    assert.deepEqual(Object.keys(clars[0]).slice(0, 3), ['id', 'from_team_id', 'to_team_id'], 'in the order the API writes them');
  } finally {
    t.dispose();
  }
});

test('migrations 5 and 11 bring events written before CLICS 2026-01 to it: contest (id null), team labels, entry points, to_team_id', () => {
  const t = tempStore();
  try {
    const java = t.store.submissions.add({ teamId: 't1', problemId: 'hello', languageId: 'java', fileName: 'A.java', source: Buffer.from('public class Hello { public static void main(String[] a) {} }'), submittedAt: START });
    t.store.clarifications.add({ fromTeamId: null, toTeamId: 't1', problemId: null, text: 'to t1', replyToId: null, time: START });
    t.store.close();
    // Back to version 4, its events as that Verdict wrote them.
    const db = new Database(t.file);
    db.exec('ALTER TABLE submissions DROP COLUMN entry_point; DROP TABLE clics_objects');
    db.exec(DROP_MIGRATION_6);
    db.exec(DROP_REJUDGINGS);
    db.exec(DROP_STAFF_MARKS);
    db.exec(DROP_PRINT_JOBS);
    db.exec(`DELETE FROM events WHERE type IN ('judgement-types', 'groups', 'organizations', 'languages', 'awards')`);
    const old: Record<string, (d: Record<string, unknown>) => Record<string, unknown>> = {
      contest: ({ scoreboard_type: _, ...d }) => d,
      teams: ({ label: _, ...d }) => ({ ...d, hidden: d.id === 't3' }),
      submissions: ({ entry_point: _, ...d }) => d,
      clarifications: (d) => d,
    };
    for (const e of db.prepare('SELECT token, type, obj_id AS id, data FROM events').all() as { token: number; type: string; id: string | null; data: string | null }[]) {
      const data = e.data === null ? null : (JSON.parse(e.data) as Record<string, unknown>);
      const type = e.type === 'contest' ? 'contests' : e.type;
      const id = e.type === 'contest' ? String(data!.id) : e.id;
      const back = data && old[e.type] ? old[e.type](data) : data;
      db.prepare('UPDATE events SET type = ?, obj_id = ?, data = ? WHERE token = ?').run(type, id, back === null ? null : JSON.stringify(back), e.token);
    }
    db.exec(DROP_SUBMISSION_FILES);
    db.pragma('user_version = 4');
    assert.equal(migrate(db), latestVersion());
    const events = (db.prepare('SELECT type, obj_id AS id, data, audience FROM events ORDER BY token').all() as { type: string; id: string | null; data: string | null; audience: string }[]).map((e) => ({ ...e, data: e.data === null ? null : (JSON.parse(e.data) as Record<string, unknown>) }));
    const entryPoint = db.prepare('SELECT entry_point FROM submissions WHERE id = ?').pluck().get(Number(java.submission.id));
    db.close();
    assert.equal(entryPoint, 'Hello', "a Java submission's entry point is its public class");
    assert.ok(!events.some((e) => e.type === 'contests'));
    const contest = events.find((e) => e.type === 'contest')!;
    assert.equal(contest.id, null);
    assert.equal(contest.data!.scoreboard_type, 'pass-fail');
    for (const team of events.filter((e) => e.type === 'teams')) {
      assert.equal(team.data!.label, team.id);
      assert.ok(!('hidden' in team.data!));
    }
    assert.equal(events.find((e) => e.type === 'teams' && e.id === 't3')!.audience, JUDGES_ONLY, 'a hidden team stays hidden');
    assert.equal(events.find((e) => e.type === 'submissions' && e.id === java.submission.id)!.data!.entry_point, 'Hello');
    const clar = events.find((e) => e.type === 'clarifications')!;
    assert.equal(clar.data!.to_team_id, 't1');
    assert.ok(!('to_team_ids' in clar.data!));
  } finally {
    t.dispose();
  }
});

test('hidden teams: their events are for the judges; one hidden later is deleted for everyone else', () => {
  const t = tempStore({ imported: false });
  try {
    const def = contestDefinition();
    t.store.contest.import(def, { hashPasswords: false });
    const teamEvents = () => t.store.events.since(null, 10_000).filter((e) => e.type === 'teams');
    assert.deepEqual(teamEvents().map((e) => [e.id, e.audience]), [['t1', EVERYONE], ['t2', EVERYONE], ['t3', JUDGES_ONLY]]);
    const last = t.store.events.lastToken();
    def.teams[0].hidden = true;
    t.store.contest.import(def, { hashPasswords: false });
    // t1 alone was in 'participants': the group goes with it (privateAffiliations.ts).
    assert.deepEqual(eventsAfter(t.store, last).map((e) => `${e.type}/${e.op}/${e.id}/${e.audience}/${e.data === null ? 'null' : 'data'}`), [
      `teams/delete/t1/${EVERYONE}/null`,
      `teams/update/t1/${JUDGES_ONLY}/data`,
      `groups/delete/participants/${EVERYONE}/null`,
      `groups/update/participants/${JUDGES_ONLY}/data`,
    ]);
  } finally {
    t.dispose();
  }
});

test('languages and awards are announced once each, changes as updates; a language in use stays; awards go to everyone once released', () => {
  const t = tempStore();
  try {
    const python = { id: 'python', name: 'Python 3', entry_point_required: false as const, extensions: ['py'] };
    const c = { id: 'c', name: 'C', entry_point_required: false as const, extensions: ['c'] };
    const last = t.store.events.lastToken();
    t.store.contest.syncLanguages([c, python]);
    t.store.contest.syncLanguages([c, python]);
    submit(t.store, 't1', 'print(1)');
    t.store.contest.syncLanguages([c]);
    t.store.contest.syncLanguages([]);
    assert.deepEqual(eventsAfter(t.store, last).filter((e) => e.type === 'languages').map((e) => `${e.op}/${e.id}`), ['create/c', 'create/python', 'delete/c']);
    assert.deepEqual(t.store.contest.announced('languages').map((l) => l.id), ['python'], 'python was used: it stays');

    const before = t.store.events.lastToken();
    t.store.contest.syncAwards([{ id: 'winner', citation: 'Winner', team_ids: [] }], false);
    t.store.contest.syncAwards([{ id: 'winner', citation: 'Winner', team_ids: ['t1'] }], false);
    t.store.contest.syncAwards([{ id: 'winner', citation: 'Winner', team_ids: ['t1'] }], true);
    assert.deepEqual(eventsAfter(t.store, before).map((e) => `${e.type}/${e.op}/${e.audience}`), [`awards/create/${JUDGES_ONLY}`, `awards/update/${JUDGES_ONLY}`, `awards/create/${EVERYONE}`]);
  } finally {
    t.dispose();
  }
});

test('runs are recorded as their tests finish, each once, before the verdict; none for a judgement no longer open', () => {
  const t = tempStore();
  try {
    const { submission } = submit(t.store, 't1', 'print(1)');
    const j = t.store.judgements.start(submission.id, 'h');
    const last = t.store.events.lastToken();
    const result = judgeResult('WA', [['secret/1', 'AC', 3], ['secret/2', 'WA', 4], ['secret/3', 'AC', 5]]);
    assert.equal(t.store.judgements.addRuns(j, [{ ordinal: 1, test: result.tests[0], time: START + 1000 }]), 1);
    // A judging stopped to make room runs its tests again: the first run of a test stays.
    assert.equal(t.store.judgements.addRuns(j, [{ ordinal: 1, test: { ...result.tests[0], timeMs: 99 }, time: START + 2000 }, { ordinal: 2, test: result.tests[1], time: START + 2500 }]), 1);
    t.store.judgements.finish(j, result, START + 3000);
    const events = eventsAfter(t.store, last);
    assert.deepEqual(events.map((e) => `${e.type}/${e.op}`), ['runs/create', 'runs/create', 'runs/create', 'judgements/update'], 'every run before the verdict');
    assert.deepEqual(events.slice(0, 3).map((e) => [e.data!.ordinal, e.data!.time, e.data!.run_time]), [
      [1, '2030-01-01T10:00:01.000Z', 0.003],
      [2, '2030-01-01T10:00:02.500Z', 0.004],
      [3, '2030-01-01T10:00:03.000Z', 0.005],
    ]);
    assert.deepEqual(t.store.judgements.runs(j).map((r) => r.ordinal), [1, 2, 3]);
    assert.equal(t.store.judgements.addRuns(j, [{ ordinal: 4, test: result.tests[0], time: START + 4000 }]), 0, 'the judgement has ended');
  } finally {
    t.dispose();
  }
});

test('the CLICS state keeps its order: no thaw without a freeze or before the end, no going back, finalized only once ended, end_of_updates last', () => {
  const c = { id: 'x', name: 'X', formalName: 'X', startTime: START, durationMs: 5 * HOUR, freezeMs: HOUR, penaltyMinutes: 20 };
  const none = { thawed: null, finalized: null, endOfUpdates: null };
  // Released during the freeze: the state says thawed only from the end, at the end.
  assert.equal(stateObject(c, { ...none, thawed: START + 4.5 * HOUR }, START + 4.5 * HOUR).thawed, null);
  assert.equal(stateObject(c, { ...none, thawed: START + 4.5 * HOUR }, START + 5 * HOUR).thawed, '2030-01-01T15:00:00.000Z');
  // Never frozen: never thawed; end_of_updates needs only the results final.
  const open = { ...c, freezeMs: 0 };
  const final = stateObject(open, { thawed: START + 6 * HOUR, finalized: START + 6 * HOUR, endOfUpdates: START + 6 * HOUR }, START + 7 * HOUR);
  assert.deepEqual([final.frozen, final.thawed, final.finalized, final.end_of_updates], [null, null, '2030-01-01T16:00:00.000Z', '2030-01-01T16:00:00.000Z']);
  // Frozen and final but not thawed: no end_of_updates yet.
  assert.equal(stateObject(c, { thawed: null, finalized: START + 6 * HOUR, endOfUpdates: START + 6 * HOUR }, START + 7 * HOUR).end_of_updates, null);

  const t = tempStore();
  try {
    const store = t.store;
    store.contest.setTimes({ startTime: START, durationMs: 5 * HOUR, freezeMs: HOUR }, START);
    // During the contest: a release (and its undoing) is the judges' business; nothing final.
    store.contest.markState({ thawed: START + 4.5 * HOUR }, START + 4.5 * HOUR);
    store.contest.markState({ thawed: null }, START + 4.6 * HOUR);
    assert.throws(() => store.contest.markState({ finalized: START + 4.7 * HOUR }, START + 4.7 * HOUR), /has not ended/);
    // After the end: finalized, then the release; with both, end_of_updates follows as the last change.
    const finalized = store.contest.markState({ finalized: START + 6 * HOUR }, START + 6 * HOUR);
    assert.deepEqual([finalized.finalized, finalized.thawed, finalized.end_of_updates], ['2030-01-01T16:00:00.000Z', null, null]);
    const last = store.events.lastToken();
    const thawed = store.contest.markState({ thawed: START + 7 * HOUR }, START + 7 * HOUR);
    assert.deepEqual([thawed.thawed, thawed.end_of_updates], ['2030-01-01T17:00:00.000Z', '2030-01-01T17:00:00.000Z']);
    assert.deepEqual(eventsAfter(store, last).map((e) => `${e.type}/${e.op}`), ['state/update'], 'one state event: thawed and end_of_updates together');
    assert.throws(() => store.contest.markState({ thawed: null }, START + 8 * HOUR), /cannot be frozen again/);
    assert.throws(() => store.contest.markState({ finalized: null }, START + 8 * HOUR), /final/);
  } finally {
    t.dispose();
  }
});

test('final results take no new verdict or submission; a contest closed for updates (end_of_updates) takes no change at all', () => {
  const t = tempStore();
  try {
    const store = t.store;
    store.contest.setTimes({ startTime: START, durationMs: 5 * HOUR, freezeMs: HOUR }, START);
    const { submission } = submit(store, 't1', 'print(1)');
    const j = store.judgements.start(submission.id, 'host-1', START + 70_000);
    store.judgements.finish(j, judgeResult('WA', [['secret/1', 'WA', 5]]));
    const refused = (pattern: RegExp) => (e: unknown) => e instanceof StoreError && e.code === 'conflict' && pattern.test(e.message);

    const { submission: waiting } = submit(store, 't1', 'print(3)', { at: START + 80_000 });
    assert.throws(() => store.contest.markState({ finalized: START + 6 * HOUR }, START + 6 * HOUR), refused(/1 submission is still waiting or being judged/));
    const jw = store.judgements.start(waiting.id, 'host-1', START + 6 * HOUR);
    assert.throws(() => store.contest.markState({ finalized: START + 6 * HOUR }, START + 6 * HOUR), refused(/1 submission is still waiting or being judged/));
    store.judgements.finish(jw, judgeResult('WA', [['secret/1', 'WA', 5]]));
    store.contest.markState({ finalized: START + 6 * HOUR }, START + 6 * HOUR);
    // Final, not yet released: the verdicts stand, questions and answers still come.
    assert.throws(() => store.judgements.override(submission.id, 'AC', 'typo in the tests', 'judge'), refused(/overriding the verdict of submission \d+ refused: the results are final/));
    assert.throws(() => store.judgements.rejudge(submission.id), refused(/rejudging submission \d+ refused: the results are final/));
    assert.throws(() => submit(store, 't1', 'print(2)', { at: START + 6 * HOUR }), refused(/a new submission refused: the results are final/));
    assert.equal(store.submissions.get(submission.id)?.verdict, 'WA');
    store.clarifications.add({ fromTeamId: 't1', toTeamId: null, problemId: null, text: 'Is it over?', replyToId: null, time: START + 6 * HOUR });

    // Released as well: end_of_updates, after which nothing changes, whoever asks.
    store.contest.markState({ thawed: START + 7 * HOUR }, START + 7 * HOUR);
    const last = store.events.lastToken();
    assert.throws(
      () => store.clarifications.add({ fromTeamId: null, toTeamId: null, problemId: null, text: 'Thanks for coming.', replyToId: null, time: START + 8 * HOUR }),
      refused(/a clarification refused: the contest is closed for updates/),
    );
    assert.throws(() => store.contest.setTimes({ startTime: START + HOUR }, START + 8 * HOUR), refused(/contest times refused: the contest is closed/));
    // Any other change is refused where its event would be announced: a language added, a team renamed.
    assert.throws(() => store.contest.syncLanguages([{ id: 'cobol', name: 'COBOL', entry_point_required: false, extensions: ['cob'] }], START + 8 * HOUR), refused(/its languages cannot change any more/));
    const def = contestDefinition();
    assert.throws(() => store.contest.import({ ...def, teams: def.teams.map((team) => ({ ...team, name: `${team.name} (renamed)` })) }, { hashPasswords: false, now: START + 8 * HOUR }), refused(/its teams cannot change/));
    assert.deepEqual(eventsAfter(store, last), [], 'the state that set end_of_updates is still the last event');
    // The same folder again changes nothing: a restart after the contest still opens it.
    store.contest.import(def, { hashPasswords: false, now: START + 8 * HOUR });
  } finally {
    t.dispose();
  }
});

test('a group or organization only hidden teams belong to is the judges\' only: deleted for everyone after its last visible team goes, announced to everyone before one comes back', () => {
  const t = tempStore({ imported: false });
  try {
    const store = t.store;
    const def = contestDefinition();
    // t2 alone names 'uni'; t1 alone 'participants'. Hidden t3 names 'jury' and 'panel' only.
    const withTeams = (change: (team: (typeof def.teams)[number]) => Partial<(typeof def.teams)[number]>) => ({ ...def, teams: def.teams.map((team) => ({ ...team, ...change(team) })) });
    store.contest.import(withTeams((team) => (team.id === 't3' ? { organizationId: 'panel', groupIds: ['jury'] } : {})), { hashPasswords: false, now: START - HOUR });
    const seen = (events: StoredEvent[]) => events.filter((e) => ['teams', 'groups', 'organizations'].includes(e.type)).map((e) => `${e.type} ${e.id} ${e.data === null ? 'delete' : 'put'} ${e.audience}`);
    assert.deepEqual(
      seen(eventsAfter(store, null)).filter((line) => /jury|panel|t3/.test(line)),
      [`groups jury put ${JUDGES_ONLY}`, `organizations panel put ${JUDGES_ONLY}`, `teams t3 put ${JUDGES_ONLY}`],
    );

    // t2 becomes hidden: 'uni' is now the judges' only, deleted for everyone after t2 is.
    let last = store.events.lastToken();
    store.contest.import(withTeams((team) => (team.id === 't3' ? { organizationId: 'panel', groupIds: ['jury'] } : team.id === 't2' ? { hidden: true } : {})), { hashPasswords: false, now: START });
    assert.deepEqual(seen(eventsAfter(store, last)), [`teams t2 delete ${EVERYONE}`, `teams t2 put ${JUDGES_ONLY}`, `organizations uni delete ${EVERYONE}`, `organizations uni put ${JUDGES_ONLY}`]);

    // Shown again, and t1 joins 'jury': both announced to everyone before the teams that name them.
    last = store.events.lastToken();
    store.contest.import(withTeams((team) => (team.id === 't3' ? { organizationId: 'panel', groupIds: ['jury'] } : team.id === 't1' ? { groupIds: ['participants', 'jury'] } : {})), { hashPasswords: false, now: START + HOUR });
    assert.deepEqual(seen(eventsAfter(store, last)), [`groups jury put ${EVERYONE}`, `organizations uni put ${EVERYONE}`, `teams t1 put ${EVERYONE}`, `teams t2 put ${EVERYONE}`]);
  } finally {
    t.dispose();
  }
});

test('migration 10 lets the accounts table take judgehost accounts and keeps every account and session (and the cascade)', () => {
  const t = tempStore();
  try {
    const teamAccount = t.store.accounts.list().find((a) => a.type === 'team')!;
    t.store.accounts.createSession(teamAccount.id, 60_000);
    const accountsBefore = t.store.accounts.list();
    t.store.close();
    // Back to version 9: the accounts table as it was then, without the type.
    const db = new Database(t.file);
    db.pragma('foreign_keys = ON');
    db.exec(DROP_PRINT_JOBS);
    const v9Check = "CHECK (type IN ('team', 'judge', 'admin'))";
    db.exec(`CREATE TABLE a7 (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, type TEXT NOT NULL ${v9Check}, team_id TEXT REFERENCES teams(id), password_hash TEXT, imported_hash TEXT) WITHOUT ROWID;
             INSERT INTO a7 SELECT * FROM accounts;
             CREATE TABLE s7 AS SELECT * FROM sessions; DROP TABLE sessions; DROP TABLE accounts; ALTER TABLE a7 RENAME TO accounts;
             CREATE TABLE sessions (token_hash BLOB PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
             INSERT INTO sessions SELECT * FROM s7; DROP TABLE s7;`);
    db.exec(DROP_SUBMISSION_FILES);
    db.pragma('user_version = 9');
    assert.throws(() => db.prepare("INSERT INTO accounts (id, username, type) VALUES ('jh', 'jh', 'judgehost')").run(), /CHECK constraint failed/);
    assert.equal(migrate(db), latestVersion());
    db.prepare("INSERT INTO accounts (id, username, type) VALUES ('jh', 'jh', 'judgehost')").run();
    assert.equal(db.prepare('SELECT count(*) FROM sessions WHERE account_id = ?').pluck().get(teamAccount.id), 1, 'the session survived');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    db.prepare('DELETE FROM accounts WHERE id = ?').run(teamAccount.id);
    assert.equal(db.prepare('SELECT count(*) FROM sessions').pluck().get(), 0, "deleting an account still ends its sessions");
    db.close();
    t.store = Store.open(t.file);
    const kept = t.store.accounts.list().filter((a) => a.id !== 'jh');
    assert.deepEqual(kept, accountsBefore.filter((a) => a.id !== teamAccount.id));
  } finally {
    t.dispose();
  }
});
