// The Electron main process: one window showing the judges' console. The judge core (store, queue,
// judgehost, LAN portal) is wired in by the console work; this file stays a thin shell.
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The console is a single page: it opens no windows and never navigates away.
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());

  // `electron-vite dev` serves the renderer and sets ELECTRON_RENDERER_URL; a packaged app ignores it.
  const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(`${devServer}/console/index.html`);
  else void window.loadFile(join(import.meta.dirname, '../renderer/console/index.html'));
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Not a top-level await: Electron emits 'ready' only after an ES main module has finished evaluating.
void app.whenReady().then(() => {
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});
