// The files of a submission POSTed the CLICS way: `files: [{data: <base64 zip>}]`.
// Read in memory, never extracted to disk; hostile zips (path escapes, bombs) are refused.
import yauzl from 'yauzl';
import { entryFile } from '../common/entryFile.ts';
import { isSourceOf } from '../common/submittedFiles.ts';

/** A submitted source file that cannot be accepted. The HTTP layer answers `too_large` with 413
 *  and `invalid` with 400; `verdict import` names the file it came from. */
export class SubmissionFileError extends Error {
  readonly code: 'invalid' | 'too_large';
  constructor(code: 'invalid' | 'too_large', message: string) {
    super(message);
    this.name = 'SubmissionFileError';
    this.code = code;
  }
}

/** Largest accepted source file (contest sources are a few KiB; 256 KiB is generous), and largest
 *  total of a submission's files together. */
export const MAX_SOURCE_BYTES = 256 * 1024;
/** Most files one submission may have (a program in a few modules, a header, a data file). */
export const MAX_SUBMISSION_FILES = 16;
const MAX_ZIP_ENTRIES = 32;
/** A zip entry's Unix file type (the top bits of its external attributes): a symbolic link. */
const SYMLINK_MODE = 0o120000;
const FILE_TYPE_MASK = 0o170000;

export interface SourceFile {
  fileName: string;
  source: Buffer;
}

/** A file name safe to keep: one path segment of ordinary characters. */
export function checkFileName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/.test(name)) throw new SubmissionFileError('invalid', `bad file name '${name.slice(0, 100)}': use letters, digits, '.', '_', '+', '-'`);
  return name;
}

export function checkSourceSize(bytes: number): void {
  if (bytes > MAX_SOURCE_BYTES) throw new SubmissionFileError('too_large', `source too large: ${bytes} bytes (limit ${MAX_SOURCE_BYTES})`);
}

export function sourcesFromZip(base64: string): Promise<SourceFile[]> {
  const zip = Buffer.from(base64, 'base64');
  if (zip.length === 0) return Promise.reject(new SubmissionFileError('invalid', 'files[0].data is empty or not base64'));
  return sourcesFromZipFile(zip).catch((e: unknown) => {
    throw e instanceof SubmissionFileError ? new SubmissionFileError(e.code, `files[0].data: ${e.message}`) : e;
  });
}

/** The one source file of a submission's zip (as the CLICS files endpoint serves it and an export holds it). */
export async function sourceFromZipFile(zip: Buffer): Promise<SourceFile> {
  const files = await sourcesFromZipFile(zip);
  if (files.length !== 1) throw new SubmissionFileError('invalid', 'submit exactly one source file');
  return files[0];
}

/** The files of a submission's zip, by name: 1 to MAX_SUBMISSION_FILES at its top, with names safe to
 *  keep, MAX_SOURCE_BYTES together; folders, path escapes, symbolic links and duplicates refused. */
export function sourcesFromZipFile(zip: Buffer): Promise<SourceFile[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (error, archive) => {
      if (error || !archive) return reject(new SubmissionFileError('invalid', 'not a zip file'));
      const files: SourceFile[] = [];
      let entries = 0;
      let totalBytes = 0;
      const fail = (e: SubmissionFileError) => {
        archive.close();
        reject(e);
      };
      archive.on('entry', (entry: yauzl.Entry) => {
        if (++entries > MAX_ZIP_ENTRIES) return fail(new SubmissionFileError('invalid', `the zip holds more than ${MAX_ZIP_ENTRIES} entries`));
        const name = entry.fileName;
        if (name.endsWith('/')) return archive.readEntry();
        if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) return fail(new SubmissionFileError('invalid', `zip entry '${name.slice(0, 100)}' escapes its folder`));
        if (name.includes('/')) return fail(new SubmissionFileError('invalid', `zip entry '${name.slice(0, 100)}': submit files at the top of the zip`));
        if (((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK_MODE) return fail(new SubmissionFileError('invalid', `zip entry '${name.slice(0, 100)}' is a symbolic link`));
        if (files.length >= MAX_SUBMISSION_FILES) return fail(new SubmissionFileError('invalid', `more than ${MAX_SUBMISSION_FILES} files`));
        if (files.some((f) => f.fileName === name)) return fail(new SubmissionFileError('invalid', `zip entry '${name.slice(0, 100)}' appears twice`));
        if (entry.uncompressedSize > MAX_SOURCE_BYTES) return fail(new SubmissionFileError('too_large', `source too large: ${entry.uncompressedSize} bytes (limit ${MAX_SOURCE_BYTES})`));
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(new SubmissionFileError('invalid', `cannot read zip entry '${name}'`));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size + totalBytes > MAX_SOURCE_BYTES) {
              stream.destroy();
              fail(new SubmissionFileError('too_large', `source too large (limit ${MAX_SOURCE_BYTES} bytes)`));
            } else chunks.push(chunk);
          });
          stream.on('error', () => fail(new SubmissionFileError('invalid', `corrupt zip entry '${name}'`)));
          stream.on('end', () => {
            try {
              files.push({ fileName: checkFileName(name), source: Buffer.concat(chunks) });
              totalBytes += size;
            } catch (e) {
              return fail(e as SubmissionFileError);
            }
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => {
        if (files.length === 0) reject(new SubmissionFileError('invalid', 'the zip holds no file'));
        else resolve(files.sort((a, b) => (a.fileName < b.fileName ? -1 : 1)));
      });
      archive.on('error', () => reject(new SubmissionFileError('invalid', 'a corrupt zip file')));
      archive.readEntry();
    });
  });
}

/**
 * A submission of several files as it is stored: its entry file (the one judged from, main.* else the
 * first by name among the language's sources, as the judgehost chooses it) and the others. A 400-kind
 * error where none of the files is in the language.
 */
export function entryAndOthers(files: readonly SourceFile[], language: { name: string; extensions: readonly string[] }): { entry: SourceFile; others: SourceFile[] } {
  if (files.length === 1) return { entry: files[0], others: [] };
  const entryName = entryFile(files.map((f) => f.fileName).filter((name) => isSourceOf(language, name)));
  const entry = files.find((f) => f.fileName === entryName);
  if (!entry) throw new SubmissionFileError('invalid', `none of the ${files.length} files is a ${language.name} source (${files.map((f) => f.fileName).join(', ')})`);
  return { entry, others: files.filter((f) => f !== entry) };
}
