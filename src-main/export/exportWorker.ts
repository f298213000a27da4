// Runs one contest export in a worker thread, so that writing (and fsyncing) thousands of files never
// blocks the event loop that serves the portal and the console. Reads an online snapshot of the
// database; reports each file written and the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Store } from '../store/store.ts';
import { exportContestPackage } from './contestPackage.ts';
import { readGroupsFile } from './groups.ts';
import { backupDatabase } from './storeBackup.ts';

export interface ExportWorkerInput {
  dbFile: string;
  contestDir: string;
  outDir: string;
  force: boolean;
}

export type ExportWorkerMessage =
  | { type: 'file'; path: string }
  | { type: 'done'; path: string; files: number; warnings: string[] }
  | { type: 'failed'; message: string };

const input = workerData as ExportWorkerInput;
const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);
const scratch = mkdtempSync(join(tmpdir(), 'verdict-export-'));
let store: Store | null = null;
try {
  await backupDatabase(input.dbFile, join(scratch, 'verdict.db'));
  store = Store.open(join(scratch, 'verdict.db'));
  const result = await exportContestPackage(store, input.outDir, {
    groups: readGroupsFile(input.contestDir),
    force: input.force,
    onFile: (path) => post({ type: 'file', path }),
  });
  post({ type: 'done', path: result.path, files: result.files.length, warnings: result.warnings });
} catch (error) {
  post({ type: 'failed', message: (error as Error).message });
} finally {
  store?.close();
  rmSync(scratch, { recursive: true, force: true });
}
