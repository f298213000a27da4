import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PackageError } from '../common/types.ts';
import { parseProblemYaml } from './problemYaml.ts';

/** Asserts that parsing `text` throws a PackageError for problem.yaml whose message matches all `patterns`. */
function rejects(text: string, ...patterns: RegExp[]): PackageError {
  let caught: unknown;
  try {
    parseProblemYaml(text);
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof PackageError, `expected a PackageError for ${JSON.stringify(text)}, got ${String(caught)}`);
  assert.equal(caught.file, 'problem.yaml');
  assert.ok(caught.message.startsWith('problem.yaml: '), caught.message);
  assert.ok(!caught.message.includes('\n'), `one-line message: ${caught.message}`);
  for (const p of patterns) assert.match(caught.message, p);
  return caught;
}

describe('problem.yaml: defaults and values', () => {
  it('an empty file gives the defaults', () => {
    for (const text of ['', '# only a comment\n']) {
      const s = parseProblemYaml(text);
      assert.equal(s.formatVersion, 'legacy');
      assert.equal(s.legacy, true);
      assert.equal(s.name, null);
      assert.equal(s.validation, null);
      assert.deepEqual(s.validatorFlags, []);
      assert.equal(s.limits.timeLimitSec, null);
      // Not given: the format version's defaults apply (package/timeLimits.ts).
      assert.equal(s.limits.acToTimeLimit, null);
      assert.equal(s.limits.timeLimitToTle, null);
      assert.equal(s.limits.memoryMb, 2048);
      assert.equal(s.limits.outputMb, 8);
    }
  });

  it('reads a full 2023-07 problem.yaml', () => {
    const s = parseProblemYaml(
      [
        'problem_format_version: 2023-07-draft',
        'type: pass-fail',
        'name:',
        '  de: Hallo',
        '  en: Hello',
        'uuid: 8ee7605a-8d5c-4d8b-9a0e-1c2b6a4f0e7a',
        'version: 1.10',
        'credits:',
        '  authors: [Ann, Bob]',
        'source:',
        '  - name: NWERC 2024',
        '    url: https://example.invalid',
        'license: cc by-sa',
        'rights_owner: Someone',
        'embargo_until: 2030-01-01',
        'keywords: [graphs, easy]',
        'languages: [cpp, python3]',
        'constants: {max_n: 1000, word: hello}',
        'allow_file_writing: true',
        'limits:',
        '  time_limit: 2.5',
        '  time_multipliers:',
        '    ac_to_time_limit: 3',
        '    time_limit_to_tle: 1.2',
        '  time_resolution: 0.5',
        '  memory: 512',
        '  output: 16',
        '  code: 64',
        '  compilation_time: 30',
        '  compilation_memory: 1024',
        '  validation_time: 10',
        '  validation_memory: 256',
        '  validation_output: 4',
        '  validation_passes: 3',
        '',
      ].join('\n'),
    );
    assert.equal(s.formatVersion, '2023-07-draft');
    assert.equal(s.legacy, false);
    assert.equal(s.name, 'Hello');
    assert.equal(s.version, '1.10');
    assert.equal(s.license, 'cc by-sa');
    assert.deepEqual(s.keywords, ['graphs', 'easy']);
    assert.deepEqual(s.languages, ['cpp', 'python3']);
    assert.deepEqual(s.constants, { max_n: 1000, word: 'hello' });
    assert.equal(s.allowFileWriting, true);
    assert.equal(s.limits.timeLimitSec, 2.5);
    assert.equal(s.limits.acToTimeLimit, 3);
    assert.equal(s.limits.timeLimitToTle, 1.2);
    assert.equal(s.limits.timeResolutionSec, 0.5);
    assert.equal(s.limits.memoryMb, 512);
    assert.equal(s.limits.outputMb, 16);
    assert.equal(s.limits.codeKb, 64);
    assert.equal(s.limits.validationPasses, 3);
  });

  it('name map without "en" takes the first language', () => {
    assert.equal(parseProblemYaml('name:\n  sv: Hej\n  de: Hallo\n').name, 'Hej');
  });

  it('legacy time_multiplier / time_safety_margin map to the 2023-07 multipliers', () => {
    const s = parseProblemYaml('limits:\n  time_multiplier: 5\n  time_safety_margin: 2\n');
    assert.equal(s.limits.acToTimeLimit, 5);
    assert.equal(s.limits.timeLimitToTle, 2);
  });

  it('validator_flags as a string or a list keeps the raw argv, numbers as written', () => {
    assert.deepEqual(parseProblemYaml('validator_flags: float_tolerance 1e-4  case_sensitive\n').validatorFlags, [
      'float_tolerance',
      '1e-4',
      'case_sensitive',
    ]);
    assert.deepEqual(parseProblemYaml('validator_flags: [float_tolerance, 1e-4]\n').validatorFlags, [
      'float_tolerance',
      '1e-4',
    ]);
  });

  it('validation default/custom; legacy space-separated languages', () => {
    assert.equal(parseProblemYaml('validation: custom\n').validation, 'custom');
    assert.equal(parseProblemYaml('validation: default\n').validation, 'default');
    assert.deepEqual(parseProblemYaml('languages: c cpp java\n').languages, ['c', 'cpp', 'java']);
    assert.equal(parseProblemYaml('languages: all\n').languages, 'all');
  });

  it('empty values count as absent', () => {
    const s = parseProblemYaml('name: X\nlimits:\nsource:\nvalidator_flags:\n');
    assert.equal(s.name, 'X');
    assert.equal(s.limits.memoryMb, 2048);
    assert.deepEqual(s.validatorFlags, []);
  });

  it('type pass-fail as a string or a list is accepted', () => {
    parseProblemYaml('type: pass-fail\n');
    parseProblemYaml('type: [pass-fail]\n');
  });
});

describe('problem.yaml: errors', () => {
  it('bad YAML gives line and column', () => {
    rejects('name: Hello\nlimits:\n  time_limit: 1\n   memory: 3\n', /invalid YAML at line 3, column \d+/);
    rejects('name: Hello\n\tlimits: 1\n', /invalid YAML at line 2/, /[Tt]ab/);
    rejects('name: a\nname: b\n', /invalid YAML at line 2/, /unique/);
  });

  it('unknown keys are named', () => {
    rejects('name: X\nfoo: 1\n', /\bfoo: unknown key/, /line 2/);
    rejects('limits:\n  time_limit: 1\n  bogus: 1\n', /limits\.bogus: unknown key/, /line 3/);
    rejects('limits:\n  time_multipliers:\n    ac_to_tl: 2\n', /limits\.time_multipliers\.ac_to_tl: unknown key/);
  });

  it('wrong types are named', () => {
    rejects('limits:\n  time_limit: fast\n', /limits\.time_limit: expected a positive number/, /"fast"/, /line 2/);
    rejects('limits:\n  time_limit: 0\n', /limits\.time_limit/);
    rejects('limits:\n  memory: -5\n', /limits\.memory: expected a positive number/, /-5/);
    rejects('limits:\n  output: [1]\n', /limits\.output/);
    rejects('limits:\n  validation_passes: 1\n', /limits\.validation_passes/);
    rejects('limits:\n  time_multipliers:\n    ac_to_time_limit: 0.5\n', /ac_to_time_limit: expected a number >= 1/);
    rejects('limits: 5\n', /limits: expected a map/);
    rejects('allow_file_writing: yes\n', /allow_file_writing: expected true or false/);
    rejects('name: [a, b]\n', /name: expected a string/);
    rejects('validator_flags: {a: b}\n', /validator_flags/);
    rejects('constants: {1bad: 3}\n', /constants\.1bad/);
    rejects('problem_format_version: 2099\n', /problem_format_version/);
  });

  it('a top level that is not a map is refused', () => {
    rejects('- a\n- b\n', /top level/);
  });

  it('interactive problems: type interactive (2023-07+) or validation custom interactive (legacy)', () => {
    assert.equal(parseProblemYaml('problem_format_version: 2023-07\ntype: interactive\n').interactive, true);
    assert.equal(parseProblemYaml('problem_format_version: 2023-07\ntype: [pass-fail, interactive]\n').interactive, true);
    assert.equal(parseProblemYaml('validation: custom interactive\n').interactive, true);
    assert.equal(parseProblemYaml('validation: custom interactive\n').validation, 'custom');
    assert.equal(parseProblemYaml('validation: custom\n').interactive, false);
    assert.equal(parseProblemYaml('').interactive, false);
    rejects('validation: default interactive\n', /validation: an interactive problem needs "custom" validation/);
  });

  it('multi-pass problems: type multi-pass (2023-07+) or validation custom multi-pass (legacy, as DOMjudge writes it)', () => {
    const typed = parseProblemYaml('problem_format_version: 2023-07\ntype: [pass-fail, multi-pass, interactive]\n');
    assert.equal(typed.multiPass, true);
    assert.equal(typed.interactive, true);
    const legacy = parseProblemYaml('validation: custom multi-pass\nlimits:\n  validation_passes: 26\n');
    assert.equal(legacy.multiPass, true);
    assert.equal(legacy.limits.validationPasses, 26);
    assert.equal(parseProblemYaml('type: pass-fail\n').multiPass, false);
    rejects('validation: default multi-pass\n', /validation: a multi-pass problem needs "custom" validation/);
  });

  it('submit-answer problems: type submit-answer, never with multi-pass or interactive', () => {
    assert.equal(parseProblemYaml('problem_format_version: 2023-07\ntype: submit-answer\n').submitAnswer, true);
    assert.equal(parseProblemYaml('problem_format_version: 2023-07\ntype: [pass-fail, submit-answer]\n').submitAnswer, true);
    assert.equal(parseProblemYaml('').submitAnswer, false);
    rejects('type: [submit-answer, multi-pass]\n', /type: submit-answer and multi-pass cannot be combined/);
    rejects('type: [interactive, submit-answer]\n', /type: submit-answer and interactive cannot be combined/);
    rejects('type: [pass-fail, scoring]\n', /type: pass-fail and scoring cannot be combined/);
  });

  it('scoring problems: type scoring, legacy validation "custom score" and grading', () => {
    const legacy = parseProblemYaml('type: scoring\nvalidation: custom score\ngrading:\n  objective: max\n  show_test_data_groups: true\n');
    assert.deepEqual([legacy.scoring, legacy.validatorScores, legacy.validation], [true, true, 'custom']);
    const modern = parseProblemYaml('problem_format_version: 2025-09\ntype: [scoring, interactive]\n');
    assert.deepEqual([modern.scoring, modern.interactive, modern.validatorScores], [true, true, false]);
    assert.equal(parseProblemYaml('type: pass-fail\n').scoring, false);
    rejects('type: [pass-fail, scoring]\n', /type: pass-fail and scoring cannot be combined/);
    rejects('validation: custom score\n', /validation: "score" is for scoring problems only/);
    rejects('type: scoring\nvalidation: default score\n', /validation: scores written by the validator need "custom" validation/);
    rejects('grading:\n  objective: max\n', /grading: only scoring problems have grading/);
    rejects('type: scoring\ngrading:\n  objective: min\n', /grading\.objective: minimising scores is not supported/);
    rejects('type: scoring\ngrading:\n  accept_score: 2\n', /grading\.accept_score: deprecated here and not supported: give accept_score in data\/testdata\.yaml/);
  });

  it('unknown types and validation words are refused', () => {
    rejects('type: quiz\n', /type: unknown problem type "quiz"/);
    rejects('validation: sometimes\n', /validation: expected "default" or "custom"/);
  });

  it('both multiplier forms at once are refused', () => {
    rejects('limits:\n  time_multiplier: 5\n  time_multipliers:\n    ac_to_time_limit: 2\n', /not both/);
  });
});
