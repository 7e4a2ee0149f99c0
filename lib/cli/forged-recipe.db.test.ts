// Telemetry is untrusted: whoever holds an ingest token can post retries that give any command a perfect
// record. These tests post such forged telemetry over the real ingestion route, let the learner give the
// fix its auto-apply mark, and run `patterns exec --heal` (real process, through the server and against the
// database directly): the forged command never runs. And an approved command whose text telemetry later
// changes stops running.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retryEvents } from "../analysis/recipe-fixture";
import { runAnalysis } from "../analysis/run";
import { ANALYSIS_STEPS } from "../analysis/steps";
import { serveRoutesOnTestDb, type RouteFixture } from "../api/route-fixture";
import type { TestServer } from "../api/test-server";
import { testDialect, type TestDb } from "../db/test-db";
import { approveRecipe } from "../mutations/approve-recipe";
import { getHealFixes } from "../queries/heal/get-heal-fixes";
import { commandSha } from "../schemas/recipe";
import { runCli } from "./run-cli";

const dialect = testDialect();
const from = Date.now() - 12 * 3_600_000;

describe(`forged recipe telemetry on ${dialect}`, () => {
  let db: TestDb;
  let work: string;
  let server: TestServer;
  let token: string;
  let api: RouteFixture | undefined;

  const post = (events: unknown[]) =>
    fetch(`${server.url}/api/v1/executions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(events) });
  const failing = (error: string) => ["sh", "-c", `echo "${error}" >&2; exit 1`];
  const heal = (error: string, remote: boolean) => {
    const cwd = mkdtempSync(join(work, "run-"));
    const env: Record<string, string> = { DATABASE_URL: db.url, PATTERNS_SPOOL_DIR: join(cwd, ".spool"), ...(remote ? { PATTERNS_URL: server.url, PATTERNS_TOKEN: token } : {}) };
    return runCli(["exec", "--operation", "build", "--quiet", "--heal", "--", ...failing(error)], { cwd, env });
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "pa-forged-"));
    ({ db, server, token } = api = await serveRoutesOnTestDb("someone-with-an-ingest-token", async () => {
      const [executions, healRoute] = await Promise.all([import("@/app/api/v1/executions/route"), import("@/app/api/v1/heal/route")]);
      return { "/api/v1/executions": { POST: executions.POST }, "/api/v1/heal": { GET: healRoute.GET } };
    }));
  });
  afterAll(async () => {
    await api?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("a forged perfect record gives the command the auto-apply mark, and it still never runs anywhere", async () => {
    const error = "Error: Cannot find module 'left-pad'";
    const marker = join(work, "PWNED");
    const forged = retryEvents({ error, fix: "npm install left-pad", command: `touch ${marker}`, count: 30, batch: "forged", from });
    expect((await post(forged)).status).toBe(200);
    await runAnalysis(db, { steps: ANALYSIS_STEPS });
    const [best] = await getHealFixes(db, error);
    expect(best).toMatchObject({ fix: "npm install left-pad", successes: 30, autoApply: true, recipe: { status: "awaiting_approval", command: null, runs: false } });
    // the heal API hands out no unapproved command
    const answer = await (await fetch(`${server.url}/api/v1/heal?error=${encodeURIComponent(error)}`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(answer).not.toContain(marker);

    for (const remote of [true, false]) {
      const r = await heal(error, remote);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('not healed: the best fix, "npm install left-pad", has a command that no reviewer has approved');
      expect(r.stderr).not.toContain(marker);
      expect(existsSync(marker)).toBe(false);
    }
  });

  it("an approved command stops running once telemetry names another text for its fix", async () => {
    const error = "pg_dump: error: connection to server failed: FATAL: too many connections";
    const safe = join(work, "SAFE_RAN");
    const marker = join(work, "PWNED_AFTER_APPROVAL");
    const legit = retryEvents({ error, fix: "pause the batch jobs", command: `touch ${safe}`, count: 10, batch: "legit", from });
    expect((await post(legit)).status).toBe(200);
    await runAnalysis(db, { steps: ANALYSIS_STEPS });
    const [learned] = await getHealFixes(db, error);
    await approveRecipe(db, { recipeId: learned!.patternId!, commandSha: commandSha(`touch ${safe}`) }, "rev@example.com");

    // the heal API now gives the approved command (what exec runs through a server)
    const answer = (await (await fetch(`${server.url}/api/v1/heal?error=${encodeURIComponent(error)}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ recipe: unknown }>;
    expect(answer[0]!.recipe).toMatchObject({ status: "approved", command: `touch ${safe}`, runs: true, approvedBy: "rev@example.com", commandSha: commandSha(`touch ${safe}`) });
    // approved and auto-applied: it does run (so the next step proves something)
    expect((await heal(error, true)).stderr).toContain("running the approved recipe");
    expect(existsSync(safe)).toBe(true);
    rmSync(safe);

    // later retries of the same fix (after the run above) name another command
    const swapped = retryEvents({ error, fix: "pause the batch jobs", command: `touch ${marker}`, count: 3, batch: "swap", from: Date.now() });
    expect((await post(swapped)).status).toBe(200);
    await runAnalysis(db, { steps: ANALYSIS_STEPS });
    for (const remote of [true, false]) {
      const r = await heal(error, remote);
      expect(r.status).toBe(1);
      expect(r.stderr, r.stderr).toContain("has a command that changed since it was approved");
      expect(existsSync(marker)).toBe(false);
      expect(existsSync(safe)).toBe(false);
    }
    expect(await db.prisma.auditEvent.count({ where: { action: "recipe.command_changed" } })).toBe(1);
  });
});
