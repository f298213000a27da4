import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageForFile, parseExtensionLanguages, preferChosen } from './languages.ts';

const languages = [
  { id: 'c', extensions: ['c'] },
  { id: 'cpp', extensions: ['cpp', 'C'] },
  { id: 'python', extensions: ['py', 'py3'] },
  { id: 'pypy3', extensions: ['py', 'py3'] },
];

describe('languages: which language a file is', () => {
  it('by extension, case-sensitive first, the first language listing it', () => {
    assert.equal(languageForFile(languages, 'a.C')?.id, 'cpp');
    assert.equal(languageForFile(languages, 'a.c')?.id, 'c');
    assert.equal(languageForFile(languages, 'sol.py')?.id, 'python');
    assert.equal(languageForFile(languages, 'notes.txt'), null);
  });

  it('a choice per extension picks among the languages sharing it, and leaves the other extensions alone', () => {
    assert.equal(languageForFile(languages, 'sol.py', { py: 'pypy3' })?.id, 'pypy3');
    assert.equal(languageForFile(languages, 'sol.py3', { py: 'pypy3' })?.id, 'python');
    assert.equal(languageForFile(languages, 'a.c', { py: 'pypy3' })?.id, 'c');
  });

  it('the chosen language moves just before the first other one sharing the extension', () => {
    assert.deepEqual(preferChosen(languages, { py: 'pypy3' }).map((l) => l.id), ['c', 'cpp', 'pypy3', 'python']);
    assert.deepEqual(preferChosen(languages, { py: 'python' }).map((l) => l.id), ['c', 'cpp', 'python', 'pypy3']);
  });
});

describe('languages: --language-for pairs', () => {
  it('ext=id, a leading dot allowed', () => {
    assert.deepEqual(parseExtensionLanguages(['py=pypy3', '.C=c'], languages), { py: 'pypy3', C: 'c' });
  });

  it('refuses what is not a pair, and a language that does not exist', () => {
    assert.throws(() => parseExtensionLanguages(['pypy3'], languages), /expected <extension>=<language id>/);
    assert.throws(() => parseExtensionLanguages(['py=pypy'], languages), /unknown language "pypy"/);
  });
});
