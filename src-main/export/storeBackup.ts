// The snapshot of a store's SQLite file that export, backup and restore work from: a consistent copy
// taken while the server keeps running and writing. It is one `VACUUM INTO` on a read-only connection of
// its own, i.e. one read transaction: under WAL the server's commits go on meanwhile and cannot disturb
// it. (SQLite's online backup API, used before, started over after every commit of another connection:
// with judging committing every few ms it could run for ever.) The running Store is not touched.
// The copy is in rollback-journal mode: one self-contained file (no -wal/-shm beside it); Store.open
// turns WAL back on when the copy is used.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

/** How long the snapshot waits for a lock held by the server's writer (e.g. while it recovers the WAL). */
const BUSY_TIMEOUT_MS = 5000;

export interface SnapshotInfo {
  schemaVersion: number;
  contestId: string | null;
  contestName: string | null;
  lastEventToken: string | null;
  events: number;
  submissions: number;
}

/**
 * Copies the database at `source` to `destination` (which must not exist) as it was at one commit.
 * Synchronous: it holds the thread for the copy and its check (each about 0.3 s for 60 MiB here), so
 * callers run off the server's event loop (the CLI's own process, the console's export worker thread).
 * The copy is not synced to disk: a caller that keeps it syncs it (FolderWriter.add does).
 */
export function backupDatabase(source: string, destination: string): SnapshotInfo {
  if (!existsSync(source)) throw new Error(`${source}: no such database`);
  if (existsSync(destination)) throw new Error(`${destination} already exists`);
  const src = new Database(source, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    // The read transaction keeps the WAL from being reset until it ends: it grows by what the server commits meanwhile.
    src.prepare('VACUUM INTO ?').run(destination);
  } finally {
    src.close();
  }
  const copy = new Database(destination, { timeout: BUSY_TIMEOUT_MS });
  try {
    copy.pragma('journal_mode = DELETE'); // VACUUM INTO writes rollback mode already: this keeps the promise whatever SQLite does
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the snapshot of ${source} fails SQLite's check: ${String(check)}`);
    return snapshotInfo(copy);
  } finally {
    copy.close();
  }
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
