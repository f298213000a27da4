// Where the project's files are, whether running from source (Node) or bundled (Electron).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
  return join(projectRoot, 'resources', ...parts);
}

/** The native runner built at install (scripts/build-runner.js). */
export function runnerBinaryPath(): string {
  return process.env.VERDICT_RUNNER ?? join(projectRoot, 'build', 'verdict-runner');
}
