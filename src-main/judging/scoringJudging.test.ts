// Scoring problems judged end to end through the engine (a real judgehost, real compilers, the package's
// own output validator writing score.txt): the example package resources/example-problems/loading.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { jobFor, type JudgeEngine } from './engine.ts';
import { readPackage } from '../package/readPackage.ts';
import { makePackage, removeTempDirs } from '../package/testUtil.ts';
import { resourcePath } from '../common/paths.ts';
import type { JudgeResult } from '../common/results.ts';
import type { ProblemPackage } from '../common/types.ts';
import { startEngine } from '../test-support/fixtures.ts';

let engine: JudgeEngine;
let loading: ProblemPackage;

before(async () => {
  engine = await startEngine(2);
  loading = await readPackage(resourcePath('example-problems', 'loading'));
});
after(async () => {
  await engine.close();
  loading.dispose();
  removeTempDirs();
});

function judgeExample(file: string, language: string): Promise<JudgeResult> {
  return engine.judge(jobFor(loading, join(loading.dir, 'submissions', file), language));
}

function groupScores(result: JudgeResult): Record<string, string> {
  return Object.fromEntries((result.groups ?? []).map((g) => [g.name, `${g.verdict} ${g.score}/${g.maxScore}`]));
}

describe('a scoring problem through the engine', () => {
  test('the accepted submission gets the maximum score, each group its max_score', async () => {
    const result = await judgeExample('accepted/split_halves.cpp', 'cpp');
    assert.equal(result.verdict, 'AC', JSON.stringify(result.tests));
    assert.equal(result.score, 100);
    assert.deepEqual(groupScores(result), {
      '': 'AC 100/100',
      sample: 'AC 0/0',
      secret: 'AC 100/100',
      'secret/1-small': 'AC 20/20',
      'secret/2-medium': 'AC 30/30',
      'secret/3-large': 'AC 50/50',
    });
    // Only test cases of a group that sums test case scores have one: the validator's score.txt.
    assert.deepEqual(
      result.tests.map((t) => [t.name, t.score]),
      [
        ['sample/1', undefined],
        ['secret/1-small/1', undefined],
        ['secret/1-small/2', undefined],
        ['secret/2-medium/1', undefined],
        ['secret/2-medium/2', undefined],
        ['secret/3-large/1', 25],
        ['secret/3-large/2', 25],
      ],
    );
  });

  test('partial credit: whole groups, and the validator\'s score.txt in the summed group', async () => {
    const [partial, greedy, small] = await Promise.all([
      judgeExample('partially_accepted/exact_then_greedy.py', 'python'),
      judgeExample('wrong_answer/greedy.py', 'python'),
      judgeExample('wrong_answer/try_all_small.py', 'python'),
    ]);
    assert.deepEqual([partial.verdict, partial.score], ['AC', 70]);
    assert.equal(groupScores(partial)['secret/3-large'], 'AC 20/50');
    assert.deepEqual(partial.tests.filter((t) => t.score !== undefined).map((t) => t.score), [10, 10]);
    // Every test case is judged in 2025-09's sum groups and across secret's groups, a rejected sample
    // or group notwithstanding.
    assert.deepEqual([greedy.verdict, greedy.score], ['WA', 20]);
    assert.deepEqual(groupScores(greedy), {
      '': 'WA 20/100',
      sample: 'WA 0/0',
      secret: 'WA 20/100',
      'secret/1-small': 'WA 0/20',
      'secret/2-medium': 'WA 0/30',
      'secret/3-large': 'AC 20/50',
    });
    assert.deepEqual([small.verdict, small.score], ['WA', 20]);
    assert.equal(groupScores(small)['secret/3-large'], 'AC 0/50');
  });

  test('a malformed score.txt is a judge error naming the test case; a pass-fail problem\'s result has no score fields', async () => {
    const dir = makePackage('badscore', {
      'problem.yaml': 'problem_format_version: 2025-09\ntype: scoring\nname: Bad score\n',
      'data/secret/g/1.in': '1\n',
      'data/secret/g/1.ans': '1\n',
      'data/secret/g/test_group.yaml': 'max_score: 100\nscore_aggregation: sum\n',
      'output_validator/validate.py': 'import sys\nopen(sys.argv[3] + "/score.txt", "w").write("full marks\\n")\nsys.exit(42)\n',
      'submissions/accepted/echo.py': 'print(input())\n',
    });
    const pkg = await readPackage(dir);
    try {
      const result = await engine.judge(jobFor(pkg, join(dir, 'submissions/accepted/echo.py'), 'python'));
      assert.equal(result.verdict, 'JE');
      assert.match(result.tests[0].message, /test secret\/g\/1: the output validator's score\.txt holds "full marks", not a number/);
    } finally {
      pkg.dispose();
    }
    const average = await readPackage(resourcePath('example-problems', 'average'));
    try {
      const result = await engine.judge(jobFor(average, join(average.dir, 'submissions/accepted/average.py'), 'python'));
      assert.equal(result.verdict, 'AC');
      assert.ok(!('score' in result) && !('groups' in result), 'no score fields');
      assert.ok(result.tests.every((t) => !('score' in t)));
    } finally {
      average.dispose();
    }
  });
});
