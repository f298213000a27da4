import assert from 'node:assert/strict';
import { test } from 'node:test';
import { manualClock } from '../manualClock.ts';
import { createAckBatcher } from './ackBatcher.ts';

test('acknowledgements go out once enough characters are parsed', () => {
  const clock = manualClock();
  const sent: number[] = [];
  const acks = createAckBatcher((n) => sent.push(n), { maxChars: 5000, maxDelayMs: 100, timers: clock.timers });
  acks.add(3000);
  assert.deepEqual(sent, []);
  acks.add(2500);
  assert.deepEqual(sent, [5500]);
  assert.equal(clock.pendingCount(), 0, 'the timer went with the flush');
});

test('a trickle is acknowledged after the delay, in one request', () => {
  const clock = manualClock();
  const sent: number[] = [];
  const acks = createAckBatcher((n) => sent.push(n), { maxChars: 5000, maxDelayMs: 100, timers: clock.timers });
  acks.add(10);
  clock.advance(50);
  acks.add(20);
  assert.deepEqual(sent, []);
  clock.advance(50);
  assert.deepEqual(sent, [30]);
  clock.advance(500);
  assert.deepEqual(sent, [30], 'nothing more to send');
});

test('cancel drops what is pending and ignores later acknowledgements', () => {
  const clock = manualClock();
  const sent: number[] = [];
  const acks = createAckBatcher((n) => sent.push(n), { timers: clock.timers });
  acks.add(100);
  acks.cancel();
  acks.add(10_000);
  clock.advance(1000);
  assert.deepEqual(sent, []);
});
