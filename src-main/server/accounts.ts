// Who may log in: accounts from the store. A password from the contest folder is checked against
// that password, which the server holds anyway (the password sheet prints it): no scrypt on the
// request path, however far the hashing has got. The store keeps only its scrypt hash, made in the
// background by a low-priority child process (passwordHasher.ts): opening a contest never waits for
// 1000 hashes, and the hashing never takes CPU from contestants' requests. An account with only a
// hash (given in the folder) is checked against it, one scrypt per credential (CredentialCache).
// Every rejection costs exactly one scrypt, whether the username exists or not (an unknown one, or a
// wrong folder password, is checked against a hash no password matches): how long a refusal takes
// tells nothing about which usernames exist. Those checks are capped in number (CheckGate).
// A password that changed ends the account's sessions made before (SESSIONS below).
import type { AccountType, ContestAccount } from '../contest/model.ts';
import { StoreError } from '../store/rows.ts';
import type { Store } from '../store/store.ts';
import { isReadableHash, unmatchableHash, verifyPasswordAsync } from '../store/password.ts';
import { CheckGate } from './checkGate.ts';
import { PasswordHasher, type PasswordHasherOptions } from './passwordHasher.ts';
import { CredentialCache, sameSecret } from './passwords.ts';

/** Hashes written per transaction: one disk sync every few seconds of hashing, not one per account. */
const HASH_WRITE_BATCH = 50;
/** How long a request with a session from before a restart waits for its account's password to be confirmed unchanged. */
const SESSION_CONFIRM_WAIT_MS = 5_000;
/** How long stopping waits for the hashes of passwords just logged in with (one scrypt each, in the hasher). */
const STOP_WAIT_FOR_LOGINS_MS = 5_000;

export interface AuthenticatedAccount {
  id: string;
  username: string;
  type: AccountType;
  teamId: string | null;
}

/** A password from the contest folder, and the stored hash known to be of it (null until the hasher has made or checked one). */
interface FolderPassword {
  password: string;
  hash: string | null;
  /** When this process took the password (Date.now()): sessions made later were made with it. */
  loadedAt: number;
  /** Whether the stored hash was already of this password ('same') or not ('changed'); 'unknown' until the hasher has checked. */
  verdict: 'unknown' | 'same' | 'changed';
  /** The hasher's check under way, if any (the background queue and a waiting session share it). */
  checking: Promise<void> | null;
}

export class AccountDirectory {
  private readonly store: Store;
  private readonly hasher: PasswordHasher;
  private readonly cache = new CredentialCache();
  /** Caps the scrypt checks of credentials not known to be good (wrong ones above all). */
  readonly checks = new CheckGate();
  /** Checked instead of a hash when there is none to check: same cost, never a match. */
  private readonly unmatchable = unmatchableHash();
  /** By username. */
  private readonly folder = new Map<string, FolderPassword>();
  /** Folder passwords waiting for the hasher, in order. */
  private readonly queue: { username: string; entry: FolderPassword }[] = [];
  /** Hashes made but not yet written. */
  private unsaved: { accountId: string; entry: FolderPassword; hash: string }[] = [];
  private hashed = 0;
  private total = 0;
  private hashing = false;
  private stopped = false;
  /** Hashes of folder passwords someone logged in with, made ahead of the queue and written at once. */
  private readonly loginHashes = new Set<Promise<void>>();

  constructor(store: Store, accounts: readonly ContestAccount[], hasher: PasswordHasherOptions = {}) {
    this.store = store;
    this.hasher = new PasswordHasher(hasher);
    this.add(accounts);
  }

  /**
   * Accounts imported (again): their folder passwords are hashed in the background. SESSIONS: a
   * password that differs from the one this process held ends the account's sessions at once; one
   * held before a restart is only known after the hasher's check (sessionHolds waits for it).
   * A hash given by the folder ends them in the store's import when it changed.
   */
  add(accounts: readonly ContestAccount[]): void {
    const now = Date.now();
    for (const account of accounts) {
      const before = this.folder.get(account.username);
      if (account.password === null) {
        this.folder.delete(account.username); // the folder now gives a hash: that is what counts
        continue;
      }
      if (before?.password === account.password) continue; // unchanged: what is known about it still holds
      const entry: FolderPassword = { password: account.password, hash: null, loadedAt: now, verdict: 'unknown', checking: null };
      if (before) {
        const row = this.store.accounts.byUsername(account.username);
        if (row) this.store.accounts.deleteSessionsOf(row.id, now + 1);
      }
      this.folder.set(account.username, entry);
      this.queue.push({ username: account.username, entry });
      this.total++;
    }
    this.cache.clear(); // a password may have changed
    if (!this.hashing && !this.stopped && this.queue.length > 0) void this.hashAll();
  }

  /** Background work still to do, for "still preparing" in the UI and /health. */
  progress(): { hashed: number; total: number } {
    return { hashed: this.hashed, total: this.total };
  }

  /**
   * The account, or null; may reject with BusyError (too many checks under way). `forSession`: a session is made
   * with this password (a form login), whose hash is then made ahead of the queue (storeHashSoon); a request with
   * HTTP Basic makes none, so a burst of them neither queues a scrypt each nor holds up a stop.
   */
  async verify(username: string, password: string, options: { forSession: boolean }): Promise<AuthenticatedAccount | null> {
    const row = this.store.accounts.byUsername(username);
    const entry = row ? this.folder.get(username) : undefined;
    // The folder's password decides while its hash is being made, and once the stored hash is known to be of it.
    const byFolder = row !== null && entry !== undefined && (entry.hash === null || entry.hash === row.passwordHash);
    if (byFolder && sameSecret(password, entry.password)) {
      if (options.forSession) this.storeHashSoon(username, entry);
      return toAccount(row);
    }
    const real = !byFolder && row?.passwordHash && isReadableHash(row.passwordHash) ? row.passwordHash : null;
    const hash = real ?? this.unmatchable;
    const ok = await this.cache.verify(username, password, row?.id ?? '', () => this.checks.run(() => verifyPasswordAsync(password, hash)));
    return ok && real !== null ? toAccount(row!) : null;
  }

  /**
   * Whether a session made at `createdAt` (store time, ms) still holds for this account: not when
   * its password changed since. A session older than the folder password this process holds waits
   * (up to SESSION_CONFIRM_WAIT_MS) for the hasher to tell whether that password is the one it was
   * made with; the check is moved ahead of the background queue.
   */
  async sessionHolds(account: { id: string; username: string }, createdAt: number): Promise<boolean> {
    const entry = this.folder.get(account.username);
    if (!entry || createdAt > entry.loadedAt) return true;
    if (entry.verdict === 'unknown' && !this.stopped) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, SESSION_CONFIRM_WAIT_MS)));
      await Promise.race([this.hashOne(account.username, entry).catch(() => {}), timeout]);
      clearTimeout(timer);
      if (!this.hashing) this.save(); // the background queue is done: nobody else writes this hash
    }
    return entry.verdict === 'same' && this.folder.get(account.username) === entry;
  }

  /**
   * Stops the background hashing and ends the hashing process (the store is about to close); resolves once it has
   * exited. The hashes of passwords just logged in with are written first (waiting at most STOP_WAIT_FOR_LOGINS_MS).
   */
  async stop(): Promise<void> {
    if (this.loginHashes.size > 0 && !this.stopped) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...this.loginHashes]), new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_FOR_LOGINS_MS)))]);
      clearTimeout(timer);
    }
    this.stopped = true;
    this.save();
    return this.hasher.end();
  }

  /**
   * A session made now is made with this folder password: its hash is made ahead of the queue and written at once.
   * Without it a restart before the queue got there would find no stored hash to confirm the session by, and
   * end it (sessionHolds) as if the password had changed.
   */
  private storeHashSoon(username: string, entry: FolderPassword): void {
    if (entry.verdict !== 'unknown' || this.stopped) return;
    const done: Promise<void> = this.hashOne(username, entry)
      .then(() => this.save())
      .catch(() => {}) // the background queue tries it again
      .finally(() => this.loginHashes.delete(done));
    this.loginHashes.add(done);
  }

  private async hashAll(): Promise<void> {
    this.hashing = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        await this.hashOne(next.username, next.entry);
        if (this.stopped) return;
        if (this.unsaved.length >= HASH_WRITE_BATCH || this.queue.length === 0) this.save();
        this.hashed++;
      }
      void this.hasher.end(); // nothing left: the hashing process goes until accounts are added
    } catch (error) {
      // Logins go on against the folder's passwords; only the stored hashes lag (until accounts are added again).
      if (!this.stopped) process.stderr.write(`verdict: hashing the contest's passwords failed: ${(error as Error).message}\n`);
    } finally {
      this.hashing = false;
    }
  }

  /** Has the hasher make (or check) the stored hash of one folder password, once. */
  private hashOne(username: string, entry: FolderPassword): Promise<void> {
    if (entry.verdict !== 'unknown') return Promise.resolve();
    entry.checking ??= this.checkOne(username, entry).finally(() => (entry.checking = null));
    return entry.checking;
  }

  private async checkOne(username: string, entry: FolderPassword): Promise<void> {
    // A password replaced by a newer one (added again meanwhile) is skipped: the newer one has its own place in the queue.
    const current = () => this.folder.get(username) === entry;
    const row = this.store.accounts.byUsername(username);
    if (!row || !current()) return;
    const made = await this.hasher.check(entry.password, row.passwordHash);
    if (this.stopped || !current()) return;
    if (made === null) {
      entry.hash = row.passwordHash;
      entry.verdict = 'same';
      return;
    }
    // Not the password the store knew: sessions made before this process took it were made with another.
    this.store.accounts.deleteSessionsOf(row.id, entry.loadedAt + 1);
    entry.verdict = 'changed';
    this.unsaved.push({ accountId: row.id, entry, hash: made });
  }

  /** Writes the hashes made so far, in one transaction. */
  private save(): void {
    const batch = this.unsaved;
    if (batch.length === 0) return;
    this.unsaved = [];
    const written = this.store.db.transaction(() =>
      batch.filter(({ accountId, hash }) => {
        try {
          this.store.accounts.setPasswordHash(accountId, hash);
          return true;
        } catch (error) {
          if (error instanceof StoreError && error.code === 'not_found') return false; // removed by a re-import
          throw error;
        }
      }),
    );
    for (const { entry, hash } of written) entry.hash = hash;
  }
}

function toAccount(row: { id: string; username: string; type: string; teamId: string | null }): AuthenticatedAccount {
  return { id: row.id, username: row.username, type: row.type as AuthenticatedAccount['type'], teamId: row.teamId };
}
