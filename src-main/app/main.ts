// The Electron main process: the same judge core as `verdict serve` (store, queue, judgehost, LAN
// portal on the LAN address), and one window showing the judges' console over IPC. One instance per
// user: a second launch only brings the first one's window forward.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import { loadContest } from '../contest/loadContest.ts';
import { SAMPLE_COPY_PATH, writableContestDir } from '../contest/sampleCopy.ts';
import { UnsandboxedError } from '../common/sandboxInfo.ts';
import { resourcePath } from '../common/paths.ts';
import { startContestServer, type ContestServer, type ContestServerOptions } from '../server/contestServer.ts';
import { decideServingHost } from '../server/servingAddress.ts';
import { storeFileIn } from '../store/store.ts';
import { registerJudgeIpc } from './ipc.ts';

/** Contestants reach the portal over the LAN: listen on every interface by default (loopback only
 *  while the judge or admin accounts have the published sample passwords: server/servingAddress.ts). */
const LAN_HOST = process.env.VERDICT_HOST ?? '0.0.0.0';
const LAN_PORT = Number(process.env.VERDICT_PORT ?? 7800);

interface Settings {
  lastContestDir?: string;
  /** Contest folders (absolute) whose judge agreed to judge without a sandbox on a machine that allows none. */
  unsandboxedContests?: string[];
}

const settingsFile = () => join(app.getPath('userData'), 'settings.json');

function readSettings(): Settings {
  try {
    return JSON.parse(readFileSync(settingsFile(), 'utf8')) as Settings;
  } catch {
    return {};
  }
}

function writeSettings(settings: Settings): void {
  mkdirSync(app.getPath('userData'), { recursive: true });
  writeFileSync(settingsFile(), JSON.stringify(settings, null, 2));
}

let window: BrowserWindow | null = null;
let core: { server: ContestServer; unregister: () => void } | null = null;

/** The window, shown: a dialog at start-up comes before the console's first paint (which shows it otherwise). */
function dialogParent(): BrowserWindow {
  if (!window!.isVisible()) window!.show();
  return window!;
}

/** Asks the judge whether to judge without a sandbox; true only when the box is ticked and confirmed. */
async function consentToUnsandboxed(missing: readonly string[], contestDir: string): Promise<boolean> {
  const START = 1;
  let unticked = false;
  for (;;) {
    const { response, checkboxChecked } = await dialog.showMessageBox(dialogParent(), {
      type: 'warning',
      title: 'No sandbox on this computer',
      message: unticked ? 'To judge without a sandbox, tick the box first' : 'Submissions cannot be isolated on this computer',
      detail:
        'Verdict sandboxes the programs it judges with user namespaces (or, run as root, with namespaces and a uid of their own); ' +
        `this computer allows neither. Without a sandbox:\n\n• ${missing.join('\n• ')}\n\n` +
        "A contestant's program could then read the answers or harm this computer. Judge without a sandbox only programs you trust, " +
        'or run Verdict where user namespaces are enabled.\n\n' +
        `Your choice is remembered for ${contestDir}.`,
      checkboxLabel: 'Judge without a sandbox (I understand the risk)',
      checkboxChecked: false,
      buttons: ['Do not judge', 'Start judging'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (response !== START) return false;
    if (checkboxChecked) return true;
    // Confirmed without the box: the box is the consent, so ask again rather than guess.
    unticked = true;
  }
}

/**
 * Starts the core on a contest folder (replacing the running one) and shows it in the window.
 * False when the judge declined to judge without a sandbox (nothing is open then).
 */
async function openContest(requestedDir: string): Promise<boolean> {
  if (core) {
    core.unregister();
    await core.server.close();
    core = null;
  }
  // The packaged sample is read-only: the judge works in a copy of their own, made at its first use.
  const contestDir = resolve(await writableContestDir(requestedDir, resourcePath('sample-contest'), join(app.getPath('userData'), ...SAMPLE_COPY_PATH)));
  const serving = await decideServingHost(await loadContest(contestDir), LAN_HOST);
  const consented = readSettings().unsandboxedContests ?? [];
  const start = (allowUnsandboxed: boolean) => {
    const options: ContestServerOptions = {
      contestDir,
      host: serving.host,
      port: LAN_PORT,
      // The judgehost is the bundled entry beside this file, run by Electron's own Node.
      judgehost: { entry: join(import.meta.dirname, 'judgehost.js'), execPath: process.execPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
      exportWorker: join(import.meta.dirname, 'exportWorker.js'),
      passwordHasher: { entry: join(import.meta.dirname, 'passwordHasher.js'), execPath: process.execPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
      allowUnsandboxed,
      holder: 'the Verdict desktop app',
    };
    return startContestServer(options);
  };

  let server: ContestServer;
  try {
    server = await start(consented.includes(contestDir));
  } catch (error) {
    if (!(error instanceof UnsandboxedError) || consented.includes(contestDir)) throw error;
    if (!(await consentToUnsandboxed(error.missing, contestDir))) {
      window!.setTitle('Verdict — no contest open (File › Open contest folder…)');
      return false;
    }
    writeSettings({ ...readSettings(), unsandboxedContests: [...consented, contestDir] });
    server = await start(true);
  }
  core = { server, unregister: registerJudgeIpc(server.console, window!.webContents, choosePackagePath, chooseSavePath) };
  writeSettings({ ...readSettings(), lastContestDir: contestDir });
  const portal = serving.notice ? `${server.url} (this computer only)` : server.url.replace('0.0.0.0', 'this machine');
  const unsandboxed = server.context.engine.host.sandbox.level === 'none' ? ' — judging WITHOUT a sandbox' : '';
  window!.setTitle(`Verdict — ${server.context.contest.name} — portal at ${portal}${unsandboxed}`);
  window!.webContents.reload();
  if (serving.notice) {
    console.warn(`verdict: ${serving.notice}`);
    void dialog.showMessageBox(dialogParent(), { type: 'warning', title: 'Portal on this computer only', message: 'The portal is not open to the LAN', detail: serving.notice });
  }
  return true;
}

async function chooseContest(): Promise<void> {
  const choice = await dialog.showOpenDialog(window!, { title: 'Open a contest folder', properties: ['openDirectory'] });
  if (choice.canceled || !choice.filePaths[0]) return;
  try {
    await openContest(choice.filePaths[0]);
  } catch (error) {
    dialog.showErrorBox('This contest folder cannot be opened', (error as Error).message);
  }
}

async function showContestFolder(): Promise<void> {
  if (!core) return;
  const failure = await shell.openPath(core.server.context.contest.dir);
  if (failure) dialog.showErrorBox('The contest folder cannot be shown', `${core.server.context.contest.dir}: ${failure}`);
}

/** The file dialog for a problem package (the menu's and the console's): the path chosen, or null. */
async function choosePackagePath(kind: 'zip' | 'folder'): Promise<string | null> {
  const choice = await dialog.showOpenDialog(window!, {
    title: kind === 'zip' ? 'Import a problem package (zip)' : 'Import a problem package folder',
    properties: [kind === 'zip' ? 'openFile' : 'openDirectory'],
    filters: kind === 'zip' ? [{ name: 'Problem packages', extensions: ['zip', 'kpp'] }] : undefined,
  });
  return choice.canceled || !choice.filePaths[0] ? null : choice.filePaths[0];
}

/** The save dialog for a problem's test data or statement (the console's downloads): the path chosen, or null. */
async function chooseSavePath(fileName: string): Promise<string | null> {
  const choice = await dialog.showSaveDialog(window!, { title: `Save ${fileName}`, defaultPath: join(app.getPath('downloads'), fileName) });
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

async function importProblem(kind: 'zip' | 'folder'): Promise<void> {
  if (!core) return;
  const path = await choosePackagePath(kind);
  if (path === null) return;
  try {
    const added = await core.server.console.addProblemFrom(path);
    void dialog.showMessageBox(window!, { message: `Problem ${added.label} (${added.name}) added to the contest.` });
  } catch (error) {
    dialog.showErrorBox('This package cannot be imported', (error as Error).message);
  }
}

async function exportResults(): Promise<void> {
  if (!core) return;
  const choice = await dialog.showOpenDialog(window!, { title: 'Export the results into a folder', properties: ['openDirectory', 'createDirectory'] });
  if (choice.canceled || !choice.filePaths[0]) return;
  const target = join(choice.filePaths[0], `verdict-${core.server.context.contest.id}-results-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}`);
  const { finished } = core.server.console.exports.start({ dbFile: storeFileIn(core.server.context.dataDir), contestDir: core.server.context.contest.dir, exportsDir: choice.filePaths[0], outDir: target });
  const job = await finished;
  if (job.state === 'done') void dialog.showMessageBox(window!, { message: `Results exported to ${job.path}${job.message ? ` (${job.message})` : ''}.` });
  else dialog.showErrorBox('The export failed', job.message);
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: 'File',
        submenu: [
          { label: 'Open contest folder…', accelerator: 'CmdOrCtrl+O', click: () => void chooseContest() },
          // Where its files are (the accounts file, say), even when the folder is the app's copy of the sample.
          { label: 'Show contest folder', click: () => void showContestFolder() },
          { label: 'Import problem package (zip)…', click: () => void importProblem('zip') },
          { label: 'Import problem package folder…', click: () => void importProblem('folder') },
          { label: 'Export results…', accelerator: 'CmdOrCtrl+E', click: () => void exportResults() },
          { type: 'separator' },
          { role: 'quit' },
        ],
      },
      { role: 'editMenu' },
      { role: 'viewMenu' },
    ]),
  );
}

function createWindow(): BrowserWindow {
  const created = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  created.once('ready-to-show', () => created.show());
  // The console is a single page: it opens no windows and never navigates away.
  created.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  created.webContents.on('will-navigate', (event) => event.preventDefault());
  // `electron-vite dev` serves the renderer and sets ELECTRON_RENDERER_URL; a packaged app ignores it.
  const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  if (devServer) void created.loadURL(`${devServer}/console/index.html`);
  else void created.loadFile(join(import.meta.dirname, '../renderer/console/index.html'));
  return created;
}

/** Opens the contest of the last session (or the sample); if it fails, says why and opens the sample. */
async function openFirstContest(): Promise<void> {
  const sample = resourcePath('sample-contest');
  const last = readSettings().lastContestDir;
  const contestDir = process.env.VERDICT_CONTEST ?? (last && existsSync(last) ? last : sample);
  try {
    await openContest(contestDir);
    return;
  } catch (error) {
    dialog.showErrorBox('The contest could not be opened', (error as Error).message);
  }
  const failed = resolve(contestDir);
  if (failed === resolve(sample) || failed === join(app.getPath('userData'), ...SAMPLE_COPY_PATH)) return;
  try {
    await openContest(sample);
  } catch (error) {
    dialog.showErrorBox('The sample contest could not be opened either', (error as Error).message);
  }
}

// Two instances would share the settings and the contest's data folder (its database): the second
// one quits at once and the first one's window comes forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = null;
    closing.unregister();
    void closing.server.close().finally(() => app.quit());
  });

  // Not a top-level await: Electron emits 'ready' only after an ES main module has finished evaluating.
  void app.whenReady().then(async () => {
    buildMenu();
    window = createWindow();
    await openFirstContest();
  });
}
