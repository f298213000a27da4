// The results of a score contest (testScoreContest.ts): the standings rank by score as the live
// scoreboard does, results.tsv, scoreboard.csv and standings.html carry the scores, and the test groups'
// results travel in an exported package, so an imported best-per-subtask contest ranks the same.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readGroupsFile } from '../contest/folderLists.ts';
import { ScoreboardService } from '../store/scoreboardService.ts';
import { Store } from '../store/store.ts';
import { buildResults, exportContestPackage, type Results } from './contestPackage.ts';
import { importContestPackage } from './packageImport.ts';
import { finalStandings } from './standings.ts';
import { HOUR, START, makeScoreContest, type TestScoreContest } from './testScoreContest.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-score-results-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('a best-per-subtask score contest', () => {
  let c: TestScoreContest;
  let r: Results;
  before(async () => {
    c = await makeScoreContest(join(scratch, 'subtask'), 'best-per-subtask');
    r = buildResults(c.store, { medals: { gold: 1, silver: 1, bronze: 0 }, groups: readGroupsFile(c.contestDir), now: START + 6 * HOUR });
  });
  after(() => c.store.close());

  test('the standings rank by score, as the live scoreboard does', () => {
    const s = finalStandings(c.store);
    assert.deepEqual(s.rows.map((row) => [row.rank, row.teamId, row.score]), [
      [1, 't1', 101],
      [2, 't2', 100],
      [3, 't3', 12.5],
      [4, 't4', 0],
    ]);
    const live = new ScoreboardService(c.store).snapshot('judges', START + 6 * HOUR).rows;
    assert.deepEqual(s.rows.map(({ team: _team, ...row }) => row), live);
  });

  test('results.tsv: the score in the points column, the last improvement\'s minute as the time; awards by score', () => {
    assert.equal(
      r.files['results.tsv'],
      [
        'results\t1',
        't1\t1\tGold Medal\t101\t30\t30\tUniversities',
        't2\t2\tSilver Medal\t100\t15\t15\t',
        // The median team (position 3 of 4) scored 12.5: t3 is ranked, t4 scored nothing.
        't3\t3\tRanked\t12.5\t5\t5\tHigh Schools',
        't4\t\tHonorable\t0\t0\t0\t',
        '',
      ].join('\n'),
    );
  });

  test('scoreboard.csv: a score column and each problem\'s score', () => {
    assert.equal(
      r.files['scoreboard.csv'],
      [
        'rank,team_id,team_name,score,A_attempts,A_time,A_score,A_first_to_solve,B_attempts,B_time,B_score,B_first_to_solve',
        '1,t1,Alpha,101,2,20,100,0,1,30,1,1',
        '2,t2,Bravo,100,1,15,100,1,1,,0,0',
        '3,t3,Charlie,12.5,1,5,12.5,0,0,,0,0',
        '4,t4,Delta,0,0,,0,0,0,,0,0',
        '',
      ].join('\r\n'),
    );
  });

  test('standings.html: the scores, and a legend that says what a score contest\'s cells mean', () => {
    const html = r.files['standings.html'];
    assert.match(html, /<th class="narrow" scope="col">Score<\/th>/);
    assert.match(html, /<td class="num narrow">101<\/td>/);
    assert.match(html, /<td class="cell partial"><b>12\.5<\/b><small>1 try<\/small><\/td>/);
    assert.match(html, /Full score: points, tries/);
    assert.match(html, /Partial score: points, tries/);
    assert.match(html, /No points/);
    assert.doesNotMatch(html, /Solved: minute, tries|First to solve/);
  });

  test('CLICS scoreboard.json: the score shape', () => {
    assert.deepEqual(r.scoreboard.rows.map((row) => [row.rank, row.team_id, row.score]), [
      [1, 't1', { score: 101, time: '0:30:00.000' }],
      [2, 't2', { score: 100, time: '0:15:00.000' }],
      [3, 't3', { score: 12.5, time: '0:05:00.000' }],
      [4, 't4', { score: 0, time: null }],
    ]);
  });
});

test('a best-submission score contest ranks by each problem\'s best submission', async () => {
  const c = await makeScoreContest(join(scratch, 'best'), 'best-submission');
  try {
    const r = buildResults(c.store, { medals: { gold: 1, silver: 1, bronze: 0 }, now: START + 6 * HOUR });
    assert.deepEqual(r.results.map((row) => [row.teamId, row.rank, row.award, row.points, row.totalTime]), [
      ['t2', 1, 'Gold Medal', 100, 15],
      ['t1', 2, 'Silver Medal', 61, 30],
      ['t3', 3, 'Ranked', 12.5, 5],
      ['t4', null, 'Honorable', 0, 0],
    ]);
  } finally {
    c.store.close();
  }
});

test('export, then import: the test groups\' results come back, so a best-per-subtask scoreboard is the same', async () => {
  const c = await makeScoreContest(join(scratch, 'round-trip'), 'best-per-subtask');
  const pkg = join(scratch, 'round-trip', 'pkg');
  const dataDir = join(scratch, 'round-trip', 'imported');
  try {
    await exportContestPackage(c.store, pkg, { now: START + 6 * HOUR });
    const imported = await importContestPackage(pkg, c.def, dataDir, { now: START + 7 * HOUR });
    const store = Store.open(imported.dbFile);
    try {
      const groupsOf = (s: Store) => s.judgements.list().map((j) => [j.id, j.groups]);
      assert.deepEqual(groupsOf(store), groupsOf(c.store));
      const rows = (s: Store) => finalStandings(s).rows.map((row) => [row.rank, row.teamId, row.score, row.problems.map((p) => p.score)]);
      // Summed from whole scores, t1 would have 61 (its best submission of A, 60, and B's 1) and rank second.
      assert.deepEqual(rows(store), [
        [1, 't1', 101, [100, 1]],
        [2, 't2', 100, [100, 0]],
        [3, 't3', 12.5, [12.5, 0]],
        [4, 't4', 0, [0, 0]],
      ]);
      assert.deepEqual(rows(store), rows(c.store));
      assert.deepEqual(new ScoreboardService(store).snapshot('public', START + 7 * HOUR).rows, new ScoreboardService(c.store).snapshot('public', START + 7 * HOUR).rows);
    } finally {
      store.close();
    }
  } finally {
    c.store.close();
  }
});
