#!/usr/bin/env node
// The `verdict` command. The core needs Node >= 22.18 (type stripping, N-API better-sqlite3 13);
// where the node on PATH is older, re-run with the Node 22 the project installs (npm package `node`).
import { spawnSync } from 'node:child_process';
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
  const run = spawnSync(bundled, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
