// The main process's side of the console's IPC: every JudgeApi request goes to the ConsoleService,
// event batches and live output go to the window. Channels and payloads: src-main/shared/judgeApi.ts.
import { writeFile } from 'node:fs/promises';
import { ipcMain, shell, type WebContents } from 'electron';
import type { ConsoleService } from '../console/consoleService.ts';
import { IPC, JUDGE_REQUESTS } from '../shared/judgeApi.ts';
import { answerJudgeRequest, finishedExportFolder, importChosenPackage, saveProblemFile } from './ipcHandlers.ts';

/**
 * Registers the handlers; returns a function that removes them (when the core is replaced).
 * `choosePackage` is the main process's file dialog for a problem package (null when cancelled),
 * `chooseSaveTarget` its save dialog for a problem's file (given the file's name; null when cancelled).
 */
export function registerJudgeIpc(
  service: ConsoleService,
  contents: WebContents,
  choosePackage: (kind: 'zip' | 'folder') => Promise<string | null>,
  chooseSaveTarget: (fileName: string) => Promise<string | null>,
): () => void {
  const cleanups: (() => void)[] = [];
  ipcMain.handle(IPC.saveProblemFile, (event, problemId: unknown, kind: unknown) => {
    if (event.sender !== contents) throw new Error('not the console window');
    return saveProblemFile(service, { problemId, kind }, chooseSaveTarget, (path, data) => writeFile(path, data));
  });
  cleanups.push(() => ipcMain.removeHandler(IPC.saveProblemFile));
  ipcMain.handle(IPC.openExportFolder, async (event, jobId: unknown) => {
    if (event.sender !== contents) throw new Error('not the console window');
    const path = await finishedExportFolder(service, jobId);
    // shell.openPath answers '' when it opened the folder, else why it could not.
    const failure = await shell.openPath(path);
    if (failure) throw new Error(`${path}: ${failure}`);
  });
  cleanups.push(() => ipcMain.removeHandler(IPC.openExportFolder));
  ipcMain.handle(IPC.chooseProblemPackage, (event, kind: unknown) => {
    if (event.sender !== contents) throw new Error('not the console window');
    return importChosenPackage(service, () => choosePackage(kind === 'folder' ? 'folder' : 'zip'));
  });
  cleanups.push(() => ipcMain.removeHandler(IPC.chooseProblemPackage));
  for (const method of JUDGE_REQUESTS) {
    ipcMain.handle(IPC.request(method), (event, ...args: unknown[]) => {
      // Only the console window may steer judging.
      if (event.sender !== contents) throw new Error('not the console window');
      return answerJudgeRequest(service, method, args);
    });
    cleanups.push(() => ipcMain.removeHandler(IPC.request(method)));
  }

  const unsubscribe = service.subscribe((events) => {
    if (!contents.isDestroyed()) contents.send(IPC.events, events);
  });
  cleanups.push(unsubscribe);

  const watches = new Map<number, { ack: (chars: number) => void; stop: () => void }>();
  ipcMain.on(IPC.watchOutput, (event, id: unknown, submissionId: unknown) => {
    if (event.sender !== contents || typeof id !== 'number' || typeof submissionId !== 'string' || watches.has(id)) return;
    watches.set(id, service.output.watch(submissionId, (data) => !contents.isDestroyed() && contents.send(IPC.output, id, data)));
  });
  ipcMain.on(IPC.ackOutput, (event, id: unknown, chars: unknown) => {
    if (event.sender !== contents || typeof id !== 'number' || typeof chars !== 'number' || !(chars >= 0)) return;
    watches.get(id)?.ack(chars);
  });
  ipcMain.on(IPC.stopOutput, (event, id: unknown) => {
    if (event.sender !== contents || typeof id !== 'number') return;
    watches.get(id)?.stop();
    watches.delete(id);
  });
  cleanups.push(() => {
    ipcMain.removeAllListeners(IPC.watchOutput);
    ipcMain.removeAllListeners(IPC.ackOutput);
    ipcMain.removeAllListeners(IPC.stopOutput);
    for (const watch of watches.values()) watch.stop();
  });
  return () => cleanups.forEach((cleanup) => cleanup());
}
