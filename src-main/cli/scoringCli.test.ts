// `verdict judge` and `verdict verify` on a scoring problem (resources/example-problems/loading): the
// score and the group table, and expected scores checked as problemtools does.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { runVerdict } from '../test-support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-scoring-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const loading = resourcePath('example-problems', 'loading');

interface VerifiedRow {
  path: string;
  verdict: string;
  score: number | null;
  matches: boolean;
  detail: string;
}

describe('verdict judge on a scoring problem', () => {
  test('prints the score, each test case\'s and the group table; --json includes them', async () => {
    const source = join(loading, 'submissions/partially_accepted/exact_then_greedy.py');
    const text = await runVerdict('judge', '--problem', loading, source);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^verdict: AC {3}score: 70 \/ 100 {3}time: /m);
    assert.match(text.stdout, /^secret\/3-large\/1 +AC +10 /m);
    assert.match(text.stdout, /^group +verdict +score +max$/m);
    assert.match(text.stdout, /^\(data\/\) +AC +70 +100$/m);
    assert.match(text.stdout, /^secret\/3-large +AC +20 +50$/m);
    assert.match(text.stdout, /^sample +AC +0 +0$/m);

    const json = await runVerdict('judge', '--json', '--problem', loading, source);
    const result = JSON.parse(json.stdout);
    assert.equal(result.score, 70);
    assert.deepEqual(result.groups.find((g: { name: string }) => g.name === 'secret/2-medium'), { name: 'secret/2-medium', verdict: 'AC', score: 30, maxScore: 30 });
    assert.deepEqual(result.tests.filter((t: { score?: number }) => t.score !== undefined).map((t: { name: string; score: number }) => [t.name, t.score]), [
      ['secret/3-large/1', 10],
      ['secret/3-large/2', 10],
    ]);
  });
});

describe('verdict verify on a scoring problem', () => {
  test('the example package: every verdict and every expected score matches', async () => {
    const { code, stdout } = await runVerdict('verify', '--json', loading);
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout);
    assert.equal(report.maxScore, 100);
    assert.deepEqual(
      report.submissions.map((s: VerifiedRow) => [s.path, s.verdict, s.score, s.matches]),
      [
        ['submissions/accepted/split_halves.cpp', 'AC', 100, true],
        ['submissions/partially_accepted/exact_then_greedy.py', 'AC', 70, true],
        ['submissions/wrong_answer/greedy.py', 'WA', 20, true],
        ['submissions/wrong_answer/overload.c', 'WA', 0, true],
        ['submissions/wrong_answer/try_all_small.py', 'WA', 20, true],
      ],
    );
    const text = await runVerdict('verify', loading);
    assert.equal(text.code, 0, text.stdout);
    assert.match(text.stdout, /^scoring problem: maximum score 100$/m);
    assert.match(text.stdout, /^ok +submissions\/wrong_answer\/greedy\.py +wrong_answer +WA +20 /m);
  });

  test('fails on each score that is not the expected one, and says which and where it is stated', async () => {
    const dir = join(scratch, 'loading');
    cpSync(loading, dir, { recursive: true });
    const small = join(dir, 'submissions/wrong_answer/try_all_small.py');
    writeFileSync(small, readFileSync(small, 'utf8').replace('@EXPECTED_SCORE@: 20', '@EXPECTED_SCORE@: 30'));
    writeFileSync(join(dir, 'submissions/submissions.yaml'), 'wrong_answer/greedy.py:\n  score: [0, 10]\n  secret/3-large:\n    score: 20\n');
    // Accepted submissions must reach the maximum; partially accepted ones must not.
    cpSync(join(dir, 'submissions/accepted/split_halves.cpp'), join(dir, 'submissions/partially_accepted/full.cpp'));
    cpSync(join(dir, 'submissions/wrong_answer/greedy.py'), join(dir, 'submissions/accepted/greedy.py'));

    const { code, stdout } = await runVerdict('verify', '--json', dir);
    assert.equal(code, 1, stdout);
    const byPath = Object.fromEntries(JSON.parse(stdout).submissions.map((s: VerifiedRow) => [s.path, s]));
    const row = (path: string) => byPath[`submissions/${path}`] as VerifiedRow;
    assert.equal(row('wrong_answer/try_all_small.py').matches, false);
    assert.equal(row('wrong_answer/try_all_small.py').detail, 'score 20, expected 30 (@EXPECTED_SCORE@)');
    assert.equal(row('wrong_answer/greedy.py').matches, false);
    assert.equal(row('wrong_answer/greedy.py').detail, 'score 20, expected 0 to 10 (submissions.yaml (wrong_answer/greedy.py))', 'the group\'s own expectation holds');
    assert.equal(row('partially_accepted/full.cpp').detail, 'score 100, the maximum (partially_accepted expects less)');
    assert.match(row('accepted/greedy.py').detail, /^sample\/1: .*; score 20, not the maximum 100$/);
    assert.equal(row('wrong_answer/overload.c').matches, true);
  });
});
