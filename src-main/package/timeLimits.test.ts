import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultTimeMultipliers, derivedTimeLimits, statedTimeLimits, type TimeLimitRules } from './timeLimits.ts';

const legacy: TimeLimitRules = { ...defaultTimeMultipliers(true), legacyFormat: true, timeResolutionMs: 1000 };
const modern: TimeLimitRules = { ...defaultTimeMultipliers(false), legacyFormat: false, timeResolutionMs: 1000 };

describe('time limits: defaults by format version', () => {
  it('legacy: time_multiplier 5, time_safety_margin 2; 2023-07 and later: 2 and 1.5', () => {
    assert.deepEqual(defaultTimeMultipliers(true), { acToTimeLimit: 5, timeLimitToTle: 2 });
    assert.deepEqual(defaultTimeMultipliers(false), { acToTimeLimit: 2, timeLimitToTle: 1.5 });
  });
});

describe('time limits: derived from the slowest accepted run', () => {
  it('legacy: slowest x 5 rounded to the nearest second, at least 1 s', () => {
    assert.equal(derivedTimeLimits(10, legacy).timeLimitMs, 1000); // 0.05 s
    assert.equal(derivedTimeLimits(280, legacy).timeLimitMs, 1000); // 1.4 s: down, not up
    assert.equal(derivedTimeLimits(300, legacy).timeLimitMs, 2000); // 1.5 s: half up
    assert.equal(derivedTimeLimits(380, legacy).timeLimitMs, 2000); // 1.9 s
  });

  it('legacy: the margin is the unrounded product x time_safety_margin to the nearest second, at least a second above the limit', () => {
    assert.equal(derivedTimeLimits(10, legacy).marginLimitMs, 2000); // 0.1 s, but limit + 1 s
    assert.equal(derivedTimeLimits(300, legacy).marginLimitMs, 3000); // 3 s, not 2 s x 2
    assert.equal(derivedTimeLimits(380, legacy).marginLimitMs, 4000); // 3.8 s
  });

  it('2023-07 and later: the smallest multiple of time_resolution at or above slowest x ac_to_time_limit', () => {
    assert.equal(derivedTimeLimits(10, modern).timeLimitMs, 1000);
    assert.equal(derivedTimeLimits(510, modern).timeLimitMs, 2000); // 1.02 s: up
    assert.equal(derivedTimeLimits(500, modern).timeLimitMs, 1000); // exactly 1 s
    assert.equal(derivedTimeLimits(510, modern).marginLimitMs, 3000); // 2 s x 1.5
    const halfSeconds = { ...modern, timeResolutionMs: 500 };
    assert.deepEqual(derivedTimeLimits(510, halfSeconds), { timeLimitMs: 1500, marginLimitMs: 2250 });
    assert.equal(derivedTimeLimits(1, halfSeconds).timeLimitMs, 500, 'at least one resolution step');
  });

  it('floating-point noise does not push a product onto the next multiple', () => {
    // 700 x 1.1 is 770.0000000000001 in floating point; with a 0.07 s resolution that is 11 steps, not 12.
    assert.equal(derivedTimeLimits(700, { ...modern, acToTimeLimit: 1.1, timeResolutionMs: 70 }).timeLimitMs, 770);
  });
});

describe('time limits: a stated limit', () => {
  it('is kept, with the margin limit x time_limit_to_tle', () => {
    assert.deepEqual(statedTimeLimits(1000, legacy), { timeLimitMs: 1000, marginLimitMs: 2000 });
    assert.deepEqual(statedTimeLimits(1500, modern), { timeLimitMs: 1500, marginLimitMs: 2250 });
  });
});
