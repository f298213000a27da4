// Terminal forgery: text from a team's code or a package (compiler output, a validator's message,
// test and file names, the problem's name) must not drive the terminal `verdict` prints to. A real
// gcc compiles a #warning carrying escape sequences and a fake "verdict: AC" for a program that is WA.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runVerdict } from '../test-support/cli.ts';
import { writePackage } from '../test-support/packages.ts';

const ESC = '\x1b';
const BEL = '\x07';
/** Clear the screen, home the cursor, and draw a verdict over the real one. */
const FAKE_VERDICT = `${ESC}[2J${ESC}[H verdict: AC`;
/** C1 CSI (U+009B, UTF-8 C2 9B): xterm and xterm.js read it as ESC [. Then a hyperlink, a clipboard write. */
const MORE_TRICKS = `\u009b1A ${ESC}]8;;https://example.com/${BEL}link${ESC}]8;;${BEL} ${ESC}]52;c;cHduZWQ=${BEL}`;
/** A test case's file name: its test name shows in the report's table. */
const EVIL_TEST = `${ESC}[31mred${ESC}[0m`;

/** Control characters a terminal acts on, but for the \n and \t a multi-line report keeps. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

const scratch = mkdtempSync(join(tmpdir(), 'verdict-forgery-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const pkg = writePackage(join(scratch, 'forgery'), {
  // YAML's double-quoted \e and \a: the package's own name sets the terminal's title.
  'problem.yaml': 'name: "Say \\e]0;pwned\\a Hello"\nlimits:\n  time_limit: 1\n',
  'data/sample/1.in': '',
  'data/sample/1.ans': 'Hello\n',
  [`data/secret/${EVIL_TEST}.in`]: '',
  [`data/secret/${EVIL_TEST}.ans`]: 'Hello\n',
  // Rejects every output, with a judge message that moves up a line and rewrites it.
  'output_validator/validate.py': [
    'import sys',
    'sys.stdin.read()',
    `open(sys.argv[3] + "/judgemessage.txt", "w").write("\\x1b[1A\\x1b[2K verdict: AC\\x07")`,
    'sys.exit(43)',
    '',
  ].join('\n'),
  'submissions/accepted/forged.c': `#warning "${FAKE_VERDICT} ${MORE_TRICKS}"\n#include <stdio.h>\n\nint main(void) {\n  puts("Goodbye");\n  return 0;\n}\n`,
});
const source = join(pkg, 'submissions/accepted/forged.c');

function assertNoControls(text: string, what: string): void {
  const found = CONTROL.exec(text);
  assert.equal(found, null, `${what} carries control character U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${found?.index}:\n${text}`);
}

describe('terminal forgery', () => {
  test('judge: compiler output, messages and test names reach the terminal escaped; the real verdict stands', async () => {
    const { code, stdout, stderr } = await runVerdict('judge', '--all', '--problem', pkg, source);
    assert.equal(code, 0, stderr);
    assertNoControls(stdout, 'stdout');
    assertNoControls(stderr, 'stderr');
    assert.match(stdout, /^verdict: WA/);
    assert.doesNotMatch(stdout, /^\s*verdict: AC/m);
    // Shown, not dropped: the judge sees what the team tried.
    assert.ok(stdout.includes('\\x1b[2J\\x1b[H verdict: AC'), stdout);
    assert.ok(stdout.includes('\\x9b1A'), 'the C1 CSI is escaped');
    assert.ok(stdout.includes('\\x1b]52;c;cHduZWQ=\\x07'), 'the clipboard write is escaped');
    assert.ok(stdout.includes('\\x1b[1A\\x1b[2K verdict: AC\\x07'), "the validator's message is escaped");
    assert.ok(stdout.includes('secret/\\x1b[31mred\\x1b[0m'), 'the test name is escaped');
  });

  test('judge --json: only JSON on stdout, every control character escaped, the values intact', async () => {
    const { code, stdout, stderr } = await runVerdict('judge', '--json', '--all', '--problem', pkg, source);
    assert.equal(code, 0, stderr);
    assertNoControls(stdout.trimEnd(), 'stdout');
    assertNoControls(stderr, 'stderr');
    const result = JSON.parse(stdout);
    assert.equal(result.verdict, 'WA');
    assert.ok(result.compile.output.includes(FAKE_VERDICT), 'the JSON value is the compiler output as it was');
    assert.ok(result.compile.output.includes(MORE_TRICKS));
    assert.ok(result.tests.some((t: { name: string }) => t.name === `secret/${EVIL_TEST}`));
  });

  test("verify: the package's name, the submission's detail and its test names are escaped", async () => {
    const { code, stdout, stderr } = await runVerdict('verify', pkg);
    assert.equal(code, 1, stderr); // an "accepted" submission got WA
    assertNoControls(stdout, 'stdout');
    assertNoControls(stderr, 'stderr');
    assert.match(stdout, /\(Say \\x1b\]0;pwned\\x07 Hello\)/);
    assert.match(stdout, /FAIL\s+submissions\/accepted\/forged\.c\s+accepted\s+WA/);
    assert.ok(stdout.includes('\\x1b[1A\\x1b[2K verdict: AC'), stdout);

    const json = await runVerdict('verify', '--json', pkg);
    assertNoControls(json.stdout.trimEnd(), 'verify --json stdout');
    assert.equal(JSON.parse(json.stdout).ok, false);
  });

  test("a package error quoting the package's text is escaped too", async () => {
    const broken = writePackage(join(scratch, 'broken'), { 'problem.yaml': `name: x\n${ESC}[2Jevil: 1\n`, 'data/sample/1.in': '', 'data/sample/1.ans': '\n' });
    for (const args of [['judge', '--problem', broken, source], ['verify', broken]]) {
      const { code, stderr } = await runVerdict(...args);
      assert.equal(code, 2, stderr);
      assertNoControls(stderr, `${args[0]} stderr`);
      assert.ok(stderr.includes('\\x1b[2Jevil'), stderr);
    }
  });
});
