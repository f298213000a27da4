// Which contest language a file name means, and which editor highlighting a language gets.
import { entryFile } from '../../src-main/common/entryFile.ts';
import type { PortalOverview } from '../../src-main/shared/portalApi.ts';
import { MODE_BY_EXTENSION, MODE_BY_LANGUAGE, type SourceMode } from '../shared/sourceModes.ts';

type Language = PortalOverview['languages'][number];

const normalise = (extension: string): string => extension.trim().replace(/^\./, '').toLowerCase();

function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : null;
}

/**
 * The language a file name points to. When several languages share the extension (".py" for
 * Python 3 and PyPy, ".h"), the current choice wins if it is among them.
 */
export function languageForFile(fileName: string, languages: readonly Language[], current: string | null): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return null;
  const extension = fileName.slice(dot + 1);
  // Case matters first (".C" is C++ to gcc, ".c" is C), then any case.
  const exact = languages.filter((language) => language.extensions.some((e) => e.trim().replace(/^\./, '') === extension));
  const matches = exact.length > 0 ? exact : languages.filter((language) => language.extensions.some((e) => normalise(e) === extension.toLowerCase()));
  if (matches.length === 0) return null;
  return matches.some((l) => l.id === current) ? current : matches[0]!.id;
}

/** A file name for a new source in a language: "a.cpp", and "Main.java" for Java's class rule. */
export function defaultFileName(language: Language | undefined, problemLabel: string | undefined): string {
  const extension = language?.extensions[0] ? normalise(language.extensions[0]) : 'txt';
  if (extension === 'java' || extension === 'kt') return `Main.${extension}`;
  return `${(problemLabel || 'solution').toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'solution'}.${extension}`;
}

/** The highlighter for a language: by its id, else by its first known extension. */
export function editorMode(language: Language | undefined, fileName = ''): SourceMode {
  if (language) {
    const byId = MODE_BY_LANGUAGE[language.id.toLowerCase()];
    if (byId !== undefined) return byId;
    for (const extension of language.extensions) {
      const mode = MODE_BY_EXTENSION[normalise(extension)];
      if (mode !== undefined) return mode;
    }
    return null;
  }
  const extension = extensionOf(fileName);
  return (extension && MODE_BY_EXTENSION[extension]) || null;
}

/** Most files one submission may have, as the server allows (contest/submissionFiles.ts). */
export const MAX_SUBMISSION_FILES = 16;

/**
 * Files uploaded together as one program: the one shown in the editor and judged from (the entry
 * file as the judge chooses it: main.* else the first by name among the files of the guessed
 * language), its language, and the others.
 */
export function programOfFiles<F extends { fileName: string }>(files: readonly F[], languages: readonly Language[], current: string | null): { entry: F; languageId: string | null; others: F[] } | null {
  const withLanguage = files.filter((f) => languageForFile(f.fileName, languages, current) !== null);
  const first = entryFile(withLanguage.map((f) => f.fileName));
  const languageId = first === null ? null : languageForFile(first, languages, current);
  const ofLanguage = files.filter((f) => languageId !== null && languageForFile(f.fileName, languages.filter((l) => l.id === languageId), languageId) !== null);
  const entryName = entryFile(ofLanguage.map((f) => f.fileName)) ?? entryFile(files.map((f) => f.fileName));
  const entry = files.find((f) => f.fileName === entryName);
  return entry ? { entry, languageId, others: files.filter((f) => f !== entry) } : null;
}
