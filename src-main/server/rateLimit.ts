// Token buckets per key (a team, an address): a burst is allowed, a flood is refused with 429.

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
      if (this.buckets.size > 100_000) this.buckets.clear(); // bounded memory under a spray of keys
      bucket = { tokens: this.capacity, updated: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) * this.refillPerMs);
    bucket.updated = now;
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.refillPerMs);
  }
}
