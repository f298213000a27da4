// The sandboxed preload: the renderer's only way into the main process. It hands the page a small
// typed object as `window.verdict` and never ipcRenderer itself.
import { contextBridge } from 'electron';
import type { VerdictBridge } from '../shared/bridge.ts';

/** Replaced at build time with package.json's version (electron.vite.config.ts). */
declare const __VERDICT_VERSION__: string;

const bridge: VerdictBridge = {
  version: __VERDICT_VERSION__,
  platform: process.platform,
};

contextBridge.exposeInMainWorld('verdict', bridge);
