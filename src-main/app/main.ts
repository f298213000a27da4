// The Electron main process: the same judge core as `verdict serve` (store, queue, judgehost, LAN
// portal on the LAN address), and one window showing the judges' console over IPC.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { resourcePath } from '../paths.ts';
import { startContestServer, type ContestServer } from '../server/contestServer.ts';
import { storeFileIn } from '../store/store.ts';
import { registerJudgeIpc } from './ipc.ts';

/** Contestants reach the portal over the LAN: listen on every interface by default. */
const LAN_HOST = process.env.VERDICT_HOST ?? '0.0.0.0';
const LAN_PORT = Number(process.env.VERDICT_PORT ?? 7800);

interface Settings {
  lastContestDir?: string;
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

/** Starts the core on a contest folder (replacing the running one) and shows it in the window. */
async function openContest(contestDir: string): Promise<void> {
  if (core) {
    core.unregister();
    await core.server.close();
    core = null;
  }
  const server = await startContestServer({
    contestDir,
    host: LAN_HOST,
    port: LAN_PORT,
    // The judgehost is the bundled entry beside this file, run by Electron's own Node.
    judgehost: { entry: join(import.meta.dirname, 'judgehost.js'), execPath: process.execPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
    exportWorker: join(import.meta.dirname, 'exportWorker.js'),
  });
  core = { server, unregister: registerJudgeIpc(server.console, window!.webContents) };
  writeSettings({ ...readSettings(), lastContestDir: contestDir });
  window!.setTitle(`Verdict — ${server.context.contest.name} — portal at ${server.url.replace('0.0.0.0', 'this machine')}`);
  window!.webContents.reload();
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

async function importProblem(kind: 'zip' | 'folder'): Promise<void> {
  if (!core) return;
  const choice = await dialog.showOpenDialog(window!, {
    title: kind === 'zip' ? 'Import a problem package (zip)' : 'Import a problem package folder',
    properties: [kind === 'zip' ? 'openFile' : 'openDirectory'],
    filters: kind === 'zip' ? [{ name: 'Problem packages', extensions: ['zip', 'kpp'] }] : undefined,
  });
  if (choice.canceled || !choice.filePaths[0]) return;
  try {
    const added = await core.server.console.addProblemFrom(choice.filePaths[0]);
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
  const last = readSettings().lastContestDir;
  const contestDir = process.env.VERDICT_CONTEST ?? (last && existsSync(last) ? last : resourcePath('sample-contest'));
  try {
    await openContest(contestDir);
  } catch (error) {
    dialog.showErrorBox('The contest could not be opened', (error as Error).message);
    await openContest(resourcePath('sample-contest'));
  }
});
