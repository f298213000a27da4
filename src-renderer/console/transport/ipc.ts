// JudgeApi over Electron IPC: the preload exposes `window.verdictJudge` (the contract's JudgeBridge) and this
// adapts it. The request methods are generated from the contract (requests.ts); the two
// subscriptions pass straight through, so the preload keeps all listener bookkeeping.
import type { JudgeApi, JudgeBridge } from '../../../src-main/shared/judgeApi.ts';
import { requestMethods } from './requests.ts';

export type { JudgeBridge };

/**
 * ipcRenderer.invoke rejects with "Error invoking remote method 'setWorkers': Error: <message>":
 * the judge wants to read only <message>.
 */
export function ipcErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const match = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?([\s\S]*)$/.exec(raw);
  return match ? match[1]! : raw;
}

/** The call's answer, or its rejection with only the judge's message. */
async function readable<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new Error(ipcErrorMessage(error), { cause: error });
  }
}

export function createIpcJudgeApi(bridge: JudgeBridge): JudgeApi {
  const requests = requestMethods((method, args) => readable(() => bridge.invoke(method, ...args)));
  return {
    ...requests,
    // The main process shows the file dialog and reads the file chosen there: the page names no path.
    importProblem: { via: 'dialog', choose: (kind) => readable(() => bridge.chooseProblemPackage(kind)) },
    // The main process asks where to save the file and writes it there: the page names no path.
    problemFiles: { via: 'dialog', save: (problemId, kind) => readable(() => bridge.saveProblemFile(problemId, kind)) },
    // The export's folder is on this machine: the main process opens it, found by the job's id alone.
    exportFiles: { via: 'folder', open: (jobId) => readable(() => bridge.openExportFolder(jobId)) },
    subscribe: (listener) => bridge.subscribe(listener),
    watchOutput: (submissionId, onData) => bridge.watchOutput(submissionId, onData),
  };
}
