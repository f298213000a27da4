// Packages judged for real, read from disk: test groups' validator flags and on_reject reaching the
// judgehost, and the output validator layouts problemtools uses (one engine, one worker, serves the file).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { jobFor, type JudgeEngine } from './engine.ts';
import { readPackage } from '../package/readPackage.ts';
import { makePackage, removeTempDirs } from '../package/testUtil.ts';
import { startEngine } from '../test-support/fixtures.ts';

let engine: JudgeEngine;
before(async () => {
  engine = await startEngine(1);
});
after(async () => {
  await engine.close();
  removeTempDirs();
});

async function judge(files: Record<string, string>, source: string) {
  const dir = makePackage('pkg', { ...files, 'submissions/accepted/sol.py': source });
  const pkg = await readPackage(dir);
  try {
    return await engine.judge(jobFor(pkg, pkg.submissions[0].path, 'python'));
  } finally {
    pkg.dispose();
  }
}

describe('test groups when judging', () => {
  // A 2023-07 float problem: the tolerance is in testdata.yaml, not problem.yaml.
  const floatProblem = {
    'problem.yaml': 'problem_format_version: 2023-07\nname: Float\nlimits:\n  time_limit: 2\n',
    'data/sample/1.in': '1\n',
    'data/sample/1.ans': '1.0000000\n',
    'data/secret/1.in': '2\n',
    'data/secret/1.ans': '2.0000000\n',
  };
  const printFloat = 'print(float(input()))\n';

  test('a group\'s float_tolerance makes a correct float answer AC (WA without it)', async () => {
    const withFlags = await judge({ ...floatProblem, 'data/testdata.yaml': 'output_validator_flags: float_tolerance 1e-6\n' }, printFloat);
    assert.equal(withFlags.verdict, 'AC', JSON.stringify(withFlags.tests));
    const without = await judge(floatProblem, printFloat);
    assert.equal(without.verdict, 'WA');
  });

  test('the flags are per group: a group without them still compares exactly', async () => {
    const result = await judge({ ...floatProblem, 'data/sample/testdata.yaml': 'output_validator_flags: float_tolerance 1e-6\n' }, printFloat);
    assert.equal(result.verdict, 'WA');
    assert.deepEqual(result.tests.map((t) => [t.name, t.verdict]), [['sample/1', 'AC'], ['secret/1', 'WA']]);
  });

  // Test 1 is answered wrongly, test 2 crashes, test 3 is right.
  const threeTests = {
    'problem.yaml': 'name: Three\nlimits:\n  time_limit: 2\n',
    'data/secret/1.in': '1\n',
    'data/secret/1.ans': '1\n',
    'data/secret/2.in': '2\n',
    'data/secret/2.ans': '2\n',
    'data/secret/3.in': '3\n',
    'data/secret/3.ans': '3\n',
  };
  const program = 'n = int(input())\nif n == 2:\n    raise SystemExit(3)\nprint(n + 1 if n == 1 else n)\n';

  test('on_reject: break stops at the first rejection; continue judges the rest, the first rejection decides', async () => {
    const broken = await judge(threeTests, program);
    assert.equal(broken.verdict, 'WA');
    assert.deepEqual(broken.tests.map((t) => t.verdict), ['WA']);
    const continued = await judge({ ...threeTests, 'data/secret/testdata.yaml': 'on_reject: continue\n' }, program);
    assert.equal(continued.verdict, 'WA');
    assert.deepEqual(continued.tests.map((t) => t.verdict), ['WA', 'RTE', 'AC']);
  });
});

/** An output validator that accepts exactly the output "<its arguments after the feedback folder>". */
const ECHO_ARGS_VALIDATOR = 'import sys\nteam = sys.stdin.read().strip()\nsys.exit(42 if team == " ".join(sys.argv[4:]) else 43)\n';

describe('output validators: problemtools\' layouts, and the groups\' arguments', () => {
  const echoProblem = (validatorPath: string, yaml: string) => ({
    'problem.yaml': yaml,
    [validatorPath]: ECHO_ARGS_VALIDATOR,
    'data/sample/1.in': '1\n',
    'data/sample/1.ans': '-\n',
    'data/secret/1.in': '2\n',
    'data/secret/1.ans': '-\n',
    'data/sample/testdata.yaml': 'output_validator_flags: alpha\n',
    'data/secret/testdata.yaml': 'output_validator_flags: [beta, gamma]\n',
  });
  const echo = 'print("alpha" if input() == "1" else "beta gamma")\n';

  test('output_validator/<name>/ (2023-07, problemtools\' examples/guess) is found and gets each group\'s arguments', async () => {
    const files = echoProblem('output_validator/echo_validator/validate.py', 'problem_format_version: 2023-07\nname: Echo\nlimits:\n  time_limit: 2\n');
    assert.equal((await judge(files, echo)).verdict, 'AC');
    assert.equal((await judge(files, 'print("alpha")\n')).verdict, 'WA');
  });

  test('output_validators/<name>/ (legacy) with validation: custom', async () => {
    const files = echoProblem('output_validators/echo_validator/validate.py', 'name: Echo\nvalidation: custom\nlimits:\n  time_limit: 2\n');
    assert.equal((await judge(files, echo)).verdict, 'AC');
  });
});
