// Where a contest may be served. The sample contest's passwords are published (its accounts file
// and README): a judge, admin or judgehost account that still has one must never be reachable from the LAN,
// or anyone there could log in and control judging. Such a contest is served on loopback only.
import { isIPv4, isIPv6 } from 'node:net';
import { loadContest } from '../contest/loadContest.ts';
import type { ContestAccount, ContestDefinition } from '../contest/model.ts';
import { resourcePath } from '../common/paths.ts';
import { verifyPasswordAsync } from '../store/password.ts';

export const LOOPBACK_HOST = '127.0.0.1';

export interface ServingDecision {
  /** The address to listen on: the one asked for, or LOOPBACK_HOST. */
  host: string;
  /** Usernames of the judge and admin accounts that still have a published sample password. */
  sampleAccounts: string[];
  /** For the judge, when the host was narrowed to loopback: why, and what to change. Null otherwise. */
  notice: string | null;
}

/** True for an address only this machine can reach. A name other than localhost counts as reachable. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIPv4(h)) return h.startsWith('127.');
  if (isIPv6(h)) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

const published = new Map<string, Promise<ReadonlySet<string>>>();

/** Every password in the sample contest's accounts file (read once per folder). */
export function publishedSamplePasswords(sampleDir = resourcePath('sample-contest')): Promise<ReadonlySet<string>> {
  let passwords = published.get(sampleDir);
  if (!passwords) {
    passwords = loadContest(sampleDir).then((sample) => new Set(sample.accounts.flatMap((a) => (a.password === null ? [] : [a.password]))));
    // A failed read is not remembered: the next call tries again.
    passwords.catch(() => published.delete(sampleDir));
    published.set(sampleDir, passwords);
  }
  return passwords;
}

/**
 * The judge, admin and judgehost accounts (all may read the secret test data) whose password is one of
 * `passwords`: compared as text, or checked against the hash for accounts imported with a hash only
 * (an exported and re-imported sample).
 */
async function accountsWithPasswords(accounts: readonly ContestAccount[], passwords: ReadonlySet<string>): Promise<string[]> {
  const steering = accounts.filter((a) => a.type !== 'team');
  const hits = await Promise.all(
    steering.map(async (a) => {
      if (a.password !== null) return passwords.has(a.password);
      if (a.passwordHash === null) return false;
      const checks = await Promise.all([...passwords].map((p) => verifyPasswordAsync(p, a.passwordHash!)));
      return checks.includes(true);
    }),
  );
  return steering.filter((_, i) => hits[i]).map((a) => a.username);
}

function listNames(usernames: readonly string[]): string {
  const quoted = usernames.map((u) => `"${u}"`);
  return quoted.length === 1 ? `account ${quoted[0]} still has` : `accounts ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)} still have`;
}

/**
 * The host to serve `contest` on when `requestedHost` is asked for: a non-loopback host is narrowed
 * to LOOPBACK_HOST while a judge, admin or judgehost account has a published sample password.
 */
export async function decideServingHost(contest: ContestDefinition, requestedHost: string, passwords?: ReadonlySet<string>): Promise<ServingDecision> {
  const sampleAccounts = await accountsWithPasswords(contest.accounts, passwords ?? (await publishedSamplePasswords()));
  if (sampleAccounts.length === 0 || isLoopbackHost(requestedHost)) return { host: requestedHost, sampleAccounts, notice: null };
  return {
    host: LOOPBACK_HOST,
    sampleAccounts,
    notice:
      `The portal is open on this computer only (${LOOPBACK_HOST}), not on the LAN: the judge/admin ${listNames(sampleAccounts)} ` +
      `a published sample password, with which anyone on the LAN could log in and control judging. ` +
      `To serve on the LAN, give ${sampleAccounts.length === 1 ? 'it a new password' : 'them new passwords'} in the accounts file of ${contest.dir}, then restart Verdict (or open the contest folder again).`,
  };
}

/**
 * For `verdict serve`, which serves where it is told: a warning when `host` is reachable from the
 * LAN while a judge, admin or judgehost account has a published sample password, else null.
 */
export async function samplePasswordWarning(contest: ContestDefinition, host: string, passwords?: ReadonlySet<string>): Promise<string | null> {
  if (isLoopbackHost(host)) return null;
  const sampleAccounts = await accountsWithPasswords(contest.accounts, passwords ?? (await publishedSamplePasswords()));
  if (sampleAccounts.length === 0) return null;
  return (
    `the judge/admin ${listNames(sampleAccounts)} a published sample password and ${host} is reachable from the LAN: ` +
    `anyone there can log in and control judging. Change the password in the accounts file of ${contest.dir}, or serve on ${LOOPBACK_HOST}`
  );
}
