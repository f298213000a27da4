// The command line itself, as a user types it: each command takes its own options, `--help` per
// command, `--version`, and a suggestion for a typo. Nothing here judges or serves: every case is
// refused (or answered) before anything starts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { projectRoot, resourcePath } from '../common/paths.ts';
import { runVerdict as verdict } from '../test-support/cli.ts';

const hello = resourcePath('example-problems', 'guess');
const source = join(hello, 'submissions', 'accepted', 'binary.py');

/** A usage error: exit 2, the message on stderr's first line, no stack trace, nothing on stdout. */
function assertUsageError(r: { code: number; stdout: string; stderr: string }, firstLine: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr.split('\n')[0], firstLine, r.stderr);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(r.stdout, '');
}

describe('options belong to their command', () => {
  test("an option of another command is refused, naming the command and where the option belongs", async () => {
    const r = await verdict('judge', '--port', '9', '--problem', hello, source);
    assertUsageError(r, /^verdict judge: unknown option '--port' \(an option of verdict serve\)$/);
    // The command's own usage follows, not every command's.
    assert.match(r.stderr, /Usage: verdict judge /);
    assert.doesNotMatch(r.stderr, /verdict serve --contest/);

    assertUsageError(await verdict('export', '--json', '--contest', hello, '--out', 'x'), /^verdict export: unknown option '--json' \(an option of verdict judge, verify, loadtest, languages\)$/);
    assertUsageError(await verdict('serve', '--problem', hello, '--port', '70000'), /^verdict serve: unknown option '--problem' \(an option of verdict judge\)$/);
    assertUsageError(await verdict('languages', '--frobnicate'), /^verdict languages: unknown option '--frobnicate'$/);
  });

  test('short options are per command too', async () => {
    assertUsageError(await verdict('serve', '-p', hello, '--port', '70000'), /^verdict serve: unknown option '-p' \(an option of verdict judge\)$/);
  });

  test('arguments a command does not take are refused', async () => {
    assertUsageError(await verdict('languages', 'extra'), /^verdict languages: takes no arguments, got 'extra'$/);
    assertUsageError(await verdict('judge', '--problem', hello, source, source), /^verdict: judge needs exactly one source file$/);
  });

  test('an option without its value names the option', async () => {
    assertUsageError(await verdict('judge', source, '--problem'), /^verdict judge: option '-p, --problem <dir\|zip>' argument missing$/);
  });
});

describe('suggestions for typos', () => {
  test('a mistyped command', async () => {
    assertUsageError(await verdict('juge', '--problem', hello, source), /^verdict: unknown command 'juge' \(did you mean judge\?\)$/);
    assertUsageError(await verdict('verfy', hello), /^verdict: unknown command 'verfy' \(did you mean verify\?\)$/);
    assertUsageError(await verdict('xyzzy'), /^verdict: unknown command 'xyzzy'$/);
  });

  test('a mistyped option, among the command\'s own options', async () => {
    assertUsageError(await verdict('judge', '--probelm', hello, source), /^verdict judge: unknown option '--probelm' \(did you mean --problem\?\)$/);
    assertUsageError(await verdict('serve', '--prot', '70000'), /^verdict serve: unknown option '--prot' \(did you mean --port\?\)$/);
  });
});

describe('--help and --version', () => {
  test('--version prints the version in package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await verdict(flag);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${version}\n`);
    }
  });

  test("a command's --help shows that command's options only, exit 0", async () => {
    const judge = await verdict('judge', '--help');
    assert.equal(judge.code, 0, judge.stderr);
    assert.match(judge.stdout, /^Usage: verdict judge --problem <dir\|zip> \[options\] <source>/);
    for (const option of ['--problem', '--lang', '--json', '--all', '--time-limit', '--allow-unsandboxed', '--log-level']) assert.ok(judge.stdout.includes(option), option);
    assert.doesNotMatch(judge.stdout, /--port|--contest|--trust-proxy/);
    assert.match(judge.stdout, /Exit status: 0 when it judged/);

    const serve = await verdict('help', 'serve');
    assert.equal(serve.code, 0, serve.stderr);
    assert.match(serve.stdout, /^Usage: verdict serve /);
    assert.match(serve.stdout, /--port <n>.*\(default: 7800\)/);
    assert.match(serve.stdout, /--trust-proxy/);
    assert.doesNotMatch(serve.stdout, /--problem/);

    assert.equal((await verdict('export', '-h')).code, 0);
  });

  test('the general help lists every command; with no command it is a usage error', async () => {
    const help = await verdict('--help');
    assert.equal(help.code, 0, help.stderr);
    for (const command of ['judge', 'verify', 'serve', 'loadtest', 'languages', 'export', 'backup', 'restore', 'import']) {
      assert.match(help.stdout, new RegExp(`^  ${command} `, 'm'), command);
    }
    assert.equal((await verdict('help')).stdout, help.stdout);

    const none = await verdict();
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /^Usage: verdict /);
  });
});

describe('values are still checked as before', () => {
  test('numbers and log levels', async () => {
    assertUsageError(await verdict('verify', '--workers', '0', hello), /^verdict: --workers must be a positive whole number, got '0'$/);
    assertUsageError(await verdict('verify', '-w', '-1', hello), /^verdict: --workers must be a positive whole number, got '-1'$/);
    assertUsageError(await verdict('serve', '--port', '70000'), /^verdict: --port must be a port number, got '70000'$/);
    assertUsageError(await verdict('judge', '--time-limit', '0', '--problem', hello, source), /^verdict: --time-limit must be a positive number of seconds, got '0'$/);
    assertUsageError(await verdict('loadtest', '--url', 'http://127.0.0.1:1', '--teams', '0'), /^verdict: --teams must be a whole number from 1 to 5000$/);
    assertUsageError(await verdict('languages', '--log-level', 'loud'), /^verdict: unknown log level 'loud'/);
    assertUsageError(await verdict('loadtest'), /^verdict: loadtest needs --url <server url>$/);
  });
});
