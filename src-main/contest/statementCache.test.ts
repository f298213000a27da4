// LaTeX statements are converted once per file version: a second request reads nothing, an edited
// file is read and converted again.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { LatexStatementCache, type StatementFiles } from './statementCache.ts';

const dir = mkdtempSync(join(tmpdir(), 'verdict-statement-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The disk, counting the files read. */
function countingFiles(): StatementFiles & { reads: number } {
  return {
    reads: 0,
    version: (path) => {
      const st = statSync(path);
      return `${st.mtimeMs}:${st.size}`;
    },
    read(path) {
      this.reads++;
      return readFileSync(path, 'utf8');
    },
  };
}

const noImages = () => null;

test('a statement is read and converted once while its file is unchanged', () => {
  const file = join(dir, 'once.tex');
  writeFileSync(file, '\\problemname{Sheep}\nCount the sheep.\n');
  const files = countingFiles();
  const cache = new LatexStatementCache(files);
  const first = cache.html(file, noImages);
  assert.match(first, /Count the sheep\./);
  for (let i = 0; i < 5; i++) assert.equal(cache.html(file, noImages), first);
  assert.equal(files.reads, 1);
});

test('an edited statement is read and converted again', () => {
  const file = join(dir, 'edited.tex');
  writeFileSync(file, '\\problemname{Sheep}\nCount the sheep.\n');
  const files = countingFiles();
  const cache = new LatexStatementCache(files);
  assert.match(cache.html(file, noImages), /Count the sheep\./);
  writeFileSync(file, '\\problemname{Goats}\nCount the goats instead.\n');
  const edited = cache.html(file, noImages);
  assert.match(edited, /Count the goats instead\./);
  assert.doesNotMatch(edited, /sheep/);
  assert.equal(files.reads, 2);
});
