// The store's SQLite connection: opening the file of a data folder (WAL, synchronous=FULL), migrating it
// (schema.ts), and transactions, which the repositories share so that a change spanning several of them
// is all or nothing. What a repository keeps in memory along with a transaction (the event outbox's pending
// events, the contest row's cache) follows it through a TransactionWatcher.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { migrate } from './schema.ts';

/** The database file of a data folder. */
export const STORE_FILE_NAME = 'verdict.db';

/** The database file in `dataDir`. */
export function storeFileIn(dataDir: string): string {
  return join(dataDir, STORE_FILE_NAME);
}

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** Checkpoint the WAL every ~4 MiB (1000 pages of 4 KiB): each checkpoint stays short, the WAL stays small. */
const WAL_AUTOCHECKPOINT_PAGES = 1000;
/** Truncate the WAL file back to this size after a checkpoint, so one burst does not leave a huge file. */
const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Memory kept along with what transactions write: told when one rolls back and when the outermost one commits. */
export interface TransactionWatcher {
  /** Where it stands as a transaction (or a savepoint) begins: handed back to rolledBack. */
  mark(): number;
  /** The transaction or savepoint begun at `mark` rolled back: forget what was done in it. */
  rolledBack(mark: number): void;
  /** The outermost transaction committed. */
  committed(): void;
}

export interface StoreDiagnostics {
  file: string;
  journalMode: string;
  synchronous: number;
  foreignKeys: boolean;
  walAutocheckpoint: number;
  schemaVersion: number;
}

export class StoreDatabase {
  readonly schemaVersion: number;
  private readonly db: Database.Database;
  private readonly runInTransaction: Database.Transaction<(fn: () => unknown) => unknown>;
  private readonly watchers: TransactionWatcher[] = [];
  private readonly rowListeners: (() => void)[] = [];
  private readonly metaStatements: { get: Database.Statement; set: Database.Statement };

  private constructor(db: Database.Database) {
    this.db = db;
    this.schemaVersion = migrate(db);
    this.runInTransaction = db.transaction((fn: () => unknown) => fn());
    this.metaStatements = {
      get: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      set: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  /** The meta table's value for `key` (the repositories' small flags and settings), or null when never set. */
  getMeta(key: string): string | null {
    return (this.metaStatements.get.get(key) as string | undefined) ?? null;
  }

  setMeta(key: string, value: string): void {
    this.metaStatements.set.run(key, value);
  }

  /** Opens (creating folder and file as needed) and migrates the database. ':memory:' gives a private in-memory one. */
  static open(file: string): StoreDatabase {
    const memory = file === ':memory:' || file === '';
    if (!memory) mkdirSync(dirname(resolve(file)), { recursive: true });
    const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    try {
      if (!memory) {
        const mode = db.pragma('journal_mode = WAL', { simple: true });
        if (mode !== 'wal') throw new Error(`${file}: cannot use WAL journal mode (got ${String(mode)})`);
      }
      // FULL: the WAL is synced at every commit, so an acknowledged write survives a power cut, not just a crash.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
      return new StoreDatabase(db);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** A statement, to prepare once and run many times. */
  prepare(sql: string): Database.Statement {
    return this.db.prepare(sql);
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /** `watcher` follows every transaction from now on. */
  watch(watcher: TransactionWatcher): void {
    this.watchers.push(watcher);
  }

  /**
   * Calls `changed` whenever this connection inserts or deletes a row of `table` or updates one of `columns` in it,
   * and whenever a transaction rolls back (what it changed is undone). Temporary triggers: nothing goes into the file.
   * For a cache of what those rows decide: it never calls too seldom, sometimes too often (an update to the same value).
   */
  onRowsChanged(table: string, columns: readonly string[], changed: () => void): void {
    const fn = `verdict_${table}_changed_${this.rowListeners.length}`;
    this.db.function(fn, { deterministic: false }, () => {
      changed();
      return null;
    });
    for (const [name, event] of [['insert', 'INSERT'], ['delete', 'DELETE'], ['update', `UPDATE OF ${columns.join(', ')}`]]) {
      this.db.exec(`CREATE TEMP TRIGGER ${fn}_${name} AFTER ${event} ON main.${table} BEGIN SELECT ${fn}(); END`);
    }
    this.rowListeners.push(changed);
  }

  /**
   * Runs `fn` in one transaction (a savepoint when nested): all or nothing, events included. Listeners hear
   * the events after the outermost transaction commits, and never those of a rolled-back one.
   */
  transaction<T>(fn: () => T): T {
    const outermost = !this.db.inTransaction;
    const marks = this.watchers.map((w) => w.mark());
    let result: T;
    try {
      result = (outermost ? this.runInTransaction.immediate(fn) : this.runInTransaction(fn)) as T;
    } catch (e) {
      this.watchers.forEach((w, i) => w.rolledBack(marks[i]));
      for (const changed of this.rowListeners) changed();
      throw e;
    }
    if (outermost) for (const w of this.watchers) w.committed();
    return result;
  }

  /** The connection's settings, for health checks and tests. */
  diagnostics(): StoreDiagnostics {
    return {
      file: this.db.name,
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
      foreignKeys: this.db.pragma('foreign_keys', { simple: true }) === 1,
      walAutocheckpoint: this.db.pragma('wal_autocheckpoint', { simple: true }) as number,
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
    };
  }

  close(): void {
    if (!this.db.open) return;
    try {
      this.db.pragma('optimize');
    } finally {
      this.db.close();
    }
  }
}

/** A generated id ("17") as an integer, or null when it cannot be one. */
export function intId(id: string | null | undefined): number | null {
  if (typeof id !== 'string' || !/^[0-9]{1,15}$/.test(id)) return null;
  return Number(id);
}
