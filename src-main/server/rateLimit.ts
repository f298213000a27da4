// Token buckets per key (a team, an address): a burst is allowed, a flood is refused with 429.

/** Bounded memory under a spray of keys (made-up usernames, many addresses). */
const MAX_KEYS = 100_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();
  private readonly capacity: number;
  private readonly refillPerMs: number;

  /** `capacity` requests at once, refilled at `perMinute` a minute. */
  constructor(capacity: number, perMinute: number) {
    this.capacity = capacity;
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes a token; returns 0 when allowed, else the ms to wait before the next one. */
  take(key: string, now = Date.now()): number {
    const wait = this.peek(key, now);
    if (wait === 0) this.buckets.get(key)!.tokens -= 1;
    return wait;
  }

  /** Like take, without taking: 0 when a token is available. */
  peek(key: string, now = Date.now()): number {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= MAX_KEYS) this.forget(now);
      bucket = { tokens: this.capacity, updated: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) * this.refillPerMs);
    bucket.updated = now;
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.refillPerMs);
  }

  /** Drops the buckets that have refilled (as good as new); only when none has, the oldest. A spray of new keys does not wipe spent buckets wholesale. */
  private forget(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updated) * this.refillPerMs >= this.capacity) this.buckets.delete(key);
    }
    if (this.buckets.size >= MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
