// Reading scoring problems: each format version's scoring keys, what the groups inherit, and what is refused.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PackageError, type GroupScoring, type ProblemPackage } from '../common/types.ts';
import { readPackage } from './readPackage.ts';
import { makePackage, removeTempDirs } from './testUtil.ts';

after(removeTempDirs);

/** A package with problem.yaml `yaml`, a test case at each of `cases` (paths below data/), and `extra` files. */
function scoringPackage(id: string, yaml: string, cases: string[], extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { 'problem.yaml': yaml, ...extra };
  for (const c of cases) {
    files[`data/${c}.in`] = '1\n';
    files[`data/${c}.ans`] = '1\n';
  }
  return makePackage(id, files);
}

function scoringOf(pkg: ProblemPackage): Record<string, GroupScoring | undefined> {
  return Object.fromEntries(pkg.testGroups.map((g) => [g.name, g.scoring]));
}

async function fails(dir: string, file: string, pattern: RegExp): Promise<void> {
  await assert.rejects(readPackage(dir), (err: unknown) => {
    assert.ok(err instanceof PackageError, String(err));
    assert.equal(err.file, file, err.message);
    assert.match(err.message, pattern);
    return true;
  });
}

const LEGACY = 'type: scoring\nname: L\n';
const MODERN = 'problem_format_version: 2025-09\ntype: scoring\nname: M\n';

describe('scoring problems: legacy testdata.yaml (the default grader)', () => {
  it('grading keys are inherited down the tree, grader_flags as a whole; range bounds the root', async () => {
    const pkg = await readPackage(
      scoringPackage('legacy', LEGACY, ['sample/1', 'secret/a/1', 'secret/b/1', 'secret/b/deep/1'], {
        'data/testdata.yaml': 'on_reject: continue\ngrader_flags: ignore_sample first_error\nrange: 0 100\n',
        'data/secret/testdata.yaml': 'grader_flags: min\naccept_score: 50\n',
        'data/secret/b/testdata.yaml': 'accept_score: 30\nreject_score: -1\nrange: -inf +inf\ngrader_flags: max accept_if_any_accepted always_accept\n',
      }),
    );
    assert.equal(pkg.scoring, true);
    assert.equal(pkg.maxScore, 100);
    const base = { rules: 'grader', rejectScore: 0, ignoreSample: false, acceptIfAnyAccepted: false, scoreFile: 'forbidden' };
    assert.deepEqual(scoringOf(pkg), {
      '': { ...base, verdictMode: 'first_error', scoreMode: 'sum', ignoreSample: true, acceptScore: 1, minScore: 0, maxScore: 100 },
      // ignore_sample applies to data/ alone.
      sample: { ...base, verdictMode: 'first_error', scoreMode: 'sum', acceptScore: 1, minScore: 0, maxScore: 100 },
      secret: { ...base, verdictMode: 'worst_error', scoreMode: 'min', acceptScore: 50, minScore: 0, maxScore: 100 },
      'secret/a': { ...base, verdictMode: 'worst_error', scoreMode: 'min', acceptScore: 50, minScore: 0, maxScore: 100 },
      'secret/b': { ...base, verdictMode: 'always_accept', scoreMode: 'max', acceptIfAnyAccepted: true, acceptScore: 30, rejectScore: -1, minScore: null, maxScore: null },
      'secret/b/deep': { ...base, verdictMode: 'always_accept', scoreMode: 'max', acceptIfAnyAccepted: true, acceptScore: 30, rejectScore: -1, minScore: null, maxScore: null },
    });
    // on_reject stays the legacy key it was.
    assert.deepEqual(pkg.testGroups.map((g) => g.onReject), ['continue', 'continue', 'continue', 'continue', 'continue', 'continue']);
  });

  it('defaults: worst_error, sum, accept 1, reject 0, unbounded; "validation: custom score" requires score.txt', async () => {
    const plain = await readPackage(scoringPackage('plain', LEGACY, ['secret/1']));
    assert.equal(plain.maxScore, null);
    assert.deepEqual(plain.testGroups[0].scoring, {
      rules: 'grader', verdictMode: 'worst_error', scoreMode: 'sum', ignoreSample: false, acceptIfAnyAccepted: false, acceptScore: 1, rejectScore: 0, minScore: null, maxScore: null, scoreFile: 'forbidden',
    });
    const custom = await readPackage(
      scoringPackage('custom', `${LEGACY}validation: custom score\n`, ['secret/1'], { 'output_validators/v/validate.py': 'import sys\nsys.exit(42)\n' }),
    );
    assert.deepEqual(custom.testGroups.map((g) => g.scoring?.scoreFile), ['required', 'required']);
  });

  it('a pass-fail problem reads exactly as before: no scoring rules, its scoring keys refused', async () => {
    const pkg = await readPackage(scoringPackage('passfail', 'name: P\n', ['secret/1'], { 'data/testdata.yaml': 'grader_flags: first_error\n' }));
    assert.equal(pkg.scoring, false);
    assert.equal(pkg.maxScore, null);
    assert.deepEqual(pkg.testGroups, [{ name: '', onReject: 'break' }, { name: 'secret', onReject: 'break' }]);
    await fails(scoringPackage('pfscore', 'name: P\n', ['secret/1'], { 'data/secret/testdata.yaml': 'range: 0 10\n' }), 'data/secret/testdata.yaml', /range: only scoring problems have scores/);
  });

  it('refused, naming the file and the key', async () => {
    const cases: Array<[string, Record<string, string>, string, RegExp]> = [
      ['custom', { 'data/secret/testdata.yaml': 'grading: custom\n' }, 'data/secret/testdata.yaml', /grading: custom graders are not supported/],
      ['unknownflag', { 'data/testdata.yaml': 'grader_flags: sum median\n' }, 'data/testdata.yaml', /grader_flags: "median" is not a flag of the default grader/],
      ['ignoresample', { 'data/secret/testdata.yaml': 'grader_flags: ignore_sample\n' }, 'data/secret/testdata.yaml', /ignore_sample is only for data\/testdata\.yaml/],
      ['badrange', { 'data/testdata.yaml': 'range: 0 to 10\n' }, 'data/testdata.yaml', /range: expected two numbers "low high"/],
      ['upsidedown', { 'data/testdata.yaml': 'range: 10 0\n' }, 'data/testdata.yaml', /range: the low end 10 is above the high end 0/],
      ['modernkey', { 'data/secret/testdata.yaml': 'max_score: 10\n' }, 'data/secret/testdata.yaml', /max_score: a key of the 2025-09 format/],
      ['requirepass', { 'data/secret/testdata.yaml': 'require_pass: sample\n' }, 'data/secret/testdata.yaml', /require_pass: not supported/],
    ];
    for (const [id, extra, file, pattern] of cases) await fails(scoringPackage(id, LEGACY, ['secret/1'], extra), file, pattern);
  });
});

describe('scoring problems: 2023-07, as problemtools reads it (the default grader)', () => {
  it('testdata.yaml\'s grader keys as in legacy, a validator\'s score.txt optional; 2025-09 keys refused', async () => {
    const pkg = await readPackage(
      scoringPackage('draft', 'problem_format_version: 2023-07-draft\ntype: scoring\n', ['sample/1', 'secret/s1/1'], {
        'data/testdata.yaml': 'on_reject: continue\nrange: 0 100\ngrader_flags: ignore_sample\n',
        'data/secret/s1/testdata.yaml': 'accept_score: 50\nrange: 0 50\ngrader_flags: min\n',
      }),
    );
    assert.equal(pkg.maxScore, 100);
    assert.deepEqual(scoringOf(pkg)['secret/s1'], {
      rules: 'grader', verdictMode: 'worst_error', scoreMode: 'min', ignoreSample: false, acceptIfAnyAccepted: false, acceptScore: 50, rejectScore: 0, minScore: 0, maxScore: 50, scoreFile: 'optional',
    });
    await fails(
      scoringPackage('draftmodern', 'problem_format_version: 2023-07\ntype: scoring\n', ['secret/1'], { 'data/secret/testdata.yaml': 'score_aggregation: sum\n' }),
      'data/secret/testdata.yaml',
      /score_aggregation: a key of the 2025-09 format: legacy and 2023-07 scoring problems use grader_flags/,
    );
  });
});

describe('scoring problems: 2025-09 (score_aggregation, max_score)', () => {
  it('secret sums to 100 by default, its groups are pass-fail unless they say, plain folders belong to their group', async () => {
    const pkg = await readPackage(
      scoringPackage('modern', MODERN, ['sample/1', 'secret/g1/1', 'secret/g2/1', 'secret/g2/more/1', 'secret/g3/1'], {
        'data/secret/g1/test_group.yaml': 'max_score: 20\n',
        'data/secret/g2/test_group.yaml': 'max_score: 30\nscore_aggregation: sum\noutput_validator_args: [--points, "15"]\n',
        'data/secret/g3/test_group.yaml': 'max_score: 50\nscore_aggregation: min\n',
      }),
    );
    assert.equal(pkg.maxScore, 100);
    assert.deepEqual(scoringOf(pkg), {
      '': { rules: 'aggregation', aggregation: 'sum', maxScore: 100, scoreFile: 'ignored' },
      sample: { rules: 'aggregation', aggregation: 'pass-fail', maxScore: 0, scoreFile: 'ignored' },
      secret: { rules: 'aggregation', aggregation: 'sum', maxScore: 100, scoreFile: 'optional' },
      'secret/g1': { rules: 'aggregation', aggregation: 'pass-fail', maxScore: 20, scoreFile: 'forbidden' },
      'secret/g2': { rules: 'aggregation', aggregation: 'sum', maxScore: 30, scoreFile: 'optional' },
      'secret/g2/more': { rules: 'folder', scoreFile: 'optional' },
      'secret/g3': { rules: 'aggregation', aggregation: 'min', maxScore: 50, scoreFile: 'optional' },
    });
    // Judged on after a rejection where the score still depends on the rest: data/ and sum groups.
    assert.deepEqual(Object.fromEntries(pkg.testGroups.map((g) => [g.name, g.onReject])), {
      '': 'continue', sample: 'break', secret: 'continue', 'secret/g1': 'break', 'secret/g2': 'continue', 'secret/g2/more': 'continue', 'secret/g3': 'break',
    });
    assert.equal(pkg.testCases.find((t) => t.name === 'secret/g2/more/1')?.validatorArgs.join(' '), '--points 15');
  });

  it('an unbounded secret: groups may be unbounded, and then their validator must write score.txt', async () => {
    const pkg = await readPackage(
      scoringPackage('unbounded', MODERN, ['secret/g/1'], {
        'data/secret/test_group.yaml': 'max_score: unbounded\n',
        'data/secret/g/test_group.yaml': 'score_aggregation: sum\n',
      }),
    );
    assert.equal(pkg.maxScore, null);
    assert.deepEqual(scoringOf(pkg)['secret/g'], { rules: 'aggregation', aggregation: 'sum', maxScore: null, scoreFile: 'required' });
  });

  it('refused, naming the file and the key', async () => {
    const cases: Array<[string, string[], Record<string, string>, string, RegExp]> = [
      ['unbounded', ['secret/g/1'], { 'data/secret/g/test_group.yaml': 'score_aggregation: sum\n' }, 'data/secret/g/test_group.yaml', /max_score: needed \(an unbounded group in a secret whose max_score is 100\)/],
      ['sample', ['sample/1', 'secret/1'], { 'data/sample/test_group.yaml': 'max_score: 5\n' }, 'data/sample/test_group.yaml', /max_score: not permitted in sample/],
      // test_group.yaml has no legacy keys at all (an unknown key); a testdata.yaml may, refused in a 2025-09 scoring problem.
      ['legacykey', ['secret/1'], { 'data/secret/testdata.yaml': 'accept_score: 5\n' }, 'data/secret/testdata.yaml', /accept_score: a key of the legacy and 2023-07 formats: 2025-09 scoring problems use score_aggregation and max_score/],
      ['passfail', ['secret/g/1'], { 'data/secret/test_group.yaml': 'score_aggregation: pass-fail\nmax_score: 10\n', 'data/secret/g/test_group.yaml': 'score_aggregation: sum\nmax_score: 10\n' }, 'data/secret/g/test_group.yaml', /score_aggregation: must be pass-fail, as secret's is/],
      ['deep', ['secret/g/h/1'], { 'data/secret/g/test_group.yaml': 'max_score: 100\n', 'data/secret/g/h/test_group.yaml': 'max_score: 10\n' }, 'data/secret/g/h/test_group.yaml', /only secret and the groups directly in it score/],
      ['static', ['secret/1'], { 'data/secret/test_group.yaml': 'static_validation_score: 10\n' }, 'data/secret/test_group.yaml', /static_validation_score: not supported/],
      ['mixed', ['secret/1', 'secret/g/1'], { 'data/secret/g/test_group.yaml': 'max_score: 100\n' }, 'data/secret/1.in', /directly in data\/secret, which holds test data groups/],
    ];
    for (const [id, tests, extra, file, pattern] of cases) await fails(scoringPackage(id, MODERN, tests, extra), file, pattern);
  });

  it('expected scores: submissions.yaml (globs, per group) and @EXPECTED_SCORE@', async () => {
    const pkg = await readPackage(
      scoringPackage('expected', MODERN, ['secret/g/1'], {
        'data/secret/g/test_group.yaml': 'max_score: 100\n',
        'submissions/accepted/a.py': 'print(1)\n',
        'submissions/wrong_answer/b.py': '# @EXPECTED_SCORE@: 12.5\nprint(2)\n',
        'submissions/wrong_answer/c.py': '# @EXPECTED_SCORE@: CORRECT\nprint(3)\n',
        'submissions/submissions.yaml': 'wrong_answer/{b,c}.py:\n  score: [0, 40]\n  secret/*:\n    score: 0\naccepted:\n  permitted: [AC]\n',
      }),
    );
    const byName = Object.fromEntries(pkg.submissions.map((s) => [s.path.slice(s.path.indexOf('submissions/')), s.expectedScores]));
    const yaml = 'submissions.yaml (wrong_answer/{b,c}.py)';
    assert.deepEqual(byName, {
      'submissions/accepted/a.py': undefined,
      'submissions/wrong_answer/b.py': [
        { group: null, min: 0, max: 40, source: yaml },
        { group: 'secret/g', min: 0, max: 0, source: yaml },
        { group: null, min: 12.5, max: 12.5, source: '@EXPECTED_SCORE@' },
      ],
      'submissions/wrong_answer/c.py': [
        { group: null, min: 0, max: 40, source: yaml },
        { group: 'secret/g', min: 0, max: 0, source: yaml },
      ],
    });
    assert.deepEqual(pkg.warnings, ['submissions/submissions.yaml: only score is checked (not permitted)']);
  });
});
