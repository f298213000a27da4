import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JudgeResult, TestResult } from '../common/results.ts';
import type { Verdict } from '../common/types.ts';
import { matchesExpected, verdictAtLimit } from './exampleVerdicts.ts';

function test(name: string, verdict: Verdict, timeMs: number): TestResult {
  return { name, verdict, timeMs, wallMs: timeMs, memoryKb: 1000, exitCode: 0, signal: 0, message: '' };
}

function judged(...tests: TestResult[]): JudgeResult {
  const failing = tests.find((t) => t.verdict !== 'AC');
  return {
    verdict: failing?.verdict ?? 'AC',
    tests,
    compile: { ok: true, output: '', timeMs: 0 },
    timeMs: Math.max(0, ...tests.map((t) => t.timeMs)),
    memoryKb: 1000,
  };
}

describe('example verdicts: the verdict at the time limit, read from a run at the margin', () => {
  it('a test over the limit is TLE there, and the first failing test decides', () => {
    // Judged with a 2 s margin: AC in 1.5 s, then WA. At 1 s the first test is already too slow.
    const result = judged(test('1', 'AC', 1500), test('2', 'WA', 10));
    assert.equal(verdictAtLimit(result, 1000), 'TLE');
    assert.equal(verdictAtLimit(result, 2000), 'WA');
  });

  it('a crash after the limit is TLE at the limit; one before it stays RTE', () => {
    assert.equal(verdictAtLimit(judged(test('1', 'RTE', 1200)), 1000), 'TLE');
    assert.equal(verdictAtLimit(judged(test('1', 'RTE', 900)), 1000), 'RTE');
  });

  it('TLE at the margin is TLE at the limit; a compile error stays CE', () => {
    assert.equal(verdictAtLimit(judged(test('1', 'AC', 10), test('2', 'TLE', 2000)), 1000), 'TLE');
    const ce: JudgeResult = { ...judged(), verdict: 'CE', compile: { ok: false, output: 'error', timeMs: 5 } };
    assert.equal(verdictAtLimit(ce, 1000), 'CE');
  });
});

describe('example verdicts: which folder accepts what', () => {
  it('time_limit_exceeded/ must be too slow even at the margin', () => {
    assert.equal(matchesExpected({ expected: 'time_limit_exceeded' }, 'TLE', 'TLE'), true);
    assert.equal(matchesExpected({ expected: 'time_limit_exceeded' }, 'TLE', 'AC'), false);
    assert.equal(matchesExpected({ expected: 'time_limit_exceeded' }, 'TLE', 'WA'), false);
  });

  it('wrong_answer/ and run_time_error/ may reach their verdict with the margin', () => {
    assert.equal(matchesExpected({ expected: 'wrong_answer' }, 'TLE', 'WA'), true);
    assert.equal(matchesExpected({ expected: 'wrong_answer' }, 'WA', 'WA'), true);
    assert.equal(matchesExpected({ expected: 'wrong_answer' }, 'TLE', 'TLE'), false);
    assert.equal(matchesExpected({ expected: 'wrong_answer' }, 'TLE', 'AC'), false);
    assert.equal(matchesExpected({ expected: 'run_time_error' }, 'TLE', 'RTE'), true);
  });

  it('run_time_error/ accepts running out of memory (no format version has an MLE verdict)', () => {
    assert.equal(matchesExpected({ expected: 'run_time_error' }, 'MLE', 'MLE'), true);
    assert.equal(matchesExpected({ expected: 'run_time_error' }, 'WA', 'WA'), false);
  });

  it('accepted/ must be AC at the limit itself', () => {
    assert.equal(matchesExpected({ expected: 'accepted' }, 'AC', 'AC'), true);
    assert.equal(matchesExpected({ expected: 'accepted' }, 'TLE', 'AC'), false);
  });
});
