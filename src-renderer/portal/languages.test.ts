import assert from 'node:assert/strict';
import { test } from 'node:test';
import { programOfFiles } from './languages.ts';

const languages = [
  { id: 'cpp', name: 'C++', extensions: ['cpp', 'cc'], timeFactor: 1 },
  { id: 'python', name: 'Python 3', extensions: ['py'], timeFactor: 1 },
];
const file = (fileName: string) => ({ fileName, source: '' });

test('files uploaded together: the entry is main.* of the language most likely, else the first source by name', () => {
  const cpp = programOfFiles([file('util.hpp'), file('util.cc'), file('main.cc')], languages, null);
  assert.deepEqual([cpp?.entry.fileName, cpp?.languageId, cpp?.others.map((f) => f.fileName)], ['main.cc', 'cpp', ['util.hpp', 'util.cc']]);
  const py = programOfFiles([file('words.py'), file('game.py'), file('notes.txt')], languages, null);
  assert.deepEqual([py?.entry.fileName, py?.languageId], ['game.py', 'python']);
  const none = programOfFiles([file('notes.txt')], languages, null);
  assert.deepEqual([none?.entry.fileName, none?.languageId], ['notes.txt', null]);
});
