import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ValidatorFlags } from '../../common/types.ts';
import { validateDefault } from './defaultValidator.ts';
import type { ValidationResult } from './defaultValidator.ts';
import { parseValidatorFlags } from './validatorFlags.ts';

/** Short description of an input for assertion messages. */
function brief(x: string | Buffer): string {
  const s = String(x);
  return JSON.stringify(s.length > 80 ? s.slice(0, 80) + '...' : s);
}

/** Flags from an argv list, e.g. f('case_sensitive', 'float_tolerance', '1e-6'). */
function f(...args: string[]): ValidatorFlags {
  return parseValidatorFlags(args);
}

const NONE = f();
const SPACE = f('space_change_sensitive');

function ac(team: string | Buffer, judge: string | Buffer, flags: ValidatorFlags = NONE): void {
  const r = validateDefault(team, judge, flags);
  assert.deepEqual(r, { accepted: true, message: 'accepted' }, `expected AC for team=${brief(team)} judge=${brief(judge)}`);
}

function wa(
  team: string | Buffer,
  judge: string | Buffer,
  flags: ValidatorFlags = NONE,
  message?: RegExp | string,
): ValidationResult {
  const r = validateDefault(team, judge, flags);
  assert.equal(r.accepted, false, `expected WA for team=${brief(team)} judge=${brief(judge)}`);
  if (typeof message === 'string') assert.equal(r.message, message);
  else if (message) assert.match(r.message, message);
  return r;
}

describe('default validator: plain tokens', () => {
  it('accepts identical output', () => {
    ac('42\n', '42\n');
    ac('hello world\n1 2 3\n', 'hello world\n1 2 3\n');
  });

  it('rejects a different token with index, line and both tokens', () => {
    wa('43\n', '42\n', NONE, "token 1 (line 1): expected '42', got '43'");
    wa('1 2\n3 x\n', '1 2\n3 4\n', NONE, "token 4 (line 2): expected '4', got 'x'");
  });

  it('reports the line of the team output, not of the answer', () => {
    wa('1\n\n\n2\n', '1 3\n', NONE, "token 2 (line 4): expected '3', got '2'");
  });

  it('does not treat a prefix as a match', () => {
    wa('12\n', '1\n', NONE, /expected '1', got '12'/);
    wa('1\n', '12\n', NONE, /expected '12', got '1'/);
    wa('12\n', '1 2\n', NONE, /token 1/);
  });
});

describe('default validator: whitespace (default mode)', () => {
  it('accepts extra spaces and tabs between tokens', () => {
    ac('1   2\t\t3\n', '1 2 3\n');
    ac('1\t2\n', '1 2\n');
  });

  it('accepts CRLF line endings', () => {
    ac('1\r\n2\r\n', '1\n2\n');
    ac('1\n2\n', '1\r\n2\r\n');
  });

  it('accepts missing or extra trailing newline', () => {
    ac('1 2', '1 2\n');
    ac('1 2\n\n\n', '1 2');
  });

  it('accepts blank lines, leading whitespace and line-break changes', () => {
    ac('\n\n  1\n\n\n2\n', '1\n2\n');
    ac('1 2 3 4', '1 2\n3 4\n');
    ac('1\n2\n3\n4\n', '1 2 3 4');
  });

  it('treats \\v and \\f as whitespace', () => {
    ac('1\v2\f3', '1 2 3');
  });

  it('does not treat non-breaking space or NUL as whitespace', () => {
    wa('1\u00a02', '1 2');
    wa(Buffer.from([0x31, 0x00, 0x32]), '1 2');
    ac(Buffer.from([0x31, 0x00, 0x32]), Buffer.from([0x31, 0x00, 0x32]));
  });
});

describe('default validator: space_change_sensitive', () => {
  it('accepts byte-identical whitespace', () => {
    ac('1 2\n3\t4\r\n', '1 2\n3\t4\r\n', SPACE);
  });

  it('rejects extra spaces between tokens', () => {
    wa('1  2\n', '1 2\n', SPACE, "whitespace differs after token 1 (line 1): expected ' ', got '  '");
  });

  it('rejects a tab for a space', () => {
    wa('1\t2\n', '1 2\n', SPACE, /expected ' ', got '\\t'/);
  });

  it('rejects CRLF for LF', () => {
    wa('1\r\n2\n', '1\n2\n', SPACE, /whitespace differs after token 1 \(line 1\): expected '\\n', got '\\r\\n'/);
  });

  it('rejects a missing trailing newline', () => {
    wa('1 2', '1 2\n', SPACE, "whitespace differs after last token (2) (line 1): expected '\\n', got no whitespace");
  });

  it('rejects an extra trailing newline', () => {
    wa('1 2\n\n', '1 2\n', SPACE, /after last token \(2\) \(line 2\): expected '\\n', got '\\n\\n'/);
  });

  it('rejects leading whitespace', () => {
    wa(' 1\n', '1\n', SPACE, /before first token \(line 1\): expected no whitespace, got ' '/);
  });

  it('rejects a blank line and reports the line where runs diverge', () => {
    wa('1\n2\n\n3\n', '1\n2\n3\n', SPACE, /after token 2 \(line 3\)/);
    wa('1\n2\n3  4', '1\n2\n3 4', SPACE, /after token 3 \(line 3\)/);
  });

  it('rejects a line break for a space', () => {
    wa('1\n2\n', '1 2\n', SPACE, /expected ' ', got '\\n'/);
  });

  it('still reports token mismatches as such', () => {
    wa('1 3\n', '1 2\n', SPACE, "token 2 (line 1): expected '2', got '3'");
  });

  it('still compares case-insensitively unless case_sensitive', () => {
    ac('YES\n', 'yes\n', SPACE);
    wa('YES\n', 'yes\n', f('space_change_sensitive', 'case_sensitive'), /expected 'yes', got 'YES'/);
  });

  it('handles empty outputs', () => {
    ac('', '', SPACE);
    wa('\n', '', SPACE, /expected no whitespace, got '\\n'/);
    wa('', '\n', SPACE, /expected '\\n', got no whitespace/);
  });

  it('reports extra tokens after matching whitespace', () => {
    wa('1\n2\n', '1\n', SPACE, /extra token '2'/);
  });

  it('reports missing tokens after matching whitespace', () => {
    wa('1\n', '1\n2\n', SPACE, /team output ended early/);
  });

  it('applies float tolerance too', () => {
    ac('1.0000001\n', '1\n', f('space_change_sensitive', 'float_tolerance', '1e-6'));
  });
});

describe('default validator: case', () => {
  it('is case-insensitive by default', () => {
    ac('Yes\n', 'YES\n');
    ac('hello WORLD', 'HELLO world');
  });

  it('is exact with case_sensitive', () => {
    wa('Yes\n', 'YES\n', f('case_sensitive'), "token 1 (line 1): expected 'YES', got 'Yes'");
    ac('YES\n', 'YES\n', f('case_sensitive'));
  });

  it('rejects different words regardless of mode', () => {
    wa('yes', 'no');
    wa('yes', 'no', f('case_sensitive'));
  });

  it('only folds ASCII letters (not @/` or [/{ which differ by 0x20 too)', () => {
    wa('@', '`');
    wa('[', '{');
    wa('^', '~');
  });

  it('compares non-ASCII bytes exactly', () => {
    wa('É', 'é');
    ac('ß straße', 'ß straße');
    wa(Buffer.from([0xc9]), Buffer.from([0xe9]));
  });
});

describe('default validator: floats without tolerance', () => {
  it('compares numbers as strings', () => {
    wa('1.0', '1', NONE, "token 1 (line 1): expected '1', got '1.0'");
    wa('1e2', '100');
    wa('.5', '0.5');
    wa('-0', '0');
  });

  it('still accepts case-insensitive exponent spelling (it is a string compare)', () => {
    ac('1E5', '1e5');
    wa('1E5', '1e5', f('case_sensitive'));
  });
});

describe('default validator: float tolerance', () => {
  it('tolerance 0 still enables numeric comparison', () => {
    const t0 = f('float_tolerance', '0');
    ac('1.0', '1', t0);
    ac('1e0', '1', t0);
    wa('1.0000001', '1', t0, /difference/);
  });

  it('absolute tolerance: boundary is inclusive', () => {
    const abs = f('float_absolute_tolerance', '0.5');
    ac('1.5', '1', abs);
    ac('0.5', '1', abs);
    wa('1.5000001', '1', abs);
    wa('0.4999999', '1', abs);
  });

  it('absolute tolerance with negative numbers', () => {
    const abs = f('float_absolute_tolerance', '0.5');
    ac('-2.5', '-2', abs);
    ac('-1.5', '-2', abs);
    wa('-2.6', '-2', abs);
    wa('2', '-2', abs);
  });

  it('absolute tolerance accepts near-zero answers', () => {
    ac('1e-7', '0', f('float_absolute_tolerance', '1e-6'));
    ac('-0.000001', '0', f('float_absolute_tolerance', '1e-6'));
    wa('0.0000011', '0', f('float_absolute_tolerance', '1e-6'));
  });

  it('relative tolerance: boundary is inclusive, relative to the judge value', () => {
    const rel = f('float_relative_tolerance', '0.25');
    ac('5', '4', rel);
    ac('3', '4', rel);
    wa('5.0001', '4', rel);
    wa('2.9999', '4', rel);
    // 5.25 is within 25% of itself (1.3125) but not of the judge value (1): rejected.
    wa('5.25', '4', rel);
  });

  it('relative tolerance with negative judge values uses |judge|', () => {
    const rel = f('float_relative_tolerance', '0.25');
    ac('-5', '-4', rel);
    ac('-3', '-4', rel);
    wa('5', '-4', rel);
  });

  it('relative tolerance alone accepts only 0 for a 0 answer', () => {
    const rel = f('float_relative_tolerance', '0.1');
    ac('0.0', '0', rel);
    ac('-0', '0', rel);
    wa('1e-300', '0', rel);
  });

  it('absolute and relative: either one suffices', () => {
    const both = f('float_absolute_tolerance', '0.5', 'float_relative_tolerance', '0.25');
    ac('125', '100', both); // rel: 25 <= 25
    wa('125.5', '100', both);
    ac('0.5', '0', both); // abs
    wa('0.50001', '0', both);
  });

  it('float_tolerance sets both', () => {
    const t = f('float_tolerance', '0.01');
    ac('101', '100', t); // rel
    wa('101.01', '100', t);
    ac('0.0105', '0.001', t); // abs: 0.0095
    wa('0.0115', '0.001', t);
  });

  it('accepts any decimal formatting of the value', () => {
    const t = f('float_tolerance', '1e-9');
    ac('3.14000000e-2', '0.0314', t);
    ac('3.14E-2', '0.0314', t);
    ac('314e-4', '0.0314', t);
    ac('+0.0314', '0.0314', t);
    ac('0.5', '.5', t);
    ac('.5', '0.5', t);
    ac('5.', '5', t);
    ac('5', '5.', t);
    ac('-0', '0', t);
    ac('007', '7', t);
    ac('42.0000000001', '42', t);
    ac('1e+2', '100', t);
  });

  it('exponents in the judge answer are parsed too', () => {
    const t = f('float_relative_tolerance', '1e-6');
    ac('1230000000', '1.23e9', t);
    ac('1.2300001E9', '1.23e9', t);
    wa('1.2301e9', '1.23e9', t, /token 1 \(line 1\): expected '1\.23e9', got '1\.2301e9' \(difference 1\.000e\+5 exceeds tolerance rel 0\.000001\)/);
  });

  it('uses double precision (like Kattis)', () => {
    ac('1000000000000000001', '1e18', f('float_tolerance', '0'));
  });

  it('rejects a team token that is not a number when the answer is', () => {
    const t = f('float_tolerance', '1e-6');
    wa('abc', '1.5', t, "token 1 (line 1): expected a number close to '1.5', got 'abc'");
    for (const bad of ['1e', '1e+', '0x10', '1.5.2', '1,5', '--1', '+-1', '.', '-', 'e5', '1e5.0', '1.5x', '0x1p0', '١']) {
      wa(bad, '16', t, /expected a number close to '16'/);
    }
  });

  it('never accepts inf/nan or overflowing team numbers', () => {
    const huge = f('float_tolerance', '1e300');
    wa('inf', '1e308', huge, /expected a number/);
    wa('Infinity', '1', huge, /expected a number/);
    wa('nan', '0', huge, /expected a number/);
    wa('NaN', '0', huge, /expected a number/);
    wa('1e999', '1', huge, /expected a number/);
    wa('-1e999', '1', huge, /expected a number/);
  });

  it('compares a non-numeric judge token as a string', () => {
    const t = f('float_tolerance', '1e-6');
    ac('ABC', 'abc', t);
    wa('ABC', 'abc', f('case_sensitive', 'float_tolerance', '1e-6'));
    ac('nan', 'nan', t);
    ac('INF', 'inf', t);
    ac('0x10', '0x10', t);
    wa('16', '0x10', t, "token 1 (line 1): expected '0x10', got '16'");
    wa('1', '1e', t);
    // A judge value that overflows a double is not a float either (Kattis' isfloat rejects inf).
    ac('1E999', '1e999', t);
    wa('2e999', '1e999', t);
  });

  it('works on mixed lines', () => {
    const t = f('float_absolute_tolerance', '1e-4');
    ac('case #1: 3.14160\ncase #2: -2\n', 'Case #1: 3.14159\nCase #2: -2.00000\n', t);
    wa('case #1: 3.14160\ncase #2: -2.001\n', 'Case #1: 3.14159\nCase #2: -2.00000\n', t, /token 6 \(line 2\): expected '-2\.00000', got '-2\.001'/);
    wa('case 1: 3.14159', 'Case #1: 3.14159', t, /expected '#1:', got '1:'/);
  });

  it('a negative/NaN tolerance passed directly counts as not given', () => {
    const flags: ValidatorFlags = { caseSensitive: false, spaceChangeSensitive: false, floatAbsoluteTolerance: -1, floatRelativeTolerance: Number.NaN };
    wa('1.0', '1', flags);
    ac('1', '1', flags);
  });
});

describe('default validator: empty, missing and extra output', () => {
  it('accepts empty vs empty (also whitespace-only)', () => {
    ac('', '');
    ac('\n\n', '');
    ac('', ' \n');
  });

  it('rejects empty output for a non-empty answer', () => {
    wa('', '42\n', NONE, "team output ended early (line 1): team output is empty; expected token 1 '42'");
  });

  it('distinguishes whitespace-only output', () => {
    wa('  \n\n', '42\n', NONE, /team output ended early \(line 3\): team output contains no tokens; expected token 1 '42'/);
  });

  it('rejects missing tokens', () => {
    wa('1 2\n', '1 2 3\n', NONE, "team output ended early (line 2): team output has only 2 tokens; expected token 3 '3'");
    wa('1', '1 2', NONE, /has only 1 token; expected token 2 '2'/);
  });

  it('rejects extra tokens', () => {
    wa('1 2 3\n', '1 2\n', NONE, "team output has extra token '3' after end of answer (token 3, line 1)");
    wa('1 2\n\n x y\n', '1 2', NONE, /extra token 'x' after end of answer \(token 3, line 3\)/);
  });

  it('rejects output for an empty answer', () => {
    wa('42', '', NONE, /extra token '42' after end of answer \(token 1, line 1\)/);
    wa('42', '\n', f('float_tolerance', '1'), /extra token/);
  });
});

describe('default validator: inputs and messages', () => {
  it('accepts Buffers and strings, mixed', () => {
    ac(Buffer.from('1 2\n'), '1 2');
    ac('1 2', Buffer.from('1 2\n'));
    wa(Buffer.from('1 3'), Buffer.from('1 2'), NONE, /expected '2', got '3'/);
  });

  it('treats UTF-8 strings the same as their bytes', () => {
    ac('naïve café', Buffer.from('naïve café', 'utf8'));
    wa('naïve', Buffer.from('naive'));
  });

  it('truncates long tokens in messages', () => {
    const longJudge = 'a'.repeat(200);
    const longTeam = 'a'.repeat(199) + 'b';
    const r = wa(longTeam, longJudge);
    assert.ok(r.message.length < 200, `message too long: ${r.message.length}`);
    assert.match(r.message, new RegExp(`expected '${'a'.repeat(60)}\\.\\.\\.', got '${'a'.repeat(60)}\\.\\.\\.'`));
  });

  it('truncates very long tokens (megabytes) quickly', () => {
    const r = wa('x'.repeat(3_000_000), 'y');
    assert.ok(r.message.length < 200);
  });

  it('escapes control characters in messages', () => {
    wa(Buffer.from('a\x01b'), 'ab', NONE, /got 'a\\x01b'/);
    wa("it's", 'its', NONE, /got 'it\\'s'/);
  });
});

describe('default validator: large outputs', () => {
  const N = 1_000_000;
  function numbers(n: number, fmt: (i: number) => string, perLine: number): string {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(fmt(i) + ((i + 1) % perLine === 0 ? '\n' : ' '));
    return parts.join('');
  }

  it('accepts 1e6 identical tokens and 1e6 re-spaced tokens', () => {
    const judge = numbers(N, (i) => String(i), 10);
    ac(judge, judge);
    ac(Buffer.from(judge.replace(/ /g, '\n')), Buffer.from(judge));
  });

  it('finds a difference in the last of 1e6 tokens with the right line', () => {
    const judge = numbers(N, (i) => String(i), 10);
    const team = judge.slice(0, judge.length - `${N - 1}\n`.length) + 'oops\n';
    wa(team, judge, NONE, `token ${N} (line ${N / 10}): expected '${N - 1}', got 'oops'`);
  });

  it('compares 1e6 floats within tolerance', () => {
    const judge = numbers(N, (i) => (i / 4).toFixed(2), 5);
    const team = numbers(N, (i) => (i / 4 + 5e-7).toExponential(13), 5);
    ac(team, judge, f('float_absolute_tolerance', '1e-6'));
    wa(team, judge, f('float_absolute_tolerance', '1e-7'), /token 1 \(line 1\)/);
  });

  it('detects a whitespace change near the end of 1e6 tokens', () => {
    const judge = numbers(N, (i) => String(i), 10);
    ac(judge, judge, SPACE);
    const team = judge.slice(0, -1); // drop final newline
    wa(team, judge, SPACE, `whitespace differs after last token (${N}) (line ${N / 10}): expected '\\n', got no whitespace`);
  });

  it('detects missing and extra tokens at the end of 1e6 tokens', () => {
    const judge = numbers(N, (i) => String(i), 10);
    wa(judge + 'extra\n', judge, NONE, `team output has extra token 'extra' after end of answer (token ${N + 1}, line ${N / 10 + 1})`);
    wa(judge, judge + 'more\n', NONE, `team output ended early (line ${N / 10 + 1}): team output has only ${N} tokens; expected token ${N + 1} 'more'`);
  });
});
