// A cache that makes repeated HTTP Basic credentials cheap (the costly scrypt check, in
// store/password.ts, runs once per credential, not once per request), and constant-time comparison.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a verified credential is trusted without re-hashing. */
const CREDENTIAL_CACHE_TTL_MS = 10 * 60 * 1000;
const CREDENTIAL_CACHE_MAX = 10_000;

/** The key that brings both sides of a comparison to one length; secret, so neither digest tells anything. */
const COMPARISON_KEY = randomBytes(32);

/** Constant-time comparison of two strings of any length. */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHmac('sha256', COMPARISON_KEY).update(a).digest();
  const hb = createHmac('sha256', COMPARISON_KEY).update(b).digest();
  return timingSafeEqual(ha, hb);
}

/**
 * Remembers credentials that verified, keyed by an HMAC of username and password under a
 * per-process secret (the password itself is never kept). A burst of 1000 Basic-auth requests
 * from one tool costs one scrypt, not 1000, even when they all arrive before the first is checked.
 */
export class CredentialCache {
  private readonly secret = randomBytes(32);
  private readonly entries = new Map<string, { accountId: string; expiresAt: number }>();
  /** Checks under way, by key and account: concurrent requests with one credential share one. */
  private readonly checking = new Map<string, Promise<boolean>>();
  /** Bumped by clear(): a check that started before a password changed is not remembered. */
  private generation = 0;

  private key(username: string, password: string): string {
    return createHmac('sha256', this.secret).update(username).update('\0').update(password).digest('base64url');
  }

  /** Whether the credential is the account's: remembered, or found by `check` (a scrypt), which is not run twice at once for one credential. */
  verify(username: string, password: string, accountId: string, check: () => Promise<boolean>, now = Date.now()): Promise<boolean> {
    const key = this.key(username, password);
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt >= now && entry.accountId === accountId) return Promise.resolve(true);
    const checkKey = `${key}\0${accountId}`;
    const running = this.checking.get(checkKey);
    if (running) return running;
    const generation = this.generation;
    const checked = check()
      .then((ok) => {
        if (ok && generation === this.generation) this.remember(key, accountId, now);
        return ok;
      })
      .finally(() => {
        if (this.checking.get(checkKey) === checked) this.checking.delete(checkKey);
      });
    this.checking.set(checkKey, checked);
    return checked;
  }

  private remember(key: string, accountId: string, now: number): void {
    this.entries.delete(key);
    if (this.entries.size >= CREDENTIAL_CACHE_MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { accountId, expiresAt: now + CREDENTIAL_CACHE_TTL_MS });
  }

  /** Forget everything (a password changed). */
  clear(): void {
    this.entries.clear();
    this.checking.clear();
    this.generation++;
  }
}
