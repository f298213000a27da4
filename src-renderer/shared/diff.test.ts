import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstDifference, significantLines } from './diff.ts';

test('equal texts have no difference', () => {
  assert.equal(firstDifference('1 2\n3\n', '1 2\n3\n'), null);
  assert.equal(firstDifference('', ''), null);
});

test('line ends, trailing blanks and trailing empty lines do not count', () => {
  assert.equal(firstDifference('1\n2\n', '1\r\n2'), null);
  assert.equal(firstDifference('yes\n', 'yes   \n\n\n'), null);
  assert.deepEqual(significantLines('a \r\nb\t\n\n'), ['a', 'b']);
});

test('the first differing line and column, 1-based line', () => {
  assert.deepEqual(firstDifference('1\n2\n3\n', '1\n2\n4\n'), { line: 3, column: 0, expected: '3', output: '4' });
  assert.deepEqual(firstDifference('Case #1: 42\nCase #2: 7\n', 'Case #1: 43\nCase #2: 8\n'), { line: 1, column: 10, expected: 'Case #1: 42', output: 'Case #1: 43' });
});

test('a side that stops early: the missing line is null', () => {
  assert.deepEqual(firstDifference('1\n2\n3\n', '1\n2\n'), { line: 3, column: 0, expected: '3', output: null });
  assert.deepEqual(firstDifference('1\n', '1\nextra\n'), { line: 2, column: 0, expected: null, output: 'extra' });
  assert.deepEqual(firstDifference('42\n', ''), { line: 1, column: 0, expected: '42', output: null });
});

test('leading spaces and inner spacing count (the texts are compared as shown)', () => {
  assert.deepEqual(firstDifference('1 2\n', '1  2\n'), { line: 1, column: 2, expected: '1 2', output: '1  2' });
  assert.deepEqual(firstDifference('x\n', ' x\n'), { line: 1, column: 0, expected: 'x', output: ' x' });
});

test('one text a prefix of the other on a line: the column is where the shorter ends', () => {
  assert.deepEqual(firstDifference('12345\n', '123\n'), { line: 1, column: 3, expected: '12345', output: '123' });
});
