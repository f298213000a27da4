import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_VALIDATOR_FLAGS, isDecimalFloat, parseValidatorFlags } from './validatorFlags.ts';

describe('parseValidatorFlags', () => {
  it('gives defaults for no flags', () => {
    assert.deepEqual(parseValidatorFlags([]), {
      caseSensitive: false,
      spaceChangeSensitive: false,
      floatAbsoluteTolerance: null,
      floatRelativeTolerance: null,
    });
    assert.deepEqual(parseValidatorFlags([]), DEFAULT_VALIDATOR_FLAGS);
  });

  it('does not return the shared defaults object', () => {
    const a = parseValidatorFlags([]);
    a.caseSensitive = true;
    assert.equal(parseValidatorFlags([]).caseSensitive, false);
    assert.equal(DEFAULT_VALIDATOR_FLAGS.caseSensitive, false);
  });

  it('parses boolean flags', () => {
    assert.deepEqual(parseValidatorFlags(['case_sensitive', 'space_change_sensitive']), {
      caseSensitive: true,
      spaceChangeSensitive: true,
      floatAbsoluteTolerance: null,
      floatRelativeTolerance: null,
    });
  });

  it('float_tolerance sets both tolerances', () => {
    const r = parseValidatorFlags(['float_tolerance', '1e-6']);
    assert.equal(r.floatAbsoluteTolerance, 1e-6);
    assert.equal(r.floatRelativeTolerance, 1e-6);
  });

  it('float_absolute_tolerance / float_relative_tolerance set one each', () => {
    assert.deepEqual(parseValidatorFlags(['float_absolute_tolerance', '0.5']), {
      ...DEFAULT_VALIDATOR_FLAGS,
      floatAbsoluteTolerance: 0.5,
    });
    assert.deepEqual(parseValidatorFlags(['float_relative_tolerance', '.25']), {
      ...DEFAULT_VALIDATOR_FLAGS,
      floatRelativeTolerance: 0.25,
    });
  });

  it('later flags override earlier ones (as in Kattis)', () => {
    const r = parseValidatorFlags(['float_tolerance', '1', 'float_absolute_tolerance', '2', 'case_sensitive']);
    assert.equal(r.floatAbsoluteTolerance, 2);
    assert.equal(r.floatRelativeTolerance, 1);
    assert.equal(r.caseSensitive, true);
  });

  it('accepts valid tolerance spellings', () => {
    for (const [text, value] of [['0', 0], ['1e-6', 1e-6], ['1E-9', 1e-9], ['+0.1', 0.1], ['5.', 5], ['0.000001', 1e-6], ['-0', 0]] as const) {
      const r = parseValidatorFlags(['float_tolerance', text]);
      assert.equal(r.floatAbsoluteTolerance, value, text);
      assert.ok(!Object.is(r.floatAbsoluteTolerance, -0), 'normalises -0');
    }
  });

  it('rejects an unknown flag, naming the file', () => {
    assert.throws(() => parseValidatorFlags(['foo'], 'problem.yaml'), {
      message: "problem.yaml: validator_flags: unknown flag 'foo'",
    });
    assert.throws(() => parseValidatorFlags(['case_sensitive', 'foo']), {
      message: "validator_flags: unknown flag 'foo'",
    });
  });

  it('flag names are case-sensitive', () => {
    assert.throws(() => parseValidatorFlags(['Case_Sensitive']), /unknown flag 'Case_Sensitive'/);
  });

  it('hints when a flag and its value were given as one list item', () => {
    assert.throws(() => parseValidatorFlags(['float_tolerance 1e-6'], 'p/problem.yaml'), (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.match(e.message, /^p\/problem\.yaml: validator_flags: unknown flag 'float_tolerance 1e-6' \(each list item is one argument/);
      return true;
    });
  });

  it('rejects a missing tolerance value', () => {
    for (const flag of ['float_tolerance', 'float_absolute_tolerance', 'float_relative_tolerance']) {
      assert.throws(() => parseValidatorFlags(['case_sensitive', flag], 'problem.yaml'), {
        message: `problem.yaml: validator_flags: '${flag}' needs a value (e.g. '${flag} 1e-6')`,
      });
    }
  });

  it('rejects a tolerance that is not a non-negative decimal number', () => {
    for (const bad of ['abc', '-1', '-1e-6', 'inf', 'nan', 'Infinity', '0x1', '1e', '', ' 1', '1 ', '1e999', '1,5']) {
      assert.throws(
        () => parseValidatorFlags(['float_tolerance', bad], 'problem.yaml'),
        { message: `problem.yaml: validator_flags: 'float_tolerance' value '${bad}' is not a non-negative decimal number` },
        JSON.stringify(bad),
      );
    }
  });

  it('does not swallow the next flag as a value', () => {
    assert.throws(() => parseValidatorFlags(['float_relative_tolerance', 'case_sensitive']), /value 'case_sensitive' is not/);
  });
});

describe('isDecimalFloat', () => {
  it('accepts the package-format grammar', () => {
    for (const s of ['0', '42', '-7', '+7', '1.5', '.5', '5.', '-.5', '+5.', '1e5', '1E5', '1e+5', '1e-5', '1.5e10', '.5e-3', '5.e2', '007', '00.00', '1e999']) {
      assert.equal(isDecimalFloat(s), true, s);
    }
  });

  it('rejects everything else', () => {
    for (const s of ['', '.', '-', '+', '-.', 'e5', '.e5', '1e', '1e+', '1e-', '1.5.2', '1..5', '0x10', '0x1p3', 'inf', '-inf', 'nan', 'Infinity', ' 1', '1 ', '1,5', '1_000', '--1', '+-1', '1e5.0', '1ee5', '1.5f', '١']) {
      assert.equal(isDecimalFloat(s), false, JSON.stringify(s));
    }
  });
});
