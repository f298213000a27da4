// Input validators, built and run for real (Python and C) on the inputs of packages written here.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { readPackage } from './readPackage.ts';
import { validateInputs, type InputValidation } from './inputValidators.ts';
import { makePackage, minimalFiles, removeTempDirs } from './testUtil.ts';

after(removeTempDirs);

/** Accepts a single integer line; `max N` (anywhere in its arguments) bounds it. */
const BOUNDED = `import sys
args = sys.argv[1:]
bound = int(args[args.index('max') + 1]) if 'max' in args else 100
text = sys.stdin.read()
if not text.strip().lstrip('-').isdigit():
    print('not an integer')
    sys.exit(43)
if int(text) > bound:
    print(f'{int(text)} is above {bound}')
    sys.exit(43)
sys.exit(42)
`;

async function validate(id: string, files: Record<string, string>): Promise<InputValidation> {
  const pkg = await readPackage(makePackage(id, minimalFiles(files)));
  try {
    return await validateInputs(pkg);
  } finally {
    pkg.dispose();
  }
}

describe('input validators', () => {
  it('a valid package: every validator accepts every input', async () => {
    const result = await validate('valid', { 'input_validators/bounded.py': BOUNDED });
    assert.deepEqual(result.validators, ['input_validators/bounded.py']);
    assert.deepEqual(result.problems, []);
  });

  it('an invalid input is named with its test case and the validator that rejected it', async () => {
    const result = await validate('invalid', { 'input_validators/bounded.py': BOUNDED, 'data/secret/2.in': 'two\n', 'data/secret/2.ans': '2\n' });
    assert.deepEqual(result.problems, [{ testCase: 'secret/2', validator: 'input_validators/bounded.py', outcome: 'invalid', detail: 'not an integer' }]);
  });

  it('a validator that crashes, or exits with neither 42 nor 43, is broken; one that does not build is named too', async () => {
    const crashing = await validate('crashing', { 'input_validators/crash.py': 'raise SystemExit(3)\n' });
    assert.deepEqual(crashing.problems.map((p) => p.testCase), ['sample/1', 'secret/1']);
    assert.ok(crashing.problems.every((p) => p.outcome === 'broken' && /exited with 3 \(expected 42 or 43\)/.test(p.detail)), JSON.stringify(crashing.problems));

    const unbuildable = await validate('unbuildable', { 'input_validators/check/check.c': 'int main(void) { this is not C }\n' });
    assert.equal(unbuildable.problems.length, 1);
    assert.equal(unbuildable.problems[0].testCase, null);
    assert.equal(unbuildable.problems[0].validator, 'input_validators/check');
    assert.match(unbuildable.problems[0].detail, /building it failed \(exit 1\)/);
  });

  it('the group\'s input_validator_flags reach the validator: for all of them, or by name', async () => {
    const files = {
      'input_validators/bounded.py': BOUNDED,
      'data/secret/big/7.in': '7\n',
      'data/secret/big/7.ans': '7\n',
    };
    assert.deepEqual((await validate('unflagged', files)).problems, []);
    const flagged = await validate('flagged', { ...files, 'data/secret/big/testdata.yaml': 'input_validator_flags: max 5\n' });
    assert.deepEqual(flagged.problems.map((p) => [p.testCase, p.detail]), [['secret/big/7', '7 is above 5']]);
    const byName = await validate('byname', { ...files, 'data/secret/testdata.yaml': 'input_validator_flags:\n  bounded: max 5\n  other: max 1\n' });
    assert.deepEqual(byName.problems.map((p) => p.testCase), ['secret/big/7'], 'secret/1 holds 2: within 5');
    const legacyMap = await validate('legacymap', { ...files, 'data/testdata.yaml': 'input_validator_flags:\n  name: bounded\n  flags: max 1\n' });
    assert.deepEqual(legacyMap.problems.map((p) => p.testCase), ['secret/1', 'secret/big/7'], 'sample/1 holds 1: within 1');
    const otherName = await validate('othername', { ...files, 'data/testdata.yaml': 'input_validator_flags:\n  other: max 1\n' });
    assert.deepEqual(otherName.problems, [], 'a validator the map does not name gets no arguments');
  });

  it('2025-09: test_group.yaml\'s and a test case\'s own input_validator_args', async () => {
    const result = await validate('args2025', {
      'problem.yaml': 'problem_format_version: 2025-09\nname: Tiny\nlimits:\n  time_limit: 1\n',
      'input_validators/bounded.py': BOUNDED,
      'data/secret/test_group.yaml': 'input_validator_args: [max, "1"]\n',
      'data/secret/3.in': '3\n',
      'data/secret/3.ans': '3\n',
      'data/secret/3.yaml': 'input_validator_args: [max, "3"]\n',
    });
    assert.deepEqual(result.problems.map((p) => [p.testCase, p.detail]), [['secret/1', '2 is above 1']]);
  });

  it('a C validator in a folder of its own, in the legacy input_format_validators/ (with a warning)', async () => {
    const check = '#include <stdio.h>\nint main(void){ long n; if (scanf("%ld", &n) != 1 || n < 0) return 43; return n <= 1 ? 42 : 43; }\n';
    const result = await validate('legacy-c', { 'input_format_validators/check/check.c': check });
    assert.deepEqual(result.validators, ['input_format_validators/check']);
    assert.deepEqual(result.problems.map((p) => p.testCase), ['secret/1'], 'secret/1 holds 2');
    assert.match(result.warnings.join('\n'), /input_format_validators\/: a deprecated name/);
  });

  it('2025-09: a test case\'s .files folder is in its validator\'s working directory, and only in that test case\'s', async () => {
    // The input names a file the validator must find beside it; the validator's own data file is there too.
    const named = `import os, sys
name = sys.stdin.read().strip()
if not os.path.isfile('limits.txt'):
    print('no limits.txt of the validator')
    sys.exit(1)
if not os.path.isfile(name):
    print(f'no file {name}')
    sys.exit(43)
sys.exit(42 if open(name).read().strip() == 'ok' else 43)
`;
    const files = {
      'problem.yaml': 'problem_format_version: 2025-09\nname: Files\n',
      'input_validators/named/named.py': named,
      'input_validators/named/limits.txt': '10\n',
      'data/sample/1.in': 'grid.txt\n',
      'data/sample/1.ans': '1\n',
      'data/sample/1.files/grid.txt': 'ok\n',
      'data/secret/1.in': 'grid.txt\n',
      'data/secret/1.ans': '1\n',
      'data/secret/1.files/grid.txt': 'not ok\n',
      // Not its own .files: secret/2 cannot see secret/1's grid.
      'data/secret/2.in': 'grid.txt\n',
      'data/secret/2.ans': '1\n',
    };
    const result = await validate('files', files);
    assert.deepEqual(result.problems.map((p) => [p.testCase, p.outcome, p.detail]), [
      ['secret/1', 'invalid', ''],
      ['secret/2', 'invalid', 'no file grid.txt'],
    ]);

    const clash = await validate('files-clash', { ...files, 'data/sample/1.files/limits.txt': '5\n' });
    assert.deepEqual(clash.problems[0], { testCase: 'sample/1', validator: 'input_validators/named', outcome: 'broken', detail: '1.files/limits.txt has the name of a file of the validator (the format forbids it)' });
  });

  it('no validators: nothing to run', async () => {
    assert.deepEqual(await validate('none', {}), { validators: [], problems: [], warnings: [] });
  });
});
