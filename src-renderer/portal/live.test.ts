import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RECONNECT_FIRST_MS, RECONNECT_MAX_MS, reconnectDelayMs } from './live.ts';

test('the reconnect wait starts short, doubles, and never passes its cap', () => {
  assert.equal(reconnectDelayMs(1), RECONNECT_FIRST_MS);
  assert.equal(reconnectDelayMs(2), 2 * RECONNECT_FIRST_MS);
  const waits = Array.from({ length: 50 }, (_, i) => reconnectDelayMs(i + 1));
  waits.reduce((before, wait) => {
    assert.ok(wait >= before, 'never shorter than the wait before');
    return wait;
  });
  assert.equal(Math.max(...waits), RECONNECT_MAX_MS);
  assert.ok(RECONNECT_MAX_MS <= 5_000, 'a restarted server is seen within seconds');
});
