// The token buckets behind the API's limits, on a clock the test moves.
import { describe, expect, it } from "vitest";
import { TokenBuckets, tokenLimits } from "./rate-limit";

describe("TokenBuckets", () => {
  it("allows `capacity` at once, then answers the wait until the next token, refilling continuously", () => {
    const b = new TokenBuckets(3, 60_000);
    expect([0, 0, 0].map(() => b.take("a", 1000))).toEqual([0, 0, 0]);
    expect(b.take("a", 1000)).toBe(20_000); // one token per 20 s
    expect(b.wait("a", 11_000)).toBe(10_000);
    expect(b.take("a", 21_000)).toBe(0);
    expect(b.take("a", 21_000)).toBe(20_000);
    // another key has its own bucket
    expect(b.take("b", 21_000)).toBe(0);
  });

  it("never holds more than its capacity however long it rests", () => {
    const b = new TokenBuckets(2, 1000);
    b.take("a", 0);
    expect([0, 0, 0].map(() => b.take("a", 1_000_000))).toEqual([0, 0, 500]);
  });

  it("spend counts past empty without going below it, so a refused client waits one token's time", () => {
    const b = new TokenBuckets(2, 2000);
    for (let i = 0; i < 10; i++) b.spend("a", 0);
    expect(b.wait("a", 0)).toBe(1000);
    expect(b.wait("a", 1000)).toBe(0);
  });

  it("keeps at most maxKeys buckets, forgetting full ones first, then the least recently used", () => {
    const b = new TokenBuckets(1, 1000, 2);
    b.spend("old", 0);
    b.spend("mid", 500);
    b.spend("new", 900); // over the bound at 900: nothing is full yet, so "old" goes
    expect(b.wait("old", 900)).toBe(0);
    expect(b.wait("mid", 900)).toBeGreaterThan(0);
    expect(b.wait("new", 900)).toBeGreaterThan(0);
  });
});

describe("tokenLimits", () => {
  it("has generous defaults: 1,000 requests a second per token (the 200/s load benchmark is far below), 20 failures a minute", () => {
    const limits = tokenLimits({});
    expect(limits.perTokenPerSecond).toBe(1000);
    expect(limits.failuresPerMinute).toBe(20);
    let refused = 0;
    for (let i = 0; i < 2000; i++) if (limits.perToken!.take("t", 10_000 + i * 5) > 0) refused++; // 200 a second for 10 s
    expect(refused).toBe(0);
  });

  it("reads the environment, 0 turning the per-token rate off, and names a bad value", () => {
    expect(tokenLimits({ PATTERNS_TOKEN_RATE_LIMIT: "0" }).perToken).toBeNull();
    expect(tokenLimits({ PATTERNS_TOKEN_FAILURE_LIMIT: "3" }).failuresByClient.capacity).toBe(3);
    expect(() => tokenLimits({ PATTERNS_TOKEN_RATE_LIMIT: "fast" })).toThrow(/^PATTERNS_TOKEN_RATE_LIMIT: .*whole number/);
    expect(() => tokenLimits({ PATTERNS_TOKEN_FAILURE_LIMIT: "0" })).toThrow(/^PATTERNS_TOKEN_FAILURE_LIMIT/);
  });
});
