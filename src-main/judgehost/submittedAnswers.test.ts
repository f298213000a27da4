// Submit-answer problems judged by a real judgehost: answers in a zip or one file, right and wrong,
// missing, too large, checked by the default validator or the package's own.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JudgeEngine } from '../judging/engine.ts';
import { ANSWER_LANGUAGE_ID } from '../common/types.ts';
import { buildZip, zipEntries } from '../package/testUtil.ts';
import { startEngine, tinyProblem, type TinyProblem } from '../test-support/fixtures.ts';

let engine: JudgeEngine;
/** secret/1: 1 2 → 3; secret/2: 40 2 → 42. */
let sum: TinyProblem;

before(async () => {
  engine = await startEngine(2);
  sum = tinyProblem({ tests: { '1': ['1 2\n', '3\n'], '2': ['40 2\n', '42\n'] }, outputLimitMb: 1 });
});
after(async () => {
  await engine.close();
  sum.dispose();
});

const SUBMIT_ANSWER = { submitAnswer: true };

/** A job whose submitted file is `content` (a zip's bytes or a text). */
function answers(fileName: string, content: Buffer | string, extra: object = {}) {
  const job = sum.job(fileName, '', ANSWER_LANGUAGE_ID, { ...SUBMIT_ANSWER, ...extra });
  writeFileSync(job.sourcePath, content);
  return job;
}

const zip = (files: Record<string, string>) => buildZip(zipEntries(files));

describe('submit-answer problems', () => {
  test('a zip of right answers is accepted: nothing compiled or run, whatever the language id', async () => {
    const result = await engine.judge(answers('right.zip', zip({ 'secret/1.out': '3\n', 'secret/2.ans': '42\n', 'notes.txt': 'ignored' })));
    assert.equal(result.verdict, 'AC', JSON.stringify(result));
    assert.deepEqual(result.tests.map((t) => [t.name, t.verdict]), [['secret/1', 'AC'], ['secret/2', 'AC']]);
    assert.deepEqual(result.compile, { ok: true, output: '', timeMs: 0 });
  });

  test('a wrong answer is WA with the validator\'s message and the answer for the judges\' view', async () => {
    const result = await engine.judge(answers('wrong.zip', zip({ 'secret/1.out': '3\n', 'secret/2.out': '41\n' })));
    assert.equal(result.verdict, 'WA');
    assert.match(result.tests[1].message, /expected '42', got '41'/);
    assert.deepEqual(result.firstFailure, { testName: 'secret/2', output: '41\n', truncated: false });
  });

  test('a test case the zip holds no answer for is WA', async () => {
    const result = await engine.judge(answers('partial.zip', zip({ 'secret/2.out': '42\n' }), {}));
    assert.equal(result.verdict, 'WA');
    assert.equal(result.tests[0].message, 'no answer for this test case (the zip holds no secret/1.out)');
  });

  test('a plain file is the answer to every test case', async () => {
    const result = await engine.judge({ ...answers('three.txt', '3\n'), runAllTests: true });
    assert.deepEqual(result.tests.map((t) => t.verdict), ['AC', 'WA']);
  });

  test('an answer over the output limit is OLE', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const result = await engine.judge(answers('big.zip', zip({ 'secret/1.out': big, 'secret/2.out': '42\n' })));
    assert.equal(result.verdict, 'OLE');
    assert.match(result.tests[0].message, /larger than the output limit of 1 MiB/);
  });

  test('the package\'s own output validator checks each answer', async () => {
    // Accepts any two numbers whose sum is the answer.
    const dir = join(sum.dir, 'validators', 'pair');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'validator.py'), 'import sys\nwant = int(open(sys.argv[2]).read())\ngot = sys.stdin.read().split()\nsys.exit(42 if len(got) == 2 and int(got[0]) + int(got[1]) == want else 43)\n');
    const custom = { validation: 'custom' as const, outputValidator: { dir, layout: 'output_validator' as const } };
    const ok = await engine.judge(answers('pairs.zip', zip({ 'secret/1.out': '1 2\n', 'secret/2.out': '21 21\n' }), custom));
    assert.equal(ok.verdict, 'AC', JSON.stringify(ok.tests));
    const wa = await engine.judge(answers('pairs-wrong.zip', zip({ 'secret/1.out': '3\n', 'secret/2.out': '21 21\n' }), custom));
    assert.equal(wa.verdict, 'WA');
  });
});
