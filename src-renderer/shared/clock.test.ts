import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockOffset } from './clock.ts';

test('the offset is the server clock against the middle of the round trip', () => {
  assert.equal(clockOffset(10_500, 1_000, 2_000), 9_000);
});
