// The CLICS contest package written from a real store: every file against Verdict's CLICS schemas, strictly
// (Contest API 2026-01 / contest package), the event feed's referential integrity, the submission zips, the
// manifest, atomicity, the HTML page, and the round trip export → backup → restore → export.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import yauzl from 'yauzl';
import * as S from '../clics/schemas.ts';
import { Store } from '../store/store.ts';
import { assertCollection, assertConforms, assertFeed, integrityProblems } from '../test-support/clicsCheck.ts';
import { backupFiles, restore } from './backup.ts';
import { exportContestPackage, JUDGEMENT_TYPES, type ExportResult } from './contestPackage.ts';
import { exportFromDataFolder } from './exportSnapshot.ts';
import { readGroupsFile, type GroupDef } from '../contest/folderLists.ts';
import { MANIFEST, verifyManifest } from '../common/manifest.ts';
import { backupDatabase } from './storeBackup.ts';
import { AFTER_END, makeContest, SUBMISSIONS, type TestContest } from './testContest.ts';

function readEntries(file: string): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error(`${file}: yauzl gave no zip`));
      const out: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`${entry.fileName}: yauzl gave no stream`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'verdict-package-test-'));
let c: TestContest;
let groups: GroupDef[];
let out: string;
let result: ExportResult;
const read = (name: string) => readFileSync(join(out, name), 'utf8');
const json = (name: string) => JSON.parse(read(name));

before(async () => {
  c = await makeContest(join(scratch, 'live'));
  groups = readGroupsFile(c.contestDir);
  out = join(scratch, 'exports', 'export-test');
  // As the CLI and the console export: from an online snapshot of the data folder in use.
  result = await exportFromDataFolder(c.dbFile, c.contestDir, out, { now: AFTER_END });
});
after(() => {
  c.store.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the contest package', () => {
  test('holds every file, and says what it wrote', () => {
    const top = readdirSync(out).sort();
    assert.deepEqual(top, [
      'api.json', 'awards.json', 'clarifications.json', 'contest.json', 'event-feed.ndjson', 'groups.json', 'judgement-types.json', 'judgements.json',
      'languages.json', MANIFEST, 'organizations.json', 'problems.json', 'results.tsv', 'runs.json', 'scoreboard.csv', 'scoreboard.json', 'standings.html', 'state.json',
      'submissions', 'submissions.json', 'teams.json', 'verdict.json',
    ]);
    assert.equal(result.path, out);
    assert.equal(result.files.filter((f) => f.startsWith('submissions/')).length, SUBMISSIONS.length);
    assert.deepEqual(result.counts, { teams: 11, problems: 3, submissions: SUBMISSIONS.length, judgements: SUBMISSIONS.length, runs: SUBMISSIONS.length, clarifications: 2, events: result.counts.events });
    assert.ok(result.counts.events > 100);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(readdirSync(join(scratch, 'exports')), ['export-test'], 'no temporary folder left beside it');
  });

  test('verdict.json: one time per event of the feed, judging details, settings', () => {
    const extras = JSON.parse(read('verdict.json'));
    assert.equal(extras.format, 'verdict-contest-package');
    assert.equal(extras.version, 1);
    assert.equal(extras.contest_id, 'export-test');
    const feed = read('event-feed.ndjson').trimEnd().split('\n');
    assert.equal(extras.event_times.length, feed.length);
    const last = c.store.events.since(null, 100_000).at(-1)!;
    assert.equal(extras.event_times.at(-1), last.time);
    assert.deepEqual(Object.keys(extras.judgements).length, SUBMISSIONS.length);
    const ce = c.store.judgements.list().find((j) => j.verdict === 'CE')!;
    assert.equal(extras.judgements[ce.id].compile_output, 'error: expected ;');
    assert.equal(extras.judgements[ce.id].compile_ok, false);
    const run = c.store.judgements.runs('1')[0];
    assert.deepEqual(extras.runs[run.id], { test_name: 'secret/1', memory_kb: run.memoryKb, wall_ms: run.wallMs, exit_code: 0, signal: 0, message: '' });
    assert.deepEqual(extras.overrides, []);
    assert.equal(typeof extras.settings, 'object');
  });

  test('the manifest covers every file and verifies', async () => {
    const listed = read(MANIFEST).trimEnd().split('\n').map((l) => l.slice(66));
    assert.deepEqual(listed, result.files.filter((f) => f !== MANIFEST));
    for (const line of read(MANIFEST).trimEnd().split('\n')) assert.match(line, /^[0-9a-f]{64} {2}\S/);
    assert.deepEqual(await verifyManifest(out), { ok: true, changed: [], missing: [], unlisted: [] });
  });

  test('api.json, contest.json, state.json', () => {
    assertConforms(S.ApiInfo, json('api.json'), 'api.json');
    assert.equal(json('api.json').version, '2026-01');
    const contest = json('contest.json');
    assertConforms(S.Contest, contest, 'contest.json');
    assert.deepEqual(contest, {
      id: 'export-test', name: 'Export Test', formal_name: 'Export Test Contest 2030', start_time: '2030-01-01T10:00:00.000Z', duration: '5:00:00.000',
      scoreboard_freeze_duration: '1:00:00.000', penalty_time: '0:20:00.000', scoreboard_type: 'pass-fail',
    });
    assertConforms(S.State, json('state.json'), 'state.json');
    assert.equal(json('state.json').ended, '2030-01-01T15:00:00.000Z');
  });

  test('problems, languages, judgement types, groups, teams', () => {
    const problems = json('problems.json');
    assert.deepEqual(problems.map((p: { id: string }) => p.id), ['apple', 'banana', 'cherry']);
    assertCollection('problems', problems, 'problems.json');
    assert.equal(problems[0].time_limit, 2);
    assert.match(problems[0].rgb, /^#[0-9a-f]{6}$/);
    const languages = json('languages.json');
    assert.ok(languages.some((l: { id: string }) => l.id === 'c'), 'the language submitted in is listed');
    assertCollection('languages', languages, 'languages.json');
    assertCollection('judgement-types', json('judgement-types.json'), 'judgement-types.json');
    assertCollection('groups', json('groups.json'), 'groups.json');
    assertCollection('organizations', json('organizations.json'), 'organizations.json');
    // Every group a team names, the hidden teams' too (they are in teams.json): hidden groups only go without awards.
    assert.deepEqual(json('groups.json'), [{ id: 'rookies', name: 'rookies' }, { id: 'school', name: 'High Schools' }, { id: 'staff', name: 'Staff' }, { id: 'univ', name: 'Universities' }]);
    // Defined in organizations.yaml, or (lyceum) only named by a team; every team's organization resolves.
    assert.deepEqual(json('organizations.json'), [
      { id: 'delft', name: 'TU Delft', formal_name: 'Delft University of Technology', country: 'NLD' },
      { id: 'lyceum', name: 'lyceum', formal_name: 'lyceum' },
      { id: 'unused', name: 'Unused', formal_name: 'Unused' },
    ]);
    const orgIds = new Set(json('organizations.json').map((o: { id: string }) => o.id));
    for (const t of json('teams.json')) assert.ok(t.organization_id === null || orgIds.has(t.organization_id), t.id);
    const teams = json('teams.json');
    assert.equal(teams.length, 11);
    assertCollection('teams', teams, 'teams.json');
    assert.ok(teams.some((t: { id: string }) => t.id === 't11'), 'the hidden team is in the judges\' package');
  });

  test('submissions, with each source as submissions/<id>/files.zip readable by yauzl', async () => {
    const submissions = json('submissions.json');
    assert.equal(submissions.length, SUBMISSIONS.length);
    assertCollection('submissions', submissions, 'submissions.json');
    for (const s of submissions) {
      assert.equal(s.entry_point, null, 'C has one entry point');
      assert.equal(s.files[0].filename, 'files.zip');
      assert.equal(s.files[0].mime, 'application/zip');
      const entries = await readEntries(join(out, 'submissions', s.id, s.files[0].filename));
      assert.equal(entries.length, 1);
      assert.equal(entries[0].name, 'main.c');
      assert.ok(entries[0].data.equals(c.store.submissions.source(s.id)!.source), `source of ${s.id}`);
    }
    assert.deepEqual(readdirSync(join(out, 'submissions')).sort(), submissions.map((s: { id: string }) => s.id).sort());
  });

  test('judgements, runs, clarifications', () => {
    const types = new Set(JUDGEMENT_TYPES.map((t) => t.id));
    const judgements = json('judgements.json');
    assert.equal(judgements.length, SUBMISSIONS.length);
    assertCollection('judgements', judgements, 'judgements.json');
    for (const j of judgements) assert.ok(types.has(j.judgement_type_id), j.judgement_type_id);
    const runs = json('runs.json');
    assert.equal(runs.length, SUBMISSIONS.length);
    assertCollection('runs', runs, 'runs.json');
    const clarifications = json('clarifications.json');
    assert.equal(clarifications.length, 2);
    assertCollection('clarifications', clarifications, 'clarifications.json');
    assert.equal(clarifications[1].reply_to_id, clarifications[0].id);
  });

  test('awards.json and scoreboard.json', () => {
    const awards = json('awards.json');
    assertCollection('awards', awards, 'awards.json');
    assert.deepEqual(awards.find((a: { id: string }) => a.id === 'gold-medal').team_ids, ['t1', 't2', 't4', 't3']);
    const board = json('scoreboard.json');
    assertConforms(S.Scoreboard, board, 'scoreboard.json');
    assert.ok(!board.rows.some((r: { team_id: string }) => r.team_id === 't11'), 'hidden team left out');
  });

  test('event-feed.ndjson: every event of the store, in order, {type, id, data, token}', () => {
    const lines = read('event-feed.ndjson').split('\n');
    assert.equal(lines.pop(), '');
    const events = c.store.events.since(null, 100_000);
    assert.equal(lines.length, events.length);
    lines.forEach((line, i) => {
      const e = JSON.parse(line);
      assert.deepEqual(Object.keys(e), ['type', 'id', 'data', 'token']);
      assert.deepEqual(e, { type: events[i].type, id: events[i].id, data: events[i].data, token: events[i].token });
    });
    // Every line a notification of our schemas; every object created before anything refers to it.
    const feed = assertFeed(read('event-feed.ndjson'), 'event-feed.ndjson');
    assert.deepEqual(integrityProblems(feed), []);
    // Its last contest event is contest.json.
    assert.deepEqual(feed.findLast((e) => e.type === 'contest')?.data, json('contest.json'));
    const tokens = lines.map((l) => BigInt(JSON.parse(l).token));
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i] > tokens[i - 1]);
  });

  test('standings.html: every shown team, escaped, no script, print CSS', () => {
    const html = read('standings.html');
    assert.match(html, /^<!DOCTYPE html>/);
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett']) assert.ok(html.includes(`>${name}<`), name);
    assert.ok(!html.includes('Zulu'), 'hidden team left out');
    assert.ok(html.includes('Hotel &lt;&amp;&gt; &quot;Quotes&quot;'), 'names are escaped');
    // Under a name: the organization (by its name from organizations.yaml, or its id), else the full team name.
    assert.ok(html.includes('>Alpha<span class="org">TU Delft</span>'), 'organization name');
    assert.ok(html.includes('>Charlie<span class="org">lyceum</span>'), 'an organization the file does not define');
    assert.ok(html.includes('>Hotel<span class="org">Hotel &lt;&amp;&gt; &quot;Quotes&quot;</span>'), 'full team name');
    assert.ok(!/<script/i.test(html) && !/\son[a-z]+=/i.test(html), 'no scripts or handlers');
    assert.ok(!/(src|href)=/i.test(html), 'no external resources');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(html, /@page\{size:landscape/);
    assert.match(html, /break-inside:avoid/);
    assert.equal((html.match(/<tr/g) ?? []).length, 1 + 10 + 1, 'header, 10 teams, footer');
    assert.equal((html.match(/class="gold"/g) ?? []).length, 4);
    assert.equal((html.match(/cell solved first/g) ?? []).length, 3, 'one first-to-solve per problem');
    // Balanced tags (valid-ish): every opened table element is closed.
    for (const tag of ['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']) {
      assert.equal((html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length, (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length, tag);
    }
  });
});

describe('atomicity', () => {
  test('a failure mid-way (after some submission files) leaves nothing behind', async () => {
    const parent = join(scratch, 'atomic-1');
    let written = 0;
    await assert.rejects(
      exportContestPackage(c.store, join(parent, 'pkg'), {
        groups,
        now: AFTER_END,
        onFile: (rel) => {
          if (rel.startsWith('submissions/') && ++written === 5) throw new Error('the USB stick was pulled out');
        },
      }),
      /USB stick/,
    );
    assert.deepEqual(readdirSync(parent), []);
  });

  test('a real failure from the data (a source missing from the store) leaves nothing behind', async () => {
    const dir = join(scratch, 'atomic-2');
    const copy = join(dir, 'broken.db');
    mkdirSync(dir);
    backupDatabase(c.dbFile, copy);
    const db = new Database(copy);
    db.prepare('DELETE FROM submission_sources WHERE submission_id = 7').run();
    db.close();
    const broken = Store.open(copy);
    try {
      await assert.rejects(exportContestPackage(broken, join(dir, 'pkg'), { groups, now: AFTER_END }), /submission 7: its source is missing/);
    } finally {
      broken.close();
    }
    assert.deepEqual(readdirSync(dir).filter((f) => !f.startsWith('broken.db')), []);
  });

  test('an unwritable target fails cleanly; an existing package is kept unless --force', async () => {
    const file = join(scratch, 'atomic-3-file');
    writeFileSync(file, 'x');
    await assert.rejects(exportContestPackage(c.store, join(file, 'pkg'), { groups, now: AFTER_END }), /not a folder/);
    await assert.rejects(exportContestPackage(c.store, out, { groups, now: AFTER_END }), /already exists and is not empty/);
    assert.deepEqual(await verifyManifest(out), { ok: true, changed: [], missing: [], unlisted: [] });
    const again = await exportContestPackage(c.store, out, { groups, now: AFTER_END, force: true });
    assert.equal(again.files.length, result.files.length);
    assert.deepEqual(readdirSync(join(scratch, 'exports')), ['export-test']);
  });
});

describe('round trip', () => {
  test('export, back up, restore into a fresh data folder, export again: identical results and event feed', async () => {
    const backupDir = join(scratch, 'round', 'backup');
    const made = await backupFiles(c.dbFile, c.contestDir, backupDir, { now: AFTER_END });
    assert.equal(made.info.contest_id, 'export-test');
    assert.equal(made.info.last_event_token, c.store.events.lastToken());
    const restored = await restore(backupDir, join(scratch, 'round', 'elsewhere', 'data'));
    assert.ok(existsSync(join(restored.contestDir, 'contest.yaml')));
    assert.ok(existsSync(join(restored.contestDir, 'apple', 'data', 'secret', '1.ans')));
    const again = Store.open(restored.dbFile);
    try {
      const second = join(scratch, 'round', 'second');
      await exportContestPackage(again, second, { groups: readGroupsFile(restored.contestDir), now: AFTER_END });
      for (const name of ['scoreboard.json', 'results.tsv', 'event-feed.ndjson', 'awards.json', 'scoreboard.csv', 'standings.html', 'submissions.json', 'judgements.json', 'runs.json', 'teams.json']) {
        assert.equal(readFileSync(join(second, name), 'utf8'), read(name), name);
      }
      assert.ok(readFileSync(join(second, 'submissions/3/files.zip')).equals(readFileSync(join(out, 'submissions/3/files.zip'))), 'zips are byte-identical');
      // The restored store goes on: the next submission gets the next id and token.
      const next = again.submissions.add({ teamId: 't10', problemId: 'apple', languageId: 'c', fileName: 'main.c', source: Buffer.from('x'), submittedAt: AFTER_END - 3_600_000 * 2 });
      assert.equal(next.submission.id, String(SUBMISSIONS.length + 1));
      assert.equal(BigInt(again.events.lastToken()!), BigInt(c.store.events.lastToken()!) + 1n);
    } finally {
      again.close();
    }
  });
});
