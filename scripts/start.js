// `npm start`: the desktop app where an Electron binary and a display exist, otherwise the headless
// judge (`verdict serve`, with any arguments given after `npm start --`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * The Electron binary's path, or why there is none. The electron package's own require() tries to
 * download a missing binary (printing a stack trace when it cannot), so ask it only once the
 * binary it would return is known to be there.
 */
function findElectron() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : override ? 'electron' : null;
  const binary = name === null ? null : override ? join(override, name) : join(packageDir, 'dist', name);
  if (binary === null || !existsSync(binary)) {
    return { reason: 'the Electron binary is not installed (its download is not possible here)' };
  }
  try {
    return { binary: require('electron') };
  } catch {
    return { reason: 'the Electron binary is not installed correctly' };
  }
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** A Node that strips TypeScript types (≥ 22.18): this one, or the project's own from the `node` package. */
function typeStrippingNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 18)) return process.execPath;
  const projectNode = join(root, 'node_modules', '.bin', 'node');
  return existsSync(projectNode) ? projectNode : process.execPath;
}

/** Runs a child with the terminal, passes our signals on, and exits with its status. */
function runAndExit(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`verdict: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}

/** Builds main, preload and the pages (about a second); both faces serve the built pages. */
function build() {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('verdict: the app did not build (electron-vite build failed)');
    process.exit(result.status ?? 1);
  }
}

function startDesktop(electron) {
  build();
  // With this set, Electron would run as plain Node instead of opening the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runAndExit(electron, [root, ...process.argv.slice(2)], env);
}

function startHeadless(reason) {
  console.error(`verdict: ${reason}; running headless instead`);
  const cli = join(root, 'src-main', 'cli', 'main.ts');
  if (!existsSync(cli)) {
    console.error('verdict: the headless judge (src-main/cli/main.ts) is not there yet; nothing to start');
    process.exit(1);
  }
  build();
  runAndExit(typeStrippingNode(), [cli, 'serve', ...process.argv.slice(2)]);
}

const electron = findElectron();
if (!electron.binary) startHeadless(electron.reason);
else if (!hasDisplay()) startHeadless('no display (neither DISPLAY nor WAYLAND_DISPLAY is set)');
else startDesktop(electron.binary);
