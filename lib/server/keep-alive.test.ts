// The keep-alive setting read from the environment: the default outlasts a 60 s proxy idle timeout.
import { describe, expect, it } from "vitest";
import { keepAliveMs } from "./keep-alive";

describe("keepAliveMs", () => {
  it("keeps idle connections 65 s unless told otherwise", () => {
    expect(keepAliveMs({} as NodeJS.ProcessEnv)).toBe(65_000);
    expect(keepAliveMs({ PATTERNS_KEEP_ALIVE_SECONDS: " " } as unknown as NodeJS.ProcessEnv)).toBe(65_000);
    expect(keepAliveMs({ PATTERNS_KEEP_ALIVE_SECONDS: "620" } as unknown as NodeJS.ProcessEnv)).toBe(620_000);
  });
});
