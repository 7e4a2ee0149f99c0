import { describe, expect, it } from "vitest";
import { safeNext } from "./sign-in";

describe("safeNext", () => {
  it.each([
    ["/candidates", "/candidates"],
    ["/reports/2026-W47?source=ci#top", "/reports/2026-W47?source=ci#top"],
    ["/a/../b", "/b"],
  ])("keeps the local path %s", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });

  it.each([
    [undefined],
    [""],
    ["candidates"],
    ["https://evil.example/"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/%09/evil.example".replace("%09", "\t")],
    ["/ /x"],
    ["/" + "a".repeat(2001)],
  ])("sends %j home instead", (input) => {
    expect(safeNext(input)).toBe("/");
  });
});
