// Multi-pass problems judged by a real judgehost, with real programs and validators: the passes a
// test case runs, the pass limit, a pass that fails, the feedback folder kept across passes, the
// time limit per pass, and an interactor that asks for more passes.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JudgeEngine } from '../judging/engine.ts';
import type { JudgeProgress } from '../common/results.ts';
import { startEngine, tinyProblem, type TinyProblem } from '../test-support/fixtures.ts';

let engine: JudgeEngine;
/** Input: the number to start from; answer: the number to count up to. */
let counting: TinyProblem;

before(async () => {
  engine = await startEngine(2);
  counting = tinyProblem({ tests: { '1': ['1\n', '4\n'] }, timeLimitMs: 1000 });
});
after(async () => {
  await engine.close();
  counting.dispose();
});

function validatorDir(name: string, source: string): string {
  const dir = join(counting.dir, 'validators', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'validator.py'), source);
  return dir;
}

/** Accepts the program's output when it is this pass's input plus one; asks for another pass (its
 *  input the output) until the answer is reached. Appends one line per pass to judgemessage.txt, so
 *  the final message shows whether the feedback folder was kept. */
const COUNTER = `import os, sys
given, target, feedback = int(open(sys.argv[1]).read()), int(open(sys.argv[2]).read()), sys.argv[3]
out = sys.stdin.read().split()
with open(os.path.join(feedback, 'judgemessage.txt'), 'a') as m:
    if out != [str(given + 1)]:
        m.write(f'expected {given + 1}, got {out}\\n')
        sys.exit(43)
    m.write(f'{given} -> {given + 1}\\n')
if given + 1 < target:
    with open(os.path.join(feedback, 'nextpass.in'), 'w') as f:
        f.write(f'{given + 1}\\n')
sys.exit(42)
`;
const PLUS_ONE = 'print(int(input()) + 1)\n';

const multiPass = (dir: string, limit: number) => ({
  validation: 'custom' as const,
  multiPassLimit: limit,
  outputValidator: { dir, layout: 'output_validator' as const },
});

describe('multi-pass problems', () => {
  test('each pass runs on the input the validator wrote for it, until a pass ends without one; the feedback folder is kept', async () => {
    const passes: number[] = [];
    const onProgress = (p: JudgeProgress) => {
      if (p.phase === 'running' && p.pass !== undefined) passes.push(p.pass);
    };
    const result = await engine.judge(counting.job('count.py', PLUS_ONE, 'python', multiPass(validatorDir('counter', COUNTER), 5)), { onProgress });
    assert.equal(result.verdict, 'AC', JSON.stringify(result));
    assert.deepEqual(passes, [1, 2, 3], 'the live progress names each pass');
    assert.equal(result.tests[0].message, '1 -> 2\n2 -> 3\n3 -> 4 (3 passes)');
  });

  test('a validator that asks for a pass beyond validation_passes is JE, the package\'s fault', async () => {
    const result = await engine.judge(counting.job('count2.py', PLUS_ONE, 'python', multiPass(validatorDir('counter2', COUNTER), 2)));
    assert.equal(result.verdict, 'JE');
    assert.match(result.tests[0].message, /pass 2: the output validator asked for another pass, beyond the problem's limit of 2/);
  });

  test('a pass that fails decides the test case, and says which pass it was', async () => {
    const wrongLater = 'n = int(input())\nprint(n + 1 if n < 2 else 0)\n';
    const wa = await engine.judge(counting.job('wrong.py', wrongLater, 'python', multiPass(validatorDir('counter3', COUNTER), 5)));
    assert.equal(wa.verdict, 'WA');
    assert.match(wa.tests[0].message, /^pass 2: 1 -> 2\nexpected 3, got \['0'\]$/);

    const crashLater = 'n = int(input())\nassert n < 3\nprint(n + 1)\n';
    const rte = await engine.judge(counting.job('crash.py', crashLater, 'python', multiPass(validatorDir('counter4', COUNTER), 5)));
    assert.equal(rte.verdict, 'RTE');
    assert.match(rte.tests[0].message, /^pass 3: /);
  });

  test('the time limit holds for each pass on its own', async () => {
    // About 350 ms of CPU per pass: three passes together exceed the 1000 ms limit, none alone does.
    const steady = 'import time\nn = int(input())\nt = time.process_time()\nwhile time.process_time() - t < 0.35: pass\nprint(n + 1)\n';
    const ok = await engine.judge(counting.job('steady.py', steady, 'python', multiPass(validatorDir('counter5', COUNTER), 5)));
    assert.equal(ok.verdict, 'AC', JSON.stringify(ok.tests));
    assert.ok(ok.tests[0].timeMs < 1000, `the slowest pass's time is reported, not the sum: ${ok.tests[0].timeMs} ms`);

    const slowLater = 'n = int(input())\nwhile n == 3: pass\nprint(n + 1)\n';
    const tle = await engine.judge(counting.job('slow.py', slowLater, 'python', multiPass(validatorDir('counter6', COUNTER), 5)));
    assert.equal(tle.verdict, 'TLE', JSON.stringify(tle));
    assert.match(tle.tests[0].message, /^pass 3: /);
  });

  test('a validator that writes nextpass.in and rejects is JE', async () => {
    const confused = "import os, sys\nopen(os.path.join(sys.argv[3], 'nextpass.in'), 'w').write('2\\n')\nsys.exit(43)\n";
    const result = await engine.judge(counting.job('count3.py', PLUS_ONE, 'python', multiPass(validatorDir('confused', confused), 5)));
    assert.equal(result.verdict, 'JE');
    assert.match(result.tests[0].message, /wrote nextpass\.in but did not accept/);
  });

  test('interactive and multi-pass: the interactor talks with each pass and writes the next one\'s input', async () => {
    // Sends this pass's number, expects it plus one back; the same counting rules as COUNTER.
    const interactor = `import os, sys
given, target, feedback = int(open(sys.argv[1]).read()), int(open(sys.argv[2]).read()), sys.argv[3]
print(given, flush=True)
reply = sys.stdin.readline().strip()
if reply != str(given + 1):
    sys.exit(43)
if given + 1 < target:
    open(os.path.join(feedback, 'nextpass.in'), 'w').write(f'{given + 1}\\n')
sys.exit(42)
`;
    const dir = validatorDir('interactor', interactor);
    const job = (name: string, source: string) => counting.job(name, source, 'python', { ...multiPass(dir, 5), interactive: true });
    const ok = await engine.judge(job('talk.py', 'print(int(input()) + 1, flush=True)\n'));
    assert.equal(ok.verdict, 'AC', JSON.stringify(ok.tests));
    assert.match(ok.tests[0].message, /\(3 passes\)$/);
    const wa = await engine.judge(job('talk-wrong.py', 'n = int(input())\nprint(n + 1 if n < 3 else 7, flush=True)\n'));
    assert.equal(wa.verdict, 'WA');
    assert.match(wa.tests[0].message, /^pass 3:/);
  });
});
