// A stored submission written out for the judgehost: one file as itself, several as a folder
// (a job's sourcePath may be either: common/submittedFiles.ts reads it back).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SubmittedSource } from '../store/submissions.ts';

/** Writes `files` below `dir` (which exists) and returns the path a job names. */
export function writeSubmission(dir: string, files: readonly SubmittedSource[]): string {
  // Names were checked when submitted (one path segment each); basename keeps a bad one inside anyway.
  if (files.length === 1) {
    const path = join(dir, basename(files[0].fileName));
    writeFileSync(path, files[0].source);
    return path;
  }
  const folder = join(dir, 'files');
  mkdirSync(folder);
  for (const file of files) writeFileSync(join(folder, basename(file.fileName)), file.source);
  return folder;
}
