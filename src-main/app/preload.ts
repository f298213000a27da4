// The sandboxed preload: the renderer's only way into the main process. It hands the page two small
// typed objects, `window.verdict` (facts) and `window.verdictJudge` (the JudgeApi transport),
// generated from the contract in src-main/shared/judgeApi.ts; it never exposes ipcRenderer itself
// and never forwards an IpcRendererEvent.
import { contextBridge, ipcRenderer } from 'electron';
import type { VerdictBridge } from '../shared/bridge.ts';
import { IPC, JUDGE_REQUESTS, type AddedProblem, type ConsoleEvent, type JudgeBridge, type JudgeRequestName, type ProblemFileKind } from '../shared/judgeApi.ts';

/** Replaced at build time with package.json's version (electron.vite.config.ts). */
declare const __VERDICT_VERSION__: string;

const bridge: VerdictBridge = {
  version: __VERDICT_VERSION__,
  platform: process.platform,
};

let watchCount = 0;

const judge: JudgeBridge = {
  invoke(method: JudgeRequestName, ...args: unknown[]) {
    if (!JUDGE_REQUESTS.includes(method)) return Promise.reject(new Error(`no console request '${String(method)}'`));
    return ipcRenderer.invoke(IPC.request(method), ...args);
  },
  subscribe(listener: (events: ConsoleEvent[]) => void) {
    const handler = (_event: unknown, events: ConsoleEvent[]) => listener(events);
    ipcRenderer.on(IPC.events, handler);
    return () => void ipcRenderer.removeListener(IPC.events, handler);
  },
  watchOutput(submissionId: string, onData: (data: string, ack: () => void) => void) {
    // The page names the watch, so output sent before any reply is never dropped.
    const watchId = ++watchCount;
    const handler = (_event: unknown, id: number, data: string) => {
      if (id === watchId) onData(data, () => ipcRenderer.send(IPC.ackOutput, id, data.length));
    };
    ipcRenderer.on(IPC.output, handler);
    ipcRenderer.send(IPC.watchOutput, watchId, submissionId);
    return () => {
      ipcRenderer.removeListener(IPC.output, handler);
      ipcRenderer.send(IPC.stopOutput, watchId);
    };
  },
  // Only the kind of dialog crosses: the main process shows it and reads what the judge chose there.
  chooseProblemPackage(kind: 'zip' | 'folder') {
    return ipcRenderer.invoke(IPC.chooseProblemPackage, kind === 'folder' ? 'folder' : 'zip') as Promise<AddedProblem | null>;
  },
  // The main process asks where to save it and writes it: the page names no path.
  saveProblemFile(problemId: string, kind: ProblemFileKind) {
    return ipcRenderer.invoke(IPC.saveProblemFile, problemId, kind) as Promise<string | null>;
  },
  // Only the job's id crosses: the main process knows where its folder is.
  openExportFolder(jobId: string) {
    return ipcRenderer.invoke(IPC.openExportFolder, jobId) as Promise<void>;
  },
};

contextBridge.exposeInMainWorld('verdict', bridge);
contextBridge.exposeInMainWorld('verdictJudge', judge);
