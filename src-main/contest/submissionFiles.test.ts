import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildZip } from '../package/testUtil.ts';
import { MAX_SOURCE_BYTES, MAX_SUBMISSION_FILES, SubmissionFileError, entryAndOthers, sourceFromZipFile, sourcesFromZipFile } from './submissionFiles.ts';

const python = { name: 'Python 3', extensions: ['py'] };

describe("a submission's zip of several files", () => {
  test('its files come back by name with their contents', async () => {
    const files = await sourcesFromZipFile(buildZip([{ name: 'main.py', data: 'import greet\n' }, { name: 'greet.py', data: 'X = 1\n' }, { name: 'notes.txt', data: 'hi' }]));
    assert.deepEqual(files.map((f) => [f.fileName, f.source.toString()]), [['greet.py', 'X = 1\n'], ['main.py', 'import greet\n'], ['notes.txt', 'hi']]);
  });

  test('symbolic links, duplicates, escapes, folders, bad names, too many and too large are refused', async () => {
    const refused = async (zip: Buffer, message: RegExp, code = 'invalid') => {
      await assert.rejects(sourcesFromZipFile(zip), (e: unknown) => e instanceof SubmissionFileError && e.code === code && message.test(e.message));
    };
    await refused(buildZip([{ name: 'main.py', data: 'x' }, { name: 'link.py', data: '/etc/passwd', mode: 0o120777 }]), /link\.py' is a symbolic link/);
    await refused(buildZip([{ name: 'a.py', data: 'x' }, { name: 'a.py', data: 'y' }]), /appears twice/);
    await refused(buildZip([{ name: '../a.py', data: 'x' }]), /escapes|corrupt/); // yauzl refuses it first
    await refused(buildZip([{ name: 'pkg/a.py', data: 'x' }]), /top of the zip/);
    await refused(buildZip([{ name: 'a b.py', data: 'x' }]), /bad file name/);
    await refused(buildZip(Array.from({ length: MAX_SUBMISSION_FILES + 1 }, (_, i) => ({ name: `f${i}.py`, data: 'x' }))), /more than 16 files/);
    const half = 'x'.repeat(MAX_SOURCE_BYTES / 2 + 1);
    await refused(buildZip([{ name: 'a.py', data: half }, { name: 'b.py', data: half }]), /too large/, 'too_large');
  });

  test('where one file is required (an export of one), several are refused', async () => {
    await assert.rejects(sourceFromZipFile(buildZip([{ name: 'a.py', data: 'x' }, { name: 'b.py', data: 'y' }])), /exactly one source file/);
  });

  test('the entry file is main.* else the first source by name; other files are kept beside it', () => {
    const file = (fileName: string) => ({ fileName, source: Buffer.from('') });
    const { entry, others } = entryAndOthers([file('a.txt'), file('b.py'), file('main.py')], python);
    assert.equal(entry.fileName, 'main.py');
    assert.deepEqual(others.map((f) => f.fileName), ['a.txt', 'b.py']);
    assert.equal(entryAndOthers([file('zz.py'), file('hello.py')], python).entry.fileName, 'hello.py');
    assert.throws(() => entryAndOthers([file('a.txt'), file('b.c')], python), /none of the 2 files is a Python 3 source/);
  });
});
