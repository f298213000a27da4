// The results of the hand-computed contest in testContest.ts: results.tsv line by line, awards,
// the CSV columns, the CLICS scoreboard.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ContestError } from '../contest/model.ts';
import { computeAwards } from './awards.ts';
import { buildResults } from './contestPackage.ts';
import { readGroupsFile, readOrganizationsFile, type GroupDef } from '../contest/folderLists.ts';
import { contestGroups } from './groups.ts';
import { resultRows, resultsTsv, tsvField } from './resultsTsv.ts';
import { csvField } from './scoreboardFiles.ts';
import { finalStandings, standingsWarnings } from './standings.ts';
import { AFTER_END, START, makeContest, type TestContest, EXPECTED_RESULTS_TSV } from './testContest.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-results-test-'));
let c: TestContest;
let groups: GroupDef[];
before(async () => {
  c = await makeContest(scratch);
  groups = readGroupsFile(c.contestDir);
});
after(() => {
  c.store.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('standings', () => {
  test('ranks as computed by hand; ties share a rank and are listed by name; hidden teams left out', () => {
    const s = finalStandings(c.store);
    assert.deepEqual(
      s.rows.map((r) => [r.rank, r.teamId, r.solved, r.penalty]),
      [
        [1, 't1', 3, 110],
        [2, 't2', 3, 110],
        [3, 't4', 2, 45],
        [4, 't3', 2, 45],
        [5, 't5', 2, 70],
        [5, 't6', 2, 70],
        [7, 't7', 1, 60],
        [8, 't8', 1, 140],
        [9, 't9', 0, 0],
        [9, 't10', 0, 0],
      ],
    );
    assert.equal(s.teams.length, 11, 'every team is kept (the hidden one too) for teams.json');
    assert.deepEqual(standingsWarnings(s, AFTER_END), []);
  });

  test('warnings when the results cannot be final', async () => {
    const dir = mkdtempSync(join(scratch, 'pending-'));
    const pending = await makeContest(dir, [
      ['t9', 'cherry', 200, 0, null],
      ['t10', 'cherry', 201, 0, 'JE'],
    ]);
    try {
      const s = finalStandings(pending.store);
      assert.deepEqual(standingsWarnings(s, START + 60_000), [
        'the contest has not ended (it ends 2030-01-01T15:00:00.000Z)',
        '1 submission is not judged yet',
        '1 submission has a judging error (JE) to rejudge',
      ]);
      const row = s.rows.find((r) => r.teamId === 't9')!;
      assert.equal(row.problems.find((p) => p.problemId === 'cherry')!.pending, 1);
    } finally {
      pending.store.close();
    }
  });
});

describe('results.tsv', () => {
  test('DOMjudge format, line by line (gold 1, silver 1, bronze 1)', () => {
    const s = finalStandings(c.store);
    const awards = computeAwards(s, { medals: { gold: 1, silver: 1, bronze: 1 }, groups: contestGroups(s.teams, groups) });
    assert.equal(resultsTsv(resultRows(s, awards)), EXPECTED_RESULTS_TSV);
  });

  test('default medals (4/4/4): a team that solved nothing gets none; group winners as names', () => {
    const s = finalStandings(c.store);
    const rows = resultRows(s, computeAwards(s, { groups: contestGroups(s.teams, groups) }));
    assert.deepEqual(
      rows.map((r) => [r.teamId, r.rank, r.award, r.groupWinner]),
      [
        ['t1', 1, 'Gold Medal', 'Universities'],
        ['t2', 2, 'Gold Medal', null],
        ['t4', 3, 'Gold Medal', 'High Schools'],
        ['t3', 4, 'Gold Medal', null],
        ['t5', 5, 'Silver Medal', null],
        ['t6', 5, 'Silver Medal', null],
        ['t7', 7, 'Silver Medal', null],
        ['t8', 8, 'Silver Medal', null],
        ['t9', null, 'Honorable', null],
        ['t10', null, 'Honorable', null],
      ],
    );
  });

  test('--honors: DOMjudge\'s Highest Honors / High Honors / Honors instead of Ranked', () => {
    const s = finalStandings(c.store);
    const awards = computeAwards(s, { medals: { gold: 1, silver: 1, bronze: 1 }, groups: contestGroups(s.teams, groups) });
    const rows = resultRows(s, awards, { honors: true });
    assert.deepEqual(rows.slice(3, 6).map((r) => r.award), ['Highest Honors', 'Highest Honors', 'Highest Honors']);
    const none = computeAwards(s, { medals: { gold: 0, silver: 0, bronze: 0 } });
    const honors = resultRows(s, none, { honors: true });
    // No medals: every team at or above the median is "Honors", ranked by the number solved only.
    assert.deepEqual(honors.map((r) => [r.teamId, r.rank, r.award]).slice(0, 7), [
      ['t1', 1, 'Honors'],
      ['t2', 1, 'Honors'],
      ['t3', 3, 'Honors'],
      ['t4', 3, 'Honors'],
      ['t5', 3, 'Honors'],
      ['t6', 3, 'Honors'],
      ['t7', null, 'Honorable'],
    ]);
  });

  test('fields are escaped as DOMjudge does', () => {
    assert.equal(tsvField('a\tb\nc\\d\re'), 'a\\tb\\nc\\\\d\\re');
    assert.equal(tsvField(null), '');
  });
});

describe('awards.json', () => {
  test('shape and content (gold 1, silver 1, bronze 1)', () => {
    const s = finalStandings(c.store);
    const awards = computeAwards(s, { medals: { gold: 1, silver: 1, bronze: 1 }, groups: contestGroups(s.teams, groups) });
    assert.deepEqual(awards.list, [
      { id: 'winner', citation: 'Contest winner', team_ids: ['t1'] },
      { id: 'gold-medal', citation: 'Gold medal winner', team_ids: ['t1'] },
      { id: 'silver-medal', citation: 'Silver medal winner', team_ids: ['t2'] },
      { id: 'bronze-medal', citation: 'Bronze medal winner', team_ids: ['t4'] },
      // apple: t11 was first, but it is hidden.
      { id: 'first-to-solve-apple', citation: 'First to solve problem A', team_ids: ['t3'] },
      { id: 'first-to-solve-banana', citation: 'First to solve problem B', team_ids: ['t2'] },
      { id: 'first-to-solve-cherry', citation: 'First to solve problem C', team_ids: ['t1'] },
      // rookies: only t10, which solved nothing; staff: hidden in groups.json.
      { id: 'group-winner-rookies', citation: 'Winner(s) of group rookies', team_ids: [] },
      { id: 'group-winner-school', citation: 'Winner(s) of group High Schools', team_ids: ['t4'] },
      { id: 'group-winner-univ', citation: 'Winner(s) of group Universities', team_ids: ['t1'] },
    ]);
    for (const a of awards.list) {
      assert.deepEqual(Object.keys(a), ['id', 'citation', 'team_ids']);
      assert.match(a.id, /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
    }
  });

  test("no group award names a group only hidden teams belong to (the Contest API never lists one publicly)", () => {
    const s = finalStandings(c.store);
    const lab = { id: 'lab', name: 'Judges\' Lab', hidden: false };
    const hiddenOnly = s.teams.map((t) => (t.id === 't11' ? { ...t, groupIds: [...t.groupIds, 'lab'] } : t));
    assert.ok(!contestGroups(hiddenOnly, [...groups, lab]).some((g) => g.id === 'lab'), 'listed in the groups file, named by the hidden team only');
    const shown = hiddenOnly.map((t) => (t.id === 't1' ? { ...t, groupIds: [...t.groupIds, 'lab'] } : t));
    assert.ok(contestGroups(shown, [...groups, lab]).some((g) => g.id === 'lab'), 'a visible team names it too');
    assert.ok(contestGroups(s.teams, [...groups, lab]).some((g) => g.id === 'lab'), 'named by no team: the groups file makes it public');
  });

  test('counts: default 4/4/4; a tie across a boundary gives every tied team the better medal', () => {
    const s = finalStandings(c.store);
    const ids = (awards: ReturnType<typeof computeAwards>, id: string) => awards.list.find((a) => a.id === id)!.team_ids;
    const def = computeAwards(s);
    assert.deepEqual(def.medalCounts, { gold: 4, silver: 4, bronze: 4 });
    assert.deepEqual(ids(def, 'gold-medal'), ['t1', 't2', 't4', 't3']);
    assert.deepEqual(ids(def, 'silver-medal'), ['t5', 't6', 't7', 't8']);
    assert.deepEqual(ids(def, 'bronze-medal'), [], 'the rest solved nothing');
    // Bronze up to rank 5: t5 and t6 share rank 5, so 4 bronze medals instead of 3.
    const tie = computeAwards(s, { medals: { gold: 1, silver: 1, bronze: 3 } });
    assert.deepEqual(ids(tie, 'bronze-medal'), ['t4', 't3', 't5', 't6']);
    // Gold up to rank 5 includes both tied teams: 6 gold, and the 2 silver places (ranks 6, 7) give 1 silver.
    const gold5 = computeAwards(s, { medals: { gold: 5, silver: 2, bronze: 0 } });
    assert.deepEqual(ids(gold5, 'gold-medal'), ['t1', 't2', 't4', 't3', 't5', 't6']);
    assert.deepEqual(ids(gold5, 'silver-medal'), ['t7']);
    assert.throws(() => computeAwards(s, { medals: { gold: -1 } }), RangeError);
  });
});

describe('scoreboard files', () => {
  test('CSV: header and one row per ranked team, per-problem column groups', () => {
    const r = buildResults(c.store, { groups, now: AFTER_END });
    const lines = r.files['scoreboard.csv'].split('\r\n');
    assert.equal(lines.pop(), '', 'CRLF after the last line');
    assert.equal(
      lines[0],
      'rank,team_id,team_name,solved,penalty,A_attempts,A_time,A_solved,A_first_to_solve,B_attempts,B_time,B_solved,B_first_to_solve,C_attempts,C_time,C_solved,C_first_to_solve',
    );
    assert.equal(lines.length, 11);
    assert.equal(lines[1], '1,t1,Alpha,3,110,1,10,1,0,2,30,1,0,1,50,1,1');
    assert.equal(lines[4], '4,t3,Charlie,2,45,1,5,1,1,1,40,1,0,0,,0,0');
    assert.equal(lines[8], '8,t8,Hotel,1,140,3,100,1,0,0,,0,0,0,,0,0');
    assert.equal(lines[9], '9,t9,India,0,0,0,,0,0,1,,0,0,0,,0,0');
    for (const line of lines) assert.equal(line.split(',').length, 17);
    assert.equal(csvField('a,"b"'), '"a,""b"""');
  });

  test('CSV: a team name a spreadsheet would run as a formula stays text', () => {
    assert.equal(csvField('=HYPERLINK("http://x","win")'), `"'=HYPERLINK(""http://x"",""win"")"`);
    for (const name of ['+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) assert.ok(csvField(name).replace(/^"/, '').startsWith(`'${name[0]}`), JSON.stringify(name));
    assert.equal(csvField('Team =1'), 'Team =1', 'only a leading sign matters');
    assert.equal(csvField(-3), '-3', 'numbers are numbers');
    assert.equal(csvField(null), '');
  });

  test('CLICS scoreboard.json: time of the last event, state, rows with the spec\'s fields', () => {
    const r = buildResults(c.store, { groups, now: AFTER_END });
    const board = JSON.parse(r.files['scoreboard.json']);
    assert.deepEqual(Object.keys(board), ['time', 'contest_time', 'state', 'rows']);
    assert.match(board.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.match(board.contest_time, /^-?\d+:\d{2}:\d{2}\.\d{3}$/);
    assert.deepEqual(Object.keys(board.state), ['started', 'frozen', 'ended', 'thawed', 'finalized', 'end_of_updates']);
    assert.equal(board.state.ended, '2030-01-01T15:00:00.000Z');
    assert.deepEqual(board.rows.map((row: { team_id: string }) => row.team_id), ['t1', 't2', 't4', 't3', 't5', 't6', 't7', 't8', 't9', 't10']);
    assert.deepEqual(board.rows[0], {
      rank: 1,
      team_id: 't1',
      // CLICS 2026-01: RELTIMEs of whole minutes; score.time the last solution; no first_to_solve (that is an award).
      score: { num_solved: 3, total_time: '1:50:00.000', time: '0:50:00.000' },
      problems: [
        { problem_id: 'apple', num_judged: 1, num_pending: 0, solved: true, time: '0:10:00.000' },
        { problem_id: 'banana', num_judged: 2, num_pending: 0, solved: true, time: '0:30:00.000' },
        { problem_id: 'cherry', num_judged: 1, num_pending: 0, solved: true, time: '0:50:00.000' },
      ],
    });
    assert.deepEqual(board.rows[8].problems[1], { problem_id: 'banana', num_judged: 1, num_pending: 0, solved: false });
  });
});

describe('groups and organizations files', () => {
  test('YAML or JSON, a list or a map holding the list; a malformed file is one clear error', () => {
    const dir = join(scratch, 'lists');
    mkdirSync(dir);
    writeFileSync(join(dir, 'organizations.json'), JSON.stringify({ organizations: [{ id: 7, name: 'Seven' }, { id: 'x', name: ' ', country: 'DEU' }] }));
    assert.deepEqual(readOrganizationsFile(dir), [{ id: '7', name: 'Seven', formal_name: 'Seven' }, { id: 'x', name: 'x', formal_name: 'x', country: 'DEU' }]);
    const cases: [string, string, RegExp][] = [
      ['organizations.json', '[{"id": "a", "country": "Netherlands"}]', /organization #1 \(id "a"\): country: "Netherlands" is not an ISO 3166-1 alpha-3 code/],
      ['organizations.json', '{"id": "a"}', /expected a list of organizations/],
      ['organizations.json', '[{"name": "no id"}]', /organization #1: id: missing/],
      ['organizations.json', '[{"id": "a",', /not valid JSON/],
      ['groups.yaml', '- {id: g, hidden: maybe}', /group #1 \(id "g"\): hidden: expected true or false, got "maybe"/],
      ['groups.yaml', '- {id: g, name: [1, 2]}', /group #1 \(id "g"\): name: expected a string, got a list/],
    ];
    for (const [file, text, message] of cases) {
      rmSync(join(dir, 'organizations.json'), { force: true });
      writeFileSync(join(dir, file), text);
      assert.throws(() => (file.startsWith('groups') ? readGroupsFile(dir) : readOrganizationsFile(dir)), (e: Error) => e instanceof ContestError && message.test(e.message), `${file}: ${text}`);
      rmSync(join(dir, file));
    }
    assert.deepEqual(readOrganizationsFile(dir), [], 'no file: none defined');
  });
});
