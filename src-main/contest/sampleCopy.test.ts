// The desktop app's writable copy of the packaged sample contest: made once from a read-only source,
// the judge's own, kept with its changes on later starts.
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { resourcePath } from '../common/paths.ts';
import { loadContest } from './loadContest.ts';
import { addProblemPackage } from './problemImport.ts';
import { copyContestOnce, writableContestDir } from './sampleCopy.ts';
import { importTeamsIntoFolder, parseTeamList } from './teamImport.ts';

const scratch = mkdtempSync(join(tmpdir(), 'verdict-sample-copy-'));

/** Like `chmod -R`: `mode(isDir, current)` gives each entry's new mode (folders after their contents). */
function chmodTree(path: string, mode: (isDir: boolean, current: number) => number): void {
  const info = statSync(path);
  if (info.isDirectory()) for (const name of readdirSync(path)) chmodTree(join(path, name), mode);
  chmodSync(path, mode(info.isDirectory(), info.mode & 0o7777));
}

after(() => {
  // Read-only folders (the sources, and packages copied from them with their modes) could not be emptied.
  chmodTree(scratch, (isDir, current) => current | (isDir ? 0o700 : 0o600));
  rmSync(scratch, { recursive: true, force: true });
});

/** A copy of the packaged sample, made read-only for everyone (`chmod -R a-w`), as in an installed app. */
function readOnlySample(): string {
  const dir = join(mkdtempSync(join(scratch, 'installed-')), 'sample-contest');
  cpSync(resourcePath('sample-contest'), dir, { recursive: true });
  chmodTree(dir, (_isDir, current) => current & ~0o222);
  return dir;
}

/** Relative path -> content of every file under `dir`. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'latin1'));
  }
  return files;
}

test('a read-only sample is copied whole, and the copy is the user\'s own and writable', async () => {
  const source = readOnlySample();
  assert.equal(statSync(join(source, 'accounts.json')).mode & 0o222, 0, 'the source is read-only');
  const target = join(scratch, 'user-data-1', 'contests', 'sample');

  const result = await copyContestOnce(source, target);
  assert.deepEqual(result, { dir: target, copied: true });
  assert.deepEqual(filesOf(target), filesOf(source));
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
    const mode = statSync(join(entry.parentPath, entry.name)).mode & 0o777;
    assert.equal(mode, entry.isDirectory() ? 0o700 : 0o600, `${entry.name}: owner-only and writable`);
  }
  assert.equal(statSync(target).mode & 0o777, 0o700);
  assert.equal(statSync(join(scratch, 'user-data-1', 'contests')).mode & 0o777, 0o700, 'the folder of copies is private too');
  assert.deepEqual(readdirSync(join(scratch, 'user-data-1', 'contests')), ['sample'], 'no temporary folder is left');

  // What failed on the read-only original: importing teams and a problem into the contest folder.
  const imported = importTeamsIntoFolder(target, parseTeamList('id,name\nteam6,Six Pack\n'));
  assert.equal(imported.added, 1);
  (await addProblemPackage(target, join(source, 'hello'), 'hello2')).pkg.dispose();
  const contest = await loadContest(target);
  assert.ok(contest.teams.some((t) => t.id === 'team6'));
  assert.ok(contest.problems.some((p) => p.id === 'hello2'));
  assert.deepEqual(filesOf(source), filesOf(resourcePath('sample-contest')), 'the source is unchanged');
});

test('an existing copy is kept, with the judge\'s changes', async () => {
  const source = readOnlySample();
  const target = join(scratch, 'user-data-2', 'contests', 'sample');
  await copyContestOnce(source, target);
  importTeamsIntoFolder(target, parseTeamList('id,name\nteam7,Seven Seas\n'));
  writeFileSync(join(target, 'notes.txt'), 'the judge was here');

  const again = await copyContestOnce(source, target);
  assert.deepEqual(again, { dir: target, copied: false });
  assert.equal(readFileSync(join(target, 'notes.txt'), 'utf8'), 'the judge was here');
  assert.ok((await loadContest(target)).teams.some((t) => t.id === 'team7'));
});

test('an empty folder in its place (an interrupted first start) is filled; a missing source is an error', async () => {
  const source = readOnlySample();
  const target = join(scratch, 'user-data-3', 'contests', 'sample');
  mkdirSync(target, { recursive: true });
  assert.deepEqual(await copyContestOnce(source, target), { dir: target, copied: true });
  assert.equal((await loadContest(target)).id, 'sample');

  const nowhere = join(scratch, 'user-data-4', 'contests', 'sample');
  await assert.rejects(copyContestOnce(join(scratch, 'no-such-folder'), nowhere), /the contest folder to copy is missing/);
  assert.throws(() => statSync(join(scratch, 'user-data-4')), /ENOENT/);
});

test('only the packaged sample is replaced by its copy', async () => {
  const packaged = readOnlySample();
  const target = join(scratch, 'user-data-5', 'contests', 'sample');
  const other = mkdtempSync(join(scratch, 'other-contest-'));
  assert.equal(await writableContestDir(other, packaged, target), other);
  assert.throws(() => statSync(target), /ENOENT/, 'no copy is made for another contest');
  assert.equal(await writableContestDir(`${packaged}/`, packaged, target), target);
  assert.ok(statSync(join(target, 'contest.yaml')).isFile());
});
