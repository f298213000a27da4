// Password hashes kept in the store: scrypt, `scrypt$<N>$<r>$<p>$<salt base64url>$<key base64url>`.
// The contest folder's plain passwords are hashed with hashPassword (in the server's low-priority
// hashing process, server/passwordHasherChild.ts); a login against a stored hash uses verifyPasswordAsync.
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N=2^14, r=8, p=1 (16 MiB, about 30 ms here): slow for guessing, fine for a login. */
const SCRYPT_N = 1 << 14;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Upper bound on N accepted from a stored hash, so a crafted hash cannot make a login allocate gigabytes. */
const MAX_N = 1 << 20;

interface Parsed {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parse(hash: string): Parsed | null {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![n, r, p].every((v) => Number.isInteger(v) && v > 0) || n > MAX_N || (n & (n - 1)) !== 0 || r > 32 || p > 16) return null;
  // Node's base64url decoder also reads standard base64.
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length === 0 || key.length === 0) return null;
  return { n, r, p, salt, key };
}

function options(p: Parsed) {
  return { N: p.n, r: p.r, p: p.p, maxmem: 256 * p.n * p.r + (1 << 20) };
}

function format(salt: Buffer, key: Buffer): string {
  return `scrypt$${SCRYPT_N}$${SCRYPT_R}$${SCRYPT_P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export function hashPassword(password: string, salt: Buffer = randomBytes(SALT_BYTES)): string {
  return format(salt, scryptSync(password, salt, KEY_BYTES, { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P }));
}

/** hashPassword off the main thread (libuv pool): for when the server's hashing process cannot run. */
export function hashPasswordAsync(password: string, salt: Buffer = randomBytes(SALT_BYTES)): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_BYTES, { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P }, (err, key) =>
      err ? reject(err) : resolve(format(salt, key)),
    );
  });
}

/**
 * A hash of the usual cost that no password matches (random key): checked instead when there is
 * no account or no readable hash, so that rejecting an unknown username costs one scrypt like a known one.
 */
export function unmatchableHash(): string {
  return format(randomBytes(SALT_BYTES), randomBytes(KEY_BYTES));
}

/** Whether verifyPassword can check against `hash` (else it answers false without hashing). */
export function isReadableHash(hash: string): boolean {
  return parse(hash) !== null;
}

/** False for a wrong password and for a hash this module cannot read. */
export function verifyPassword(password: string, hash: string): boolean {
  const p = parse(hash);
  if (!p) return false;
  const key = scryptSync(password, p.salt, p.key.length, options(p));
  return timingSafeEqual(key, p.key);
}

/** verifyPassword off the main thread (libuv pool): what an HTTP login handler should call. */
export function verifyPasswordAsync(password: string, hash: string): Promise<boolean> {
  const p = parse(hash);
  if (!p) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    scrypt(password, p.salt, p.key.length, options(p), (err, key) => (err ? reject(err) : resolve(timingSafeEqual(key, p.key))));
  });
}
