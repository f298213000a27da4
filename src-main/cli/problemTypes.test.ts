// `verdict verify` and `verdict judge` on the example packages of each problem type beyond plain
// pass-fail: every example submission gets the verdict its folder expects.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { runVerdict as verdict } from '../test-support/cli.ts';

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
    const judged = await verdict('judge', '--json', '--problem', relay, join(relay, 'submissions/wrong_answer/base26.py'));
    const result = JSON.parse(judged.stdout) as { verdict: string; tests: Array<{ name: string; message: string }> };
    assert.equal(result.verdict, 'WA');
    assert.equal(result.tests.at(-1)?.message, "pass 2: decode: expected 'aardvark', got 'rdvark'");
    assert.match(result.tests[0].message, /^'hello' relayed as \d+ \(2 passes\)$/);
  });
});
