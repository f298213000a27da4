// Failed logins (form and HTTP Basic alike), counted twice: per username and per address.
// - A username that keeps failing is locked briefly, whatever address the guesses come from.
// - An address that keeps failing (guesses spread over many usernames) is slowed, generously, since
//   a whole lab behind one NAT shares it.
// - A locked username still gets its password checked from an address with no failed login in the
//   last ADDRESS_QUIET_MS: a guesser cannot lock a team out from elsewhere, and guessing on past the
//   lock takes a fresh address per guess.
// Known usernames and unknown ones are counted alike, so a lock tells nothing about which exist.
import { RateLimiter } from './rateLimit.ts';

/** Per username: 10 failures at once, then one per 30 s. */
export const USERNAME_FAILURES_BURST = 10;
const USERNAME_FAILURES_PER_MINUTE = 2;
/** Per address: 100 failures at once, then one per 3 s (a lab behind one NAT makes typos together). */
export const ADDRESS_FAILURES_BURST = 100;
const ADDRESS_FAILURES_PER_MINUTE = 20;
/** An address with no failed login for this long may still try a locked username. */
const ADDRESS_QUIET_MS = 10 * 60 * 1000;
/** Bounded memory: beyond this many addresses, those that failed longest ago are forgotten. */
const MAX_TRACKED_ADDRESSES = 100_000;

export class LoginThrottle {
  private readonly usernames = new RateLimiter(USERNAME_FAILURES_BURST, USERNAME_FAILURES_PER_MINUTE);
  private readonly addresses = new RateLimiter(ADDRESS_FAILURES_BURST, ADDRESS_FAILURES_PER_MINUTE);
  /** Last failed login per address, oldest first. */
  private readonly lastFailure = new Map<string, number>();

  /** Why a login by `username` from `address` is refused now (to be sent with a 429), or null when it may be checked. */
  refusal(username: string, address: string, now = Date.now()): string | null {
    const addressWait = this.addresses.peek(address, now);
    if (addressWait) return `too many failed login attempts from your address: wait ${Math.ceil(addressWait / 1000)} s`;
    const usernameWait = this.usernames.peek(username, now);
    if (usernameWait && !this.quiet(address, now)) return `too many failed login attempts for ${username}: wait ${Math.ceil(usernameWait / 1000)} s`;
    return null;
  }

  /** A wrong password (or unknown username) was given. */
  failed(username: string, address: string, now = Date.now()): void {
    this.usernames.take(username, now);
    this.addresses.take(address, now);
    this.lastFailure.delete(address);
    this.lastFailure.set(address, now);
    if (this.lastFailure.size > MAX_TRACKED_ADDRESSES) this.lastFailure.delete(this.lastFailure.keys().next().value!);
  }

  private quiet(address: string, now: number): boolean {
    const last = this.lastFailure.get(address);
    return last === undefined || now - last >= ADDRESS_QUIET_MS;
  }
}
