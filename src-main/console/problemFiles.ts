// A problem's files a judge downloads from the console's problem view: its test data (a zip of the
// package's data/ folder, as the package has it) and its statement (the file the package has: PDF,
// HTML, Markdown or LaTeX). Both transports deliver the same bytes: the browser's by an HTTP download
// (server/consoleRoutes.ts), the desktop's into a file the judge picks in a save dialog (app/ipc.ts).
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { findStatement } from '../contest/problemCatalogue.ts';
import type { CoreContext } from '../core/context.ts';
import { storedZip, type ZipEntry } from '../export/zip.ts';
import type { ProblemFileKind } from '../shared/judgeApi.ts';
import { ConsoleError } from './consoleError.ts';

/**
 * The test data is zipped in memory, uncompressed, without ZIP64: far above any contest's data (tens of
 * megabytes, rarely hundreds) and far below the format's 4 GiB. A larger data/ is copied from the package.
 */
const MAX_TEST_DATA_BYTES = 1024 * 1024 * 1024;

export interface ProblemFile {
  /** The name to save it as: the problem's id and what it is ("hello-data.zip", "hello-problem.pdf"). */
  fileName: string;
  contentType: string;
  data: Buffer;
}

const STATEMENT_TYPES = { markdown: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf', latex: 'application/x-tex; charset=utf-8' } as const;

export async function problemFile(ctx: Pick<CoreContext, 'contest' | 'problems'>, problemId: string, kind: ProblemFileKind): Promise<ProblemFile> {
  if (!ctx.contest.problems.some((p) => p.id === problemId)) throw new ConsoleError('not_found', `no problem '${problemId}'`);
  const pkg = await ctx.problems.get(problemId).catch((error: unknown) => {
    throw new ConsoleError('conflict', `problem '${problemId}' cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (kind === 'statement') {
    const statement = findStatement(pkg);
    if (!statement) throw new ConsoleError('not_found', `problem '${problemId}' has no statement file`);
    return { fileName: `${problemId}-${basename(statement.path)}`, contentType: STATEMENT_TYPES[statement.kind], data: readFileSync(statement.path) };
  }
  const dataDir = join(pkg.dir, 'data');
  const files = filesUnder(dataDir);
  if (files.length === 0) throw new ConsoleError('not_found', `problem '${problemId}' has no test data`);
  let bytes = 0;
  for (const file of files) bytes += statSync(file).size;
  if (bytes > MAX_TEST_DATA_BYTES) throw new ConsoleError('invalid', `the test data of '${problemId}' is ${Math.round(bytes / 2 ** 20)} MiB: copy data/ from the package instead`);
  const entries: ZipEntry[] = files.map((file) => ({ name: ['data', ...relative(dataDir, file).split(sep)].join('/'), data: readFileSync(file), mtime: statSync(file).mtimeMs }));
  return { fileName: `${problemId}-data.zip`, contentType: 'application/zip', data: storedZip(entries) };
}

/**
 * Every file below `dir` (symbolic links followed, as the judge reads them), sorted; [] when there is no such
 * folder. A folder reached again through a link (a cycle) is not read twice.
 */
function filesUnder(dir: string, seen = new Set<string>()): string[] {
  let names: string[];
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) return [];
    seen.add(real);
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return filesUnder(path, seen);
    return stat?.isFile() ? [path] : [];
  });
}
