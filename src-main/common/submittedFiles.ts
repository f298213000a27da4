// A submission of several files (a folder): listing its files, which language it is in, and which
// file is its entry point. The judgehost, the CLI and the core all read a submission this way.
import { lstatSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { entryFile } from './entryFile.ts';
import { languageForFile, type ExtensionLanguages } from './languages.ts';

/** One file of a submission: its name inside the submission (a relative path, `/`-separated) and
 *  where it is on this machine. */
export interface SubmittedFile {
  name: string;
  path: string;
}

/** How deep a submission's folders are read (a Java package's folders, a module's). */
const SUBMISSION_DEPTH = 8;

/** The files of a submission: the file itself, or every regular file below a folder (symlinks and
 *  other special files left out), sorted by name. */
export function submittedFiles(path: string): SubmittedFile[] {
  if (!lstatSync(path).isDirectory()) return [{ name: basename(path), path }];
  const files: SubmittedFile[] = [];
  const walk = (dir: string, prefix: string, depth: number): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = `${prefix}${entry.name}`;
      if (entry.isFile()) files.push({ name, path: join(dir, entry.name) });
      else if (entry.isDirectory() && depth < SUBMISSION_DEPTH) walk(join(dir, entry.name), `${name}/`, depth + 1);
    }
  };
  walk(path, '', 0);
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Whether a file name is one of a language's sources (by its extension). */
export function isSourceOf(language: { extensions: readonly string[] }, name: string): boolean {
  return language.extensions.includes(extname(name).slice(1));
}

/**
 * The language of a submission's files: the one most of its files are written in (files of no
 * language, a header or a `.txt`, do not count); on a tie, the language of the entry file among them.
 */
export function languageForFiles<T extends { id: string; extensions: readonly string[] }>(
  languages: readonly T[],
  names: readonly string[],
  chosen: ExtensionLanguages = {},
): T | null {
  const counts = new Map<T, number>();
  for (const name of names) {
    const language = languageForFile(languages, name, chosen);
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  const tied = [...counts].filter(([, n]) => n === most).map(([language]) => language);
  if (tied.length <= 1) return tied[0] ?? null;
  const entry = entryFile(names.filter((name) => tied.some((language) => isSourceOf(language, name))));
  return tied.find((language) => entry !== null && isSourceOf(language, entry)) ?? tied[0];
}
