import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime, formatMebibytes } from './format.ts';

test('dates and times read the same everywhere: weekday, day, month in letters, year, 24-hour time', () => {
  assert.equal(formatDateTime(new Date(2026, 11, 4, 14, 3, 59).getTime()), 'Fri 4 Dec 2026, 14:03');
  assert.equal(formatDateTime(new Date(2027, 0, 31, 9, 5).getTime()), 'Sun 31 Jan 2027, 09:05');
});

test('memory limits read in MiB, or in GiB when whole', () => {
  assert.equal(formatMebibytes(256), '256 MiB');
  assert.equal(formatMebibytes(1536), '1536 MiB');
  assert.equal(formatMebibytes(2048), '2 GiB');
});
