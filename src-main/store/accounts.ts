// Accounts and their sessions: who may log in (imported from the contest folder, passwords hashed with
// scrypt) and the sessions they hold (only the SHA-256 of a session token is stored). Accounts are not
// published: no events.
import { createHash, randomBytes } from 'node:crypto';
import type { ContestAccount } from '../contest/model.ts';
import type { StoreDatabase } from './db.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { StoreError, type AccountRow, type SessionRow } from './rows.ts';

/** Random bytes in a session token and in a CSRF token. */
const TOKEN_BYTES = 32;
/** meta key: salted scrypt of the accounts as last imported, so an unchanged folder costs one scrypt, not one per account. */
const META_ACCOUNTS_FINGERPRINT = 'accounts_fingerprint';

/** Which accounts get a new imported hash (by id), and the fingerprint to remember (null: keep the stored one). */
export interface PasswordPlan {
  set: Map<string, string>;
  fingerprint: string | null;
}

function sha256(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function prepareStatements(db: StoreDatabase) {
  const p = (sql: string) => db.prepare(sql);
  return {
    allAccountIds: p('SELECT id FROM accounts'),
    accountExists: p('SELECT 1 FROM accounts WHERE id = ?'),
    getAccountByUsername: p('SELECT id, username, type, team_id AS teamId, password_hash AS passwordHash FROM accounts WHERE username = ?'),
    listAccounts: p('SELECT id, username, type, team_id AS teamId, password_hash AS passwordHash FROM accounts ORDER BY id'),
    getAccountById: p('SELECT id, username, type, team_id AS teamId, password_hash AS passwordHash FROM accounts WHERE id = ?'),
    getImportedHash: p('SELECT imported_hash FROM accounts WHERE id = ?'),
    deleteAccount: p('DELETE FROM accounts WHERE id = ?'),
    parkUsername: p("UPDATE accounts SET username = char(0) || 'parked:' || ? WHERE id = ? AND username <> ?"),
    upsertAccount: p(`INSERT INTO accounts (id, username, type, team_id) VALUES (?, ?, ?, ?)
                      ON CONFLICT (id) DO UPDATE SET username = excluded.username, type = excluded.type, team_id = excluded.team_id`),
    setImportedHash: p('UPDATE accounts SET password_hash = ?, imported_hash = ? WHERE id = ?'),
    setPasswordHash: p('UPDATE accounts SET password_hash = ? WHERE id = ?'),

    purgeSessions: p('DELETE FROM sessions WHERE expires_at <= ?'),
    insertSession: p('INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    getSession: p('SELECT account_id AS accountId, csrf_token AS csrfToken, created_at AS createdAt, expires_at AS expiresAt FROM sessions WHERE token_hash = ?'),
    deleteSessionsOf: p('DELETE FROM sessions WHERE account_id = ? AND created_at < ?'),
    deleteSession: p('DELETE FROM sessions WHERE token_hash = ?'),
  };
}

export class AccountRepository {
  private readonly db: StoreDatabase;
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: StoreDatabase) {
    this.db = db;
    this.s = prepareStatements(db);
  }

  byUsername(username: string): AccountRow | null {
    return (this.s.getAccountByUsername.get(username) as AccountRow | undefined) ?? null;
  }

  byId(id: string): AccountRow | null {
    return (this.s.getAccountById.get(id) as AccountRow | undefined) ?? null;
  }

  /** Every account, by id. */
  list(): AccountRow[] {
    return this.s.listAccounts.all() as AccountRow[];
  }

  /** Replaces an account's password hash. */
  setPasswordHash(accountId: string, hash: string): void {
    const changes = this.s.setPasswordHash.run(hash, accountId).changes;
    if (changes === 0) throw new StoreError('not_found', `unknown account ${accountId}`);
  }

  /**
   * Which accounts of a contest folder get a new imported hash, decided outside the write transaction (scrypt
   * takes ~30 ms). `hashPlain`: plain passwords are hashed here; otherwise they are left to the caller and only
   * given hashes count.
   */
  planImport(accounts: readonly ContestAccount[], hashPlain: boolean): PasswordPlan {
    const set = new Map<string, string>();
    if (!hashPlain) {
      for (const a of accounts) {
        if (a.password === null && a.passwordHash !== null && a.passwordHash !== (this.s.getImportedHash.pluck().get(a.id) ?? null)) set.set(a.id, a.passwordHash);
      }
      return { set, fingerprint: null };
    }
    const canonical = JSON.stringify([...accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((a) => [a.id, a.password, a.passwordHash]));
    const stored = this.db.getMeta(META_ACCOUNTS_FINGERPRINT);
    if (stored !== null && verifyPassword(canonical, stored)) return { set, fingerprint: null };
    for (const a of accounts) {
      const imported = (this.s.getImportedHash.pluck().get(a.id) as string | null | undefined) ?? null;
      if (a.password !== null) {
        if (imported === null || !verifyPassword(a.password, imported)) set.set(a.id, hashPassword(a.password));
      } else if (a.passwordHash !== null && a.passwordHash !== imported) {
        set.set(a.id, a.passwordHash);
      }
    }
    return { set, fingerprint: hashPassword(canonical) };
  }

  /** Makes the accounts those of the contest folder, with the passwords `plan` gives (inside the import's transaction). */
  import(accounts: readonly ContestAccount[], plan: PasswordPlan): void {
    const wanted = new Set(accounts.map((a) => a.id));
    for (const id of this.s.allAccountIds.pluck().all() as string[]) {
      if (!wanted.has(id)) this.s.deleteAccount.run(id); // its sessions go with it (ON DELETE CASCADE)
    }
    // Usernames moved between accounts: park them first so the UNIQUE index never sees two at once.
    for (const a of accounts) this.s.parkUsername.run(a.id, a.id, a.username);
    for (const a of accounts) {
      this.s.upsertAccount.run(a.id, a.username, a.type, a.teamId);
      const hash = plan.set.get(a.id);
      if (hash === undefined) continue;
      this.s.setImportedHash.run(hash, hash, a.id);
      this.s.deleteSessionsOf.run(a.id, Number.MAX_SAFE_INTEGER); // a new password ends the sessions made with the old one
    }
    if (plan.fingerprint !== null) this.db.setMeta(META_ACCOUNTS_FINGERPRINT, plan.fingerprint);
  }

  /** A new session; only the SHA-256 of the token is stored. Expired sessions are purged on the way. */
  createSession(accountId: string, ttlMs: number, now: number = Date.now()): { token: string; csrfToken: string; expiresAt: number } {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const csrfToken = randomBytes(TOKEN_BYTES).toString('base64url');
    const expiresAt = now + ttlMs;
    this.db.transaction(() => {
      if (this.s.accountExists.pluck().get(accountId) === undefined) throw new StoreError('not_found', `unknown account ${accountId}`);
      this.s.purgeSessions.run(now);
      this.s.insertSession.run(sha256(token), accountId, csrfToken, now, expiresAt);
    });
    return { token, csrfToken, expiresAt };
  }

  /** The session of a token (and when it was made), or null when unknown or expired. */
  session(token: string, now: number = Date.now()): (SessionRow & { createdAt: number }) | null {
    const row = this.s.getSession.get(sha256(token)) as (SessionRow & { createdAt: number }) | undefined;
    return row && row.expiresAt > now ? row : null;
  }

  /** Ends an account's sessions made before `before` (its password changed then); returns how many. */
  deleteSessionsOf(accountId: string, before: number): number {
    return this.s.deleteSessionsOf.run(accountId, before).changes;
  }

  deleteSession(token: string): void {
    this.s.deleteSession.run(sha256(token));
  }
}
