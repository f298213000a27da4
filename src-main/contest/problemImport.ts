// Adding a problem package to a contest folder (console upload, desktop file dialog): the package is
// checked by reading it, copied into the folder as `<id>/` or `<id>.zip`, and listed in problems.yaml
// with the next free label. A package that does not read is refused with its message.
import { cpSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ProblemPackage } from '../common/types.ts';
import { readPackage } from '../package/readPackage.ts';
import { readList, writeList } from './contestFiles.ts';
import { ID_RE } from './folderSchemas.ts';
import { letterFor } from './loadContest.ts';
import { ContestError } from './model.ts';

export interface AddedProblem {
  id: string;
  label: string;
  name: string;
}

/** The problem id a package file or folder name gives: its base name without .zip/.kpp. */
export function problemIdFor(fileName: string): string {
  const id = basename(fileName).replace(/\.(zip|kpp)$/i, '');
  if (!ID_RE.test(id)) throw new ContestError(basename(fileName), 'a problem id (the package\'s name) may hold letters, digits, \'_\', \'.\' and \'-\'');
  return id;
}

/** A package added to the contest folder, and the package as read (its zip extracted once). */
export interface AddedPackage {
  added: AddedProblem;
  /** The caller owns it: hand it to the problem catalogue, or dispose of it. */
  pkg: ProblemPackage;
}

/**
 * Copies the package at `source` (a folder or a zip) into the contest folder and lists it.
 * `id` defaults to the source's name. The package is read once, which checks it: a zip where it is
 * (read from its own extraction, so it may be a temporary upload), a folder where it is copied to
 * (so that the package read is the contest's copy). Throws PackageError or ContestError with one
 * clear message, and leaves the contest folder as it was.
 */
export async function addProblemPackage(contestDir: string, source: string, id = problemIdFor(source)): Promise<AddedPackage> {
  const problems = readList(contestDir, 'problems');
  if (problems.entries.some((p) => String(p.id ?? p['short-name'] ?? p.short_name) === id)) {
    throw new ContestError(basename(problems.path), `the contest already has a problem "${id}"`);
  }
  const isZip = statSync(source).isFile();
  const target = join(contestDir, isZip ? `${id}.zip` : id);
  if (existsSync(target)) throw new ContestError(basename(target), 'already exists in the contest folder');
  let pkg: ProblemPackage;
  if (isZip) {
    pkg = await readPackage(source);
    try {
      copyInto(source, target);
    } catch (error) {
      pkg.dispose();
      throw error;
    }
  } else {
    copyInto(source, target);
    try {
      pkg = await readPackage(target);
    } catch (error) {
      rmSync(target, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    // Only a text label can be a letter the new problem would take.
    const labels = new Set(problems.entries.map((p) => p.label ?? p.letter).filter((label) => typeof label === 'string'));
    let index = problems.entries.length;
    while (labels.has(letterFor(index))) index++;
    const added = { id, label: letterFor(index), name: pkg.name };
    problems.entries.push({ id: added.id, label: added.label, name: added.name });
    writeList(problems);
    return { added, pkg };
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    pkg.dispose();
    throw error;
  }
}

/** Copies beside the target, then renames: a half-copied package is never visible. */
function copyInto(source: string, target: string): void {
  const temp = `${target}.importing-${process.pid}`;
  cpSync(source, temp, { recursive: true });
  renameSync(temp, target);
}
