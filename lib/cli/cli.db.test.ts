// The `patterns` command as a user runs it: a real process against a real database.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";

const dialect = testDialect();
const bin = join(process.cwd(), "bin", "patterns.mjs");

describe(`the patterns CLI on ${dialect}`, () => {
  let db: TestDb;
  let work: string;
  const run = (args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}) =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd: opts.cwd ?? work,
      input: opts.input,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: db.url, PATTERNS_SPOOL_DIR: join(work, "spool"), ...opts.env },
    });

  beforeAll(async () => {
    db = await createTestDb();
    work = mkdtempSync(join(tmpdir(), "pa-cli-"));
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it("ingests NDJSON from stdin and prints the counts as JSON", () => {
    const lines = [1, 2, 2].map((n) => JSON.stringify({ id: `cli-${n}`, operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 3, success: true }));
    const r = run(["ingest", "-", "--json"], { input: lines.join("\n") });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ accepted: 2, duplicates: 1 });
  });

  it("refuses a bad file with exit 1, naming the event and field, and stores nothing", async () => {
    const file = join(work, "bad.json");
    writeFileSync(file, JSON.stringify([{ id: "ok", operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 1, success: true }, { id: "bad", operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 1.5, success: true }]));
    const r = run(["ingest", file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("event 1, field durationMs");
    expect(r.stdout).toBe("");
    expect(await db.prisma.execution.count({ where: { id: { in: ["ok", "bad"] } } })).toBe(0);
  });

  it("reads a file of many windows as it stores it: every event once, invalid text refused whole", async () => {
    // ~3 MiB: several read windows and chunks, with multi-byte text crossing their edges
    const events = Array.from({ length: 6000 }, (_, i) => ({ id: `win-${i}`, operation: "op", inputs: { note: "é€😀 ".repeat(40) }, startedAt: "2026-11-20T10:00:00Z", durationMs: i, success: true }));
    const file = join(work, "big.json");
    writeFileSync(file, JSON.stringify(events, null, 1));
    const r = run(["ingest", file, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ accepted: 6000, duplicates: 0 });
    const stored = await db.prisma.execution.findUniqueOrThrow({ where: { id: "win-5999" } });
    expect(JSON.parse(stored.inputs!)).toEqual(events[5999]!.inputs);

    // cut short after several chunks were stored: all rolled back, with the exact place named
    const cut = join(work, "cut.json");
    writeFileSync(cut, JSON.stringify(events.map((e) => ({ ...e, id: `cut-${e.id}` }))).slice(0, -200));
    const bad = run(["ingest", cut]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/JSON|position|end/i);
    expect(await db.prisma.execution.count({ where: { id: { startsWith: "cut-" } } })).toBe(0);
  });

  it("ingests one event given as a single object, and an array from stdin", () => {
    const one = join(work, "one.json");
    writeFileSync(one, JSON.stringify({ id: "single-1", operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 3, success: true }));
    expect(JSON.parse(run(["ingest", one, "--json"]).stdout)).toEqual({ accepted: 1, duplicates: 0 });
    const array = JSON.stringify([{ id: "stdin-arr-1", operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 3, success: true }]);
    expect(JSON.parse(run(["ingest", "-", "--json"], { input: `  ${array}` }).stdout)).toEqual({ accepted: 1, duplicates: 0 });
  });

  it("exits 2 on bad usage and 1 with one line on a missing file", () => {
    expect(run(["ingest"]).status).toBe(2);
    const r = run(["ingest", join(work, "missing.json")]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("no such file");
  });

  it("creates a token once, lists it without the secret, and revokes it", () => {
    const created = run(["token", "create", "cli-test", "--json"]);
    expect(created.status).toBe(0);
    const { token } = JSON.parse(created.stdout) as { token: string };
    expect(token).toMatch(/^pa_/);
    const list = run(["token", "list", "--json"]);
    expect(list.stdout).not.toContain(token);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ name: "cli-test", status: "active" })]);
    expect(run(["token", "revoke", "cli-test"]).status).toBe(0);
    expect(JSON.parse(run(["token", "list", "--json"]).stdout)[0].status).toBe("revoked");
    expect(run(["token", "revoke", "cli-test"]).status).toBe(1);
  });

  it("exec runs the command untouched, returns its exit code and records it with the files it created", async () => {
    const repo = join(work, "repo");
    mkdirSync(repo);
    spawnSync("git", ["init", "-q"], { cwd: repo });
    writeFileSync(join(repo, "existing.txt"), "x");
    const ok = run(["exec", "--operation", "make_file", "--input", "name=users", "--id", "ex-1", "--", "sh", "-c", "echo out; echo made > users.txt"], { cwd: repo });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("out\n");
    const row = await db.prisma.execution.findUniqueOrThrow({ where: { id: "ex-1" }, include: { files: true } });
    expect(row).toMatchObject({ operation: "make_file", success: true, inputs: JSON.stringify({ name: "users" }) });
    expect(row.files.map((f) => [f.path, f.action, f.content])).toEqual([["users.txt", "created", "made\n"]]);

    const failed = run(["exec", "--operation", "fail", "--id", "ex-2", "--", "sh", "-c", "echo boom >&2; exit 3"], { cwd: repo });
    expect(failed.status).toBe(3);
    expect(failed.stderr).toContain("boom");
    const bad = await db.prisma.execution.findUniqueOrThrow({ where: { id: "ex-2" } });
    expect(bad).toMatchObject({ success: false, errorType: "exit 3", errorMessage: "boom" });

    const retry = run(["exec", "--operation", "fail", "--id", "ex-3", "--retry-of", "ex-2", "--fix", "clear-cache", "--", "true"], { cwd: repo });
    expect(retry.status).toBe(0);
    expect(await db.prisma.execution.findUniqueOrThrow({ where: { id: "ex-3" } })).toMatchObject({ retryOf: "ex-2", fix: "clear-cache", success: true });
  });

  it("exec keeps the event in the spool when the server is unreachable, and sends it next time", async () => {
    const down = { PATTERNS_URL: "http://127.0.0.1:9", PATTERNS_TOKEN: "pa_x", PATTERNS_RETRY_SECONDS: "0" };
    const r = run(["exec", "--operation", "spooled", "--id", "sp-1", "--", "true"], { env: down });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("sent next time");
    expect(readdirSync(join(work, "spool")).filter((n) => n.endsWith(".json"))).toHaveLength(1);
    // next run records locally (no PATTERNS_URL): the spooled event goes first
    const next = run(["exec", "--operation", "spooled", "--id", "sp-2", "--", "true"]);
    expect(next.status).toBe(0);
    expect(await db.prisma.execution.count({ where: { id: { in: ["sp-1", "sp-2"] } } })).toBe(2);
    expect(readdirSync(join(work, "spool")).filter((n) => n.endsWith(".json"))).toHaveLength(0);
  });

  it("signature writes one template per input line, in order", () => {
    const r = run(["signature"], { input: "Timeout after 3000ms\nTimeout after 12ms\nDisk /dev/sda1 full\n" });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(lines[1]);
    expect(lines[2]).not.toBe(lines[0]);
  });

  it("analyze, then list, heal and anti-patterns print the DESIGN.md fields as JSON", () => {
    const events = [];
    for (let i = 0; i < 4; i++) {
      const at = `2026-11-2${i}T10:00:00Z`;
      events.push({ id: `f-${i}`, patternId: "deploy", operation: "deploy", startedAt: at, durationMs: 5, success: false, error: { message: `ECONNREFUSED connect 10.0.0.${i}:5432` } });
      events.push({ id: `r-${i}`, patternId: "deploy", operation: "deploy", startedAt: at.replace("10:00", "10:05"), durationMs: 5, success: true, retryOf: `f-${i}`, fix: "restart-db" });
    }
    expect(run(["ingest", "-", "--json"], { input: JSON.stringify(events) }).status).toBe(0);
    const analyzed = run(["--analyze", "--json"]);
    expect(analyzed.status).toBe(0);
    expect(JSON.parse(analyzed.stdout)).toMatchObject({ newExecutions: expect.any(Number), counts: expect.objectContaining({ selfHealCreated: 1 }) });
    const list = JSON.parse(run(["list", "--json"]).stdout) as Array<Record<string, unknown>>;
    expect(list.find((p) => p.id === "deploy")).toMatchObject({ name: "deploy", kind: "execution", status: "active", uses: 8, successRate: 0.5, degrading: false });
    expect(list.filter((p) => p.kind === "self_heal")).toHaveLength(1);
    const heal = JSON.parse(run(["heal", "--error", "ECONNREFUSED connect 172.16.0.9:6432", "--json"]).stdout) as Array<Record<string, unknown>>;
    expect(heal[0]).toMatchObject({ fix: "restart-db", attempts: 4, successes: 4, successRate: 1, autoApply: false, signature: expect.any(String) });
    const suggested = JSON.parse(run(["--suggest", "--operation", "deploy", "--error", "ECONNREFUSED connect 10.9.9.9:5432", "--json"]).stdout) as Array<Record<string, unknown>>;
    expect(suggested.find((s) => s.fix === "restart-db")).toMatchObject({ score: expect.any(Number), reason: expect.stringContaining("4 of 4") });
    expect(run(["suggest", "--operation", "deploy", "--inputs", "{not json"]).status).toBe(2);
    const registry = JSON.parse(run(["anti-patterns", "--json"]).stdout) as Array<Record<string, unknown>>;
    expect(registry.find((a) => a.kind === "recurring_error")).toMatchObject({ id: expect.any(String), patternId: null, signature: expect.any(String), status: "monitoring", occurrences: 4 });
  });

  it("a malformed DATABASE_URL stops the CLI with one line naming it", () => {
    const r = run(["token", "list"], { env: { DATABASE_URL: "postgresql://host:99999/x" } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/^patterns: DATABASE_URL: /);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
