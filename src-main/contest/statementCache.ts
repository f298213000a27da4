// LaTeX statements converted once per file version: the portal asks for a problem's statement on
// every page view, and converting problem.en.tex to HTML costs a parse of the whole file. A version
// is the file's modification time and size, so an edited statement is converted again.
import { readFileSync, statSync } from 'node:fs';
import { latexToHtml, type ImageLookup } from './latexStatement.ts';

export interface StatementFiles {
  /** The file's version: changes when its content may have. */
  version(path: string): string;
  read(path: string): string;
}

const diskFiles: StatementFiles = {
  version(path) {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}`;
  },
  read: (path) => readFileSync(path, 'utf8'),
};

export class LatexStatementCache {
  private readonly converted = new Map<string, { version: string; html: string }>();
  private readonly files: StatementFiles;

  constructor(files: StatementFiles = diskFiles) {
    this.files = files;
  }

  /** The statement at `path` as HTML (images looked up in its folder by `images`). */
  html(path: string, images: ImageLookup): string {
    const version = this.files.version(path);
    const cached = this.converted.get(path);
    if (cached?.version === version) return cached.html;
    const html = latexToHtml(this.files.read(path), images);
    this.converted.set(path, { version, html });
    return html;
  }
}
