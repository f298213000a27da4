import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readHead, readTail } from './fileSlices.ts';

test('head and tail slices of a file, and of one that is missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verdict-slices-'));
  try {
    const file = join(dir, 'out');
    writeFileSync(file, `start${'x'.repeat(100_000)}end`);
    assert.equal(readHead(file, 5), 'start');
    assert.equal(readTail(file, 3), 'end');
    assert.equal(readTail(join(dir, 'short'), 10), '');
    writeFileSync(join(dir, 'short'), 'abc');
    assert.equal(readTail(join(dir, 'short'), 10), 'abc', 'a slice longer than the file is the whole file');
    assert.equal(readHead(join(dir, 'short'), 10), 'abc');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
