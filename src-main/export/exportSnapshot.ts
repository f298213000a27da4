// An export from a data folder that may be in use: a snapshot of its database (storeBackup.ts; the
// running server is neither disturbed nor written), groups and organizations from the contest folder.
import { rm } from 'node:fs/promises';
import { ownedTempDir } from '../common/tempFolders.ts';
import { Store, storeFileIn } from '../store/store.ts';
import { exportContestPackage, type ExportOptions, type ExportResult } from './contestPackage.ts';
import { readGroupsFile, readOrganizationsFile } from '../contest/folderLists.ts';
import { backupDatabase } from './storeBackup.ts';

export interface SnapshotExportOptions extends Omit<ExportOptions, 'groups' | 'organizations'> {
  /** Called with the snapshot before anything is written (e.g. to check it holds the expected contest); a throw stops the export. */
  check?: (store: Store) => void;
}

export async function exportFromDataFolder(dbFile: string, contestDir: string, outDir: string, options: SnapshotExportOptions = {}): Promise<ExportResult> {
  const groups = readGroupsFile(contestDir);
  const organizations = readOrganizationsFile(contestDir);
  const scratch = ownedTempDir('export');
  let store: Store | null = null;
  try {
    backupDatabase(dbFile, storeFileIn(scratch));
    store = Store.open(storeFileIn(scratch));
    options.check?.(store);
    return await exportContestPackage(store, outDir, { ...options, groups, organizations });
  } finally {
    store?.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
