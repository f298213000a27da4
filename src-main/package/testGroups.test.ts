import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PackageError, type ProblemPackage } from '../common/types.ts';
import { readPackage } from './readPackage.ts';
import { makePackage, removeTempDirs } from './testUtil.ts';

after(removeTempDirs);

const CASE = { in: '1\n', ans: '1\n' };

/** A package with problem.yaml `yaml` and a test case at each of `cases` (paths below data/), plus `extra` files. */
function groupPackage(id: string, yaml: string, cases: string[], extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { 'problem.yaml': yaml, ...extra };
  for (const c of cases) {
    files[`data/${c}.in`] = CASE.in;
    files[`data/${c}.ans`] = CASE.ans;
  }
  return makePackage(id, files);
}

function argsOf(pkg: ProblemPackage): Record<string, string> {
  return Object.fromEntries(pkg.testCases.map((t) => [t.name, t.validatorArgs.join(' ')]));
}

async function fails(dir: string, file: string, ...patterns: RegExp[]): Promise<void> {
  await assert.rejects(readPackage(dir), (err: unknown) => {
    assert.ok(err instanceof PackageError, String(err));
    assert.equal(err.file, file, err.message);
    for (const p of patterns) assert.match(err.message, p);
    return true;
  });
}

describe('test groups: testdata.yaml (legacy, 2023-07)', () => {
  it('flags are inherited down the tree, a folder setting them replaces its parent\'s, after problem.yaml\'s', async () => {
    const dir = groupPackage('legacy', 'name: L\nvalidator_flags: case_sensitive\n', ['sample/1', 'secret/a/1', 'secret/b/1', 'secret/b/deep/1'], {
      'data/testdata.yaml': 'output_validator_flags: float_tolerance 1e-6\n',
      'data/secret/b/testdata.yaml': 'output_validator_flags: space_change_sensitive\non_reject: continue\n',
    });
    const pkg = await readPackage(dir);
    assert.deepEqual(argsOf(pkg), {
      'sample/1': 'case_sensitive float_tolerance 1e-6',
      'secret/a/1': 'case_sensitive float_tolerance 1e-6',
      'secret/b/1': 'case_sensitive space_change_sensitive',
      'secret/b/deep/1': 'case_sensitive space_change_sensitive',
    });
    assert.deepEqual(pkg.testCases.map((t) => t.group), ['sample', 'secret/a', 'secret/b', 'secret/b/deep']);
    assert.deepEqual(pkg.testGroups, [
      { name: '', onReject: 'break' },
      { name: 'sample', onReject: 'break' },
      { name: 'secret', onReject: 'break' },
      { name: 'secret/a', onReject: 'break' },
      { name: 'secret/b', onReject: 'continue' },
      { name: 'secret/b/deep', onReject: 'continue' },
    ]);
    assert.deepEqual(pkg.warnings, []);
  });

  it('2023-07: flags as a list; a <case>.yaml sets one test case\'s arguments', async () => {
    const dir = groupPackage('draft', 'problem_format_version: 2023-07-draft\nname: D\n', ['secret/1', 'secret/2'], {
      'data/secret/testdata.yaml': 'output_validator_flags: [float_relative_tolerance, "1e-3"]\n',
      'data/secret/2.yaml': 'output_validator_args: [case_sensitive]\ndescription: the odd one\n',
    });
    assert.deepEqual(argsOf(await readPackage(dir)), { 'secret/1': 'float_relative_tolerance 1e-3', 'secret/2': 'case_sensitive' });
  });

  it('unknown keys of a testdata.yaml are warnings, as problemtools says', async () => {
    const pkg = await readPackage(groupPackage('unknown', 'name: U\n', ['secret/1'], { 'data/secret/testdata.yaml': 'flavour: sweet\n' }));
    assert.deepEqual(pkg.warnings, ['data/secret/testdata.yaml: flavour: unknown key ignored']);
  });

  it('errors name the file, the key and the line', async () => {
    await fails(groupPackage('badreject', 'name: B\n', ['secret/1'], { 'data/secret/testdata.yaml': 'on_reject: sometimes\n' }), 'data/secret/testdata.yaml', /on_reject: expected break or continue, got "sometimes" \(line 1, column 12\)/);
    await fails(groupPackage('badflags', 'name: B\n', ['secret/1'], { 'data/testdata.yaml': '\noutput_validator_flags: {a: 1}\n' }), 'data/testdata.yaml', /output_validator_flags: expected a string or a list of strings, got a map \(line 2/);
    await fails(groupPackage('badyaml', 'name: B\n', ['secret/1'], { 'data/secret/testdata.yaml': 'a: 1\na: 2\n' }), 'data/secret/testdata.yaml', /invalid YAML at line 2/);
  });

  it('scoring keys and submissions\' arguments are refused: pass-fail problems only', async () => {
    await fails(groupPackage('score', 'name: S\n', ['secret/1'], { 'data/secret/testdata.yaml': 'accept_score: 50\n' }), 'data/secret/testdata.yaml', /accept_score: only scoring problems have scores/);
    await fails(groupPackage('grader', 'name: S\n', ['secret/1'], { 'data/testdata.yaml': 'grader_flags: accept_if_any_accepted\n' }), 'data/testdata.yaml', /grader_flags: "accept_if_any_accepted" is not supported/);
    await fails(groupPackage('args', 'problem_format_version: 2025-09\nname: A\n', ['secret/1'], { 'data/secret/1.yaml': 'args: [--fast]\n' }), 'data/secret/1.yaml', /args: command-line arguments for submissions are not supported/);
  });
});

describe('test groups: test_group.yaml (2025-09)', () => {
  it('output_validator_args per group, inherited from secret/', async () => {
    const dir = groupPackage('g2025', 'problem_format_version: 2025-09\nname: G\n', ['sample/1', 'secret/g1/1', 'secret/g2/1'], {
      'data/secret/test_group.yaml': 'output_validator_args: [float_tolerance, "1e-6"]\n',
      'data/secret/g1/test_group.yaml': 'score_aggregation: pass-fail\n',
      'data/secret/g2/test_group.yaml': 'output_validator_args: [case_sensitive]\n',
    });
    assert.deepEqual(argsOf(await readPackage(dir)), { 'sample/1': '', 'secret/g1/1': 'float_tolerance 1e-6', 'secret/g2/1': 'case_sensitive' });
  });

  it('unknown keys are errors; a folder with both files reads the version\'s', async () => {
    await fails(groupPackage('g2025bad', 'problem_format_version: 2025-09\nname: G\n', ['secret/1'], { 'data/secret/test_group.yaml': 'on_reject: continue\n' }), 'data/secret/test_group.yaml', /on_reject: unknown key \(line 1, column 1\)/);
    const pkg = await readPackage(groupPackage('both', 'problem_format_version: 2025-09\nname: G\n', ['secret/1'], {
      'data/secret/test_group.yaml': 'output_validator_args: [case_sensitive]\n',
      'data/secret/testdata.yaml': 'output_validator_flags: float_tolerance 1\n',
    }));
    assert.deepEqual(argsOf(pkg), { 'secret/1': 'case_sensitive' });
    assert.deepEqual(pkg.warnings, ['data/secret/testdata.yaml: ignored; this package\'s format version reads data/secret/test_group.yaml']);
  });
});
