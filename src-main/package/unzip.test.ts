import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PackageError } from '../common/types.ts';
import { extractZip, normaliseEntryName } from './unzip.ts';
import { removeTempDirs, tempDir, writeZip, withPrivateTmp } from './testUtil.ts';
import type { ZipEntrySpec } from './testUtil.ts';

after(removeTempDirs);

async function extractRejects(entries: ZipEntrySpec[], pattern: RegExp, options = {}): Promise<void> {
  const zipPath = writeZip('bad.zip', entries);
  const left = await withPrivateTmp(async () => {
    await assert.rejects(extractZip(zipPath, options), (err: unknown) => {
      assert.ok(err instanceof PackageError, String(err));
      assert.equal(err.file, zipPath);
      assert.match(err.message, pattern);
      return true;
    });
  });
  assert.deepEqual(left, [], 'the temp folder is removed after a failure');
}

describe('normaliseEntryName', () => {
  it('normalises harmless names and refuses escaping ones', () => {
    assert.deepEqual(normaliseEntryName('a/./b//c'), { parts: ['a', 'b', 'c'], isDir: false });
    assert.deepEqual(normaliseEntryName('a/../b'), { parts: ['b'], isDir: false });
    assert.deepEqual(normaliseEntryName('dir/'), { parts: ['dir'], isDir: true });
    assert.ok('reason' in normaliseEntryName('../evil'));
    assert.ok('reason' in normaliseEntryName('a/../../evil'));
    assert.ok('reason' in normaliseEntryName('/etc/passwd'));
    assert.ok('reason' in normaliseEntryName('C:/x'));
    assert.ok('reason' in normaliseEntryName('c:x'));
    assert.ok('reason' in normaliseEntryName('a\\..\\..\\evil'));
    assert.ok('reason' in normaliseEntryName('a\0b'));
  });
});

describe('extractZip', () => {
  it('extracts files and folders into a private temp folder; dispose removes it', async () => {
    const zipPath = writeZip('ok.zip', [
      { name: 'top/' },
      { name: 'top/a.txt', data: 'hello\n' },
      { name: 'top/sub/b.bin', data: Buffer.from([0, 1, 2, 255]), method: 0 },
      { name: 'top/run', data: '#!/bin/sh\n', mode: 0o100755 },
      { name: 'top/empty.txt', data: '' },
    ]);
    const z = await extractZip(zipPath);
    try {
      assert.equal(fs.statSync(z.dir).mode & 0o777, 0o700);
      assert.equal(fs.readFileSync(path.join(z.dir, 'top/a.txt'), 'utf8'), 'hello\n');
      assert.deepEqual([...fs.readFileSync(path.join(z.dir, 'top/sub/b.bin'))], [0, 1, 2, 255]);
      assert.equal(fs.readFileSync(path.join(z.dir, 'top/empty.txt'), 'utf8'), '');
      assert.notEqual(fs.statSync(path.join(z.dir, 'top/run')).mode & 0o100, 0, 'executable bit kept');
      assert.equal(fs.statSync(path.join(z.dir, 'top/a.txt')).mode & 0o111, 0);
    } finally {
      z.dispose();
    }
    assert.equal(fs.existsSync(z.dir), false);
    z.dispose(); // twice is fine
  });

  it('refuses zip-slip, absolute, drive-letter and backslash names', async () => {
    await extractRejects([{ name: 'ok.txt', data: 'x' }, { name: '../evil', data: 'x' }], /entry "\.\.\/evil": escapes/);
    await extractRejects([{ name: 'a/../../evil', data: 'x' }], /entry "a\/\.\.\/\.\.\/evil": escapes/);
    await extractRejects([{ name: '/etc/evil', data: 'x' }], /entry "\/etc\/evil": is an absolute path/);
    await extractRejects([{ name: 'C:/evil', data: 'x' }], /drive letter/);
    await extractRejects([{ name: '..\\evil', data: 'x' }], /backslash/);
  });

  it('refuses symlink entries and special files', async () => {
    await extractRejects([{ name: 'link', data: '/etc/passwd', mode: 0o120777 }], /entry "link": is a symbolic link/);
    await extractRejects([{ name: 'fifo', data: '', mode: 0o010644 }], /not a regular file/);
  });

  it('refuses duplicates and file/folder clashes', async () => {
    await extractRejects([{ name: 'a', data: '1' }, { name: 'a', data: '2' }], /entry "a": duplicate/);
    await extractRejects([{ name: 'a', data: '1' }, { name: 'a/b', data: '2' }], /entry "a\/b": clashes/);
  });

  it('caps the entry count and the total size', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: 'x' }));
    await extractRejects(many, /too many entries/, { maxEntries: 4 });
    await extractRejects(
      [{ name: 'a', data: 'x'.repeat(600) }, { name: 'b', data: 'y'.repeat(600) }],
      /exceed 1000 bytes/,
      { maxTotalBytes: 1000 },
    );
  });

  it('detects corrupt data (CRC mismatch)', async () => {
    await extractRejects([{ name: 'a', data: 'hello', crc: 12345 }], /entry "a": corrupt data/);
  });

  it('a file that is not a zip gives "not a zip file"', async () => {
    const p = path.join(tempDir(), 'fake.zip');
    fs.writeFileSync(p, 'this is not a zip file at all, just some text\n'.repeat(3));
    await assert.rejects(extractZip(p), (err: unknown) => {
      assert.ok(err instanceof PackageError);
      assert.equal(err.message, `${p}: not a zip file`);
      return true;
    });
    const truncated = writeZip('trunc.zip', [{ name: 'a', data: 'hello world' }]);
    fs.truncateSync(truncated, 20);
    await assert.rejects(extractZip(truncated), /not a zip file/);
  });
});
