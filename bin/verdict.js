#!/usr/bin/env node
// The `verdict` command. The core needs Node >= 22.18 (type stripping, N-API better-sqlite3 13);
// where the node on PATH is older, re-run with the Node 22 the project installs (npm package `node`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'src-main', 'cli', 'main.ts');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 22 || (major === 22 && minor >= 18)) {
  await import(cli);
} else {
  const bundled = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bundled)) {
    console.error(`verdict: needs Node >= 22.18 (this is ${process.version}); run 'npm install' to get it`);
    process.exit(2);
  }
  // The real process must not outlive this one, whatever ends it:
  // - SIGINT, SIGTERM and SIGHUP are passed on. The child has its own process group (detached), so
  //   a Ctrl-C at the terminal reaches it once, through here, not twice (a second signal would cut
  //   the server's orderly stop short).
  // - A signal that cannot be caught (SIGKILL): the child holds one end of a pipe (descriptor 3,
  //   named by VERDICT_WRAPPER_FD) whose other end only this process has; when this process is gone
  //   the pipe closes, and src-main/cli/main.ts then stops as on SIGTERM.
  const child = spawn(bundled, [cli, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
    env: { ...process.env, VERDICT_WRAPPER_FD: '3' },
    detached: true,
  });
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of forwarded) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`verdict: cannot start ${bundled}: ${error.message}`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // End the same way, so that whoever started `verdict` sees the signal.
      for (const s of forwarded) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}
