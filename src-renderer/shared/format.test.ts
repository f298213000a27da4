import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatContestTime, formatDateTime, formatMebibytes, parseContestTime } from './format.ts';

test('dates and times read the same everywhere: weekday, day, month in letters, year, 24-hour time', () => {
  assert.equal(formatDateTime(new Date(2026, 11, 4, 14, 3, 59).getTime()), 'Fri 4 Dec 2026, 14:03');
  assert.equal(formatDateTime(new Date(2027, 0, 31, 9, 5).getTime()), 'Sun 31 Jan 2027, 09:05');
});

test('memory limits read in MiB, or in GiB when whole', () => {
  assert.equal(formatMebibytes(256), '256 MiB');
  assert.equal(formatMebibytes(1536), '1536 MiB');
  assert.equal(formatMebibytes(2048), '2 GiB');
});

test('a contest time a judge types: h:mm, h:mm:ss or whole minutes; anything else is not one', () => {
  assert.equal(parseContestTime('1:30'), 90 * 60_000);
  assert.equal(parseContestTime(' 0:02:30 '), 150_000);
  assert.equal(parseContestTime('90'), 90 * 60_000);
  assert.equal(parseContestTime(formatContestTime(3 * 3_600_000 + 7 * 60_000)), 3 * 3_600_000 + 7 * 60_000, 'what the console shows reads back');
  for (const text of ['', '1:5', '1:60', '1:30:75', '-5', '1.5', 'noon', '1:30pm']) assert.equal(parseContestTime(text), null, text);
});
