import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatElapsed, formatHoursMinutes, formatMemoryKb, formatRunTime, formatSpan, fromDatetimeLocal, parseHoursMinutes, toDatetimeLocal } from './format.ts';

test('h:mm both ways', () => {
  assert.equal(formatHoursMinutes(5 * 3_600_000), '5:00');
  assert.equal(formatHoursMinutes(45 * 60_000 + 59_000), '0:45');
  assert.equal(parseHoursMinutes('5:00'), 5 * 3_600_000);
  assert.equal(parseHoursMinutes(' 0:45 '), 45 * 60_000);
  assert.equal(parseHoursMinutes('2'), 2 * 3_600_000);
  assert.equal(parseHoursMinutes('0:00'), 0);
  for (const bad of ['', '1:5', '1:60', '-1:00', 'five', '1:00:00']) assert.equal(parseHoursMinutes(bad), null, bad);
  for (const ms of [0, 60_000, 90 * 60_000, 26 * 3_600_000]) assert.equal(parseHoursMinutes(formatHoursMinutes(ms)), ms);
});

test('datetime-local values round-trip in local time; empty is no start; nonsense is undefined', () => {
  const epoch = new Date(2025, 4, 1, 9, 30).getTime();
  assert.equal(toDatetimeLocal(epoch), '2025-05-01T09:30');
  assert.equal(fromDatetimeLocal('2025-05-01T09:30'), epoch);
  assert.equal(fromDatetimeLocal('2025-05-01T09:30:15'), epoch + 15_000);
  assert.equal(toDatetimeLocal(epoch + 26_000), '2025-05-01T09:30:26');
  assert.equal(toDatetimeLocal(null), '');
  assert.equal(fromDatetimeLocal(''), null);
  assert.equal(fromDatetimeLocal('2025-02-30T10:00'), undefined);
  assert.equal(fromDatetimeLocal('tomorrow'), undefined);
});

test('memory, run times, elapsed and spans', () => {
  assert.equal(formatMemoryKb(812), '812 KiB');
  assert.equal(formatMemoryKb(12_700), '12.4 MiB');
  assert.equal(formatMemoryKb(null), '—');
  assert.equal(formatRunTime(120), '0.12 s');
  assert.equal(formatRunTime(2000), '2 s');
  assert.equal(formatElapsed(420), '0.4 s');
  assert.equal(formatElapsed(12_300), '12 s');
  assert.equal(formatElapsed(125_000), '2:05');
  assert.equal(formatSpan(12_000), '12 s');
  assert.equal(formatSpan(-240_000), '4 min');
  assert.equal(formatSpan(3_900_000), '1 h 05');
});
