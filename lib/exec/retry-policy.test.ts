// When the exec client retries, pauses and gives up (the rules; remote-delivery.test.ts drives them over HTTP).
import { describe, expect, test } from "vitest";
import { backoffDelay, classifyStatus, nextPause, parseRetryAfter, RETRY } from "./retry-policy";

describe("classifyStatus", () => {
  test.each([
    [200, "delivered"],
    [201, "delivered"],
    [429, "retry"],
    [502, "retry"],
    [503, "retry"],
    [504, "retry"],
    [400, "refused"],
    [413, "refused"],
    [415, "refused"],
    [422, "refused"],
    [401, "blocked"],
    [403, "blocked"],
    [404, "blocked"],
    [405, "blocked"],
    [500, "blocked"],
    [501, "blocked"],
    [308, "blocked"],
  ] as const)("%i → %s", (status, verdict) => {
    expect(classifyStatus(status)).toBe(verdict);
  });
});

describe("backoff", () => {
  test("starts at 5 s, grows by 1.5 and stops growing at 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n))).toEqual([5000, 7500, 11250, 16875, 25312.5, 30000, 30000, 30000]);
  });

  test("honours a longer Retry-After, never a shorter one", () => {
    expect(nextPause({ attempt: 0, retryAfterMs: 42_000, elapsedMs: 0 })).toBe(42_000);
    expect(nextPause({ attempt: 2, retryAfterMs: 1_000, elapsedMs: 0 })).toBe(11_250);
  });

  test("gives up when the pause would carry the streak past five minutes", () => {
    expect(nextPause({ attempt: 9, retryAfterMs: null, elapsedMs: RETRY.giveUpAfterMs - 30_000 })).toBe(30_000);
    expect(nextPause({ attempt: 9, retryAfterMs: null, elapsedMs: RETRY.giveUpAfterMs - 29_999 })).toBeNull();
    expect(nextPause({ attempt: 0, retryAfterMs: 3_600_000, elapsedMs: 0 })).toBeNull();
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-25T06:00:00Z");
  test.each([
    ["120", 120_000],
    ["0", 0],
    [" 7 ", 7_000],
    ["Wed, 25 Nov 2026 06:01:30 GMT", 90_000],
    ["Wed, 25 Nov 2026 05:00:00 GMT", 0],
    ["-5", null],
    ["1.5", null],
    ["soon", null],
    ["", null],
    [null, null],
  ])("%j → %j", (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});
