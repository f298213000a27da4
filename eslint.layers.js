// The import rule (issue 12; ARCHITECTURE.md explains the folders): which folder of src-main may
// import which. A folder is named for the process its code runs in (judgehost/) or for its layer
// in the core; an import may only go down this table or stay in its own folder. `npm run lint`
// (run by .ci/run) fails on any other import, so an import that runs upward or across the
// judgehost's process boundary never lands. Like VS Code's own layering rule, it is a small local
// ESLint rule: no dependency, and it checks the same files the rest of the lint does.
//
// Not checked: tests (*.test.ts), test-support/ and bench/ (they drive every layer from outside),
// and `new URL('../judgehost/main.ts', import.meta.url)`, which names a process's entry to start
// it (the judgehost client forks it), not code to load into this one.
import { dirname, relative, resolve, sep } from 'node:path';

const root = import.meta.dirname;

/** Folder of src-main → the folders it may import besides itself (lowest layers first). */
export const LAYERS = {
  // Used by the core, the judgehost and the CLI: verdict and result types, the judgehost IPC
  // protocol, language definitions, node utilities. Runs in every process.
  common: [],
  // Everything that runs inside the judgehost process. Talks to the core only by IPC messages
  // (common/judgehostProtocol.ts), so it imports nothing of the core.
  judgehost: ['common'],
  // Problem packages (Kattis format): read by the core and the CLI, never by the judgehost.
  package: ['common'],
  // The API contracts the renderer sees (JudgeApi, the portal's API, the preload bridge).
  shared: ['common'],
  // The CLICS Contest API's objects (TypeBox schemas, their serialisation, /access): a contract
  // that the store, the event feed, exports and the HTTP routes all write through.
  clics: ['common'],
  // The contest folder: its model, reading it, and the contest's own rules (scoreboard, clock).
  contest: ['common', 'package', 'clics'],
  // SQLite: the store, and what is computed from it (scoreboards, language settings).
  store: ['common', 'contest', 'clics'],
  // The core's side of judging: JudgeEngine, the judgehost client and supervisor, the worker
  // pool, the judging service that feeds it from the store.
  judging: ['common', 'package', 'contest', 'store', 'clics'],
  // Contest packages, backups and standings written from the store, and `verdict import`.
  export: ['common', 'package', 'contest', 'store', 'shared', 'clics'],
  // The running contest's core that the console and the server share: its context (store, engine,
  // judging, problems, scoreboard), what both announce (CLICS languages and awards), health, and the
  // views both show.
  core: ['common', 'package', 'contest', 'store', 'judging', 'export', 'shared', 'clics'],
  // The judges' console service (JudgeApi's implementation), under both of its transports (server/
  // for the browser, app/ for Electron): it throws its own ConsoleError, which each maps.
  console: ['common', 'package', 'contest', 'store', 'judging', 'export', 'shared', 'clics', 'core'],
  // HTTP: the portal, the console's browser transport, the CLICS API; builds and starts the core.
  server: ['common', 'package', 'contest', 'store', 'judging', 'export', 'console', 'shared', 'clics', 'core'],
  // A remote judgehost (`verdict judgehost`): the server's judgehost routes, its package cache, the
  // queue's worker; it judges on a local JudgeEngine, so it sits above judging/ (it uses no store).
  remote: ['common', 'package', 'judging'],
  // Load generators for `verdict loadtest` and the benches.
  load: ['common', 'package', 'contest', 'store', 'judging', 'export', 'shared', 'server', 'clics', 'core'],
  // The `verdict` command line.
  cli: ['common', 'package', 'contest', 'store', 'judging', 'export', 'console', 'shared', 'server', 'load', 'clics', 'core', 'remote'],
  // The Electron shell: the only code that imports 'electron'.
  app: ['common', 'package', 'contest', 'store', 'judging', 'export', 'console', 'shared', 'server', 'clics', 'core'],
  // Ambient type declarations.
  types: [],
};

/** Folders whose files may import any folder (they test or measure the others from outside). */
const UNCHECKED = new Set(['test-support', 'bench']);

/** src-renderer runs in a browser: of src-main it may use only the shared contracts and types. */
const RENDERER_MAY_IMPORT = new Set(['shared', 'common']);

/** 'src-main/judging/engine.ts' → 'judging'; null outside src-main and src-renderer. */
function placeOf(file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] === 'src-renderer') return { side: 'renderer' };
  if (parts[0] !== 'src-main') return null;
  return { side: 'main', folder: parts.length > 2 ? parts[1] : '(src-main)' };
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the process boundaries and layers of src-main (eslint.layers.js)' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = placeOf(file);
    if (!from || /\.test\.tsx?$/.test(file)) return {};
    if (from.side === 'main' && UNCHECKED.has(from.folder)) return {};
    const check = (node) => {
      const spec = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (!spec || !spec.startsWith('.')) return;
      const to = placeOf(resolve(dirname(file), spec));
      if (!to) return;
      if (from.side === 'renderer') {
        if (to.side === 'main' && !RENDERER_MAY_IMPORT.has(to.folder)) {
          context.report({ node, message: `src-renderer may import only src-main/${[...RENDERER_MAY_IMPORT].join(' and src-main/')}, not src-main/${to.folder}` });
        }
        return;
      }
      if (to.side === 'renderer') {
        context.report({ node, message: 'src-main does not import src-renderer (it runs in a browser)' });
        return;
      }
      if (to.folder === from.folder) return;
      const allowed = LAYERS[from.folder];
      if (!allowed) {
        context.report({ node, message: `src-main/${from.folder} is not in the layer table: add it to LAYERS in eslint.layers.js` });
      } else if (!allowed.includes(to.folder)) {
        const why = to.folder === 'judgehost' || from.folder === 'judgehost' ? 'it crosses the judgehost process boundary (use the IPC protocol in common/)' : 'it runs upward or across';
        context.report({ node, message: `src-main/${from.folder} may not import src-main/${to.folder}: ${why}. Allowed: ${allowed.join(', ') || 'none'} (eslint.layers.js)` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export const layersPlugin = { rules: { layers: layersRule } };
