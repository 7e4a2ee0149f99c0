// `patterns signature` as a user runs it: a real process, stdin to stdout, needing no database.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorSignature } from "../signature";

const bin = join(process.cwd(), "bin", "patterns.mjs");
// a database URL nothing can open: the command must not need one
const env = { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", PATTERNS_HOME: "/nonexistent" };
const run = (args: string[], input: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", env, maxBuffer: 256 * 1024 * 1024 });

describe("patterns signature", () => {
  it("writes one template per line, in order, without a database", () => {
    const r = run(["signature"], "Timeout after 3000ms\r\nsession opened for user alice\nTimeout after 12ms");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("Timeout after <*>\nsession opened for user <*>\nTimeout after <*>\n");
  });

  it("gives a large input the same templates, through its worker threads", () => {
    const lines: string[] = [];
    for (let i = 0; i < 120_000; i++) lines.push(`worker node-${i % 97} lost after ${i} ms on host db${i % 5}.example.com:5432`);
    const r = run(["signature"], lines.join("\n") + "\n");
    expect(r.status).toBe(0);
    const out = r.stdout.split("\n");
    expect(out).toHaveLength(lines.length + 1);
    expect(out[0]).toBe(errorSignature(lines[0]));
    expect(out[lines.length - 1]).toBe(errorSignature(lines[lines.length - 1]));
    expect(new Set(out.slice(0, -1))).toEqual(new Set(["worker <*> lost after <*> on host <*>"]));
  }, 120_000);

  it("refuses a bad environment variable at start, as every other command does (exit 1, one line naming it)", () => {
    const r = spawnSync(process.execPath, [bin, "signature"], { input: "Timeout after 3000ms\n", encoding: "utf8", env: { ...env, PORT: "eighty" } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("patterns: PORT: not a port number\n");
  });

  it("answers --help with 0 and an unknown option with 2", () => {
    const help = run(["signature", "--help"], "");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("one template per line");
    expect(run(["signature", "--frobnicate"], "").status).toBe(2);
  });
});
