// The environment of `patterns exec`: defaults, and one line naming each bad variable.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, test } from "vitest";
import { execConfigFromEnv } from "./exec-config";

describe("execConfigFromEnv", () => {
  it("defaults to the local database, ~/.patterns/spool, 10,000 events, 100 MiB and 5 minutes of retries", () => {
    const c = execConfigFromEnv({});
    expect(c.remote).toBeNull();
    expect(c.spool).toEqual({ dir: expect.stringMatching(/\.patterns[\\/]spool$/), maxEvents: 10_000, maxBytes: 100 * 1024 * 1024 });
    expect(c.retry.giveUpAfterMs).toBe(300_000);
  });

  it("reads a remote server, the spool bounds and the retry window", () => {
    const c = execConfigFromEnv({ PATTERNS_URL: "https://patterns.example.com", PATTERNS_TOKEN: "pa_x", PATTERNS_SPOOL_DIR: "/s", PATTERNS_SPOOL_MAX_EVENTS: "5", PATTERNS_SPOOL_MAX_BYTES: "4096", PATTERNS_RETRY_SECONDS: "0" });
    expect(c).toMatchObject({ remote: { url: "https://patterns.example.com", token: "pa_x" }, spool: { dir: "/s", maxEvents: 5, maxBytes: 4096 }, retry: { giveUpAfterMs: 0 } });
  });

  it("reads a relative spool folder from the package root, like DATABASE_URL and PATTERNS_HOME, not from the working directory", () => {
    const root = join(tmpdir(), "checkout");
    expect(execConfigFromEnv({ PATTERNS_SPOOL_DIR: ".spool" }, root).spool.dir).toBe(join(root, ".spool"));
    expect(execConfigFromEnv({ PATTERNS_SPOOL_DIR: "../shared/spool" }, root).spool.dir).toBe(join(tmpdir(), "shared", "spool"));
    expect(execConfigFromEnv({ PATTERNS_SPOOL_DIR: "/var/spool/patterns" }, root).spool.dir).toBe("/var/spool/patterns");
  });

  it("notices a URL without a token", () => {
    expect(execConfigFromEnv({ PATTERNS_URL: "http://localhost:3000" })).toMatchObject({ remote: null, urlWithoutToken: true });
  });

  it.each([
    [{ PATTERNS_URL: "ftp://x.example" }, "PATTERNS_URL: not an http(s) URL"],
    [{ PATTERNS_URL: "localhost:3000" }, "PATTERNS_URL: not an http(s) URL"],
    [{ PATTERNS_SPOOL_MAX_EVENTS: "0" }, "PATTERNS_SPOOL_MAX_EVENTS: must be at least 1"],
    [{ PATTERNS_SPOOL_MAX_EVENTS: "1e3" }, "PATTERNS_SPOOL_MAX_EVENTS: must be a whole number of events"],
    [{ PATTERNS_SPOOL_MAX_BYTES: "10" }, "PATTERNS_SPOOL_MAX_BYTES: must be at least 1024"],
    [{ PATTERNS_RETRY_SECONDS: "-1" }, "PATTERNS_RETRY_SECONDS: must be a whole number of seconds"],
  ])("refuses %j", (env, message) => {
    expect(() => execConfigFromEnv(env)).toThrow(message);
  });
});

describe("the recipe time limit", () => {
  test("is 300 s by default, PATTERNS_RECIPE_TIMEOUT_SECONDS otherwise, from 1 s to a day", () => {
    expect(execConfigFromEnv({}).recipeTimeoutMs).toBe(300_000);
    expect(execConfigFromEnv({ PATTERNS_RECIPE_TIMEOUT_SECONDS: "20" }).recipeTimeoutMs).toBe(20_000);
    expect(() => execConfigFromEnv({ PATTERNS_RECIPE_TIMEOUT_SECONDS: "0" })).toThrow("PATTERNS_RECIPE_TIMEOUT_SECONDS: must be at least 1");
    // a timer past 2^31 ms would fire at once and stop the recipe as it starts
    expect(() => execConfigFromEnv({ PATTERNS_RECIPE_TIMEOUT_SECONDS: "3000000" })).toThrow("PATTERNS_RECIPE_TIMEOUT_SECONDS: must be at most 86400");
    expect(() => execConfigFromEnv({ PATTERNS_SPOOL_MAX_EVENTS: "9".repeat(400) })).toThrow(/PATTERNS_SPOOL_MAX_EVENTS: must be at most/);
  });
});
