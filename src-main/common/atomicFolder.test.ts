import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { TargetExistsError, inPool, writeFolderAtomically } from './atomicFolder.ts';
import { MANIFEST, manifestText, parseManifest, sha256Hex, verifyManifest } from './manifest.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-atomic-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(scratch, `case-${++n}`);

describe('manifest.sha256', () => {
  test('sha256sum format, sorted, and parsed back (names with backslash or newline escaped)', () => {
    const hashes = new Map([
      ['b.txt', sha256Hex('b')],
      ['a/z.json', sha256Hex('z')],
      ['odd\\name\nx', sha256Hex('odd')],
      [MANIFEST, 'ignored'],
    ]);
    const text = manifestText(hashes);
    assert.equal(text.split('\n')[0], `${sha256Hex('z')}  a/z.json`);
    assert.equal(text.split('\n')[1], `${sha256Hex('b')}  b.txt`);
    assert.equal(text.split('\n')[2], `\\${sha256Hex('odd')}  odd\\\\name\\nx`);
    assert.ok(!text.includes(MANIFEST), 'the manifest does not list itself');
    hashes.delete(MANIFEST);
    assert.deepEqual(parseManifest(text), hashes);
    assert.throws(() => parseManifest('nonsense\n'), /line 1/);
  });
});

describe('writeFolderAtomically', () => {
  test('writes every file and a manifest that verifies (also with sha256sum -c)', async () => {
    const target = fresh();
    const { files, path } = await writeFolderAtomically(target, async (w) => {
      await w.write('a.txt', 'alpha\n');
      await w.write('sub/dir/b.bin', Buffer.from([0, 1, 2, 255]));
      const src = join(scratch, `source-${n}.txt`);
      writeFileSync(src, 'copied\n');
      await w.copy(src, 'sub/c.txt');
    });
    assert.equal(path, target);
    assert.deepEqual(files, ['a.txt', MANIFEST, 'sub/c.txt', 'sub/dir/b.bin']);
    assert.equal(readFileSync(join(target, 'sub/c.txt'), 'utf8'), 'copied\n');
    assert.deepEqual(await verifyManifest(target), { ok: true, changed: [], missing: [], unlisted: [] });
    if (spawnSync('sha256sum', ['--version']).status === 0) {
      const run = spawnSync('sha256sum', ['-c', MANIFEST], { cwd: target, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stdout + run.stderr);
    }
    // Nothing is left beside it.
    assert.deepEqual(readdirSync(scratch).filter((f) => f.startsWith('.')), []);
  });

  test('verifyManifest finds a changed, a missing and an unlisted file', async () => {
    const target = fresh();
    await writeFolderAtomically(target, async (w) => {
      await w.write('a.txt', 'a');
      await w.write('b.txt', 'b');
    });
    writeFileSync(join(target, 'a.txt'), 'A');
    rmSync(join(target, 'b.txt'));
    writeFileSync(join(target, 'c.txt'), 'c');
    const check = await verifyManifest(target);
    assert.deepEqual(check, { ok: false, changed: ['a.txt'], missing: ['b.txt'], unlisted: ['c.txt'] });
  });

  test('a failure mid-way leaves no folder and no temporary folder behind', async () => {
    const parent = fresh();
    mkdirSync(parent);
    const target = join(parent, 'out');
    await assert.rejects(
      writeFolderAtomically(
        target,
        async (w) => {
          await w.write('one.txt', '1');
          await w.write('two.txt', '2');
          await inPool([1, 2, 3, 4, 5, 6, 7, 8], 3, async (i) => w.write(`many/${i}.txt`, String(i)));
        },
        {
          onFile: (rel) => {
            if (rel === 'many/5.txt') throw new Error('disk on fire');
          },
        },
      ),
      /disk on fire/,
    );
    assert.deepEqual(readdirSync(parent), []);
  });

  test('an unusable target (its parent is a file) fails before anything is written', async () => {
    const parent = fresh();
    writeFileSync(parent, 'not a folder');
    await assert.rejects(writeFolderAtomically(join(parent, 'out'), async (w) => w.write('a', 'a')), { code: 'ENOTDIR' } as never);
    assert.equal(readFileSync(parent, 'utf8'), 'not a folder');
  });

  test('refuses a target that has files, unless forced; an empty folder is fine', async () => {
    const target = fresh();
    mkdirSync(target);
    await writeFolderAtomically(target, async (w) => w.write('first.txt', '1'));
    await assert.rejects(writeFolderAtomically(target, async (w) => w.write('second.txt', '2')), TargetExistsError);
    assert.ok(existsSync(join(target, 'first.txt')));
    await writeFolderAtomically(target, async (w) => w.write('second.txt', '2'), { force: true });
    assert.deepEqual(readdirSync(target).sort(), [MANIFEST, 'second.txt']);
    assert.deepEqual(readdirSync(join(target, '..')).filter((f) => f.startsWith('.')), [], 'the replaced folder is gone');
  });

  test('a forced write that fails leaves the old folder as it was', async () => {
    const target = fresh();
    await writeFolderAtomically(target, async (w) => w.write('keep.txt', 'keep'));
    await assert.rejects(
      writeFolderAtomically(
        target,
        async (w) => {
          await w.write('new.txt', 'new');
          throw new Error('stop');
        },
        { force: true },
      ),
      /stop/,
    );
    assert.deepEqual(readdirSync(target).sort(), ['keep.txt', MANIFEST]);
  });

  test('replacedTo keeps the replaced folder; modes are applied', async () => {
    const target = fresh();
    await writeFolderAtomically(target, async (w) => w.write('old.txt', 'old'));
    const kept = `${target}.kept`;
    await writeFolderAtomically(target, async (w) => w.write('secret/new.txt', 'new'), { force: true, replacedTo: kept, dirMode: 0o700, fileMode: 0o600, manifest: false });
    assert.equal(readFileSync(join(kept, 'old.txt'), 'utf8'), 'old');
    assert.deepEqual(readdirSync(target), ['secret']);
    assert.equal(statSync(join(target, 'secret')).mode & 0o777, 0o700);
    assert.equal(statSync(join(target, 'secret/new.txt')).mode & 0o777, 0o600);
  });

  test('refuses unsafe or repeated relative paths', async () => {
    for (const rel of ['../x', '/abs', 'a//b', 'a/./b']) {
      await assert.rejects(writeFolderAtomically(fresh(), async (w) => w.write(rel, 'x')), /not a safe relative path/);
    }
    await assert.rejects(
      writeFolderAtomically(fresh(), async (w) => {
        await w.write('a', '1');
        await w.write('a', '2');
      }),
      /written twice/,
    );
  });
});
