// The desktop app's sample contest: the packaged one is read-only (inside the installed app), and
// the console writes into its contest folder (team and problem imports). So the app opens a private
// copy in the user's data folder, made once: later starts keep it, with the judge's changes.
import { lstat, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PRIVATE_MODES, TargetExistsError, writeFolderAtomically, type FolderWriter } from '../common/atomicFolder.ts';

/** Where the copy goes, under the app's per-user folder. */
export const SAMPLE_COPY_PATH = ['contests', 'sample'] as const;

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/** A folder with something in it (an empty one is what an interrupted first start may leave). */
async function isFilledFolder(path: string): Promise<boolean> {
  return (await isFolder(path)) && (await readdir(path)).length > 0;
}

/** Copies every file under `dir` into the writer at `rel`. Anything but files and folders is refused, so a copy is never silently partial. */
async function copyTree(writer: FolderWriter, dir: string, rel: string): Promise<void> {
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    const relPath = rel === '' ? name : `${rel}/${name}`;
    // A link to a file is copied as that file; a link to a folder is followed no further (no loops).
    const linked = await lstat(path);
    const info = linked.isSymbolicLink() ? await stat(path) : linked;
    if (info.isFile()) await writer.copy(path, relPath);
    else if (info.isDirectory() && !linked.isSymbolicLink()) await copyTree(writer, path, relPath);
    else throw new Error(`${path}: not a plain file or folder, cannot copy the contest`);
  }
}

/**
 * Copies the contest folder `source` to `target` unless `target` already holds files (then it is kept
 * as it is). The copy is the user's own whatever the source's modes: folders 0700, files 0600 (the
 * accounts file holds passwords; no file of the sample is executable); it appears whole or not at
 * all (written beside, then renamed).
 */
export async function copyContestOnce(source: string, target: string): Promise<{ dir: string; copied: boolean }> {
  const dir = resolve(target);
  if (await isFilledFolder(dir)) return { dir, copied: false };
  if (!(await isFolder(source))) throw new Error(`${source}: the contest folder to copy is missing`);
  await mkdir(dirname(dir), { recursive: true, mode: PRIVATE_MODES.dirMode });
  try {
    await writeFolderAtomically(dir, (writer) => copyTree(writer, resolve(source), ''), { ...PRIVATE_MODES, manifest: false });
  } catch (error) {
    // Another process made the copy meanwhile: theirs is kept.
    if (error instanceof TargetExistsError && (await isFilledFolder(dir))) return { dir, copied: false };
    throw error;
  }
  return { dir, copied: true };
}

/**
 * The folder to open for `contestDir`: the writable copy (made if needed) when it is the packaged
 * sample `packagedSample`, else `contestDir` itself.
 */
export async function writableContestDir(contestDir: string, packagedSample: string, copyTarget: string): Promise<string> {
  if (resolve(contestDir) !== resolve(packagedSample)) return contestDir;
  return (await copyContestOnce(packagedSample, copyTarget)).dir;
}
