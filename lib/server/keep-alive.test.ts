// The keep-alive setting read from the environment: the default outlasts a 60 s proxy idle timeout.
import { describe, expect, it } from "vitest";
import { keepAliveMs } from "./keep-alive";

describe("keepAliveMs", () => {
  it.each([
    ["unset", {}, 65_000],
    ["blank", { PATTERNS_KEEP_ALIVE_SECONDS: " " }, 65_000],
    ["620", { PATTERNS_KEEP_ALIVE_SECONDS: "620" }, 620_000],
  ])("keeps idle connections for the right time when the setting is %s", (_, env, ms) => {
    expect(keepAliveMs(env as unknown as NodeJS.ProcessEnv)).toBe(ms);
  });
});
