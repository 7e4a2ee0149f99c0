import { describe, expect, it } from "vitest";
import { publicOrigins, servedOverHttps } from "./public-url";

describe("publicOrigins", () => {
  it("reads PATTERNS_PUBLIC_URL and BETTER_AUTH_URL as origins, once each", () => {
    expect(publicOrigins({})).toEqual([]);
    expect(publicOrigins({ PATTERNS_PUBLIC_URL: "https://patterns.example.com/dashboard/", BETTER_AUTH_URL: "https://patterns.example.com" })).toEqual(["https://patterns.example.com"]);
    expect(publicOrigins({ PATTERNS_PUBLIC_URL: "http://10.0.0.5:3000", BETTER_AUTH_URL: "https://patterns.example.com" })).toEqual(["http://10.0.0.5:3000", "https://patterns.example.com"]);
  });

  it("names a bad value", () => {
    expect(() => publicOrigins({ PATTERNS_PUBLIC_URL: "patterns.example.com" })).toThrow(/^PATTERNS_PUBLIC_URL: give the address people use/);
    expect(() => publicOrigins({ BETTER_AUTH_URL: "ftp://x" })).toThrow(/^BETTER_AUTH_URL:/);
  });

  it("says https only when an https origin is configured", () => {
    expect(servedOverHttps({})).toBe(false);
    expect(servedOverHttps({ PATTERNS_PUBLIC_URL: "http://10.0.0.5:3000" })).toBe(false);
    expect(servedOverHttps({ BETTER_AUTH_URL: "https://patterns.example.com" })).toBe(true);
  });
});
