// `verdict verify` on a package that says what its example submissions should get as DOMjudge's do: folders
// named after DOMjudge's results, and `@EXPECTED_RESULTS@:` lines in the sources (multiple/, check_manually/).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { makePackage, minimalFiles, removeTempDirs } from '../package/testUtil.ts';
import { runVerdict as verdict } from '../test-support/cli.ts';

after(removeTempDirs);

interface Verified {
  path: string;
  expected: string;
  expectedVerdicts?: string[];
  verdict: string | null;
  matches: boolean;
  skipped: boolean;
  detail: string;
}

test("DOMjudge's result folders and @EXPECTED_RESULTS@ lines decide what each example submission should get", async () => {
  const dir = makePackage(
    'domjudge-style',
    minimalFiles({
      'submissions/compiler_error/broken.c': 'int main( {\n',
      'submissions/no_output/silent.py': 'pass\n',
      'submissions/output_limit/flood.py': 'import sys\nwhile True:\n    sys.stdout.write("x" * 65536)\n',
      // Stated results in place of a folder's: the only way multiple/ says what it expects.
      'submissions/multiple/crash.py': '# @EXPECTED_RESULTS@: TIMELIMIT, RUN-ERROR\nraise SystemExit(3)\n',
      'submissions/multiple/wrong.py': '# @EXPECTED_RESULTS@: CORRECT\nprint(42)\n',
      'submissions/multiple/untagged.py': 'print(input())\n',
      'submissions/check_manually/look.py': 'print(input())\n',
      // A list that includes the folder's result changes nothing; one that does not replaces it, with a warning.
      'submissions/accepted/either.py': '# @EXPECTED_RESULTS@: CORRECT, WRONG-ANSWER\nprint(input())\n',
      'submissions/wrong_answer/right.py': '# @expected_results@: accepted\nprint(input())\n',
      'submissions/wrong_answer/twice.py': '# @EXPECTED_RESULTS@: CORRECT\n# @EXPECTED_RESULTS@: CORRECT\nprint(input())\n',
    }),
  );
  const { code, stdout } = await verdict('verify', '--json', dir);
  const report = JSON.parse(stdout) as { ok: boolean; warnings: string[]; submissions: Verified[] };
  const by = Object.fromEntries(report.submissions.map((s) => [s.path, s]));
  const outcome = (path: string) => {
    const s = by[path];
    return [s.verdict, s.skipped ? 'skip' : s.matches ? 'ok' : 'FAIL', s.expectedVerdicts?.join('/') ?? null];
  };
  assert.deepEqual(outcome('submissions/compiler_error/broken.c'), ['CE', 'ok', null]);
  assert.deepEqual(outcome('submissions/no_output/silent.py'), ['WA', 'ok', null]);
  assert.deepEqual(outcome('submissions/output_limit/flood.py'), ['OLE', 'ok', null]);
  assert.deepEqual(outcome('submissions/multiple/crash.py'), ['RTE', 'ok', 'TLE/RTE/MLE']);
  assert.deepEqual(outcome('submissions/multiple/wrong.py'), ['WA', 'FAIL', 'AC']);
  assert.deepEqual(outcome('submissions/multiple/untagged.py'), [null, 'skip', null]);
  assert.match(by['submissions/multiple/untagged.py'].detail, /states no @EXPECTED_RESULTS@/);
  assert.deepEqual(outcome('submissions/check_manually/look.py'), [null, 'skip', null]);
  assert.deepEqual(outcome('submissions/accepted/either.py'), ['AC', 'ok', null]);
  assert.deepEqual(outcome('submissions/wrong_answer/right.py'), ['AC', 'ok', 'AC']);
  assert.deepEqual(outcome('submissions/wrong_answer/twice.py'), ['AC', 'FAIL', null], 'two lists: judged by its folder');
  assert.ok(report.warnings.some((w) => /wrong_answer\/right\.py: @EXPECTED_RESULTS@ \(CORRECT\) does not include its folder's result/.test(w)), report.warnings.join('\n'));
  assert.ok(report.warnings.some((w) => /wrong_answer\/twice\.py: @EXPECTED_RESULTS@ is stated 2 times/.test(w)), report.warnings.join('\n'));
  assert.equal(report.ok, false);
  assert.equal(code, 1, 'a submission that does not get what it states fails verify');
  const text = await verdict('verify', dir);
  assert.match(text.stdout, /multiple\/crash\.py\s+multiple: TLE\/RTE\/MLE\s+RTE/);
});
