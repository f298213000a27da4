// Backup and restore of a whole contest: the database (a snapshot, storeBackup.ts: consistent while the
// server runs and writes) and a copy of the contest folder, so the contest can go on on another machine.
//
// A backup folder:
//   verdict.db          the database (rollback-journal mode: one self-contained file)
//   contest/            the contest folder as it was (symbolic links copied as the files they point to)
//   backup.json         what it is: contest id and name, when, schema version, last event token, counts
//   manifest.sha256     sha256 of every file (`sha256sum -c manifest.sha256` checks it)
// Written atomically (temporary folder, then rename), private (0700/0600: accounts and password hashes).
//
// A restore checks the manifest, then writes `<data>/verdict.db` and `<data>/contest/` atomically; it
// refuses a data folder that exists and is not empty unless forced, and then keeps the old one aside
// as `<data>.replaced-<time>`. Afterwards: `verdict serve --contest <data>/contest --data <data>`.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FileError } from '../common/errors.ts';
import { STORE_FILE_NAME, storeFileIn } from '../store/store.ts';
import { isInside, PRIVATE_MODES, replacedFolderPath, writeFolderAtomically, type FolderWriter } from '../common/atomicFolder.ts';
import { describeCheck, verifyManifest } from '../common/manifest.ts';
import { backupDatabase, readSnapshotInfo, type SnapshotInfo } from './storeBackup.ts';

const BACKUP_FORMAT = 'verdict-backup';
const BACKUP_VERSION = 1;
const CONTEST_FOLDER = 'contest';
const INFO_FILE = 'backup.json';

export interface BackupInfo {
  format: typeof BACKUP_FORMAT;
  version: number;
  created: string;
  contest_id: string | null;
  contest_name: string | null;
  schema_version: number;
  last_event_token: string | null;
  events: number;
  submissions: number;
  database: string;
  contest_folder: string;
  /** Where the data came from (for people; restore does not use it). */
  source: { database: string; contest_folder: string };
}

export interface BackupOptions {
  force?: boolean;
  onFile?: (relPath: string) => void;
  /** Time written into backup.json (default now). */
  now?: number;
}

export interface BackupResult {
  path: string;
  files: string[];
  info: BackupInfo;
}

/** Copies a folder tree into the writer under `prefix`, following symbolic links (a loop is refused). */
async function copyTree(w: FolderWriter, dir: string, prefix: string): Promise<void> {
  const seen = new Set<string>();
  const walk = async (abs: string, rel: string): Promise<void> => {
    const real = await realpath(abs);
    if (seen.has(real)) throw new FileError(abs, 'a symbolic link loops back to a folder already copied');
    seen.add(real);
    const entries = (await readdir(abs)).sort();
    for (const name of entries) {
      const path = join(abs, name);
      const st = await stat(path).catch(() => null);
      if (st === null) throw new FileError(path, 'cannot be read (a broken symbolic link?)');
      if (st.isDirectory()) await walk(path, `${rel}/${name}`);
      else if (st.isFile()) await w.copy(path, `${rel}/${name}`);
      // sockets, fifos, devices: not contest data
    }
    seen.delete(real);
  };
  await walk(dir, prefix);
}

/** Backs up a database file and a contest folder into `outDir`. */
export async function backupFiles(dbFile: string, contestDir: string, outDir: string, options: BackupOptions = {}): Promise<BackupResult> {
  const db = resolve(dbFile);
  const contest = resolve(contestDir);
  const out = resolve(outDir);
  if (!(await stat(contest).catch(() => null))?.isDirectory()) throw new FileError(contest, 'no such contest folder');
  if (isInside(out, contest)) throw new FileError(out, 'the backup cannot go inside the contest folder it copies');
  const written = await writeFolderAtomically(
    out,
    async (w) => {
      let snapshot: SnapshotInfo | undefined;
      await w.add(STORE_FILE_NAME, async (path) => {
        snapshot = backupDatabase(db, path);
      });
      await copyTree(w, contest, CONTEST_FOLDER);
      const s = snapshot!;
      const info: BackupInfo = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        created: new Date(options.now ?? Date.now()).toISOString(),
        contest_id: s.contestId,
        contest_name: s.contestName,
        schema_version: s.schemaVersion,
        last_event_token: s.lastEventToken,
        events: s.events,
        submissions: s.submissions,
        database: STORE_FILE_NAME,
        contest_folder: CONTEST_FOLDER,
        source: { database: db, contest_folder: contest },
      };
      await w.write(INFO_FILE, `${JSON.stringify(info, null, 2)}\n`);
      return info;
    },
    { ...PRIVATE_MODES, force: options.force, onFile: options.onFile },
  );
  return { path: written.path, files: written.files, info: written.result };
}

/** Reads and checks a backup folder: its backup.json and every hash of its manifest. */
export async function checkBackup(backupDir: string): Promise<BackupInfo> {
  const dir = resolve(backupDir);
  let info: BackupInfo;
  try {
    info = JSON.parse(await readFile(join(dir, INFO_FILE), 'utf8')) as BackupInfo;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileError(dir, `not a Verdict backup (no ${INFO_FILE})`);
    throw new FileError(join(dir, INFO_FILE), `cannot be read: ${(e as Error).message}`);
  }
  if (info.format !== BACKUP_FORMAT) throw new FileError(join(dir, INFO_FILE), `not a Verdict backup (format ${JSON.stringify(info.format)})`);
  if (info.version > BACKUP_VERSION) throw new FileError(join(dir, INFO_FILE), `backup format version ${info.version} is newer than this Verdict reads (${BACKUP_VERSION})`);
  let check;
  try {
    check = await verifyManifest(dir);
  } catch (e) {
    throw new FileError(dir, `damaged: ${(e as Error).message}`);
  }
  if (!check.ok) throw new FileError(dir, `damaged: ${describeCheck(check)}`);
  return info;
}

export interface RestoreOptions {
  /** Replace a data folder that exists and is not empty (the old one is kept as <data>.replaced-<time>). */
  force?: boolean;
  onFile?: (relPath: string) => void;
  now?: number;
}

export interface RestoreResult {
  dataDir: string;
  dbFile: string;
  contestDir: string;
  info: BackupInfo;
  /** Where the data folder that was replaced went, or null. */
  replaced: string | null;
}

/** Restores a backup into `dataDir`: `<data>/verdict.db` and `<data>/contest/`, exactly as backed up. */
export async function restore(backupDir: string, dataDir: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const from = resolve(backupDir);
  const to = resolve(dataDir);
  const info = await checkBackup(from);
  if (isInside(to, from) || isInside(from, to)) throw new FileError(to, 'the data folder and the backup folder must not contain each other');
  const replaced = await replacedFolderPath(to, options.force, options.now ?? Date.now());
  await writeFolderAtomically(
    to,
    async (w) => {
      await w.copy(join(from, info.database), STORE_FILE_NAME);
      await copyTree(w, join(from, info.contest_folder), CONTEST_FOLDER);
      const restored = readSnapshotInfo(join(w.tempDir, STORE_FILE_NAME));
      if (restored.lastEventToken !== info.last_event_token || restored.contestId !== info.contest_id) {
        throw new FileError(from, 'damaged: the database does not match backup.json');
      }
    },
    { ...PRIVATE_MODES, force: options.force, onFile: options.onFile, manifest: false, replacedTo: replaced ?? undefined },
  );
  return { dataDir: to, dbFile: storeFileIn(to), contestDir: join(to, CONTEST_FOLDER), info, replaced };
}
