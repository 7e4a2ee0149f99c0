import { describe, expect, it } from "vitest";
import { underusedPatterns, type UnderusedInput } from "./underused";

const END = new Date("2026-11-23T00:00:00Z");
const p = (id: string, over: Partial<UnderusedInput> = {}): UnderusedInput => ({
  id, name: id, kind: "execution", status: "active", createdAt: new Date("2026-08-01T00:00:00Z"), approvedAt: new Date("2026-10-01T00:00:00Z"), lastUsedDay: "2026-11-01", ...over,
});

describe("underused patterns", () => {
  it.each([
    ["little use", p("a"), 2, "underused"],
    ["used enough", p("b"), 3, null],
    ["approved less than two weeks ago", p("c", { approvedAt: new Date("2026-11-15T00:00:00Z") }), 0, null],
    ["unused, archived within two weeks", p("d", { lastUsedDay: "2026-08-30" }), 0, "near-retention"],
    ["never used, made long ago", p("e", { lastUsedDay: null, approvedAt: null, createdAt: new Date("2026-08-20T00:00:00Z") }), 0, "near-retention"],
    ["quarantined", p("f", { status: "quarantined" }), 0, null],
    ["a self-healing fix", p("g", { kind: "self_heal" }), 0, null],
  ])("%s", (_name, pattern, uses, reason) => {
    const out = underusedPatterns([pattern], new Map([[pattern.id, uses]]), { weekEnd: END, retentionDays: 90 });
    expect(out[0]?.reason ?? null).toBe(reason);
  });

  it("dates the archiving from the last use", () => {
    const [u] = underusedPatterns([p("d", { lastUsedDay: "2026-08-30" })], new Map(), { weekEnd: END, retentionDays: 90 });
    expect(u).toMatchObject({ archivesOn: "2026-11-28T00:00:00.000Z", lastUsedAt: "2026-08-30T00:00:00.000Z" });
  });
});
