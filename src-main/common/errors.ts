// An input file that cannot be used: one clear message naming the file, never a stack trace.
export class FileError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'FileError';
    this.file = file;
  }
}
