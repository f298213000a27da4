// Builds the desktop app into out/: main (the window, plus the judgehost child's entry), the
// sandboxed preload, and the renderer's two pages (judges' console, contestants' portal).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;
const from = (path: string): string => resolve(root, path);
const { version } = JSON.parse(readFileSync(from('package.json'), 'utf8')) as { version: string };

/** Native modules load their compiled .node binaries from node_modules at run time: never bundled. */
const NATIVE_DEPS = ['better-sqlite3', 'node-pty'];

export default defineConfig({
  main: {
    build: {
      outDir: from('out/main'),
      // Pure-JS dependencies (yaml, yauzl) are bundled; only the native ones stay in node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        external: [...NATIVE_DEPS, new RegExp(`^(${NATIVE_DEPS.join('|')})/`)],
        input: {
          index: from('src-main/app/main.ts'),
          // Electron starts it again as a plain Node process (ELECTRON_RUN_AS_NODE=1).
          judgehost: from('src-main/judgehost/main.ts'),
          // Exports run in a worker thread of the main process.
          exportWorker: from('src-main/export/exportWorker.ts'),
          // The password-hashing child, started like the judgehost (lowest CPU priority).
          passwordHasher: from('src-main/server/passwordHasherChild.ts'),
        },
      },
    },
  },
  preload: {
    define: { __VERDICT_VERSION__: JSON.stringify(version) },
    build: {
      outDir: from('out/preload'),
      rolldownOptions: {
        input: { index: from('src-main/app/preload.ts') },
        // A sandboxed preload cannot be an ES module: one CommonJS file that requires only 'electron'.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: from('src-renderer'),
    plugins: [react()],
    build: {
      outDir: from('out/renderer'),
      // The portal is fetched by every contestant's browser over the LAN: ship it small.
      minify: true,
      // Fonts stay files: the pages' content-security policy loads fonts from 'self', never data: URLs.
      assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
      rolldownOptions: {
        input: {
          console: from('src-renderer/console/index.html'),
          portal: from('src-renderer/portal/index.html'),
          // The public scoreboard for a projector (/scoreboard).
          scoreboard: from('src-renderer/scoreboard/index.html'),
        },
      },
    },
  },
});
