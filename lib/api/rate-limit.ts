// Token buckets for the API's two limits (lib/api/token-auth.ts): failed token checks per client, and
// requests per token. Kept in this process's memory: each app instance counts on its own (two instances
// behind a balancer allow twice the rate), and a restart forgets. That is enough to turn a guessing loop or a
// runaway agent into 429s with Retry-After; a shared limit belongs in the proxy in front.
import { z } from "zod";

interface Bucket {
  tokens: number;
  at: number;
}

/** One bucket per key: `capacity` at most, refilled continuously over `refillMs`. Full buckets are forgotten. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly capacity: number,
    readonly refillMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  private level(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.capacity;
    return Math.min(this.capacity, bucket.tokens + ((now - bucket.at) * this.capacity) / this.refillMs);
  }

  /** Milliseconds until `key` has a whole token again (0: it has one now). Takes nothing. */
  wait(key: string, now = Date.now()): number {
    const level = this.level(key, now);
    return level >= 1 ? 0 : Math.ceil(((1 - level) * this.refillMs) / this.capacity);
  }

  /** Takes one token when there is one (0), else answers the wait in milliseconds and takes nothing. */
  take(key: string, now = Date.now()): number {
    const wait = this.wait(key, now);
    if (wait === 0) this.spend(key, now);
    return wait;
  }

  /** Takes one token, going no lower than empty (failures are counted even while the limit answers). */
  spend(key: string, now = Date.now()): void {
    const tokens = Math.max(0, this.level(key, now) - 1);
    this.buckets.delete(key); // re-inserted last: the map's order is least recently used first
    this.buckets.set(key, { tokens, at: now });
    if (this.buckets.size > this.maxKeys) this.prune(now);
  }

  private prune(now: number): void {
    for (const [key] of this.buckets) if (this.level(key, now) >= this.capacity) this.buckets.delete(key);
    for (const [key] of this.buckets) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

/** The two variables, for the start-up check of the whole environment too. */
export const tokenLimitsSchema = z.object({
  PATTERNS_TOKEN_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  PATTERNS_TOKEN_FAILURE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
});

export interface TokenLimits {
  /** requests per second per token (0: no limit); bursts of up to two seconds' worth */
  perTokenPerSecond: number;
  perToken: TokenBuckets | null;
  /** failed token checks per minute per client */
  failuresPerMinute: number;
  failuresByClient: TokenBuckets;
  /** the same failures over all clients, ten times the budget: the backstop for clients that pick their key */
  failuresOverall: TokenBuckets;
}

// On globalThis: the production server holds this module twice (lib/server/web-server.ts), and a token's
// budget is one per process.
const limitsHolder = globalThis as unknown as { patternsTokenLimits?: { raw: string; limits: TokenLimits } };

/** The limits from the environment (read again when it changes, as tests do), with a clear error for a bad value. */
export function tokenLimits(env: Record<string, string | undefined> = process.env): TokenLimits {
  const raw = `${env.PATTERNS_TOKEN_RATE_LIMIT ?? ""}|${env.PATTERNS_TOKEN_FAILURE_LIMIT ?? ""}`;
  const current = limitsHolder.patternsTokenLimits;
  if (current && current.raw === raw) return current.limits;
  const parsed = tokenLimitsSchema.safeParse({
    PATTERNS_TOKEN_RATE_LIMIT: env.PATTERNS_TOKEN_RATE_LIMIT || undefined,
    PATTERNS_TOKEN_FAILURE_LIMIT: env.PATTERNS_TOKEN_FAILURE_LIMIT || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join(".")}: ${issue.message} (a whole number; see README "Configuration")`);
  }
  const { PATTERNS_TOKEN_RATE_LIMIT: rate, PATTERNS_TOKEN_FAILURE_LIMIT: failures } = parsed.data;
  const limits: TokenLimits = {
    perTokenPerSecond: rate,
    perToken: rate > 0 ? new TokenBuckets(rate * 2, 2000) : null,
    failuresPerMinute: failures,
    failuresByClient: new TokenBuckets(failures, 60_000),
    failuresOverall: new TokenBuckets(failures * 10, 60_000),
  };
  limitsHolder.patternsTokenLimits = { raw, limits };
  return limits;
}
