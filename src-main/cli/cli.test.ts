// The `verdict` CLI as a user runs it: real processes, real packages, exit codes and output.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildZip, zipEntries } from '../package/testUtil.ts';
import { findExecutable } from '../common/languages.ts';
import { resourcePath } from '../common/paths.ts';
import { runVerdict } from '../test-support/cli.ts';
import { helloFiles, meanFiles, writePackage, type PackageFiles } from '../test-support/packages.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-cli-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const packages: Record<'hello' | 'mean', () => PackageFiles> = { hello: helloFiles, mean: meanFiles };
const hello = writePackage(join(scratch, 'hello'), helloFiles());

const verdict = runVerdict;

/** A fresh copy of one of the test packages, optionally changed. */
function freshPackage(name: keyof typeof packages, change?: (dir: string) => void): string {
  const dir = writePackage(join(mkdtempSync(join(scratch, `${name}-`)), name), packages[name]());
  change?.(dir);
  return dir;
}

describe('verdict judge', () => {
  test('--json prints the documented object and exits 0 on any verdict', async () => {
    const { code, stdout } = await verdict('judge', '--json', '--problem', hello, join(hello, 'submissions/accepted/hello.c'));
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.verdict, 'AC');
    assert.equal(result.compile.ok, true);
    assert.deepEqual(result.tests.map((t: { name: string }) => t.name), ['sample/1', 'secret/1']);
    for (const t of result.tests) {
      assert.equal(t.verdict, 'AC');
      assert.equal(typeof t.timeMs, 'number');
      assert.ok(t.memoryKb > 0);
    }
    assert.equal(typeof result.timeMs, 'number');

    const wa = await verdict('judge', '--json', '--problem', hello, join(hello, 'submissions/wrong_answer/farewell.py'));
    assert.equal(wa.code, 0);
    assert.equal(JSON.parse(wa.stdout).verdict, 'WA');
  });

  test('prints a readable table by default, and --lang overrides the extension', async () => {
    const source = join(scratch, 'hello.txt');
    writeFileSync(source, 'print("Hello, Verdict!")\n');
    const { code, stdout } = await verdict('judge', '--lang', 'python', '--problem', hello, source);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^verdict: AC/);
    assert.match(stdout, /sample\/1\s+AC/);
  });

  test('--language-for py=pypy3 judges a .py file with PyPy; without it, CPython', async (t) => {
    if (findExecutable('pypy3') === null) return t.skip('pypy3 is not installed here');
    const source = join(scratch, 'which_python.py');
    writeFileSync(source, 'import sys\nprint("Hello, Verdict!" if sys.implementation.name == "pypy" else "CPython")\n');
    const pypy = await verdict('judge', '--json', '--language-for', 'py=pypy3', '--problem', hello, source);
    assert.equal(JSON.parse(pypy.stdout).verdict, 'AC', pypy.stdout);
    const cpython = await verdict('judge', '--json', '--problem', hello, source);
    assert.equal(JSON.parse(cpython.stdout).verdict, 'WA', cpython.stdout);
    const unknown = await verdict('verify', '--language-for', 'py=pypy', hello);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--language-for: unknown language "pypy"/);
  });

  test('unusable input exits 2 with one clear line and no stack trace', async () => {
    const missing = await verdict('judge', '--problem', join(scratch, 'does-not-exist'), join(hello, 'submissions/accepted/hello.py'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /does-not-exist: no such file or directory/);

    const broken = freshPackage('hello', (dir) => writeFileSync(join(dir, 'problem.yaml'), 'name: [unclosed\nlimits: {time_limit: 1}\n'));
    const bad = await verdict('judge', '--problem', broken, join(hello, 'submissions/accepted/hello.py'));
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /problem\.yaml/);
    assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');

    const unknown = await verdict('judge', '--problem', hello, join(hello, 'problem.yaml'));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /cannot tell the language/);

    const usage = await verdict('judge', join(hello, 'submissions/accepted/hello.py'));
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /needs --problem/);
  });
});

/** The verdicts and the match of one submission of verify's report. */
function pick(s: { verdict: string; verdictAtMargin: string | null; matches: boolean }) {
  return { verdict: s.verdict, verdictAtMargin: s.verdictAtMargin, matches: s.matches };
}

describe('verdict verify', () => {
  test('every example submission of a package matches its folder', async () => {
    const { code, stdout } = await verdict('verify', '--json', hello);
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout);
    assert.equal(report.ok, true);
    assert.equal(report.timeLimitSource, 'package');
    assert.equal(report.submissions.length, 7);
    const byFile = Object.fromEntries(report.submissions.map((s: { path: string; verdict: string }) => [s.path, s.verdict]));
    assert.equal(byFile['submissions/time_limit_exceeded/spin.py'], 'TLE');
    assert.equal(byFile['submissions/run_time_error/throws.cpp'], 'RTE');
    assert.equal(byFile['submissions/accepted/Hello.java'], 'AC');
    assert.equal(byFile['submissions/accepted/loud.cpp'], 'AC', 'letter case and spacing do not matter');
  });

  test('a submission in the wrong folder makes verify fail (exit 1) and says which', async () => {
    const dir = freshPackage('mean', (d) => cpSync(join(d, 'submissions/wrong_answer/mean_int.py'), join(d, 'submissions/accepted/mean_int.py')));
    const { code, stdout } = await verdict('verify', dir);
    assert.equal(code, 1);
    assert.match(stdout, /FAIL\s+submissions\/accepted\/mean_int\.py\s+accepted\s+WA/);
    assert.match(stdout, /3 matching, 1 not matching/);
  });

  test('without a stated time limit, the limit is derived from the accepted submissions', async () => {
    const dir = freshPackage('hello', (d) => writeFileSync(join(d, 'problem.yaml'), 'name: Say Hello\nlimits:\n  memory: 256\n'));
    const { code, stdout } = await verdict('verify', '--json', dir);
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout);
    assert.equal(report.timeLimitSource, 'derived');
    // A legacy package: the accepted programs take milliseconds; x 5 (the legacy default) to the
    // nearest second, at least 1 s, is 1 s, and the margin at least a second more.
    assert.equal(report.timeLimitMs, 1000);
    assert.equal(report.marginLimitMs, 2000);
    assert.ok(report.submissions.some((s: { verdict: string }) => s.verdict === 'TLE'));
  });

  test('as problemtools judges: the other folders at the time limit x time_limit_to_tle, MLE counted as a crash', async () => {
    // A legacy package with a 0.2 s limit: the margin is x 2 (time_safety_margin's legacy default), 0.4 s.
    // Short times keep the test fast and within the wall-clock limit on a loaded machine.
    const spinThen = (text: string, tenthsOfASecond = 3) =>
      `#include <stdio.h>\n#include <time.h>\n\nint main(void) {\n  while (clock() < CLOCKS_PER_SEC * ${tenthsOfASecond} / 10) {}\n  puts("${text}");\n  return 0;\n}\n`;
    const dir = join(mkdtempSync(join(scratch, 'margins-')), 'margins');
    writePackage(dir, {
      'problem.yaml': 'name: Margins\nlimits:\n  time_limit: 0.2\n  memory: 64\n',
      'data/sample/1.in': '',
      'data/sample/1.ans': 'Hello, Verdict!\n',
      'submissions/accepted/hello.py': 'print("Hello, Verdict!")\n',
      // 0.1 s: accepted, but x 5 (ac_to_time_limit) is above the limit: a warning, as problemtools gives.
      'submissions/accepted/slow_hello.c': spinThen('Hello, Verdict!', 1),
      // 0.3 s of CPU: too slow for 0.2 s, and wrong when given 0.4 s: a wrong answer.
      'submissions/wrong_answer/slow_farewell.c': spinThen('Goodbye, Verdict!'),
      // Too slow for 0.2 s but right within 0.4 s: not a time_limit_exceeded submission with this margin.
      'submissions/time_limit_exceeded/almost.c': spinThen('Hello, Verdict!'),
      // Runs out of memory (MLE): the format's run_time_error/ (it has no memory folder). The pages
      // are filled by the kernel (MAP_POPULATE): touching 64 MiB page by page took 170 ms of the
      // 200 ms on a slow virtual machine, and a loaded one went past the limit first (TLE).
      'submissions/run_time_error/hog.c': '#include <stdlib.h>\n#include <sys/mman.h>\n\nint main(void) {\n  for (;;) {\n    if (mmap(NULL, 4 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0) == MAP_FAILED) abort();\n  }\n}\n',
    });
    const { code, stdout } = await verdict('verify', '--json', dir);
    const report = JSON.parse(stdout);
    assert.equal(code, 1, stdout);
    assert.deepEqual([report.timeLimitMs, report.marginLimitMs], [200, 400]);
    const byFile = Object.fromEntries(report.submissions.map((s: { path: string }) => [s.path, s]));
    assert.deepEqual(pick(byFile['submissions/wrong_answer/slow_farewell.c']), { verdict: 'TLE', verdictAtMargin: 'WA', matches: true });
    assert.deepEqual(pick(byFile['submissions/time_limit_exceeded/almost.c']), { verdict: 'TLE', verdictAtMargin: 'AC', matches: false });
    assert.deepEqual(pick(byFile['submissions/run_time_error/hog.c']), { verdict: 'MLE', verdictAtMargin: 'MLE', matches: true });
    assert.deepEqual(pick(byFile['submissions/accepted/hello.py']), { verdict: 'AC', verdictAtMargin: null, matches: true });
    assert.deepEqual(pick(byFile['submissions/accepted/slow_hello.c']), { verdict: 'AC', verdictAtMargin: null, matches: true });
    assert.match(report.warnings.join('\n'), /slowest accepted submission took 1\d\d ms: x 5 \(ac_to_time_limit\) is above the time limit of 200 ms/);
  });

  test('an interactive problem: the interactor talks with each example submission, and every verdict matches', async () => {
    const guess = resourcePath('example-problems', 'guess');
    const { code, stdout } = await verdict('verify', '--json', guess);
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout);
    const byFile = Object.fromEntries(report.submissions.map((s: { path: string; verdict: string }) => [s.path, s.verdict]));
    assert.deepEqual(byFile, {
      'submissions/accepted/binary.c': 'AC',
      'submissions/accepted/binary.py': 'AC',
      // Crashed before guessing: the interactor then saw end-of-file and rejected, but the crash came first.
      'submissions/run_time_error/crash.py': 'RTE',
      'submissions/time_limit_exceeded/waits.py': 'TLE',
      // Rejected after ten guesses; the program then crashed reading from the gone interactor: WA, not RTE.
      'submissions/wrong_answer/linear.py': 'WA',
      'submissions/wrong_answer/no_flush.c': 'WA',
    });
    const judged = await verdict('judge', '--json', '--problem', guess, join(guess, 'submissions/wrong_answer/linear.py'));
    const result = JSON.parse(judged.stdout);
    assert.equal(result.verdict, 'WA');
    assert.match(result.tests[0].message, /10 guesses without finding 42/, 'the interactor\'s judgemessage.txt');
  });

  test('a 2023-07 package with test groups: the tolerance in data/testdata.yaml reaches the default validator', async () => {
    const average = resourcePath('example-problems', 'average');
    const { code, stdout } = await verdict('verify', '--json', average);
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout);
    const byFile = Object.fromEntries(report.submissions.map((s: { path: string; verdict: string }) => [s.path, s.verdict]));
    assert.deepEqual(byFile, {
      'submissions/accepted/average.c': 'AC',
      'submissions/accepted/average.py': 'AC',
      'submissions/wrong_answer/rounds_down.py': 'WA',
    });
  });

  test('reads a zipped package', async () => {
    const all = helloFiles();
    const files: PackageFiles = {};
    for (const rel of ['problem.yaml', 'data/sample/1.in', 'data/sample/1.ans', 'data/secret/1.in', 'data/secret/1.ans', 'submissions/accepted/hello.c', 'submissions/wrong_answer/farewell.py']) {
      files[rel] = all[rel];
    }
    const zip = join(scratch, 'hello.zip');
    writeFileSync(zip, buildZip(zipEntries(files, 'hello/')));
    const { code, stdout } = await verdict('verify', '--json', zip);
    assert.equal(code, 0, stdout);
    const report = JSON.parse(stdout);
    assert.equal(report.problem, 'hello');
    assert.equal(report.submissions.length, 2);
  });
});
