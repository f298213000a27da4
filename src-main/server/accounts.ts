// Who may log in: accounts from the store, checked against scrypt hashes. Passwords imported in
// plain text from the contest folder are hashed in the background (opening a contest never waits
// for 1000 hashes); until an account's hash is ready, its imported password is compared directly.
import type { ContestAccount } from '../contest/model.ts';
import type { Store } from '../store/store.ts';
import { hashPasswordAsync, verifyPasswordAsync } from '../store/password.ts';
import { CredentialCache, sameSecret } from './passwords.ts';

/** Hashes run on the libuv threadpool; two at a time leave threads free for file I/O. */
const HASH_CONCURRENCY = 2;

export interface AuthenticatedAccount {
  id: string;
  username: string;
  type: 'team' | 'judge' | 'admin';
  teamId: string | null;
}

export class AccountDirectory {
  private readonly store: Store;
  private readonly cache = new CredentialCache();
  /** Imported plain-text passwords not yet hashed, by username. */
  private readonly pending = new Map<string, string>();
  /** Usernames waiting for the background hasher, in order. */
  private readonly queue: string[] = [];
  private hashed = 0;
  private stopped = false;
  private total = 0;
  private workers = 0;

  constructor(store: Store, accounts: readonly ContestAccount[]) {
    this.store = store;
    this.add(accounts);
  }

  /** Accounts imported (again): their plain-text passwords are hashed in the background. */
  add(accounts: readonly ContestAccount[]): void {
    for (const account of accounts) {
      if (account.password === null) continue;
      this.queue.push(account.username);
      this.pending.set(account.username, account.password);
      this.total++;
    }
    this.cache.clear(); // a password may have changed
    while (this.workers < HASH_CONCURRENCY && this.queue.length > 0) void this.hashWorker();
  }

  /** Background work still to do, for "still preparing" in the UI and /health. */
  progress(): { hashed: number; total: number } {
    return { hashed: this.hashed, total: this.total };
  }

  async verify(username: string, password: string): Promise<AuthenticatedAccount | null> {
    const cachedId = this.cache.get(username, password);
    const row = this.store.getAccountByUsername(username);
    if (!row) return null;
    if (cachedId === row.id) return toAccount(row);
    const plain = this.pending.get(username);
    let ok: boolean;
    if (plain !== undefined) ok = sameSecret(password, plain);
    else if (row.passwordHash) ok = await verifyPasswordAsync(password, row.passwordHash);
    else ok = false;
    if (!ok) return null;
    this.cache.set(username, password, row.id);
    return toAccount(row);
  }

  /** Stops the background hashing (the store is about to close). */
  stop(): void {
    this.stopped = true;
  }

  private async hashWorker(): Promise<void> {
    this.workers++;
    try {
      for (let username = this.queue.shift(); username !== undefined && !this.stopped; username = this.queue.shift()) {
        const password = this.pending.get(username);
        const row = this.store.getAccountByUsername(username);
        // Re-hash only when the stored hash does not already match the imported password.
        if (password !== undefined && row && !(row.passwordHash && (await verifyPasswordAsync(password, row.passwordHash)))) {
          const hash = await hashPasswordAsync(password);
          if (this.stopped) return;
          this.store.setPasswordHash(row.id, hash);
        }
        // A newer password for the same account may have arrived meanwhile: it is in the queue again.
        if (this.pending.get(username) === password) this.pending.delete(username);
        this.hashed++;
      }
    } finally {
      this.workers--;
    }
  }
}

function toAccount(row: { id: string; username: string; type: string; teamId: string | null }): AuthenticatedAccount {
  return { id: row.id, username: row.username, type: row.type as AuthenticatedAccount['type'], teamId: row.teamId };
}
