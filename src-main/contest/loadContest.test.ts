import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContest, parseReltime, parseTimestamp } from './loadContest.ts';
import { ContestError } from './model.ts';
import { readPackage } from '../package/readPackage.ts';
import { buildZip, zipEntries } from '../package/testUtil.ts';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources/sample-contest');

const created: string[] = [];
after(() => {
  for (const d of created.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A contest folder named `name` holding `files` (relative path → content; null = remove from the base). */
function contest(files: Record<string, string | null>, { base = true, name = 'mycontest' } = {}): string {
  const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verdict-contest-')), name);
  created.push(path.dirname(root));
  const all: Record<string, string | null> = base
    ? {
        'contest.yaml': 'name: My Contest\nduration: 5:00:00\nscoreboard_freeze_duration: 1:00:00\n',
        'problems.yaml': '- id: alpha\n  label: A\n- id: beta\n  label: B\n',
        'alpha/problem.yaml': 'name: Alpha\n',
        'beta/problem.yaml': 'name: Beta\n',
        'teams.json': JSON.stringify([
          { id: 't1', name: 'One' },
          { id: 't2', name: 'Two' },
        ]),
        'accounts.json': JSON.stringify([
          { username: 'team1', password: 'p1', type: 'team', team_id: 't1' },
          { username: 'team2', password: 'p2', type: 'team', team_id: 't2' },
          { username: 'admin', password: 'pa', type: 'admin' },
        ]),
        ...files,
      }
    : files;
  fs.mkdirSync(root, { recursive: true });
  for (const [rel, content] of Object.entries(all)) {
    if (content === null) continue;
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

/** loadContest(dir) fails with a one-line ContestError naming `file` and matching `pattern`. */
async function fails(dir: string, file: string, pattern: RegExp): Promise<void> {
  await assert.rejects(loadContest(dir), (err: unknown) => {
    assert.ok(err instanceof ContestError, `expected ContestError, got ${String(err)}`);
    assert.equal(err.file, file, err.message);
    assert.ok(err.message.startsWith(`${file}: `), err.message);
    assert.match(err.message, pattern);
    assert.ok(!err.message.includes('\n'), `one-line message: ${err.message}`);
    return true;
  });
}

describe('loadContest: the sample contest', () => {
  it('loads with its settings, problems, teams and accounts, and no warnings', async () => {
    const c = await loadContest(SAMPLE);
    assert.equal(c.id, 'sample');
    assert.equal(c.name, 'Verdict Sample Contest');
    assert.equal(c.startTime, null);
    assert.equal(c.durationMs, 5 * 3600_000);
    assert.equal(c.freezeMs, 3600_000);
    assert.equal(c.penaltyMinutes, 20);
    assert.equal(c.dir, SAMPLE);
    assert.deepEqual(
      c.problems.map((p) => [p.id, p.label, p.ordinal]),
      [['hello', 'A', 0], ['sum', 'B', 1], ['mean', 'C', 2]],
    );
    for (const p of c.problems) assert.equal(p.packagePath, path.join(SAMPLE, p.id));
    assert.deepEqual(c.teams.map((t) => t.id), ['team1', 'team2', 'team3', 'team4', 'team5']);
    assert.ok(c.teams.every((t) => !t.hidden && t.name.length > 0));
    const byName = new Map(c.accounts.map((a) => [a.username, a]));
    assert.equal(byName.get('team3')?.teamId, 'team3');
    assert.equal(byName.get('team3')?.password, 'team3-pass');
    assert.equal(byName.get('judge')?.type, 'judge');
    assert.equal(byName.get('judge')?.password, 'judge-pass');
    assert.equal([...byName.values()].filter((a) => a.type === 'admin').length, 1);
    assert.deepEqual(c.warnings, []);
  });

  it('has packages the judge can read, named as problems.yaml says, with samples and secret tests', async () => {
    const c = await loadContest(SAMPLE);
    for (const p of c.problems) {
      const pkg = await readPackage(p.packagePath);
      try {
        assert.equal(pkg.name, p.name, p.id);
        assert.deepEqual(pkg.warnings, [], p.id);
        assert.ok(pkg.testCases.some((t) => t.isSample), `${p.id}: samples`);
        const secret = pkg.testCases.filter((t) => !t.isSample).length;
        assert.ok(secret >= 3 && secret <= 6, `${p.id}: ${secret} secret tests`);
        const expected = new Set(pkg.submissions.map((s) => s.expected));
        for (const e of ['accepted', 'wrong_answer', 'time_limit_exceeded']) assert.ok(expected.has(e), `${p.id}: ${e}`);
        assert.ok(['problem.en.md', 'problem.en.tex'].some((f) => fs.existsSync(path.join(p.packagePath, 'statement', f))), `${p.id}: statement`);
      } finally {
        pkg.dispose();
      }
    }
    const mean = await readPackage(path.join(SAMPLE, 'mean'));
    assert.ok(mean.testCases.every((t) => t.validatorArgs.join(' ') === 'float_tolerance 1e-6'));
  });
});

describe('loadContest: reading', () => {
  it('uses defaults: id from the folder, penalty 20, no freeze, formal name = name; warns about teams without account', async () => {
    const dir = contest({
      'contest.yaml': 'name: Plain\nduration: 2:30:00\n',
      'accounts.json': JSON.stringify([{ username: 'a', password: 'x', type: 'team', team_id: 't1' }]),
    });
    const c = await loadContest(dir);
    assert.equal(c.id, 'mycontest');
    assert.equal(c.name, 'Plain');
    assert.equal(c.formalName, 'Plain');
    assert.equal(c.penaltyMinutes, 20);
    assert.equal(c.freezeMs, 0);
    assert.equal(c.durationMs, 9000_000);
    assert.equal(c.problems[0].name, 'alpha', 'name defaults to the id');
    assert.equal(c.accounts[0].id, 'a', 'account id defaults to the username');
    assert.equal(c.warnings.length, 1, c.warnings.join('; '));
    assert.match(c.warnings[0], /^teams\.json: team "t2" has no team account/);
  });

  it('reads the scoreboard type and score mode: pass-fail by default, a score contest best-submission unless told', async () => {
    const plain = await loadContest(contest({ 'contest.yaml': 'duration: 5:00:00\n' }));
    assert.deepEqual(plain.scoring, { scoreboardType: 'pass-fail', scoreMode: 'best-submission' });
    const score = await loadContest(contest({ 'contest.yaml': 'duration: 5:00:00\nscoreboard_type: score\n' }));
    assert.deepEqual(score.scoring, { scoreboardType: 'score', scoreMode: 'best-submission' });
    const subtasks = await loadContest(contest({ 'contest.yaml': 'duration: 5:00:00\nscoreboard-type: score\nscore_mode: best-per-subtask\npenalty_time: 20\n' }));
    assert.deepEqual(subtasks.scoring, { scoreboardType: 'score', scoreMode: 'best-per-subtask' });
    assert.ok(subtasks.warnings.some((w) => /contest\.yaml: penalty_time is not used in a contest with scoreboard_type: score/.test(w)), subtasks.warnings.join('; '));
  });

  it('reads contest.json with a RELTIME penalty, a zoned start time and a fractional duration', async () => {
    const dir = contest({
      'contest.yaml': null,
      'contest.json': JSON.stringify({
        id: 'wf-2025',
        name: 'WF',
        formal_name: 'World Finals 2025',
        start_time: '2025-05-01T10:00:00.250+02:00',
        duration: '5:00:00.5',
        scoreboard_freeze_duration: '1:00:00.000',
        penalty_time: '0:25:00',
      }),
    });
    const c = await loadContest(dir);
    assert.equal(c.id, 'wf-2025');
    assert.equal(c.formalName, 'World Finals 2025');
    assert.equal(c.startTime, Date.UTC(2025, 4, 1, 8, 0, 0, 250));
    assert.equal(c.durationMs, 5 * 3600_000 + 500);
    assert.equal(c.freezeMs, 3600_000);
    assert.equal(c.penaltyMinutes, 25);
  });

  it('accepts older keys: hyphens, short-name, letter, scoreboard-freeze, penalty as a string', async () => {
    const dir = contest({
      'contest.yaml': 'short-name: old\nname: Old\nstart-time: 2011-02-04 01:23Z\nduration: 4:00:00\nscoreboard-freeze: 3:00:00\npenalty-time: "15"\n',
      'problems.yaml': '- short-name: alpha\n  letter: X\n  rgb: "#F0A"\n- id: beta\n',
    });
    const c = await loadContest(dir);
    assert.equal(c.id, 'old');
    assert.equal(c.startTime, Date.UTC(2011, 1, 4, 1, 23));
    assert.equal(c.freezeMs, 3600_000);
    assert.equal(c.penaltyMinutes, 15);
    assert.deepEqual(c.problems.map((p) => [p.id, p.label, p.rgb]), [['alpha', 'X', '#ff00aa'], ['beta', 'B', '']]);
    assert.deepEqual(c.warnings, []);
  });

  it('a problem problems.yaml gives no colour takes its package\'s domjudge-problem.ini color', async () => {
    const dir = contest({
      'problems.yaml': '- id: alpha\n- id: beta\n- id: gamma\n  color: blue\n',
      'alpha/domjudge-problem.ini': "timelimit = 2\ncolor = '#F0A'\n",
      'beta/domjudge-problem.ini': 'color = green ; a name, not a hex colour\n',
      'gamma/problem.yaml': 'name: Gamma\n',
      'gamma/domjudge-problem.ini': 'color = #123456\n',
    });
    const c = await loadContest(dir);
    assert.deepEqual(c.problems.map((p) => [p.id, p.color, p.rgb]), [['alpha', '', '#ff00aa'], ['beta', 'green', ''], ['gamma', 'blue', '']]);
  });

  it('a zipped package\'s domjudge-problem.ini gives its colour too (at the zip\'s root or in its one folder)', async () => {
    const dir = contest({ 'problems.yaml': '- id: alpha\n- id: beta\n- id: gamma\n', 'alpha/problem.yaml': null, 'beta/problem.yaml': null });
    fs.writeFileSync(path.join(dir, 'alpha.zip'), buildZip(zipEntries({ 'problem.yaml': 'name: A\n', 'domjudge-problem.ini': 'color = "#00ff00"\n' })));
    fs.writeFileSync(path.join(dir, 'beta.zip'), buildZip(zipEntries({ 'problem.yaml': 'name: B\n', 'domjudge-problem.ini': 'color = teal\n' }, 'beta/')));
    fs.writeFileSync(path.join(dir, 'gamma.zip'), buildZip(zipEntries({ 'problem.yaml': 'name: C\n' })));
    const c = await loadContest(dir);
    assert.deepEqual(c.problems.map((p) => [p.id, p.color, p.rgb]), [['alpha', '', '#00ff00'], ['beta', 'teal', ''], ['gamma', '', '']]);
  });

  it('finds zipped packages, prefers a folder over a zip, and reads teams.yaml/accounts.yaml', async () => {
    const dir = contest({
      'alpha/problem.yaml': null,
      'alpha.zip': 'not read here',
      'beta.zip': 'ignored',
      'teams.json': null,
      'accounts.json': null,
      'teams.yaml': '- id: 42\n  name: Numeric\n  hidden: true\n  group_ids: [1, b]\n  organization_id: org\n',
      'accounts.yaml': '- username: t42\n  password: 1234\n  type: team\n  team_id: 42\n- username: jury\n  password_hash: $2b$xyz\n  type: judge\n',
    });
    const c = await loadContest(dir);
    assert.equal(c.problems[0].packagePath, path.join(dir, 'alpha.zip'));
    assert.equal(c.problems[1].packagePath, path.join(dir, 'beta'));
    assert.ok(c.warnings.some((w) => w.startsWith('beta.zip: ignored')), c.warnings.join('; '));
    assert.deepEqual(c.teams, [
      { id: '42', name: 'Numeric', displayName: 'Numeric', organizationId: 'org', groupIds: ['1', 'b'], hidden: true },
    ]);
    assert.equal(c.accounts[0].teamId, '42');
    assert.equal(c.accounts[0].password, '1234');
    assert.equal(c.accounts[1].passwordHash, '$2b$xyz');
    assert.equal(c.accounts[1].password, null);
  });

  it('uses the YAML file when both YAML and JSON exist, with a warning', async () => {
    const dir = contest({ 'teams.yaml': '- id: t1\n  name: One\n- id: t2\n  name: Two from YAML\n' });
    const c = await loadContest(dir);
    assert.equal(c.teams[1].name, 'Two from YAML');
    assert.ok(c.warnings.includes('teams.json: ignored (teams.yaml is used)'), c.warnings.join('; '));
  });

  it('warns, not fails, without teams or accounts files', async () => {
    const c = await loadContest(contest({ 'teams.json': null, 'accounts.json': null }));
    assert.deepEqual(c.teams, []);
    assert.deepEqual(c.accounts, []);
    assert.equal(c.warnings.length, 2, c.warnings.join('; '));
  });

  it('collapses many teams-without-account warnings', async () => {
    const teams = Array.from({ length: 25 }, (_, i) => ({ id: `t${i}`, name: `T${i}` }));
    const c = await loadContest(contest({ 'teams.json': JSON.stringify(teams), 'accounts.json': '[]' }));
    assert.equal(c.warnings.length, 11);
    assert.match(c.warnings[10], /15 more teams have no team account/);
  });
});

describe('loadContest: extension_languages', () => {
  it('maps a shared extension to a language (a leading dot allowed); none by default', async () => {
    const withMap = await loadContest(contest({ 'contest.yaml': 'name: BAPC\nduration: 5:00:00\nextension_languages:\n  .py: pypy3\n' }));
    assert.deepEqual(withMap.extensionLanguages, { py: 'pypy3' });
    assert.deepEqual(withMap.warnings.filter((w) => w.includes('extension_languages')), []);
    assert.deepEqual((await loadContest(contest({}))).extensionLanguages, {});
  });

  it('refuses an unknown language or a value that is not a map', async () => {
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nextension_languages:\n  py: pypy\n' }), 'contest.yaml', /extension_languages: unknown language "pypy"/);
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nextension_languages: pypy3\n' }), 'contest.yaml', /extension_languages: expected a map/);
  });
});

describe('loadContest: language_time_factors', () => {
  it("gives each language named its factor (a whole number too); none by default", async () => {
    const withFactors = await loadContest(contest({ 'contest.yaml': 'duration: 5:00:00\nlanguage_time_factors:\n  java: 1.5\n  python: 2\n' }));
    assert.deepEqual(withFactors.languageTimeFactors, { java: 1.5, python: 2 });
    assert.deepEqual(withFactors.warnings.filter((w) => w.includes('language_time_factors')), []);
    assert.deepEqual((await loadContest(contest({}))).languageTimeFactors, {});
  });

  it('refuses an unknown language, a factor that is not above 0, and a value that is not a map', async () => {
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nlanguage_time_factors:\n  jaav: 1.5\n' }), 'contest.yaml', /language_time_factors: unknown language "jaav"/);
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nlanguage_time_factors:\n  java: 0\n' }), 'contest.yaml', /language_time_factors\.java: 0 is not a factor above 0/);
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nlanguage_time_factors:\n  java: slow\n' }), 'contest.yaml', /language_time_factors\.java: expected a number, got "slow"/);
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nlanguage_time_factors: 2\n' }), 'contest.yaml', /language_time_factors: expected a map of language ids to time factors/);
  });
});

describe('loadContest: printing and print_command', () => {
  it('takes the command as its argv, printing off, and by default printing on without a command', async () => {
    const withCommand = await loadContest(contest({ 'contest.yaml': 'duration: 5:00:00\nprint_command: [lpr, -P, "hall a"]\n' }));
    assert.deepEqual(withCommand.printing, { enabled: true, command: ['lpr', '-P', 'hall a'] });
    assert.deepEqual((await loadContest(contest({ 'contest.yaml': 'duration: 5:00:00\nprinting: false\n' }))).printing, { enabled: false, command: null });
    assert.deepEqual((await loadContest(contest({}))).printing, { enabled: true, command: null });
  });

  it('refuses a command written as one string (never split: no shell reads it), an empty list or word, and a printing that is not a flag', async () => {
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nprint_command: lpr -P hall\n' }), 'contest.yaml', /print_command: expected the command as a list of its words/);
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nprint_command: []\n' }), 'contest.yaml', /print_command: expected the command as a list of its words/);
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nprint_command: [lpr, ""]\n' }), 'contest.yaml', /print_command\[1\]: expected a word of the command, got ""/);
    await fails(contest({ 'contest.yaml': 'duration: 5:00:00\nprinting: maybe\n' }), 'contest.yaml', /printing: expected true or false/);
  });
});

describe('loadContest: clarification-answers.yaml', () => {
  it("reads the judges' stock answers in order, trimmed; the default list without the file", async () => {
    const own = await loadContest(contest({ 'clarification-answers.yaml': '- No comment.\n- "  Read problem B again.  "\n- 42\n' }));
    assert.deepEqual(own.cannedAnswers, ['No comment.', 'Read problem B again.', '42']);
    const none = await loadContest(contest({}));
    assert.ok(none.cannedAnswers!.length >= 3);
    assert.ok(none.cannedAnswers!.includes('No comment.'));
    assert.deepEqual((await loadContest(contest({ 'clarification-answers.yaml': '[]\n' }))).cannedAnswers, []);
  });

  it('refuses a file that is not a list of texts, naming the answer', async () => {
    await fails(contest({ 'clarification-answers.yaml': 'answer: Yes.\n' }), 'clarification-answers.yaml', /expected a list of answers, got a map/);
    await fails(contest({ 'clarification-answers.yaml': '- Yes.\n- "   "\n' }), 'clarification-answers.yaml', /answer #2: is blank/);
    await fails(contest({ 'clarification-answers.yaml': '- Yes.\n- [a, b]\n' }), 'clarification-answers.yaml', /answer #2: expected the text of an answer, got a list/);
    await fails(contest({ 'clarification-answers.yaml': '- [unclosed\n' }), 'clarification-answers.yaml', /not valid YAML/);
  });
});

describe('loadContest: broken folders', () => {
  it('no folder', async () => {
    const dir = path.join(os.tmpdir(), 'verdict-no-such-contest-folder');
    await fails(dir, dir, /no such folder/);
  });
  it('no contest.yaml', () => fails(contest({ 'contest.yaml': null }), 'contest.yaml', /missing/));
  it('no problems.yaml', () => fails(contest({ 'problems.yaml': null }), 'problems.yaml', /missing/));
  it('contest.yaml: bad YAML', () => fails(contest({ 'contest.yaml': 'name: [unclosed\n' }), 'contest.yaml', /not valid YAML.*line/));
  it('contest.yaml: not a map', () => fails(contest({ 'contest.yaml': '- a\n- b\n' }), 'contest.yaml', /expected a map/));
  it('contest.yaml: no duration', () => fails(contest({ 'contest.yaml': 'name: X\n' }), 'contest.yaml', /duration: missing/));
  it('contest.yaml: bad duration', () =>
    fails(contest({ 'contest.yaml': 'duration: 5 hours\n' }), 'contest.yaml', /duration: expected a duration "h:mm:ss".*"5 hours"/));
  it('contest.yaml: minutes out of range', () =>
    fails(contest({ 'contest.yaml': 'duration: "5:75:00"\n' }), 'contest.yaml', /duration: expected/));
  it('contest.yaml: zero duration', () =>
    fails(contest({ 'contest.yaml': 'duration: 0:00:00\n' }), 'contest.yaml', /duration: must be longer/));
  it('contest.yaml: bad freeze', () =>
    fails(contest({ 'contest.yaml': 'duration: 5:00:00\nscoreboard_freeze_duration: 1h\n' }), 'contest.yaml', /scoreboard_freeze_duration: expected/));
  it('contest.yaml: freeze longer than the contest', () =>
    fails(contest({ 'contest.yaml': 'duration: 1:00:00\nscoreboard_freeze_duration: 2:00:00\n' }), 'contest.yaml', /longer than the contest/));
  it('contest.yaml: start time without a zone', () =>
    fails(contest({ 'contest.yaml': 'duration: 5:00:00\nstart_time: 2025-05-01T10:00:00\n' }), 'contest.yaml', /start_time: needs a time zone/));
  it('contest.yaml: impossible date', () =>
    fails(contest({ 'contest.yaml': 'duration: 5:00:00\nstart_time: 2025-02-30T10:00:00Z\n' }), 'contest.yaml', /start_time: not a valid date/));
  it('contest.yaml: start time not a date', () =>
    fails(contest({ 'contest.yaml': 'duration: 5:00:00\nstart_time: tomorrow\n' }), 'contest.yaml', /start_time: expected an ISO 8601/));
  it('contest.yaml: penalty not whole minutes', () =>
    fails(contest({ 'contest.yaml': 'duration: 5:00:00\npenalty_time: "0:20:30"\n' }), 'contest.yaml', /penalty_time: expected whole minutes/));
  it('contest.yaml: negative penalty', () =>
    fails(contest({ 'contest.yaml': 'duration: 5:00:00\npenalty_time: -5\n' }), 'contest.yaml', /penalty_time/));
  it('contest.yaml: unknown scoreboard type', () =>
    fails(contest({ 'contest.yaml': 'duration: 5:00:00\nscoreboard_type: points\n' }), 'contest.yaml', /scoreboard_type: expected "pass-fail" \(ICPC[^)]*\) or "score"/));
  it('contest.yaml: unknown score mode', () =>
    fails(contest({ 'contest.yaml': 'duration: 5:00:00\nscoreboard_type: score\nscore_mode: best\n' }), 'contest.yaml', /score_mode: expected "best-submission" or "best-per-subtask"/));
  it('contest.yaml: score mode in a pass-fail contest', () =>
    fails(contest({ 'contest.yaml': 'duration: 5:00:00\nscore_mode: best-per-subtask\n' }), 'contest.yaml', /score_mode: only for a contest with scoreboard_type: score/));
  it('contest.yaml: bad id', () =>
    fails(contest({ 'contest.yaml': 'id: my contest\nduration: 5:00:00\n' }), 'contest.yaml', /id: "my contest" is not a valid id/));
  it('contest.json: bad JSON', () =>
    fails(contest({ 'contest.yaml': null, 'contest.json': '{"duration": "5:00:00",}' }), 'contest.json', /not valid JSON/));

  it('problems.yaml: not a list', () => fails(contest({ 'problems.yaml': 'alpha: A\n' }), 'problems.yaml', /expected a list of problems/));
  it('problems.yaml: empty', () => fails(contest({ 'problems.yaml': '[]\n' }), 'problems.yaml', /no problems/));
  it('problems.yaml: missing package', () =>
    fails(
      contest({ 'problems.yaml': '- id: alpha\n  label: A\n- id: gamma\n  label: C\n' }),
      'problems.yaml',
      /problem #2 \(id "gamma"\): no problem package gamma\/ or gamma\.zip/,
    ));
  it('problems.yaml: package folder without problem.yaml', () =>
    fails(contest({ 'beta/problem.yaml': null, 'beta/data/x.in': '' }), 'problems.yaml', /problem #2 \(id "beta"\): .*has no problem\.yaml/));
  it('problems.yaml: package is a plain file', () =>
    fails(contest({ 'beta/problem.yaml': null, beta: 'x' }), 'problems.yaml', /"beta"\): beta is not a folder/));
  it('problems.yaml: duplicate id', () =>
    fails(contest({ 'problems.yaml': '- id: alpha\n  label: A\n- id: alpha\n  label: B\n' }), 'problems.yaml', /problem #2 \(id "alpha"\): duplicate id "alpha" \(also in problem #1/));
  it('problems.yaml: duplicate label', () =>
    fails(contest({ 'problems.yaml': '- id: alpha\n  label: A\n- id: beta\n  label: A\n' }), 'problems.yaml', /problem #2 \(id "beta"\): duplicate label "A"/));
  it('problems.yaml: id and short-name both', () =>
    fails(contest({ 'problems.yaml': '- id: alpha\n  short-name: alpha\n' }), 'problems.yaml', /problem #1 .*not both/));
  it('problems.yaml: unsafe id', () =>
    fails(contest({ 'problems.yaml': '- id: ../alpha\n  label: A\n' }), 'problems.yaml', /problem #1 .*not a valid id/));
  it('problems.yaml: bad rgb', () =>
    fails(contest({ 'problems.yaml': '- id: alpha\n  rgb: red\n' }), 'problems.yaml', /problem #1 \(id "alpha"\): rgb: expected a colour/));
  it('problems.yaml: bad YAML', () =>
    fails(contest({ 'problems.yaml': '- id: alpha\n  id: beta\n' }), 'problems.yaml', /not valid YAML: Map keys must be unique at line 2/));

  it('teams.json: duplicate id', () =>
    fails(
      contest({ 'teams.json': JSON.stringify([{ id: 't1', name: 'A' }, { id: 't2', name: 'B' }, { id: 't1', name: 'C' }]) }),
      'teams.json',
      /team #3 \(id "t1"\): duplicate id "t1" \(also in team #1/,
    ));
  it('teams.json: no name', () => fails(contest({ 'teams.json': JSON.stringify([{ id: 't1' }]) }), 'teams.json', /team #1 \(id "t1"\): name: missing/));
  it('teams.json: no id', () => fails(contest({ 'teams.json': JSON.stringify([{ name: 'X' }]) }), 'teams.json', /team #1 \(name "X"\): id: missing/));
  it('teams.json: hidden not a boolean', () =>
    fails(contest({ 'teams.json': JSON.stringify([{ id: 't1', name: 'X', hidden: 'yes' }]) }), 'teams.json', /hidden: expected true or false/));
  it('teams.json: a group id that is not an id names its place in the list', () =>
    fails(contest({ 'teams.json': JSON.stringify([{ id: 't1', name: 'X', group_ids: ['g1', { id: 'g2' }] }]) }), 'teams.json', /team #1 \(id "t1"\): group_ids\[1\]: expected an id, got a map/));
  it('teams.json: a negative number is not an id', () =>
    fails(contest({ 'teams.json': JSON.stringify([{ id: -3, name: 'X' }]) }), 'teams.json', /team #1 \(id "-3"\): id: -3 is not a valid id/));
  it('teams.json: entry not a map', () => fails(contest({ 'teams.json': '["t1"]' }), 'teams.json', /team #1: expected a map/));
  it('teams.json: bad JSON', () => fails(contest({ 'teams.json': '[{"id": "t1",]' }), 'teams.json', /not valid JSON/));

  const acc = (list: unknown[]) => contest({ 'accounts.json': JSON.stringify(list) });
  it('accounts.json: team account for an unknown team', () =>
    fails(acc([{ username: 'x', password: 'p', type: 'team', team_id: 't9' }]), 'accounts.json', /account #1 \(username "x"\): team_id: no team "t9" in teams\.json/));
  it('accounts.json: team account without team_id', () =>
    fails(acc([{ username: 'x', password: 'p', type: 'team' }]), 'accounts.json', /account #1 .*team_id: missing/));
  it('accounts.json: duplicate username (case-insensitive)', () =>
    fails(
      acc([
        { username: 'Judge', password: 'p', type: 'judge' },
        { username: 'judge', password: 'q', type: 'judge', id: 'j2' },
      ]),
      'accounts.json',
      /account #2 \(username "judge"\): duplicate username "judge" \(also in account #1/,
    ));
  it('accounts.json: duplicate id', () =>
    fails(
      acc([
        { id: 'a', username: 'x', password: 'p', type: 'judge' },
        { id: 'a', username: 'y', password: 'q', type: 'judge' },
      ]),
      'accounts.json',
      /account #2 .*duplicate id "a"/,
    ));
  it('accounts.json: unknown type', () =>
    fails(acc([{ username: 'x', password: 'p', type: 'analyst' }]), 'accounts.json', /account #1 .*type: "analyst" is not supported \(expected team, judge, admin or judgehost\)/));
  it('accounts.json: a username with a space', () =>
    fails(acc([{ username: 'team one', password: 'p', type: 'judge' }]), 'accounts.json', /account #1 \(username "team one"\): username: "team one" must be non-empty, without spaces/));
  it('accounts.json: no type', () => fails(acc([{ username: 'x', password: 'p' }]), 'accounts.json', /type: missing/));
  it('accounts.json: no username', () => fails(acc([{ password: 'p', type: 'admin' }]), 'accounts.json', /account #1: username: missing/));
  it('accounts.json: password and hash', () =>
    fails(acc([{ username: 'x', password: 'p', password_hash: 'h', type: 'admin' }]), 'accounts.json', /not both/));
  it('accounts.yaml: team account when there is no teams file', () =>
    fails(
      contest({ 'teams.json': null, 'accounts.json': null, 'accounts.yaml': '- username: x\n  type: team\n  team_id: t1\n' }),
      'accounts.yaml',
      /no team "t1"/,
    ));
});

describe('loadContest: time formats', () => {
  it('parseReltime', () => {
    assert.equal(parseReltime('5:00:00'), 18_000_000);
    assert.equal(parseReltime('0:00:01.5'), 1500);
    assert.equal(parseReltime('12:34:56.789'), ((12 * 60 + 34) * 60 + 56) * 1000 + 789);
    for (const bad of ['5:00', '5:60:00', '-1:00:00', '1:00:00.1234', 'five', '']) assert.equal(parseReltime(bad), null, bad);
  });
  it('parseTimestamp', () => {
    assert.equal(parseTimestamp('2025-05-01T10:00:00Z'), Date.UTC(2025, 4, 1, 10));
    assert.equal(parseTimestamp('2025-05-01T10:00:00-0530'), Date.UTC(2025, 4, 1, 15, 30));
    assert.equal(parseTimestamp('2024-02-29T00:00+01'), Date.UTC(2024, 1, 28, 23));
    assert.equal(typeof parseTimestamp('2023-02-29T00:00Z'), 'string');
    assert.equal(typeof parseTimestamp('2025-05-01T24:00:00Z'), 'string');
    assert.equal(typeof parseTimestamp('2025-05-01'), 'string');
  });
});

describe('loadContest: a big contest', () => {
  // How long it takes is measured by `npm run bench` (src-main/bench/budgets.ts), not asserted here.
  for (const format of ['json', 'yaml'] as const) {
    it(`loads 1000 teams and 1000 accounts (${format})`, async () => {
      const teams = Array.from({ length: 1000 }, (_, i) => ({
        id: `team${i}`,
        name: `Team number ${i}`,
        display_name: `Team ${i}`,
        organization_id: `org${i % 50}`,
        group_ids: ['participants'],
        hidden: i % 100 === 0,
      }));
      const accounts = teams.map((t, i) => ({ id: `acc${i}`, username: t.id, password: `pw-${i}`, type: 'team', team_id: t.id }));
      const problems = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, label: String.fromCharCode(65 + i) }));
      const files: Record<string, string | null> = {
        'problems.yaml': problems.map((p) => `- id: ${p.id}\n  label: ${p.label}\n`).join(''),
        'alpha/problem.yaml': null,
        'beta/problem.yaml': null,
        'teams.json': null,
        'accounts.json': null,
      };
      for (const p of problems) files[`${p.id}/problem.yaml`] = 'name: X\n';
      if (format === 'json') {
        files['teams.json'] = JSON.stringify(teams, null, 2);
        files['accounts.json'] = JSON.stringify(accounts, null, 2);
      } else {
        const { stringify } = await import('yaml');
        files['teams.yaml'] = stringify(teams);
        files['accounts.yaml'] = stringify(accounts);
      }
      const dir = contest(files);
      const c = await loadContest(dir);
      assert.equal(c.teams.length, 1000);
      assert.equal(c.accounts.length, 1000);
      assert.equal(c.teams.filter((t) => t.hidden).length, 10);
      assert.deepEqual(c.warnings, []);
    });
  }
});

describe('loadContest: several problems at once', () => {
  it('reports the first bad entry in file order, without stray rejections', async () => {
    const dir = contest({ 'problems.yaml': '- id: gone1\n- id: alpha\n- id: alpha\n' });
    await fails(dir, 'problems.yaml', /problem #3 \(id "alpha"\): duplicate id/);
    const dir2 = contest({ 'problems.yaml': '- id: alpha\n- id: gone1\n- id: gone2\n' });
    await fails(dir2, 'problems.yaml', /problem #2 \(id "gone1"\): no problem package/);
  });
});
