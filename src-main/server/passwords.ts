// A cache that makes repeated HTTP Basic credentials cheap (the costly scrypt check, in
// store/password.ts, runs once per credential, not once per request), and constant-time comparison.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a verified credential is trusted without re-hashing. */
const CREDENTIAL_CACHE_TTL_MS = 10 * 60 * 1000;
const CREDENTIAL_CACHE_MAX = 10_000;

/** Constant-time comparison of two strings of any length. */
export function sameSecret(a: string, b: string): boolean {
  const key = randomBytes(32);
  const ha = createHmac('sha256', key).update(a).digest();
  const hb = createHmac('sha256', key).update(b).digest();
  return timingSafeEqual(ha, hb);
}

/**
 * Remembers credentials that verified, keyed by an HMAC of username and password under a
 * per-process secret (the password itself is never kept). A burst of 1000 Basic-auth requests
 * from one tool costs one scrypt, not 1000.
 */
export class CredentialCache {
  private readonly secret = randomBytes(32);
  private readonly entries = new Map<string, { accountId: string; expiresAt: number }>();

  private key(username: string, password: string): string {
    return createHmac('sha256', this.secret).update(username).update('\0').update(password).digest('base64url');
  }

  get(username: string, password: string, now = Date.now()): string | null {
    const key = this.key(username, password);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt < now) {
      this.entries.delete(key);
      return null;
    }
    return entry.accountId;
  }

  set(username: string, password: string, accountId: string, now = Date.now()): void {
    if (this.entries.size >= CREDENTIAL_CACHE_MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(this.key(username, password), { accountId, expiresAt: now + CREDENTIAL_CACHE_TTL_MS });
  }

  /** Forget everything (a password changed). */
  clear(): void {
    this.entries.clear();
  }
}
