import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createThrottle } from './batcher.ts';
import { manualClock } from './manualClock.ts';

test('batches are folded into at most one delivery per interval, in order', () => {
  const clock = manualClock();
  const delivered: { at: number; items: number[] }[] = [];
  const throttle = createThrottle<number>((items) => delivered.push({ at: clock.now(), items }), 33, clock);
  throttle.push([1]);
  clock.advance(0);
  assert.deepEqual(delivered, [{ at: 0, items: [1] }], 'the first batch goes out at once');
  throttle.push([2]);
  clock.advance(10);
  throttle.push([3, 4]);
  clock.advance(10);
  assert.equal(delivered.length, 1);
  clock.advance(13);
  assert.deepEqual(delivered[1], { at: 33, items: [2, 3, 4] });
  // 1,000 batches a second still mean about 30 deliveries.
  for (let ms = 0; ms < 1000; ms++) {
    throttle.push([ms]);
    clock.advance(1);
  }
  assert.ok(delivered.length <= 2 + 31, `${delivered.length} deliveries`);
  throttle.flush();
  assert.deepEqual(
    delivered.flatMap((d) => d.items),
    [1, 2, 3, 4, ...Array.from({ length: 1000 }, (_, i) => i)],
    'nothing lost, nothing reordered',
  );
});

test('flush delivers now; cancel drops what waits', () => {
  const clock = manualClock();
  const delivered: number[][] = [];
  const throttle = createThrottle<number>((items) => delivered.push(items), 33, clock);
  throttle.push([1]);
  throttle.flush();
  assert.deepEqual(delivered, [[1]]);
  throttle.push([2]);
  throttle.cancel();
  clock.advance(100);
  assert.deepEqual(delivered, [[1]]);
  throttle.push([]);
  clock.advance(100);
  assert.deepEqual(delivered, [[1]], 'empty batches are not delivered');
});
