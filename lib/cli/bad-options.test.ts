// Bad usage exits 2 everywhere (DESIGN.md "Command line"), before anything is read or written: values
// outside a fixed set, numbers that are not numbers, a week that is not one. Issue 12 found
// `--status bogus` listing everything with exit 0.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildProgram, run } from "./main";

const dir = mkdtempSync(join(tmpdir(), "pa-bad-options-"));
const file = join(dir, "patterns.db");
let saved: string | undefined;

beforeAll(() => {
  saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${file}`;
});
afterAll(() => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
  rmSync(dir, { recursive: true, force: true });
});

async function runQuietly(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    return { code: await run(args), stderr };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}

describe("bad option values exit 2", () => {
  it.each([
    [["list", "--status", "bogus"], "Allowed choices are active, quarantined, draft, archived"],
    [["candidates", "--status", "bogus"], "Allowed choices are pending, approved, auto_approved, rejected"],
    [["anti-patterns", "--status", "bogus"], "Allowed choices are monitoring, proposed, quarantined, lifted"],
    [["analyze", "--wait", "soon"], "--wait <seconds>' argument 'soon' is invalid. give a whole number from 0 to 86400"],
    [["analyze", "--wait", "-5"], "--wait"],
    [["analyze", "--wait", "1.5"], "--wait"],
    [["suggest", "--operation", "x", "--limit", "ten"], "--limit"],
    [["suggest", "--operation", "x", "--limit", "0"], "--limit"],
    [["demo", "--seed", "x"], "--seed"],
    [["ingest", "-", "--format", "xml"], "Allowed choices are json, ndjson"],
    [["user", "create", "--email", "a@example.com", "--role", "god", "--password-stdin"], "Allowed choices are viewer, reviewer, admin"],
    [["user", "set-role", "--email", "a@example.com", "--role", "god"], "Allowed choices are viewer, reviewer, admin"],
    [["report", "--week", "2026-W99"], "--week"],
    [["report", "--week", "last tuesday"], "--week"],
    [["run-job", "bogus"], "Allowed choices are analyze, report, cleanup"],
    [["baseline", "p1", "ten"], "<ms>"],
    [["list", "--no-such-option"], "unknown option"],
  ])("patterns %j", async (args, message) => {
    const { code, stderr } = await runQuietly(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(existsSync(file)).toBe(false); // refused before the database was opened
  });

  it.each([[["db"]], [["token"]], [[]]])("patterns %j (a group without its subcommand) prints its help on stderr and exits 2", async (args) => {
    let stdout = "";
    let stderr = "";
    const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
    const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
      expect(await run(args)).toBe(2);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(stderr).toContain(`Usage: ${["patterns", ...args].join(" ")} [options] [command]`);
    expect(stdout).toBe("");
  });

  it.each([[["db", "--help"]], [["help", "db"]]])("patterns %j asks for the help: stdout, exit 0", async (args) => {
    let stdout = "";
    const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
    try {
      expect(await run(args)).toBe(0);
    } finally {
      out.mockRestore();
    }
    expect(stdout).toContain("Usage: patterns db [options] [command]");
  });

  it("exits 2 on a setting that does not exist (after looking it up)", async () => {
    const { code, stderr } = await runQuietly(["settings", "set", "noSuchSetting", "1"]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown setting");
  }, 30_000);

  it("declares the fixed sets and the numbers on every command, so new commands keep it", () => {
    const missing: string[] = [];
    const walk = (command: ReturnType<typeof buildProgram>, path: string) => {
      for (const option of command.options) {
        const name = option.long ?? "";
        const fixed = ["--status", "--role", "--format"].includes(name);
        const numeric = ["--wait", "--limit", "--seed"].includes(name);
        if (fixed && !option.argChoices) missing.push(`${path} ${name} (choices)`);
        if (numeric && !option.parseArg) missing.push(`${path} ${name} (argParser)`);
      }
      for (const sub of command.commands) walk(sub, `${path} ${sub.name()}`);
    };
    walk(buildProgram(), "patterns");
    expect(missing).toEqual([]);
  });

  it("is what a shell sees from the real command", () => {
    const r = spawnSync(process.execPath, [join(process.cwd(), "bin", "patterns.mjs"), "list", "--status", "bogus"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${file}` } as NodeJS.ProcessEnv });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("'bogus' is invalid");
  }, 30_000);
});
