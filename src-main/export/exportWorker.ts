// Runs one contest export in a worker thread, so that writing (and fsyncing) thousands of files never
// blocks the event loop that serves the portal and the console. Reads an online snapshot of the
// database; reports each file written and the end.
import { parentPort, workerData } from 'node:worker_threads';
import { exportFromDataFolder } from './exportSnapshot.ts';

export interface ExportWorkerInput {
  dbFile: string;
  contestDir: string;
  /** The folder to write: the worker never replaces one that holds files (no force). */
  outDir: string;
}

export type ExportWorkerMessage =
  | { type: 'file'; path: string }
  | { type: 'done'; path: string; files: number; warnings: string[] }
  | { type: 'failed'; message: string };

const input = workerData as ExportWorkerInput;
const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);
try {
  const result = await exportFromDataFolder(input.dbFile, input.contestDir, input.outDir, { onFile: (path) => post({ type: 'file', path }) });
  post({ type: 'done', path: result.path, files: result.files.length, warnings: result.warnings });
} catch (error) {
  post({ type: 'failed', message: (error as Error).message });
}
