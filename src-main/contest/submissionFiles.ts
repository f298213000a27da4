// The source file of a submission POSTed the CLICS way: `files: [{data: <base64 zip>}]`.
// Read in memory, never extracted to disk; hostile zips (path escapes, bombs) are refused.
import yauzl from 'yauzl';

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

/** Largest accepted source file (contest sources are a few KiB; 256 KiB is generous). */
export const MAX_SOURCE_BYTES = 256 * 1024;
const MAX_ZIP_ENTRIES = 16;

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

export function sourceFromZip(base64: string): Promise<SourceFile> {
  const zip = Buffer.from(base64, 'base64');
  if (zip.length === 0) return Promise.reject(new SubmissionFileError('invalid', 'files[0].data is empty or not base64'));
  return sourceFromZipFile(zip).catch((e: unknown) => {
    throw e instanceof SubmissionFileError ? new SubmissionFileError(e.code, `files[0].data: ${e.message}`) : e;
  });
}

/** The one source file of a submission's zip (as the CLICS files endpoint serves it and an export holds it). */
export function sourceFromZipFile(zip: Buffer): Promise<SourceFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (error, archive) => {
      if (error || !archive) return reject(new SubmissionFileError('invalid', 'not a zip file'));
      const files: SourceFile[] = [];
      let entries = 0;
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
        if (entry.uncompressedSize > MAX_SOURCE_BYTES) return fail(new SubmissionFileError('too_large', `source too large: ${entry.uncompressedSize} bytes (limit ${MAX_SOURCE_BYTES})`));
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(new SubmissionFileError('invalid', `cannot read zip entry '${name}'`));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_SOURCE_BYTES) {
              stream.destroy();
              fail(new SubmissionFileError('too_large', `source too large (limit ${MAX_SOURCE_BYTES} bytes)`));
            } else chunks.push(chunk);
          });
          stream.on('error', () => fail(new SubmissionFileError('invalid', `corrupt zip entry '${name}'`)));
          stream.on('end', () => {
            try {
              files.push({ fileName: checkFileName(name), source: Buffer.concat(chunks) });
            } catch (e) {
              return fail(e as SubmissionFileError);
            }
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => {
        if (files.length !== 1) reject(new SubmissionFileError('invalid', files.length === 0 ? 'the zip holds no file' : 'submit exactly one source file'));
        else resolve(files[0]);
      });
      archive.on('error', () => reject(new SubmissionFileError('invalid', 'a corrupt zip file')));
      archive.readEntry();
    });
  });
}
