// Flow control of live output: a watcher that does not acknowledge is paused, appending never
// waits, and what a paused watcher missed is skipped with a notice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OUTPUT_HIGH_WATERMARK_CHARS } from '../shared/judgeApi.ts';
import { OutputHub } from './outputHub.ts';

test('a watcher gets buffered output first, then live output', () => {
  const hub = new OutputHub();
  hub.append('1', 'compiling\r\n');
  const got: string[] = [];
  const w = hub.watch('1', (d) => got.push(d));
  hub.append('1', 'test 1\r\n');
  assert.deepEqual(got, ['compiling\r\n', 'test 1\r\n']);
  w.stop();
  hub.append('1', 'more');
  assert.equal(got.length, 2, 'a stopped watcher gets nothing');
});

test('a watcher that does not acknowledge is paused above the high watermark; acks resume it', () => {
  const hub = new OutputHub();
  let received = 0;
  const w = hub.watch('2', (d) => (received += d.length));
  const chunk = 'x'.repeat(10_000);
  for (let i = 0; i < 50; i++) hub.append('2', chunk); // 500k chars: a flood
  assert.ok(received <= OUTPUT_HIGH_WATERMARK_CHARS + chunk.length, `sent ${received} unacknowledged chars`);
  assert.ok(received > OUTPUT_HIGH_WATERMARK_CHARS, 'it was sent up to the watermark');
  const before = received;
  w.ack(before); // the terminal parsed everything
  assert.ok(received > before, 'acknowledging resumes sending');
});

test('what a paused watcher missed beyond the buffer is skipped with a notice', () => {
  const hub = new OutputHub();
  const got: string[] = [];
  const w = hub.watch('3', (d) => got.push(d));
  for (let i = 0; i < 100; i++) hub.append('3', `${String(i).padStart(9, '0')}${'y'.repeat(9990)}`); // 1,000,000 chars
  w.ack(Number.MAX_SAFE_INTEGER);
  const text = got.join('');
  assert.match(text, /characters skipped/);
  assert.ok(text.endsWith('y'.repeat(100)), 'the newest output arrives');
  assert.ok(text.includes('000000099'), 'including the last chunk');
});

test('a rejudge starts the terminal afresh', () => {
  const hub = new OutputHub();
  hub.append('4', 'old run\r\n');
  hub.restart('4');
  hub.append('4', 'new run\r\n');
  const got: string[] = [];
  hub.watch('4', (d) => got.push(d));
  assert.deepEqual(got, ['new run\r\n']);
});
