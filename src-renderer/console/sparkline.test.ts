import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sparkline } from './sparkline.ts';

test('values scale into the box: 0 at the bottom, the largest at the top', () => {
  const line = sparkline([0, 5, 10], 100, 50, 0);
  assert.equal(line.points, '0,50 50,25 100,0');
  assert.equal(line.area, '0,50 0,50 50,25 100,0 100,50');
  assert.equal(line.max, 10);
  assert.equal(line.last, 10);
});

test('no data draws nothing; one value is a flat line; quiet minutes are not a peak', () => {
  assert.equal(sparkline([], 100, 50).points, '');
  assert.equal(sparkline([3], 100, 50, 0).points, '0,0 100,0');
  assert.equal(sparkline([0, 0], 100, 50, 0, 1).points, '0,50 100,50');
  assert.equal(sparkline([Number.NaN, -2], 100, 50, 0).points, '0,50 100,50');
});
