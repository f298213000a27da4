// Builds the native runner (src-main/judgehost/runner/runner.c) with the machine's C compiler.
// Runs at install (postinstall) and before tests; rebuilds only when the source is newer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src-main/judgehost/runner/runner.c');
const output = join(root, 'build/verdict-runner');

if (existsSync(output) && statSync(output).mtimeMs >= statSync(source).mtimeMs) process.exit(0);
mkdirSync(dirname(output), { recursive: true });
const cc = process.env.CC || 'cc';
const flags = ['-O2', '-Wall', '-Wextra', '-std=gnu11', '-o', output, source];
try {
  try {
    // Static: no dynamic loading at each of the thousands of runs (about 0.2 ms each).
    execFileSync(cc, ['-static', ...flags], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch {
    execFileSync(cc, flags, { stdio: 'inherit' }); // no static libc installed
  }
  console.log(`verdict: built ${output}`);
} catch {
  console.error(`verdict: could not build the runner with '${cc}'; install a C compiler (gcc) and run 'npm run postinstall'`);
  process.exit(1);
}
