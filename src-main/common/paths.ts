// Where the project's files are, whether running from source (Node) or bundled (Electron).
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the folder that holds package.json, resources/ and build/. */
export const projectRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'resources')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return dirname(start);
    dir = parent;
  }
}

export function resourcePath(...parts: string[]): string {
  // Unpacked in a packaged app: contest folders and packages are read with plain fs and by judges' programs.
  return join(projectRoot, 'resources', ...parts).replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
}

/** The native runner built at install (scripts/build-runner.js). In a packaged app it is unpacked
 *  beside the asar archive, since a program inside an archive cannot be executed. */
export function runnerBinaryPath(): string {
  return process.env.VERDICT_RUNNER ?? join(projectRoot, 'build', 'verdict-runner').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
}
