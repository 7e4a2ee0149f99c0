// The bulk writes of lib/db/raw.ts must store what the ORM would: read back through the ORM, every type
// (dates, booleans, floats, nulls, text that looks like JSON) is the value written, a column left out takes
// its default, and rows with different columns go in together. Both providers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertObjects, updateRows } from "./raw";
import { createTestDb, testDialect, type TestDb } from "./test-db";

const dialect = testDialect();
const AT = new Date("2026-11-20T10:11:12.345Z");

describe(`bulk writes on ${dialect}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.destroy());

  it("insertObjects: values read back as written, defaults for what is left out", async () => {
    await insertObjects(db.prisma, dialect, "patterns", [
      { id: "p-1", name: "one 😀", kind: "execution", status: "quarantined", autoApply: true, quarantinedAt: AT, createdAt: AT, updatedAt: AT, description: '{"looks":"like json"}' },
      { id: "p-2", name: "two", createdAt: AT, updatedAt: AT, description: null, degradingSince: undefined },
    ]);
    const [one, two] = await db.prisma.pattern.findMany({ where: { id: { in: ["p-1", "p-2"] } }, orderBy: { id: "asc" } });
    expect(one).toMatchObject({ name: "one 😀", status: "quarantined", autoApply: true, quarantinedAt: AT, createdAt: AT, description: '{"looks":"like json"}', spec: "" });
    expect(two).toMatchObject({ name: "two", kind: "execution", status: "active", origin: "telemetry", autoApply: false, degrading: false, description: null, degradingSince: null, updatedAt: AT });
    await insertObjects(db.prisma, dialect, "anti_patterns", [
      { id: "ap-1", key: "pattern:p-1", kind: "failing_pattern", patternId: "p-1", status: "quarantined", failureRate: 0.1 + 0.2, occurrences: 7, firstSeenAt: AT, lastSeenAt: AT, createdAt: AT, updatedAt: AT },
    ]);
    expect(await db.prisma.antiPattern.findUnique({ where: { id: "ap-1" } })).toMatchObject({ failureRate: 0.1 + 0.2, occurrences: 7, evidence: "{}", countFrom: null });
  });

  it("insertObjects: many rows in several statements, all stored", async () => {
    const rows = Array.from({ length: 45_000 }, (_, i) => ({ seq: i + 1, family: `f${i % 7}`, keySet: "a,b", startedAt: new Date(AT.getTime() + i) }));
    await insertObjects(db.prisma, dialect, "adhoc_shapes", rows);
    expect(await db.prisma.adHocShape.count()).toBe(45_000);
    // stored as the ORM stores dates, so compared as dates: the last thousand are found by time
    expect(await db.prisma.adHocShape.count({ where: { startedAt: { gte: new Date(AT.getTime() + 44_000) } } })).toBe(1_000);
    expect(await db.prisma.adHocShape.findFirst({ where: { seq: 45_000 } })).toEqual({ seq: 45_000, family: "f3", keySet: "a,b", startedAt: new Date(AT.getTime() + 44_999) });
  });

  it("insertObjects refuses what JSON would store as null, and a name that is not an identifier, writing nothing", async () => {
    const row = { seq: 900_001, family: "f", keySet: "k", startedAt: AT };
    await expect(insertObjects(db.prisma, dialect, "adhoc_shapes", [row, { ...row, seq: Number.NaN }])).rejects.toThrow("NaN is not a value a column can hold");
    await expect(insertObjects(db.prisma, dialect, "adhoc_shapes", [{ ...row, startedAt: new Date("not a date") }])).rejects.toThrow("not a value a column can hold");
    await expect(insertObjects(db.prisma, dialect, "adhoc_shapes", [{ ...row, 'family" = 1; --': "x" }])).rejects.toThrow("is not a table or column name");
    expect(await db.prisma.adHocShape.count({ where: { seq: 900_001 } })).toBe(0);
  });

  it("updateRows: each row gets its own values", async () => {
    await updateRows(db.prisma, dialect, "patterns", "id", { status: "text", degrading: "boolean", degradingSince: "timestamp(3)" }, [
      { key: "p-1", set: { status: "active", degrading: true, degradingSince: AT } },
      { key: "p-2", set: { status: "archived", degrading: false, degradingSince: null } },
    ]);
    const rows = await db.prisma.pattern.findMany({ where: { id: { in: ["p-1", "p-2"] } }, orderBy: { id: "asc" }, select: { status: true, degrading: true, degradingSince: true } });
    expect(rows).toEqual([
      { status: "active", degrading: true, degradingSince: AT },
      { status: "archived", degrading: false, degradingSince: null },
    ]);
  });

  it("updateRows with a guard: only the rows still holding the expected value change, and their keys come back", async () => {
    await insertObjects(db.prisma, dialect, "patterns", [
      { id: "g-1", name: "g1", status: "active", createdAt: AT, updatedAt: AT },
      { id: "g-2", name: "g2", status: "archived", createdAt: AT, updatedAt: AT },
      { id: "g-3", name: "g3", status: "active", createdAt: AT, updatedAt: AT },
    ]);
    const updated = await updateRows(
      db.prisma, dialect, "patterns", "id", { name: "text", baselineDurationMs: "double precision" },
      [
        { key: "g-1", set: { name: "one", baselineDurationMs: 1.5 }, expect: "active" },
        { key: "g-2", set: { name: "two", baselineDurationMs: 2 }, expect: "active" }, // decided meanwhile: stays
        { key: "g-3", set: { name: "three", baselineDurationMs: null }, expect: "active" },
      ],
      { column: "status", type: "text" },
    );
    expect(updated.sort()).toEqual(["g-1", "g-3"]);
    await expect(updateRows(db.prisma, dialect, "patterns", "id", { baselineDurationMs: "double precision" }, [{ key: "g-1", set: { baselineDurationMs: Number.NaN } }])).rejects.toThrow(
      "NaN is not a value a column can hold",
    );
    const rows = await db.prisma.pattern.findMany({ where: { id: { in: ["g-1", "g-2", "g-3"] } }, orderBy: { id: "asc" }, select: { name: true, baselineDurationMs: true } });
    expect(rows).toEqual([
      { name: "one", baselineDurationMs: 1.5 },
      { name: "g2", baselineDurationMs: null },
      { name: "three", baselineDurationMs: null },
    ]);
  });
});
