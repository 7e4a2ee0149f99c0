// `patterns exec` as a developer runs it, against a real database and a real HTTP server: what it refuses
// before running anything, what it keeps off the wire, and where an event goes when it cannot be stored.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";
import { startStubServer } from "../exec/test-stub-server";
import type { ExecutionEvent } from "../telemetry/event-schema";

const dialect = testDialect();
const bin = join(process.cwd(), "bin", "patterns.mjs");
const DOWN = { PATTERNS_URL: "http://127.0.0.1:9", PATTERNS_TOKEN: "pa_x", PATTERNS_RETRY_SECONDS: "0" };

describe(`patterns exec on ${dialect}`, () => {
  let db: TestDb;
  let work: string;
  let spoolDir: string;

  /** Runs the CLI without blocking this process, so an in-process HTTP server can answer it. */
  const run = (args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], {
        cwd: opts.cwd ?? work,
        env: { ...process.env, DATABASE_URL: db.url, PATTERNS_SPOOL_DIR: spoolDir, PATTERNS_URL: "", PATTERNS_TOKEN: "", ...opts.env },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
  const spooled = () => (existsSync(spoolDir) ? readdirSync(spoolDir).filter((n) => n.endsWith(".json")) : []);

  beforeAll(async () => {
    db = await createTestDb();
    work = mkdtempSync(join(tmpdir(), "pa-exec-cli-"));
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it("refuses a bad id or setting before running the command (exit 2 / 1)", async () => {
    spoolDir = join(work, "spool-refuse");
    const marker = join(work, "ran");
    const badId = await run(["exec", "--operation", "op", "--id", "a\nb", "--", "touch", marker]);
    expect(badId.status).toBe(2);
    expect(badId.stderr).toContain("--id: must not contain control characters");
    const badEnv = await run(["exec", "--operation", "op", "--", "touch", marker], { env: { PATTERNS_SPOOL_MAX_EVENTS: "lots" } });
    expect(badEnv.status).toBe(1);
    expect(badEnv.stderr).toContain("PATTERNS_SPOOL_MAX_EVENTS: must be a whole number of events");
    // fetch refuses a URL with credentials: it used to be retried for minutes, the password in every warning
    const withPassword = await run(["exec", "--operation", "op", "--", "touch", marker], { env: { PATTERNS_URL: "http://ci:hunter2@127.0.0.1:9", PATTERNS_TOKEN: "pa_x" } });
    expect(withPassword.status).toBe(1);
    expect(withPassword.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^patterns: PATTERNS_URL: must not hold a user name or password/)]);
    expect(withPassword.stderr).not.toContain("hunter2");
    expect(existsSync(marker)).toBe(false);
  });

  it("spools an id shaped like a path under a hashed name, inside the spool folder", async () => {
    spoolDir = join(work, "a", "b", "spool");
    const r = await run(["exec", "--operation", "op", "--id", "../../etc/x", "--", "true"], { env: DOWN });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/kept in .*spool\/\d{13}-\d{6}-[0-9a-f]{20}\.json, sent next time/);
    expect(spooled()).toHaveLength(1);
    expect(readdirSync(join(work, "a"))).toEqual(["b"]); // nothing written beside or above the spool
    expect(readdirSync(join(work, "a", "b"))).toEqual(["spool"]);
  });

  it("records a created .env by path only, never follows a link to a key, and redacts tokens", async () => {
    spoolDir = join(work, "spool-secrets");
    const repo = join(work, "repo");
    mkdirSync(join(work, "home", ".ssh"), { recursive: true });
    writeFileSync(join(work, "home", ".ssh", "id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAAsecretkeymaterial\n-----END OPENSSH PRIVATE KEY-----\n");
    mkdirSync(repo);
    const script = [
      "echo 'DB_PASSWORD=hunter2' > .env",
      `ln -s ${join(work, "home", ".ssh", "id_ed25519")} notes.txt`,
      "echo 'deploy with token pa_Zx8v1Q2w3e4r5t6y7u8i9o0pAsDfGhJkLzXcVbNm1' > out.log",
      "echo 'push failed: Authorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a' >&2",
      "exit 1",
    ].join("; ");
    const r = await run(["exec", "--operation", "deploy", "--id", "sec-1", "--", "sh", "-c", script], { cwd: repo });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("ghp_16C7e42F292c6912E7710c838347Ae178B4a"); // the user's own terminal sees it all
    const row = await db.prisma.execution.findUniqueOrThrow({ where: { id: "sec-1" }, include: { files: true } });
    expect(row.files.map((f) => [f.path, f.content]).sort()).toEqual([
      [".env", null],
      ["out.log", "deploy with token pa_[REDACTED]\n"],
    ]);
    expect(row.errorMessage).toBe("push failed: Authorization: Bearer [REDACTED]");
    const stored = JSON.stringify(row);
    for (const secret of ["hunter2", "secretkeymaterial", "ghp_16C7", "Zx8v1Q2w"]) expect(stored).not.toContain(secret);
  });

  it("reads a relative PATTERNS_SPOOL_DIR from the checkout, as DATABASE_URL and PATTERNS_HOME, wherever it starts", async () => {
    spoolDir = join(work, "spool-relative");
    const elsewhere = join(work, "deep", "er");
    mkdirSync(elsewhere, { recursive: true });
    const r = await run(["exec", "--operation", "op", "--id", "rel-1", "--", "true"], { cwd: elsewhere, env: { ...DOWN, PATTERNS_SPOOL_DIR: relative(process.cwd(), spoolDir) } });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`kept in ${spoolDir}/`);
    expect(spooled()).toHaveLength(1);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("files an event the server refuses with 400 as a dead letter, named in the output, and goes on", async () => {
    spoolDir = join(work, "spool-dead");
    // --quiet: no suggestion lookup before the run, so the stub sees only the deliveries
    const stub = await startStubServer([], (body) =>
      (body as ExecutionEvent[])[0]!.operation === "bad"
        ? { status: 400, body: { error: { code: "invalid_events", message: "event 0, field operation: refused" } } }
        : { status: 200, body: { accepted: 1, duplicates: 0 } },
    );
    try {
      const env = { PATTERNS_URL: stub.url, PATTERNS_TOKEN: "pa_test" };
      const refused = await run(["exec", "--quiet", "--operation", "bad", "--id", "d-1", "--", "sh", "-c", "exit 4"], { env });
      expect(refused.status).toBe(4);
      const file = /dead-letter file (\S+\.json)/.exec(refused.stderr)?.[1];
      expect(refused.stderr).toContain("refused with 400: event 0, field operation: refused");
      expect(JSON.parse(readFileSync(file!, "utf8"))[0]).toMatchObject({ id: "d-1", operation: "bad" });
      expect(stub.received).toHaveLength(1); // a 400 is never retried

      const next = await run(["exec", "--quiet", "--operation", "good", "--id", "d-2", "--", "true"], { env });
      expect(next.status).toBe(0);
      expect(next.stderr).toBe("");
      expect(stub.received.map((b) => (b as ExecutionEvent[])[0]!.id)).toEqual(["d-1", "d-2"]);
      expect(spooled()).toEqual([]);
    } finally {
      await stub.close();
    }
  });

  it("says an id already recorded was not recorded again, locally and on a server", async () => {
    spoolDir = join(work, "spool-duplicate");
    const verbose = { PATTERNS_VERBOSE: "1" };
    expect((await run(["exec", "--quiet", "--operation", "op", "--id", "dup-1", "--", "true"], { env: verbose })).stderr).toBe("patterns: recorded dup-1\n");
    const again = await run(["exec", "--quiet", "--operation", "op", "--id", "dup-1", "--", "sh", "-c", "exit 3"], { env: verbose });
    expect(again.status).toBe(3);
    expect(again.stderr).toBe("patterns: execution dup-1 was already recorded (a duplicate id); not recorded again\n");
    expect((await db.prisma.execution.findUniqueOrThrow({ where: { id: "dup-1" } })).success).toBe(true); // the first run stands

    const stub = await startStubServer([], () => ({ status: 200, body: { accepted: 0, duplicates: 1 } }));
    try {
      const remote = await run(["exec", "--quiet", "--operation", "op", "--id", "dup-1", "--", "true"], { env: { PATTERNS_URL: stub.url, PATTERNS_TOKEN: "pa_test" } });
      expect(remote.status).toBe(0);
      expect(remote.stderr).toBe("patterns: execution dup-1 was already recorded (a duplicate id); not recorded again\n");
    } finally {
      await stub.close();
    }
    expect(spooled()).toEqual([]);
  });

  it("keeps the spool within PATTERNS_SPOOL_MAX_EVENTS, dropping the oldest with a warning", async () => {
    spoolDir = join(work, "spool-bounded");
    const env = { ...DOWN, PATTERNS_SPOOL_MAX_EVENTS: "2" };
    for (const id of ["b-1", "b-2", "b-3"]) expect((await run(["exec", "--operation", "op", "--id", id, "--", "true"], { env })).status).toBe(0);
    const last = await run(["exec", "--operation", "op", "--id", "b-4", "--", "true"], { env });
    expect(last.stderr).toMatch(/the spool is full \(limit 2 events, .*\): dropped the oldest event, execution b-2 \(/);
    const kept = spooled().map((n) => (JSON.parse(readFileSync(join(spoolDir, n), "utf8")) as ExecutionEvent[])[0]!.id);
    expect(kept).toEqual(["b-3", "b-4"]);
  });

  it("says why a command did not start, and still records the run (exit 127)", async () => {
    spoolDir = join(work, "spool-missing");
    const r = await run(["exec", "--quiet", "--operation", "op", "--id", "miss-1", "--", "no-such-binary-pa", "--flag"]);
    expect(r.status).toBe(127);
    expect(r.stderr).toBe("patterns: no-such-binary-pa: command not found (spawn ENOENT)\n");
    const row = await db.prisma.execution.findUniqueOrThrow({ where: { id: "miss-1" } });
    expect([row.success, row.errorType, row.errorMessage]).toEqual([false, "exit 127", "no-such-binary-pa: command not found (spawn ENOENT)"]);
  });

  it("says how many changed files the record leaves out, and why", async () => {
    spoolDir = join(work, "spool-many");
    const tree = join(work, "many-files");
    mkdirSync(tree);
    const deep = Array.from({ length: 5 }, (_, i) => String(i).repeat(250)).join("/"); // a path past 1024 characters
    const script = `for i in $(seq 1 1001); do : > f$i; done; mkdir -p ${deep} && : > ${deep}/x`;
    const r = await run(["exec", "--quiet", "--operation", "op", "--id", "many-1", "--", "sh", "-c", script], { cwd: tree });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("patterns: 2 changed files left out of the record of execution many-1 (1 with a path longer than 1024 characters, 1 past the 1000 files an execution lists)\n");
    expect(await db.prisma.fileEvent.count({ where: { executionId: "many-1" } })).toBe(1000);
  });

  it("records a run interrupted by a signal sent to patterns itself", async () => {
    spoolDir = join(work, "spool-signal");
    // SIGINT to patterns alone: Ctrl-C belongs to the command, which here carries on and succeeds
    const int = await run(["exec", "--operation", "op", "--id", "sig-int", "--", "sh", "-c", "kill -INT $PPID; sleep 0.3; exit 0"]);
    expect(int.status).toBe(0);
    // SIGTERM to patterns: passed on to the command, whose end is recorded
    const term = await run(["exec", "--operation", "op", "--id", "sig-term", "--", "sh", "-c", "kill -TERM $PPID; exec sleep 5"]);
    expect(term.status).toBe(143);
    const rows = await db.prisma.execution.findMany({ where: { id: { in: ["sig-int", "sig-term"] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.success, r.errorType])).toEqual([
      ["sig-int", true, null],
      ["sig-term", false, "exit 143"],
    ]);
  });

  it("does not follow a symlinked spool entry into another file", async () => {
    spoolDir = join(work, "spool-link");
    mkdirSync(spoolDir, { recursive: true });
    writeFileSync(join(work, "victim.json"), JSON.stringify([{ id: "victim", operation: "x", startedAt: "2026-11-25T06:00:00Z", durationMs: 1, success: true }]));
    symlinkSync(join(work, "victim.json"), join(spoolDir, "0000000000001-link.json"));
    const r = await run(["exec", "--operation", "op", "--id", "l-1", "--", "true"]);
    expect(r.status).toBe(0);
    expect(await db.prisma.execution.count({ where: { id: "victim" } })).toBe(0);
    expect(existsSync(join(work, "victim.json"))).toBe(true);
  });
});
