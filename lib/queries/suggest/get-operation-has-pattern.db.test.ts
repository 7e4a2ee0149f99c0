// The pre-check exec asks before its suggestion: never "no" when the suggester would name a pattern of that
// operation (spec'd or registered from telemetry), "no" for operations no active pattern runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../../db/test-db";
import { specToYaml } from "../../schemas/pattern-spec";
import { ingestEvents } from "../../telemetry/ingest";
import { getOperationHasPattern } from "./get-operation-has-pattern";
import { getSuggestions } from "./get-suggestions";

const spec = (operation: string) => specToYaml({ name: operation, operation, parameters: [], invariants: {}, examples: [], successRate: 1, medianDurationMs: 10 });

describe(`getOperationHasPattern on ${testDialect()}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
    await db.prisma.pattern.createMany({
      data: [
        { id: "tf", name: "Apply terraform", kind: "execution", status: "active", spec: spec("apply_terraform") },
        { id: "old", name: "Old deploy", kind: "execution", status: "quarantined", spec: spec("deploy_old") },
        { id: "heal", name: "Self-heal", kind: "self_heal", status: "active", spec: "operation: restart_db\n" },
      ],
    });
    // a pattern registered by telemetry naming it: no spec, described by its runs
    const ok = await ingestEvents(db, [{ id: "t1", patternId: "nightly", operation: "nightly_backup", startedAt: new Date(Date.now() - 60_000).toISOString(), durationMs: 5, success: true }]);
    expect(ok.ok).toBe(true);
  });
  afterAll(async () => db?.destroy());

  it.each([
    ["apply_terraform", true],
    ["nightly_backup", true],
    ["deploy_old", false], // quarantined
    ["restart_db", false], // self-heal patterns are not suggested
    ["apply-terraform", false],
    ["apply", true], // a false yes is allowed: the full lookup then finds nothing
    ["apply_terraforms", false],
    ["apply%", null], // not verbatim: cannot tell
    ["a_ply_terraform", false], // "_" is no wildcard
    ["build the docs", null],
    ["x".repeat(65), null],
  ] as Array<[string, boolean | null]>)("%s → %s", async (operation, expected) => {
    const answer = await getOperationHasPattern(db, operation);
    expect(answer).toBe(expected);
  });

  it("never says no where the suggester finds a pattern of that very operation", async () => {
    for (const operation of ["apply_terraform", "nightly_backup", "deploy_old", "restart_db", "unknown_op"]) {
      const exact = (await getSuggestions(db, { operation })).some((s) => s.patternId && s.parts?.operation === 0.6);
      if (exact) expect(await getOperationHasPattern(db, operation)).not.toBe(false);
    }
  });
});
