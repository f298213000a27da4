// `verdict export`, `verdict backup`, `verdict restore` as a user runs them: real processes, exit codes,
// one-line errors. The store stays open in this process meanwhile, as a running server's would.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EXPECTED_RESULTS_TSV, makeContest, type TestContest } from './testContest.ts';
import { runVerdict } from '../test-support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-export-cli-'));
let c: TestContest;
before(async () => {
  c = await makeContest(join(scratch, 'live'));
});
after(() => {
  c.store.close();
  rmSync(scratch, { recursive: true, force: true });
});

const verdict = runVerdict;

describe('verdict export', () => {
  test('writes the package from a running contest\'s data and prints what it wrote', async () => {
    const before = c.store.events.lastToken();
    const out = join(scratch, 'out', 'pkg');
    const r = await verdict('export', '--contest', c.contestDir, '--data', c.dataDir, '--out', out, '--gold', '1', '--silver', '1', '--bronze', '1');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^verdict: exported Export Test to .*pkg$/m);
    for (const f of ['results.tsv', 'scoreboard.json', 'event-feed.ndjson', 'standings.html', 'manifest.sha256']) assert.match(r.stdout, new RegExp(`^  ${f.replace('.', '\\.')} `, 'm'));
    assert.match(r.stdout, /submissions\/\*\/files\.zip +22 files/);
    assert.match(r.stdout, /11 teams, 3 problems, 22 submissions/);
    assert.match(r.stdout, /warning: not final: the contest has not ended/, 'the test contest is in 2030');
    assert.equal(readFileSync(join(out, 'results.tsv'), 'utf8'), EXPECTED_RESULTS_TSV);
    assert.equal(c.store.events.lastToken(), before, 'the data folder was only read');
    assert.deepEqual(readdirSync(join(scratch, 'out')), ['pkg']);

    const again = await verdict('export', '--contest', c.contestDir, '--data', c.dataDir, '--out', out);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /^verdict: .*pkg already exists and is not empty \(choose another folder, or replace it with --force\)\n$/);
    const forced = await verdict('export', '--contest', c.contestDir, '--data', c.dataDir, '--out', out, '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(out, 'results.tsv'), 'utf8'), /t4\t3\tGold Medal/);
  });

  test('bad input: one clear line and exit 2', async () => {
    const empty = join(scratch, 'empty-data');
    mkdirSync(empty);
    const other = await makeContest(join(scratch, 'other'));
    other.store.close();
    writeFileSync(join(other.contestDir, 'contest.yaml'), readFileSync(join(other.contestDir, 'contest.yaml'), 'utf8').replace('id: export-test', 'id: another'));
    const cases: [string[], RegExp][] = [
      [['export', '--contest', c.contestDir, '--data', c.dataDir], /export needs --out <dir>/],
      [['export', '--data', c.dataDir, '--out', join(scratch, 'x')], /export needs --contest <dir>/],
      [['export', '--contest', c.contestDir, '--data', c.dataDir, '--out', join(scratch, 'x'), '--gold', 'four'], /--gold must be a whole number/],
      [['export', '--contest', join(scratch, 'nowhere'), '--data', c.dataDir, '--out', join(scratch, 'x')], /nowhere: no such folder/],
      [['export', '--contest', c.contestDir, '--data', empty, '--out', join(scratch, 'x')], /empty-data: no contest data here \(no verdict\.db\)/],
      [['export', '--contest', other.contestDir, '--data', c.dataDir, '--out', join(scratch, 'x')], /holds contest "export-test", not "another"/],
      [['restore', '--backup', c.contestDir, '--data', join(scratch, 'x')], /not a Verdict backup \(no backup\.json\)/],
      [['restore', '--backup', c.contestDir], /restore needs --data <dir>/],
      [['backup', '--contest', c.contestDir, '--data', c.dataDir], /backup needs --out <dir>/],
      [['backup', '--contest', other.contestDir, '--data', c.dataDir, '--out', join(scratch, 'x')], /holds contest "export-test", not "another"/],
      [['import', '--contest', c.contestDir, '--data', join(scratch, 'x')], /import needs --package <dir>/],
      [['import', '--package', c.contestDir, '--contest', c.contestDir], /import needs --data <dir>/],
      [['import', '--package', c.contestDir, '--contest', c.contestDir, '--data', join(scratch, 'x')], /not a contest package exported by Verdict \(no manifest\.sha256\)/],
    ];
    for (const [args, message] of cases) {
      const r = await verdict(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr.split('\n')[0], message, args.join(' '));
      assert.ok(!r.stderr.includes('    at '), 'no stack trace');
    }
    assert.ok(!existsSync(join(scratch, 'x')), 'nothing was written');
  });
});

describe('verdict backup and restore', () => {
  test('back up, restore on "another machine", serve-ready, and export the same results', async () => {
    const backupDir = join(scratch, 'usb', 'backup');
    const b = await verdict('backup', '--contest', c.contestDir, '--data', c.dataDir, '--out', backupDir);
    assert.equal(b.code, 0, b.stderr);
    assert.match(b.stdout, /backed up Export Test to .*backup/);
    assert.match(b.stdout, /verdict\.db .*\(\d+ events, last token \d+, 22 submissions\)/);
    assert.match(b.stdout, /restore with: verdict restore --backup /);

    const data = join(scratch, 'machine-2', 'data');
    const r = await verdict('restore', '--backup', backupDir, '--data', data);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /restored Export Test .* into .*machine-2\/data/);
    assert.match(r.stdout, /continue the contest with: verdict serve --contest .*machine-2\/data\/contest --data .*machine-2\/data$/m);

    const refused = await verdict('restore', '--backup', backupDir, '--data', data);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /already exists and is not empty/);
    const forced = await verdict('restore', '--backup', backupDir, '--data', data, '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /the data folder it replaced is kept at .*data\.replaced-/);

    const out = join(scratch, 'machine-2', 'results');
    const e = await verdict('export', '--contest', join(data, 'contest'), '--data', data, '--out', out, '--gold', '1', '--silver', '1', '--bronze', '1');
    assert.equal(e.code, 0, e.stderr);
    assert.equal(readFileSync(join(out, 'results.tsv'), 'utf8'), EXPECTED_RESULTS_TSV);
  });
});

describe('verdict import', () => {
  test('export, import into a fresh data folder with the contest folder, export again: the same scoreboard and event feed', async () => {
    const first = join(scratch, 'archive', 'first');
    assert.equal((await verdict('export', '--contest', c.contestDir, '--data', c.dataDir, '--out', first)).code, 0);
    const data = join(scratch, 'archive', 'data');
    const i = await verdict('import', '--package', first, '--contest', c.contestDir, '--data', data);
    assert.equal(i.code, 0, i.stderr);
    assert.match(i.stdout, /^verdict: imported Export Test into .*archive\/data: 11 teams, 3 problems, 22 submissions, 22 judgements, 2 clarifications, \d+ events$/m);
    assert.match(i.stdout, /serve it with: verdict serve --contest .* --data .*archive\/data$/m);
    const again = await verdict('import', '--package', first, '--contest', c.contestDir, '--data', data);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists and is not empty/);

    const second = join(scratch, 'archive', 'second');
    const e = await verdict('export', '--contest', c.contestDir, '--data', data, '--out', second);
    assert.equal(e.code, 0, e.stderr);
    for (const f of ['scoreboard.json', 'scoreboard.csv', 'results.tsv', 'awards.json', 'event-feed.ndjson', 'standings.html']) {
      assert.equal(readFileSync(join(second, f), 'utf8'), readFileSync(join(first, f), 'utf8'), f);
    }
  });
});
