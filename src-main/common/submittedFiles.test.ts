import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { entryFile } from './entryFile.ts';
import { languageForFiles, submittedFiles } from './submittedFiles.ts';
import { expandCommand } from './languages.ts';

const languages = [
  { id: 'c', extensions: ['c'] },
  { id: 'cpp', extensions: ['cpp', 'cc', 'C'] },
  { id: 'python', extensions: ['py'] },
  { id: 'pypy3', extensions: ['py'] },
];

const dir = mkdtempSync(join(tmpdir(), 'verdict-submitted-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('a submission of several files', () => {
  test('its files: every regular file below the folder by name, symlinks left out; a file is itself', () => {
    const folder = join(dir, 'sub');
    mkdirSync(join(folder, 'pkg'), { recursive: true });
    writeFileSync(join(folder, 'b.py'), '');
    writeFileSync(join(folder, 'pkg', 'a.py'), '');
    writeFileSync(join(folder, 'A.txt'), '');
    symlinkSync('/etc/passwd', join(folder, 'link.py'));
    assert.deepEqual(submittedFiles(folder).map((f) => f.name), ['A.txt', 'b.py', 'pkg/a.py']);
    assert.equal(submittedFiles(folder)[2].path, join(folder, 'pkg', 'a.py'));
    assert.deepEqual(submittedFiles(join(folder, 'b.py')), [{ name: 'b.py', path: join(folder, 'b.py') }]);
  });

  test('the entry file: main.* first (any case), else the first by name', () => {
    assert.equal(entryFile(['words.py', 'Main.py']), 'Main.py');
    assert.equal(entryFile(['zeta.js', 'module.js', 'hello.js']), 'hello.js');
    assert.equal(entryFile([]), null);
  });

  test('the language: most files, then the entry file on a tie; headers and text count for none', () => {
    assert.equal(languageForFiles(languages, ['main.cc', 'x.cc', 'x.hpp', 'notes.txt'])?.id, 'cpp');
    assert.equal(languageForFiles(languages, ['a.c', 'main.py'])?.id, 'python');
    assert.equal(languageForFiles(languages, ['a.c', 'b.py'])?.id, 'c');
    assert.equal(languageForFiles(languages, ['main.py'], { py: 'pypy3' })?.id, 'pypy3');
    assert.equal(languageForFiles(languages, ['notes.txt']), null);
  });

  test('{sources} as a whole argument becomes every source; elsewhere placeholders are replaced', () => {
    assert.deepEqual(expandCommand(['g++', '-o', 'main', '{sources}', '-x{src}'], { src: 'main.cc' }, { sources: ['a.cc', 'main.cc'] }), ['g++', '-o', 'main', 'a.cc', 'main.cc', '-xmain.cc']);
    assert.deepEqual(expandCommand(['run', '{sources}'], {}), ['run', '{sources}']);
  });
});
