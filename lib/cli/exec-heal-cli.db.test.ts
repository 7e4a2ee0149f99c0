// `patterns exec --heal` end to end: a real CLI process and a real database (directly, and through a
// server at PATTERNS_URL). A command fails with a known error, the approved recipe runs, the command runs
// once more and succeeds, both runs are stored (the retry with retryOf, fix and fixCommand) and the next
// analysis counts the attempt. Also: never more than one recipe per failure, the time limit, and the
// suggestion printed before a run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teachFix } from "../analysis/recipe-fixture";
import { runAnalysis } from "../analysis/run";
import { errorRecoveryStep } from "../analysis/steps/error-recovery";
import { serveRoutesOnTestDb, type RouteFixture } from "../api/route-fixture";
import type { TestServer } from "../api/test-server";
import { testDialect, type TestDb } from "../db/test-db";
import { approveRecipe } from "../mutations/approve-recipe";
import { specToYaml } from "../schemas/pattern-spec";
import { commandSha } from "../schemas/recipe";
import { runCli } from "./run-cli";

const dialect = testDialect();
const ERROR = "ModuleNotFoundError: No module named 'httpx'";
const RECIPE = 'touch ready && echo "recipe: installed httpx"';
/** Fails with ERROR until the file `ready` exists in its folder. */
const BUILD = ["sh", "-c", `test -f ready || { echo "${ERROR}" >&2; exit 3; }`];
const from = Date.now() - 6 * 3_600_000;

describe(`patterns exec --heal on ${dialect}`, () => {
  let db: TestDb;
  let work: string;
  let server: TestServer;
  let token: string;
  let api: RouteFixture | undefined;
  let fixId: string;

  const exec = (name: string, args: string[], env: Record<string, string> = {}) => {
    const cwd = mkdtempSync(join(work, `${name}-`));
    return runCli(["exec", "--operation", "build", ...args], { cwd, env: { DATABASE_URL: db.url, PATTERNS_SPOOL_DIR: join(cwd, ".spool"), ...env } }).then((r) => ({ ...r, cwd }));
  };
  const latest = async (n: number) => (await db.prisma.execution.findMany({ where: { operation: "build" }, orderBy: { seq: "desc" }, take: n })).reverse();

  beforeAll(async () => {
    ({ db, server, token } = api = await serveRoutesOnTestDb("heal-cli", async () => {
      const [executions, heal, suggest] = await Promise.all([import("@/app/api/v1/executions/route"), import("@/app/api/v1/heal/route"), import("@/app/api/v1/suggest/route")]);
      return { "/api/v1/executions": { POST: executions.POST }, "/api/v1/heal": { GET: heal.GET }, "/api/v1/suggest": { POST: suggest.POST } };
    }));
    work = mkdtempSync(join(tmpdir(), "pa-heal-cli-"));
    fixId = await teachFix(db, { error: ERROR, fix: "install httpx", command: RECIPE, count: 10, batch: "learn", from });
    await approveRecipe(db, { recipeId: fixId, commandSha: commandSha(RECIPE) }, "rev@example.com");
  });
  afterAll(async () => {
    await api?.close();
    rmSync(work, { recursive: true, force: true });
  });

  for (const where of ["the local database", "a server at PATTERNS_URL"] as const) {
    it(`heals a known failure from ${where}: recipe, then the command once more, both runs stored and learned from`, async () => {
      const env: Record<string, string> = where === "the local database" ? {} : { PATTERNS_URL: server.url, PATTERNS_TOKEN: token };
      const attempts = (await db.prisma.errorPattern.findUniqueOrThrow({ where: { id: fixId } })).attempts;
      const r = await exec("heal", ["--heal", "--", ...BUILD], env);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(ERROR); // the command's own output, as it came
      expect(r.stderr).toContain(`known error; running the approved recipe of fix "install httpx" (${attempts} of ${attempts} succeeded`);
      expect(r.stderr).toContain("recipe: installed httpx"); // the recipe's output is shown
      expect(r.stderr).toMatch(/the recipe ended with exit 0 after [\d.]+ s; running the command once more/);
      expect(r.stderr).toMatch(/healed: the command succeeded after fix "install httpx" \(recorded as exec_\S+, a retry of exec_\S+\)/);
      expect(r.stdout).toBe("");
      expect(existsSync(join(r.cwd, "ready"))).toBe(true);
      const [failed, retry] = await latest(2);
      expect(failed).toMatchObject({ success: false, errorMessage: ERROR, retryOf: null, fix: null });
      expect(retry).toMatchObject({ success: true, retryOf: failed!.id, fix: "install httpx", fixCommand: RECIPE });
      await runAnalysis(db, { steps: [errorRecoveryStep] });
      expect(await db.prisma.errorPattern.findUniqueOrThrow({ where: { id: fixId } })).toMatchObject({ attempts: attempts + 1, successes: attempts + 1, fixCommand: RECIPE, approvedCommand: RECIPE });
    });
  }

  it("runs at most one recipe per failure: a retry that fails again is recorded, not healed again", async () => {
    const error = "E: Unable to locate package libfoo";
    const recipe = "echo tried >> recipe-runs";
    const id = await teachFix(db, { error, fix: "apt update", command: recipe, count: 10, batch: "loop", from });
    await approveRecipe(db, { recipeId: id, commandSha: commandSha(recipe) }, "rev@example.com");
    const r = await exec("loop", ["--heal", "--", "sh", "-c", `echo "${error}" >&2; exit 100`]);
    expect(r.status).toBe(100);
    expect(readFileSync(join(r.cwd, "recipe-runs"), "utf8")).toBe("tried\n");
    expect(r.stderr).toContain('still failing after fix "apt update" (exit 100)');
    const [failed, retry] = await latest(2);
    expect(retry).toMatchObject({ success: false, retryOf: failed!.id, fix: "apt update", fixCommand: recipe });
  });

  it("stops a recipe at the time limit, and still runs and records the command once more", async () => {
    const error = "fatal: unable to access 'https://git.example.com/': Could not resolve host";
    const recipe = "sleep 30";
    const id = await teachFix(db, { error, fix: "wait for dns", command: recipe, count: 10, batch: "slow", from });
    await approveRecipe(db, { recipeId: id, commandSha: commandSha(recipe) }, "rev@example.com");
    const started = Date.now();
    const r = await exec("slow", ["--heal", "--", "sh", "-c", `echo "${error}" >&2; exit 128`], { PATTERNS_RECIPE_TIMEOUT_SECONDS: "1" });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.status).toBe(128);
    expect(r.stderr).toContain("the recipe did not finish within 1 s and was stopped; running the command once more");
    const [failed, retry] = await latest(2);
    expect(retry).toMatchObject({ success: false, retryOf: failed!.id, fix: "wait for dns" });
  });

  it("without --heal, a known failure is only recorded", async () => {
    const r = await exec("plain", ["--", ...BUILD]);
    expect(r.status).toBe(3);
    expect(existsSync(join(r.cwd, "ready"))).toBe(false);
    expect(r.stderr).not.toContain("recipe");
  });

  it("says which active pattern a run looks like before it runs, unless --quiet or --pattern", async () => {
    const spec = specToYaml({ name: "Build the wheel", operation: "build", parameters: [], invariants: {}, examples: [], successRate: 1, medianDurationMs: 100 });
    await db.prisma.pattern.create({ data: { id: "build-wheel", name: "Build the wheel", kind: "execution", status: "active", spec } });
    await db.prisma.patternMetricDaily.create({ data: { day: "2026-11-30", patternId: "build-wheel", operation: "build", executions: 14, successes: 13, failures: 1, totalDurationMs: 1400 } });
    const line = 'patterns: this looks like pattern build-wheel ("Build the wheel"), 14 runs, 92.9 % successful; add --pattern build-wheel to record it as one of its runs';
    const local = await exec("hint", ["--", "true"]);
    expect(local.stderr.split("\n")[0]).toBe(line);
    const remote = await exec("hint-remote", ["--", "true"], { PATTERNS_URL: server.url, PATTERNS_TOKEN: token });
    expect(remote.stderr.split("\n")[0]).toBe(line);
    expect((await exec("quiet", ["--quiet", "--", "true"])).stderr).toBe("");
    expect((await exec("named", ["--pattern", "build-wheel", "--", "true"])).stderr).toBe("");
  });
});
