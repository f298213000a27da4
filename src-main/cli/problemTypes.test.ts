// `verdict verify` and `verdict judge` on the example packages of each problem type beyond plain
// pass-fail: every example submission gets the verdict its folder expects.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { runVerdict as verdict } from '../test-support/cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-types-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** `verdict verify --json` on `dir`: its exit code and each submission's verdict by path. */
async function verifyVerdicts(dir: string): Promise<{ code: number; verdicts: Record<string, string>; stdout: string }> {
  const { code, stdout } = await verdict('verify', '--json', dir);
  const report = JSON.parse(stdout) as { submissions: Array<{ path: string; verdict: string }> };
  return { code, stdout, verdicts: Object.fromEntries(report.submissions.map((s) => [s.path, s.verdict])) };
}

describe('example packages of each problem type', () => {
  test('multi-pass (relay): each test case runs twice, the second pass on what the validator made of the first', async () => {
    const relay = resourcePath('example-problems', 'relay');
    const { code, verdicts, stdout } = await verifyVerdicts(relay);
    assert.equal(code, 0, stdout);
    assert.deepEqual(verdicts, {
      'submissions/accepted/base27.c': 'AC',
      'submissions/accepted/base27.py': 'AC',
      'submissions/wrong_answer/base26.py': 'WA',
      'submissions/wrong_answer/echo.py': 'WA',
    });
    const report = JSON.parse(stdout) as { type: string[]; passLimit: number; timeLimitMs: number };
    assert.deepEqual([report.type, report.passLimit, report.timeLimitMs], [['pass-fail', 'multi-pass'], 2, 1000]);
    const text = await verdict('verify', relay);
    assert.equal(text.code, 0, text.stdout);
    assert.match(text.stdout.split('\n')[0], /^relay \(Relay\): multi-pass \(at most 2 passes\), 5 test cases, time limit 1000 ms per pass \(from the package\), margin 1500 ms per pass for the other submissions$/);
    const judged = await verdict('judge', '--json', '--problem', relay, join(relay, 'submissions/wrong_answer/base26.py'));
    const result = JSON.parse(judged.stdout) as { verdict: string; tests: Array<{ name: string; message: string }> };
    assert.equal(result.verdict, 'WA');
    assert.equal(result.tests.at(-1)?.message, "pass 2: decode: expected 'aardvark', got 'rdvark'");
    assert.match(result.tests[0].message, /^'hello' relayed as \d+ \(2 passes\)$/);
  });
});

describe('submit-answer (magicsquare): the submission is the answer, in no language', () => {
  test('verify checks each answer file with the package\'s validator', async () => {
    const { code, verdicts, stdout } = await verifyVerdicts(resourcePath('example-problems', 'magicsquare'));
    assert.equal(code, 0, stdout);
    assert.deepEqual(verdicts, {
      'submissions/accepted/lo-shu.txt': 'AC',
      'submissions/accepted/reflected.txt': 'AC',
      'submissions/wrong_answer/counting.txt': 'WA',
      'submissions/wrong_answer/fives.txt': 'WA',
    });
    // Nothing runs: no time limit, in the JSON or the text, and no time column.
    const report = JSON.parse(stdout) as { type: string[]; timeLimitMs: number | null; marginLimitMs: number | null };
    assert.deepEqual([report.type, report.timeLimitMs, report.marginLimitMs], [['pass-fail', 'submit-answer'], null, null]);
    const text = await verdict('verify', resourcePath('example-problems', 'magicsquare'));
    assert.equal(text.code, 0, text.stdout);
    const [first, header] = text.stdout.split('\n');
    assert.equal(first, 'magicsquare (Magic Square): submit-answer, 2 test cases, no time limit (the submissions are the answers: nothing runs)');
    assert.doesNotMatch(text.stdout, /time limit \d|\bms\b/);
    assert.deepEqual(header.trim().split(/\s+/), ['submission', 'expected', 'verdict', 'detail']);
  });

  test('verdict judge takes an answer file whatever its extension', async () => {
    const answer = join(scratch, 'square.answer');
    writeFileSync(answer, '4 9 2\n3 5 7\n8 1 6\n');
    const judged = await verdict('judge', '--json', '--problem', resourcePath('example-problems', 'magicsquare'), answer);
    assert.equal(judged.code, 0, judged.stderr);
    assert.equal((JSON.parse(judged.stdout) as { verdict: string }).verdict, 'AC');
  });
});

describe('verify runs the input validators on every input', () => {
  test('average: its validator accepts every input, with the small group\'s bound (input_validator_flags)', async () => {
    const { code, stdout } = await verdict('verify', '--json', resourcePath('example-problems', 'average'));
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout) as { inputValidators: string[]; inputProblems: unknown[] };
    assert.deepEqual(report.inputValidators, ['input_validators/validate.py']);
    assert.deepEqual(report.inputProblems, []);
  });

  test('an input the validator rejects fails verify, naming the test case and the validator', async () => {
    const broken = join(scratch, 'average');
    cpSync(resourcePath('example-problems', 'average'), broken, { recursive: true });
    // Valid for the statement, but above the small group's bound of 10.
    writeFileSync(join(broken, 'data/secret/01-small/2.in'), `11\n${'5 '.repeat(10)}5\n`);
    const json = await verdict('verify', '--json', broken);
    assert.equal(json.code, 1, json.stdout);
    const report = JSON.parse(json.stdout) as { ok: boolean; inputProblems: unknown[] };
    assert.equal(report.ok, false);
    assert.deepEqual(report.inputProblems, [{ testCase: 'secret/01-small/2', validator: 'input_validators/validate.py', outcome: 'invalid', detail: 'n = 11 is outside [1, 10]' }]);
    const text = await verdict('verify', broken);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^FAIL secret\/01-small\/2: input_validators\/validate\.py rejected it: n = 11 is outside \[1, 10\]$/m);
  });
});
