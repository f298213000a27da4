// An online backup of the store's SQLite file (SQLite's backup API through better-sqlite3): a
// consistent copy taken while the server keeps running and writing. The source is opened read-only
// on its own connection, so store.ts needs no change and the running Store is not touched.
// The copy is switched to rollback-journal mode: one self-contained file (no -wal/-shm beside it);
// Store.open turns WAL back on when the copy is used.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Store } from '../store/store.ts';

/** How long the backup waits for a lock held by the server's writer. */
const BUSY_TIMEOUT_MS = 5000;

export interface SnapshotInfo {
  schemaVersion: number;
  contestId: string | null;
  contestName: string | null;
  lastEventToken: string | null;
  events: number;
  submissions: number;
}

/** The database file a store was opened on (an in-memory store has none). */
export function storeFile(store: Store): string {
  const file = store.diagnostics().file;
  if (file === '' || file === ':memory:') throw new Error('an in-memory store has no file to back up');
  return file;
}

/** Copies the database at `source` to `destination` (which must not exist) with SQLite's online backup. */
export async function backupDatabase(source: string, destination: string): Promise<SnapshotInfo> {
  if (!existsSync(source)) throw new Error(`${source}: no such database`);
  if (existsSync(destination)) throw new Error(`${destination} already exists`);
  const src = new Database(source, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    await src.backup(destination);
  } finally {
    src.close();
  }
  const copy = new Database(destination, { timeout: BUSY_TIMEOUT_MS });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the backup of ${source} fails SQLite's check: ${String(check)}`);
    return snapshotInfo(copy);
  } finally {
    copy.close();
  }
}

/** Backs up a store that is open (the same as backupDatabase on its file). */
export function backupStore(store: Store, destination: string): Promise<SnapshotInfo> {
  return backupDatabase(storeFile(store), destination);
}

/** What a database file holds, read without going through Store (no migration, no writes). */
export function readSnapshotInfo(file: string): SnapshotInfo {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    return snapshotInfo(db);
  } finally {
    db.close();
  }
}

function snapshotInfo(db: Database.Database): SnapshotInfo {
  const has = (table: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  const contest = has('contest') ? (db.prepare('SELECT id, name FROM contest WHERE singleton = 1').get() as { id: string; name: string } | undefined) : undefined;
  const events = has('events') ? (db.prepare('SELECT count(*) AS n, CAST(max(token) AS TEXT) AS last FROM events').get() as { n: number; last: string | null }) : { n: 0, last: null };
  const submissions = has('submissions') ? (db.prepare('SELECT count(*) FROM submissions').pluck().get() as number) : 0;
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    contestId: contest?.id ?? null,
    contestName: contest?.name ?? null,
    lastEventToken: events.last,
    events: events.n,
    submissions,
  };
}
