import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PackageError } from '../common/types.ts';
import type { ProblemPackage } from '../common/types.ts';
import { readPackage, secondsToMs } from './readPackage.ts';
import { makePackage, minimalFiles, removeTempDirs, tempDir, writeTree, writeZip, zipEntries, withPrivateTmp } from './testUtil.ts';
import { helloFiles, meanFiles } from '../test-support/packages.ts';
import type { ZipEntrySpec } from './testUtil.ts';

after(removeTempDirs);

function names(pkg: ProblemPackage): string[] {
  return pkg.testCases.map((t) => t.name);
}

function subs(pkg: ProblemPackage): string[] {
  return pkg.submissions.map((s) => `${s.expected}/${path.basename(s.path)}`);
}

/** Asserts readPackage(p) fails with a PackageError naming `file` whose message matches `pattern`. */
async function fails(p: string, file: string, pattern: RegExp): Promise<void> {
  await assert.rejects(readPackage(p), (err: unknown) => {
    assert.ok(err instanceof PackageError, `expected PackageError, got ${String(err)}`);
    assert.equal(err.file, file, err.message);
    assert.match(err.message, pattern);
    assert.ok(!err.message.includes('\n'), 'one-line message');
    return true;
  });
}

describe('readPackage: folders', () => {
  it('reads a valid legacy package with a custom validator', async () => {
    const dir = makePackage('legacy1', {
      'problem.yaml': [
        'name: Legacy One',
        'author: Someone',
        'source: Contest 2019',
        'source_url: https://example.invalid',
        'license: cc by',
        'rights_owner: Someone',
        'validation: custom',
        'validator_flags: case_sensitive',
        'keywords: easy',
        'limits:',
        '  time_multiplier: 5',
        '  time_safety_margin: 2',
        '  memory: 1024',
        '  output: 16',
        '',
      ].join('\n'),
      'data/sample/1.in': '1\n',
      'data/sample/1.ans': '1\n',
      'data/secret/1.in': '2\n',
      'data/secret/1.ans': '2\n',
      'output_validators/checker/check.cpp': 'int main() {}\n',
      'submissions/accepted/sol.cpp': 'int main() {}\n',
    });
    const pkg = await readPackage(dir);
    assert.equal(pkg.dir, dir);
    assert.equal(pkg.id, 'legacy1');
    assert.equal(pkg.name, 'Legacy One');
    assert.equal(pkg.timeLimitMs, null);
    assert.equal(pkg.acToTimeLimit, 5);
    assert.equal(pkg.timeLimitToTle, 2);
    assert.equal(pkg.memoryLimitMb, 1024);
    assert.equal(pkg.outputLimitMb, 16);
    assert.equal(pkg.validation, 'custom');
    assert.deepEqual(pkg.outputValidator, { dir: path.join(dir, 'output_validators', 'checker'), layout: 'output_validators' });
    assert.deepEqual(pkg.testCases, [
      { name: 'sample/1', inputPath: path.join(dir, 'data/sample/1.in'), answerPath: path.join(dir, 'data/sample/1.ans'), isSample: true, group: 'sample', validatorArgs: ['case_sensitive'], inputValidatorArgs: [] },
      { name: 'secret/1', inputPath: path.join(dir, 'data/secret/1.in'), answerPath: path.join(dir, 'data/secret/1.ans'), isSample: false, group: 'secret', validatorArgs: ['case_sensitive'], inputValidatorArgs: [] },
    ]);
    assert.deepEqual(pkg.submissions, [{ expected: 'accepted', path: path.join(dir, 'submissions/accepted/sol.cpp') }]);
    assert.deepEqual(pkg.warnings, []);
    pkg.dispose(); // no-op for a folder
    assert.ok(fs.existsSync(dir));
  });

  it('reads a valid 2023-07 package with time_multipliers and output_validator/', async () => {
    const dir = makePackage('modern', {
      'problem.yaml': [
        'problem_format_version: 2023-07-draft',
        'name:',
        '  en: Modern',
        '  sv: Modern-sv',
        'uuid: 0b1c2d3e-0000-4000-8000-000000000000',
        'limits:',
        '  time_limit: 1.5',
        '  time_multipliers:',
        '    ac_to_time_limit: 3',
        '    time_limit_to_tle: 1.25',
        '',
      ].join('\n'),
      'data/secret/01.in': '1\n',
      'data/secret/01.ans': '1\n',
      'output_validator/validate.py': 'print()\n',
    });
    const pkg = await readPackage(dir);
    assert.equal(pkg.name, 'Modern');
    assert.equal(pkg.timeLimitMs, 1500);
    assert.equal(pkg.acToTimeLimit, 3);
    assert.equal(pkg.timeLimitToTle, 1.25);
    assert.equal(pkg.memoryLimitMb, 2048);
    assert.equal(pkg.outputLimitMb, 8);
    assert.equal(pkg.validation, 'custom', 'a 2023-07 package with output_validator/ is custom');
    assert.deepEqual(pkg.outputValidator, { dir: path.join(dir, 'output_validator'), layout: 'output_validator' });
    assert.deepEqual(names(pkg), ['secret/01']);
    assert.deepEqual(pkg.submissions, []);
  });

  it('time multipliers not given: the format version\'s defaults (legacy 5 and 2, 2023-07 and later 2 and 1.5)', async () => {
    const legacy = await readPackage(makePackage('mult-legacy', minimalFiles({ 'problem.yaml': 'name: T\n' })));
    assert.deepEqual([legacy.legacyFormat, legacy.acToTimeLimit, legacy.timeLimitToTle], [true, 5, 2]);
    for (const version of ['2023-07-draft', '2025-09']) {
      const yaml = `problem_format_version: ${version}\nname: T\nlimits:\n  time_resolution: 0.5\n`;
      const pkg = await readPackage(makePackage(`mult-${version}`, minimalFiles({ 'problem.yaml': yaml })));
      assert.deepEqual([pkg.legacyFormat, pkg.acToTimeLimit, pkg.timeLimitToTle, pkg.timeResolutionMs], [false, 2, 1.5, 500]);
    }
  });

  it('uses the .timelimit file when problem.yaml gives no time limit', async () => {
    const files = minimalFiles({ 'problem.yaml': 'name: T\n', '.timelimit': '1.1\n' });
    assert.equal((await readPackage(makePackage('tl', files))).timeLimitMs, 1100);
    const both = minimalFiles({ 'problem.yaml': 'limits:\n  time_limit: 3\n', '.timelimit': '7\n' });
    const pkg = await readPackage(makePackage('tl2', both));
    assert.equal(pkg.timeLimitMs, 3000, 'problem.yaml wins');
    assert.match(pkg.warnings.join('\n'), /\.timelimit: ignored/);
    assert.equal((await readPackage(makePackage('tl3', minimalFiles({ 'problem.yaml': 'name: T\n' })))).timeLimitMs, null);
    await fails(makePackage('tl4', minimalFiles({ 'problem.yaml': 'name: T\n', '.timelimit': 'soon\n' })), '.timelimit', /positive number/);
    await fails(makePackage('tl5', minimalFiles({ 'problem.yaml': 'name: T\n', '.timelimit': '-1\n' })), '.timelimit', /positive number/);
  });

  it('converts seconds to whole milliseconds, rounding up', () => {
    assert.equal(secondsToMs(1), 1000);
    assert.equal(secondsToMs(1.1), 1100);
    assert.equal(secondsToMs(0.3), 300);
    assert.equal(secondsToMs(2.0001), 2001);
    assert.equal(secondsToMs(0.0004), 1);
  });

  it('orders test cases: sample first, then secret, each in byte order of the path (groups at any depth)', async () => {
    const tc = (n: string): Record<string, string> => ({ [`data/${n}.in`]: n, [`data/${n}.ans`]: n });
    const dir = makePackage('order', {
      'problem.yaml': 'name: Order\n',
      ...tc('secret/b/1'),
      ...tc('secret/a/2'),
      ...tc('secret/10'),
      ...tc('secret/9'),
      ...tc('secret/a/deep/er/x'),
      ...tc('secret/B'),
      ...tc('sample/2'),
      ...tc('sample/10'),
    });
    const pkg = await readPackage(dir);
    assert.deepEqual(names(pkg), [
      'sample/10',
      'sample/2',
      'secret/10',
      'secret/9',
      'secret/B',
      'secret/a/2',
      'secret/a/deep/er/x',
      'secret/b/1',
    ]);
    assert.deepEqual(pkg.testCases.map((t) => t.isSample), [true, true, false, false, false, false, false, false]);
    assert.equal(pkg.testCases[6].inputPath, path.join(dir, 'data/secret/a/deep/er/x.in'));
  });

  it('ignores other files in data/', async () => {
    const dir = makePackage('ignored', minimalFiles({
      'data/secret/1.desc': 'd',
      'data/secret/1.hint': 'h',
      'data/secret/1.png': 'p',
      'data/secret/1.out': 'o',
      'data/secret/1.yaml': 'args: []\n',
      'data/secret/1.files/input.txt': 'f',
      'data/secret/testdata.yaml': 'on_reject: break\n',
      'data/secret/test_group.yaml': '{}\n',
      'data/sample/1.interaction': '<1\n>1\n',
      'data/sample/1.in.statement': 's',
      'data/sample/1.ans.statement': 's',
      'data/secret/.hidden.in': 'x',
      'data/invalid_input/bad.in': 'x',
      'data/secret/2.args': 'x',
    }));
    assert.deepEqual(names(await readPackage(dir)), ['sample/1', 'secret/1']);
  });

  it('an .in without .ans, or an .ans without .in, is an error naming the file', async () => {
    await fails(makePackage('noans', minimalFiles({ 'data/secret/g1/07.in': '7\n' })), 'data/secret/g1/07.in', /no matching answer file 07\.ans/);
    await fails(makePackage('noin', minimalFiles({ 'data/sample/3.ans': '3\n' })), 'data/sample/3.ans', /no matching input file 3\.in/);
  });

  it('a package without test cases is refused', async () => {
    await fails(makePackage('empty', { 'problem.yaml': 'name: E\n', 'data/secret/readme.txt': 'x' }), 'data/', /^data\/: no test cases$/);
    await fails(makePackage('nodata', { 'problem.yaml': 'name: E\n' }), 'data/', /no test cases/);
  });

  it('problem.yaml errors name problem.yaml', async () => {
    await fails(makePackage('noyaml', { 'data/secret/1.in': '1', 'data/secret/1.ans': '1' }), 'problem.yaml', /^problem\.yaml: missing$/);
    await fails(makePackage('badyaml', minimalFiles({ 'problem.yaml': 'name: X\nlimits: [\n' })), 'problem.yaml', /line \d+, column \d+/);
    await fails(makePackage('unknownkey', minimalFiles({ 'problem.yaml': 'name: X\nbogus: 1\n' })), 'problem.yaml', /bogus: unknown key/);
    await fails(makePackage('wrongtype', minimalFiles({ 'problem.yaml': 'limits:\n  time_limit: fast\n' })), 'problem.yaml', /limits\.time_limit/);
    await fails(makePackage('interactive', minimalFiles({ 'problem.yaml': 'problem_format_version: 2025-09\ntype: interactive\n' })), 'problem.yaml', /interactive but the package has no output validator/);
    await fails(makePackage('scoring', minimalFiles({ 'problem.yaml': 'problem_format_version: 2025-09\ntype: [pass-fail, scoring]\n' })), 'problem.yaml', /pass-fail and scoring cannot be combined/);
  });

  it('multi-pass problems: the pass limit is validation_passes, 2 when not given; they need an output validator', async () => {
    const validator = { 'output_validator/validate.py': 'import sys\nsys.exit(42)\n' };
    const typed = await readPackage(makePackage('multipass', minimalFiles({ 'problem.yaml': 'problem_format_version: 2023-07\ntype: multi-pass\n', ...validator })));
    assert.equal(typed.multiPassLimit, 2);
    assert.equal(typed.validation, 'custom');
    const legacy = await readPackage(makePackage('multipass-legacy', minimalFiles({ 'problem.yaml': 'validation: custom multi-pass\nlimits:\n  validation_passes: 26\n', 'output_validators/v/validate.py': 'import sys\nsys.exit(42)\n' })));
    assert.equal(legacy.multiPassLimit, 26);
    assert.equal((await readPackage(makePackage('passfail', minimalFiles()))).multiPassLimit, null);
    await fails(makePackage('multipass-novalidator', minimalFiles({ 'problem.yaml': 'problem_format_version: 2023-07\ntype: multi-pass\n' })), 'problem.yaml', /multi-pass but the package has no output validator/);
  });

  it('custom validation without an output validator is an error', async () => {
    await fails(makePackage('novalidator', minimalFiles({ 'problem.yaml': 'validation: custom\n' })), 'problem.yaml', /custom.*no output validator/);
  });

  it('finds the output validator in either layout', async () => {
    const direct = await readPackage(makePackage('direct', minimalFiles({ 'problem.yaml': 'validation: custom\n', 'output_validators/check.py': '' })));
    assert.deepEqual(direct.outputValidator, { dir: path.join(direct.dir, 'output_validators'), layout: 'output_validators' });

    const two = makePackage('two', minimalFiles({ 'problem.yaml': 'validation: custom\n', 'output_validators/a/a.py': '', 'output_validators/b/b.py': '' }));
    await fails(two, 'output_validators/', /expected one output validator, found 2 \(a, b\)/);

    const both = await readPackage(makePackage('both', minimalFiles({
      'problem.yaml': 'problem_format_version: 2025-09\n',
      'output_validators/old/v.cpp': '',
      'output_validator/v.cpp': '',
    })));
    assert.equal(both.outputValidator?.layout, 'output_validator');
    assert.match(both.warnings.join('\n'), /both output_validator\/ and output_validators\//);

    const legacyDefault = await readPackage(makePackage('legdef', minimalFiles({ 'output_validators/v/v.cpp': '' })));
    assert.equal(legacyDefault.validation, 'default');
    assert.equal(legacyDefault.outputValidator, null);
    assert.match(legacyDefault.warnings.join('\n'), /output_validators\/: ignored/);

    const explicitDefault = await readPackage(makePackage('expdef', minimalFiles({
      'problem.yaml': 'validation: default\n',
      'output_validator/v.cpp': '',
    })));
    assert.equal(explicitDefault.validation, 'default');
    assert.equal(explicitDefault.outputValidator, null);
  });

  it('reads submissions, a folder being one submission of several files; unknown folders give warnings', async () => {
    const dir = makePackage('subs', minimalFiles({
      'submissions/wrong_answer/wa.py': '',
      'submissions/accepted/b.cpp': '',
      'submissions/accepted/A.java': '',
      'submissions/accepted/multi/main.py': '',
      'submissions/accepted/.hidden.py': '',
      'submissions/time_limit_exceeded/slow.c': '',
      'submissions/partially_accepted/p.py': '',
      'submissions/submissions.yaml': 'x: {}\n',
    }));
    const pkg = await readPackage(dir);
    assert.deepEqual(subs(pkg), [
      'accepted/A.java',
      'accepted/a.py',
      'accepted/b.cpp',
      'accepted/multi',
      'time_limit_exceeded/slow.c',
      'wrong_answer/wa.py',
    ]);
    assert.ok(pkg.submissions.every((s) => path.isAbsolute(s.path) && fs.existsSync(s.path)));
    const w = pkg.warnings.join('\n');
    assert.ok(fs.statSync(pkg.submissions.find((s) => s.path.endsWith('multi'))?.path ?? '').isDirectory());
    assert.doesNotMatch(w, /multi/);
    assert.match(w, /submissions\/partially_accepted\/: unknown expected-verdict folder/);
    assert.match(w, /submissions\/submissions\.yaml/);
  });

  it('symbolic links must stay inside the package', async () => {
    const outside = writeTree(tempDir(), { 'secret.txt': 'top secret\n' });
    const bad = makePackage('badlink', minimalFiles());
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(bad, 'data/secret/2.in'));
    fs.writeFileSync(path.join(bad, 'data/secret/2.ans'), '');
    await fails(bad, 'data/secret/2.in', /symbolic link points outside the package/);

    const badDir = makePackage('baddirlink', minimalFiles());
    fs.symlinkSync(outside, path.join(badDir, 'submissions/accepted/x'));
    await fails(badDir, 'submissions/accepted/x', /outside the package/);

    const dangling = makePackage('dangling', minimalFiles());
    fs.symlinkSync('../../../../../../../../nowhere', path.join(dangling, 'statement.txt'));
    await fails(dangling, 'statement.txt', /outside the package/);

    const good = makePackage('goodlink', minimalFiles());
    fs.symlinkSync('../sample/1.in', path.join(good, 'data/secret/2.in'));
    fs.symlinkSync('../sample/1.ans', path.join(good, 'data/secret/2.ans'));
    assert.deepEqual(names(await readPackage(good)), ['sample/1', 'secret/1', 'secret/2']);
  });

  it('a missing path is an error', async () => {
    const p = path.join(tempDir(), 'nothing-here');
    await fails(p, p, /^.*nothing-here: no such file or directory$/);
  });
});

describe('readPackage: zips', () => {
  const files = minimalFiles({ 'problem.yaml': 'name: Zipped\nlimits:\n  time_limit: 2\n' });

  it('reads a zip with the package at the root; dispose removes the temp folder', async () => {
    const zipPath = writeZip('rootpkg.zip', zipEntries(files));
    const pkg = await readPackage(zipPath);
    try {
      assert.equal(pkg.id, 'rootpkg');
      assert.equal(pkg.name, 'Zipped');
      assert.equal(pkg.timeLimitMs, 2000);
      assert.deepEqual(names(pkg), ['sample/1', 'secret/1']);
      assert.deepEqual(subs(pkg), ['accepted/a.py']);
      assert.ok(fs.readFileSync(pkg.testCases[1].inputPath, 'utf8') === '2\n');
      assert.ok(!pkg.dir.startsWith(path.dirname(zipPath)), 'unpacked elsewhere');
      assert.equal(fs.statSync(pkg.dir).mode & 0o777, 0o700);
    } finally {
      pkg.dispose();
    }
    assert.equal(fs.existsSync(pkg.dir), false);
    assert.equal(fs.existsSync(pkg.testCases[0].inputPath), false);
    pkg.dispose();
  });

  it('reads a zip with one top-level folder; the id is the zip name', async () => {
    const zipPath = writeZip('mypkg.ZIP', [
      { name: 'inner/' },
      ...zipEntries(files, 'inner/'),
      { name: '__MACOSX/inner/._problem.yaml', data: 'junk' },
    ]);
    const pkg = await readPackage(zipPath);
    try {
      assert.equal(pkg.id, 'mypkg');
      assert.equal(path.basename(pkg.dir), 'inner');
      assert.deepEqual(names(pkg), ['sample/1', 'secret/1']);
    } finally {
      pkg.dispose();
    }
    assert.equal(fs.existsSync(path.dirname(pkg.dir)), false, 'the whole temp folder is removed');
  });

  it('reads a zip made by the system zip command (when installed)', async (t) => {
    let hasZip = true;
    try {
      execFileSync('zip', ['-v'], { stdio: 'ignore' });
    } catch {
      hasZip = false;
    }
    if (!hasZip) {
      t.skip('no zip command');
      return;
    }
    const src = makePackage('syszip', files);
    const zipPath = path.join(tempDir(), 'syszip.zip');
    execFileSync('zip', ['-qr', zipPath, 'syszip'], { cwd: path.dirname(src) });
    const pkg = await readPackage(zipPath);
    try {
      assert.equal(pkg.id, 'syszip');
      assert.deepEqual(names(pkg), ['sample/1', 'secret/1']);
      assert.deepEqual(subs(pkg), ['accepted/a.py']);
    } finally {
      pkg.dispose();
    }
  });

  it('refuses hostile zips and cleans up', async () => {
    const cases: Array<[string, ZipEntrySpec[], RegExp]> = [
      ['slip.zip', [...zipEntries(files), { name: '../evil', data: 'x' }], /entry "\.\.\/evil": escapes the package folder/],
      ['abs.zip', [...zipEntries(files), { name: '/tmp/evil', data: 'x' }], /entry "\/tmp\/evil": is an absolute path/],
      ['link.zip', [...zipEntries(files), { name: 'data/secret/2.in', data: '/etc/passwd', mode: 0o120777 }], /entry "data\/secret\/2\.in": is a symbolic link/],
    ];
    for (const [name, entries, pattern] of cases) {
      const zipPath = writeZip(name, entries);
      const left = await withPrivateTmp(() => fails(zipPath, zipPath, pattern));
      assert.deepEqual(left, [], `${name}: temp folder removed`);
    }
  });

  it('removes the temp folder when the unpacked package is invalid', async () => {
    const zipPath = writeZip('invalid.zip', zipEntries({ ...files, 'problem.yaml': 'type: [pass-fail, scoring]\n' }));
    const left = await withPrivateTmp(() => fails(zipPath, 'problem.yaml', /cannot be combined/));
    assert.deepEqual(left, []);
    const noYaml = writeZip('noyaml.zip', zipEntries({ 'data/secret/1.in': '1', 'data/secret/1.ans': '1' }, 'p/'));
    await fails(noYaml, 'problem.yaml', /missing/);
  });

  it('a file that is not a zip gives "not a zip file"', async () => {
    const p = path.join(tempDir(), 'package.zip');
    fs.writeFileSync(p, 'name: not a zip\n');
    await fails(p, p, /: not a zip file$/);
  });
});

describe('readPackage: the CLI tests\' packages', () => {
  it('hello', async () => {
    const pkg = await readPackage(makePackage('hello', helloFiles()));
    assert.equal(pkg.id, 'hello');
    assert.equal(pkg.name, 'Say Hello');
    assert.equal(pkg.timeLimitMs, 1000);
    assert.equal(pkg.memoryLimitMb, 256);
    assert.equal(pkg.outputLimitMb, 8);
    // A legacy package (no problem_format_version) without multipliers: the legacy defaults.
    assert.equal(pkg.legacyFormat, true);
    assert.equal(pkg.acToTimeLimit, 5);
    assert.equal(pkg.timeLimitToTle, 2);
    assert.equal(pkg.timeResolutionMs, 1000);
    assert.equal(pkg.validation, 'default');
    assert.ok(pkg.testCases.every((t) => t.validatorArgs.length === 0));
    assert.equal(pkg.outputValidator, null);
    assert.deepEqual(names(pkg), ['sample/1', 'secret/1']);
    assert.deepEqual(subs(pkg), [
      'accepted/Hello.java',
      'accepted/hello.c',
      'accepted/hello.py',
      'accepted/loud.cpp',
      'run_time_error/throws.cpp',
      'time_limit_exceeded/spin.py',
      'wrong_answer/farewell.py',
    ]);
    assert.deepEqual(pkg.warnings, []);
  });

  it('mean', async () => {
    const pkg = await readPackage(makePackage('mean', meanFiles()));
    assert.equal(pkg.id, 'mean');
    assert.equal(pkg.name, 'Average');
    assert.equal(pkg.timeLimitMs, 2000);
    assert.equal(pkg.memoryLimitMb, 2048);
    assert.equal(pkg.validation, 'default');
    assert.ok(pkg.testCases.every((t) => t.validatorArgs.join(' ') === 'float_tolerance 1e-4'));
    assert.deepEqual(names(pkg), ['sample/1', 'secret/1', 'secret/2', 'secret/3', 'secret/4']);
    assert.ok(pkg.testCases.every((t) => fs.existsSync(t.inputPath) && fs.existsSync(t.answerPath)));
    assert.deepEqual(subs(pkg), ['accepted/mean.cpp', 'accepted/mean.py', 'wrong_answer/mean_int.py']);
  });
});

describe('readPackage: domjudge-problem.ini', () => {
  it('timelimit is used when problem.yaml gives none, before .timelimit (as DOMjudge imports)', async () => {
    const ini = await readPackage(makePackage('ini', minimalFiles({ 'problem.yaml': 'name: Ini\n', 'domjudge-problem.ini': "name = 'Ini'\ntimelimit = 2.5\n", '.timelimit': '7\n' })));
    assert.equal(ini.timeLimitMs, 2500);
    assert.deepEqual(ini.warnings, ['.timelimit: ignored; domjudge-problem.ini gives timelimit 2.5']);
    const yaml = await readPackage(makePackage('iniyaml', minimalFiles({ 'domjudge-problem.ini': 'timelimit = "3"\n' })));
    assert.equal(yaml.timeLimitMs, 1000);
    assert.deepEqual(yaml.warnings, ['domjudge-problem.ini: timelimit ignored; problem.yaml gives limits.time_limit 1']);
  });

  it('a timelimit or line it cannot read is a warning, as DOMjudge ignores it', async () => {
    const pkg = await readPackage(makePackage('inibad', minimalFiles({ 'problem.yaml': 'name: Bad\n', 'domjudge-problem.ini': 'timelimit = fast\nnot a line\n' })));
    assert.equal(pkg.timeLimitMs, null);
    assert.deepEqual(pkg.warnings, ['domjudge-problem.ini: line 2 ignored (expected key = value)', 'domjudge-problem.ini: timelimit ignored (expected a positive number of seconds, got "fast")']);
  });
});
