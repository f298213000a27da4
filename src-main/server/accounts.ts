// Who may log in: accounts from the store. A password from the contest folder is checked against
// that password, which the server holds anyway (the password sheet prints it): no scrypt on the
// request path, however far the hashing has got. The store keeps only its scrypt hash, made in the
// background by a low-priority child process (passwordHasher.ts): opening a contest never waits for
// 1000 hashes, and the hashing never takes CPU from contestants' requests. An account with only a
// hash (given in the folder) is checked against it, one scrypt per credential (CredentialCache).
import type { ContestAccount } from '../contest/model.ts';
import { StoreError } from '../store/rows.ts';
import type { Store } from '../store/store.ts';
import { verifyPasswordAsync } from '../store/password.ts';
import { PasswordHasher, type PasswordHasherOptions } from './passwordHasher.ts';
import { CredentialCache, sameSecret } from './passwords.ts';

/** Hashes written per transaction: one disk sync every few seconds of hashing, not one per account. */
const HASH_WRITE_BATCH = 50;

export interface AuthenticatedAccount {
  id: string;
  username: string;
  type: 'team' | 'judge' | 'admin';
  teamId: string | null;
}

/** A password from the contest folder, and the stored hash known to be of it (null until the hasher has made or checked one). */
interface FolderPassword {
  password: string;
  hash: string | null;
}

export class AccountDirectory {
  private readonly store: Store;
  private readonly hasher: PasswordHasher;
  private readonly cache = new CredentialCache();
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

  constructor(store: Store, accounts: readonly ContestAccount[], hasher: PasswordHasherOptions = {}) {
    this.store = store;
    this.hasher = new PasswordHasher(hasher);
    this.add(accounts);
  }

  /** Accounts imported (again): their folder passwords are hashed in the background. */
  add(accounts: readonly ContestAccount[]): void {
    for (const account of accounts) {
      if (account.password === null) {
        this.folder.delete(account.username); // the folder now gives a hash: that is what counts
        continue;
      }
      const entry: FolderPassword = { password: account.password, hash: null };
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

  async verify(username: string, password: string): Promise<AuthenticatedAccount | null> {
    const row = this.store.getAccountByUsername(username);
    if (!row) return null;
    const entry = this.folder.get(username);
    let ok: boolean;
    // The folder's password decides while its hash is being made, and once the stored hash is known to be of it.
    if (entry && (entry.hash === null || entry.hash === row.passwordHash)) ok = sameSecret(password, entry.password);
    else if (row.passwordHash) {
      const hash = row.passwordHash;
      ok = await this.cache.verify(username, password, row.id, () => verifyPasswordAsync(password, hash));
    } else ok = false;
    return ok ? toAccount(row) : null;
  }

  /** Stops the background hashing and ends the hashing process (the store is about to close); resolves once it has exited. */
  stop(): Promise<void> {
    this.stopped = true;
    this.save();
    return this.hasher.end();
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

  /** Has the hasher make (or check) the stored hash of one folder password. */
  private async hashOne(username: string, entry: FolderPassword): Promise<void> {
    // A password replaced by a newer one (added again meanwhile) is skipped: the newer one has its own place in the queue.
    const current = () => this.folder.get(username) === entry;
    const row = this.store.getAccountByUsername(username);
    if (!row || !current()) return;
    const made = await this.hasher.check(entry.password, row.passwordHash);
    if (this.stopped || !current()) return;
    if (made === null) entry.hash = row.passwordHash;
    else this.unsaved.push({ accountId: row.id, entry, hash: made });
  }

  /** Writes the hashes made so far, in one transaction. */
  private save(): void {
    const batch = this.unsaved;
    if (batch.length === 0) return;
    this.unsaved = [];
    const written = this.store.transaction(() =>
      batch.filter(({ accountId, hash }) => {
        try {
          this.store.setPasswordHash(accountId, hash);
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
