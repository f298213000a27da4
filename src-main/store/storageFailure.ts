// Telling "the disk is full or failing" from other database errors: the judge then refuses new work
// with 503 and keeps what it has in memory until it can write again, instead of crashing or blaming
// the request.

/** The database could not be written for lack of space or an I/O error (better-sqlite3's SqliteError codes). */
export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'ENOSPC');
}

/** What a refused request is told. */
export const STORAGE_FAILURE_MESSAGE = 'the judge cannot store anything right now (its disk is full or failing); nothing was accepted: try again in a minute';
