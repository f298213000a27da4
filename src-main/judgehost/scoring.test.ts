// The scoring module on real test group trees (read from packages by the package reader): test case
// scores from the feedback folder, and each format version's aggregation.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackage } from '../package/readPackage.ts';
import { makePackage, removeTempDirs, tempDir } from '../package/testUtil.ts';
import type { GroupResult, JudgeResult, TestResult } from '../common/results.ts';
import type { ProblemPackage, Verdict } from '../common/types.ts';
import { ScoringError, SubmissionScoring, scoreTest, scoredResult } from './scoring.ts';

after(removeTempDirs);

async function problem(yaml: string, cases: string[], extra: Record<string, string> = {}): Promise<ProblemPackage> {
  const files: Record<string, string> = { 'problem.yaml': yaml, ...extra };
  for (const c of cases) {
    files[`data/${c}.in`] = '1\n';
    files[`data/${c}.ans`] = '1\n';
  }
  return readPackage(makePackage('scoring', files));
}

/** A feedback folder holding `files`. */
function feedback(files: Record<string, string> = {}): string {
  const dir = join(tempDir('verdict-feedback-'), 'feedback');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * Judges `pkg` as the judgehost does with the verdicts given per test case (and each one's feedback
 * files): test cases left out were not run. Returns the scored result.
 */
function judge(pkg: ProblemPackage, verdicts: Record<string, Verdict | [Verdict, Record<string, string>]>): JudgeResult {
  const scoring = new SubmissionScoring(pkg.testCases, pkg.testGroups);
  const tests: TestResult[] = [];
  for (const test of pkg.testCases) {
    const given = verdicts[test.name];
    if (given === undefined) continue;
    const [verdict, files] = typeof given === 'string' ? [given, {}] : given;
    const scored = scoreTest(scoring, test, { verdict, message: '' }, feedback(files));
    tests.push({ name: test.name, timeMs: 1, wallMs: 1, memoryKb: 1, exitCode: 0, signal: 0, ...scored });
  }
  const firstRejected = tests.find((t) => t.verdict !== 'AC');
  return scoredResult(scoring, { verdict: firstRejected?.verdict ?? 'AC', tests, compile: { ok: true, output: '', timeMs: 0 }, timeMs: 1, memoryKb: 1 });
}

function groupScores(result: JudgeResult): Record<string, [Verdict, number, number | null]> {
  return Object.fromEntries((result.groups ?? []).map((g: GroupResult) => [g.name, [g.verdict, g.score, g.maxScore]]));
}

const LEGACY = 'type: scoring\nname: L\n';
const MODERN = 'problem_format_version: 2025-09\ntype: scoring\nname: M\n';

describe('scoring: legacy default grader', () => {
  const addOne = () =>
    problem(LEGACY, ['sample/1', 'secret/small/1', 'secret/small/2', 'secret/large/1'], {
      'data/testdata.yaml': 'on_reject: continue\n',
      'data/secret/small/testdata.yaml': 'accept_score: 10\n',
      'data/secret/large/testdata.yaml': 'accept_score: 30\nreject_score: 2\n',
    });

  it('test cases score accept_score or reject_score; groups sum them bottom-up, samples included', async () => {
    const pkg = await addOne();
    const all = judge(pkg, { 'sample/1': 'AC', 'secret/small/1': 'AC', 'secret/small/2': 'AC', 'secret/large/1': 'AC' });
    assert.equal(all.verdict, 'AC');
    assert.equal(all.score, 51);
    assert.deepEqual(all.tests.map((t) => [t.name, t.score]), [['sample/1', 1], ['secret/large/1', 30], ['secret/small/1', 10], ['secret/small/2', 10]]);
    assert.deepEqual(groupScores(all), { '': ['AC', 51, null], sample: ['AC', 1, null], secret: ['AC', 50, null], 'secret/small': ['AC', 20, null], 'secret/large': ['AC', 30, null] });
    const partial = judge(pkg, { 'sample/1': 'AC', 'secret/small/1': 'WA', 'secret/small/2': 'AC', 'secret/large/1': 'TLE' });
    // worst_error: TLE comes before WA, whatever the order of the test cases.
    assert.equal(partial.verdict, 'TLE');
    assert.equal(partial.score, 1 + 0 + 10 + 2);
    assert.deepEqual(groupScores(partial)['secret/small'], ['WA', 10, null]);
  });

  it('verdict and score modes, accept_if_any_accepted and ignore_sample', async () => {
    const modes = async (flags: string) =>
      judge(await problem(LEGACY, ['sample/1', 'secret/1', 'secret/2', 'secret/3'], { 'data/testdata.yaml': 'on_reject: continue\n', 'data/secret/testdata.yaml': `grader_flags: ${flags}\n` }), {
        'sample/1': 'AC',
        'secret/1': 'WA',
        'secret/2': 'RTE',
        'secret/3': 'AC',
      });
    const secret = async (flags: string) => groupScores(await modes(flags)).secret.slice(0, 2);
    assert.deepEqual(await secret('sum'), ['RTE', 1]);
    assert.deepEqual(await secret('first_error avg'), ['WA', 1 / 3]);
    assert.deepEqual(await secret('min'), ['RTE', 0]);
    assert.deepEqual(await secret('max always_accept'), ['AC', 1]);
    assert.deepEqual(await secret('accept_if_any_accepted'), ['AC', 1]);
    // The last of conflicting modes wins.
    assert.deepEqual(await secret('max min first_error worst_error'), ['RTE', 0]);

    const ignoring = judge(await problem(LEGACY, ['sample/1', 'secret/1'], { 'data/testdata.yaml': 'on_reject: continue\ngrader_flags: ignore_sample\n' }), { 'sample/1': 'WA', 'secret/1': 'AC' });
    assert.deepEqual([ignoring.verdict, ignoring.score], ['AC', 1], 'data/ is secret\'s result alone');
  });

  it('test cases not run (on_reject: break) count as rejected, with the verdict that stopped them', async () => {
    const pkg = await problem(LEGACY, ['secret/1', 'secret/2', 'secret/3'], { 'data/testdata.yaml': 'accept_score: 5\nreject_score: 1\n' });
    const result = judge(pkg, { 'secret/1': 'AC', 'secret/2': 'WA' });
    assert.deepEqual([result.verdict, result.score], ['WA', 5 + 1 + 1]);
    assert.deepEqual(groupScores(result).secret, ['WA', 7, null]);
  });

  it('"validation: custom score": score.txt is required, must be a number, and is refused for a rejection', async () => {
    const pkg = await problem(`${LEGACY}validation: custom score\n`, ['secret/1', 'secret/2'], {
      'data/testdata.yaml': 'on_reject: continue\n',
      'output_validators/v/validate.py': 'import sys\nsys.exit(42)\n',
    });
    const scored = judge(pkg, { 'secret/1': ['AC', { 'score.txt': ' 7.5\n' }], 'secret/2': ['AC', { 'score.txt': '2e1' }] });
    assert.deepEqual([scored.verdict, scored.score], ['AC', 27.5]);
    const scoring = new SubmissionScoring(pkg.testCases, pkg.testGroups);
    const [first] = pkg.testCases;
    assert.throws(() => scoring.testScore(first, 'AC', feedback()), /test secret\/1: the output validator accepted it without writing score\.txt/);
    assert.throws(() => scoring.testScore(first, 'AC', feedback({ 'score.txt': 'lots' })), (e: unknown) => e instanceof ScoringError && /score\.txt holds "lots", not a number/.test(e.message));
    assert.throws(() => scoring.testScore(first, 'WA', feedback({ 'score.txt': '3' })), /score\.txt for a rejected test case/);
    // In judging, such a judge error is the test case's JE, and the submission's.
    const broken = judge(pkg, { 'secret/1': ['AC', { 'score.txt': 'NaN' }], 'secret/2': 'AC' });
    assert.equal(broken.verdict, 'JE');
    assert.match(broken.tests[0].message, /not a number/);
  });

  it('without "validation: custom score" a score.txt is a judge error; a group outside its range too', async () => {
    const plain = await problem(LEGACY, ['secret/1']);
    assert.throws(() => new SubmissionScoring(plain.testCases, plain.testGroups).testScore(plain.testCases[0], 'AC', feedback({ 'score.txt': '1' })), /does not say "validation: custom score"/);
    const bounded = await problem(LEGACY, ['secret/1', 'secret/2'], { 'data/secret/testdata.yaml': 'range: 0 1.5\n' });
    const over = judge(bounded, { 'secret/1': 'AC', 'secret/2': 'AC' });
    assert.equal(over.verdict, 'JE');
    assert.match(over.error ?? '', /test group secret scored 2, above its range \(1\.5\)/);
  });
});

describe('scoring: 2023-07, the default grader with an optional score.txt', () => {
  it('an accepted test case scores its validator\'s score.txt where it writes one, else accept_score', async () => {
    const pkg = await problem('problem_format_version: 2023-07\ntype: scoring\n', ['secret/1', 'secret/2'], {
      'data/testdata.yaml': 'on_reject: continue\naccept_score: 4\n',
      'output_validator/validate.py': 'import sys\nsys.exit(42)\n',
    });
    const result = judge(pkg, { 'secret/1': ['AC', { 'score.txt': '2.5' }], 'secret/2': 'AC' });
    assert.deepEqual([result.verdict, result.score, result.tests.map((t) => t.score)], ['AC', 6.5, [2.5, 4]]);
  });
});

describe('scoring: 2025-09 aggregation', () => {
  const subtasks = () =>
    problem(MODERN, ['sample/1', 'secret/a/1', 'secret/a/2', 'secret/b/1', 'secret/b/2', 'secret/c/1', 'secret/c/2'], {
      'data/secret/a/test_group.yaml': 'max_score: 20\n',
      'data/secret/b/test_group.yaml': 'max_score: 50\nscore_aggregation: sum\n',
      'data/secret/c/test_group.yaml': 'max_score: 30\nscore_aggregation: min\n',
    });

  it('a test case of a sum group may score its share, of a min group all of max_score; score.txt or score_multiplier.txt say how much', async () => {
    const pkg = await subtasks();
    const scoring = new SubmissionScoring(pkg.testCases, pkg.testGroups);
    const test = (name: string) => pkg.testCases.find((t) => t.name === name)!;
    assert.equal(scoring.testScore(test('secret/b/1'), 'AC', feedback()), 25);
    assert.equal(scoring.testScore(test('secret/b/1'), 'AC', feedback({ 'score.txt': '10\n' })), 10);
    assert.equal(scoring.testScore(test('secret/b/1'), 'AC', feedback({ 'score_multiplier.txt': '0.5' })), 12.5);
    assert.equal(scoring.testScore(test('secret/c/1'), 'AC', feedback({ 'score.txt': '30' })), 30);
    assert.equal(scoring.testScore(test('secret/b/1'), 'WA', feedback()), 0);
    assert.equal(scoring.testScore(test('secret/a/1'), 'AC', feedback()), undefined, 'a pass-fail group scores as a whole');
    assert.equal(scoring.testScore(test('sample/1'), 'AC', feedback({ 'score.txt': 'ignored on samples' })), undefined);
    const refused: Array<[string, Verdict, Record<string, string>, RegExp]> = [
      ['secret/b/1', 'AC', { 'score.txt': '25.5' }, /score\.txt holds 25\.5, above the test case's maximum of 25/],
      ['secret/b/1', 'AC', { 'score.txt': '-1' }, /a negative score/],
      ['secret/b/1', 'AC', { 'score.txt': '1', 'score_multiplier.txt': '1' }, /both score\.txt and score_multiplier\.txt/],
      ['secret/b/1', 'AC', { 'score_multiplier.txt': '1.5' }, /outside \[0, 1\]/],
      ['secret/b/1', 'WA', { 'score.txt': '1' }, /for a rejected test case/],
      ['secret/a/1', 'AC', { 'score.txt': '1' }, /score\.txt in a pass-fail group/],
      ['secret/c/1', 'AC', { 'score.txt': '' }, /score\.txt holds "", not a number/],
    ];
    for (const [name, verdict, files, pattern] of refused) assert.throws(() => scoring.testScore(test(name), verdict, feedback(files)), pattern, name);
  });

  it('groups: pass-fail all or nothing, sum, min; the submission scores secret\'s, its verdict is the first rejection\'s', async () => {
    const pkg = await subtasks();
    const full = judge(pkg, Object.fromEntries(pkg.testCases.map((t) => [t.name, 'AC' as const])));
    assert.deepEqual([full.verdict, full.score], ['AC', 100]);
    assert.deepEqual(groupScores(full), {
      '': ['AC', 100, 100],
      sample: ['AC', 0, 0],
      secret: ['AC', 100, 100],
      'secret/a': ['AC', 20, 20],
      'secret/b': ['AC', 50, 50],
      'secret/c': ['AC', 30, 30],
    });
    const partial = judge(pkg, {
      'sample/1': 'WA',
      'secret/a/1': 'AC',
      // secret/a/2 not run (as after a rejection): it counts as rejected.
      'secret/b/1': ['AC', { 'score.txt': '5' }],
      'secret/b/2': 'TLE',
      'secret/c/1': ['AC', { 'score.txt': '12' }],
      'secret/c/2': ['AC', { 'score_multiplier.txt': '0.5' }],
    });
    assert.equal(partial.verdict, 'WA');
    assert.equal(partial.score, 0 + 5 + 12);
    assert.deepEqual(partial.tests.map((t) => t.score), [undefined, undefined, 5, 0, 12, 15]);
    assert.deepEqual(groupScores(partial), {
      '': ['WA', 17, 100],
      sample: ['WA', 0, 0],
      secret: ['WA', 17, 100],
      'secret/a': ['WA', 0, 20],
      'secret/b': ['TLE', 5, 50],
      'secret/c': ['AC', 12, 30],
    });
  });

  it('a judge error in a test case makes its groups and the submission JE', async () => {
    const pkg = await subtasks();
    const result = judge(pkg, { 'sample/1': 'WA', 'secret/a/1': 'AC', 'secret/a/2': 'AC', 'secret/b/1': ['AC', { 'score.txt': 'x' }], 'secret/b/2': 'AC', 'secret/c/1': 'AC', 'secret/c/2': 'AC' });
    assert.equal(result.verdict, 'JE');
    assert.deepEqual(groupScores(result)['secret/b'].slice(0, 1), ['JE']);
    assert.deepEqual(groupScores(result)['secret/a'], ['AC', 20, 20]);
  });

  it('an unbounded group: its validator must write score.txt', async () => {
    const pkg = await problem(MODERN, ['secret/g/1', 'secret/g/2'], { 'data/secret/test_group.yaml': 'max_score: unbounded\n', 'data/secret/g/test_group.yaml': 'score_aggregation: sum\n' });
    const result = judge(pkg, { 'secret/g/1': ['AC', { 'score.txt': '1234.5' }], 'secret/g/2': ['AC', { 'score.txt': '0.5' }] });
    assert.deepEqual([result.verdict, result.score], ['AC', 1235]);
    assert.deepEqual(groupScores(result)[''], ['AC', 1235, null]);
    const scoring = new SubmissionScoring(pkg.testCases, pkg.testGroups);
    assert.throws(() => scoring.testScore(pkg.testCases[0], 'AC', feedback()), /without writing score\.txt \(its group is unbounded\)/);
    assert.throws(() => scoring.testScore(pkg.testCases[0], 'AC', feedback({ 'score_multiplier.txt': '1' })), /score_multiplier\.txt in an unbounded group/);
  });
});
