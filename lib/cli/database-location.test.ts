// Issue 12: the CLI started from another folder used to create a new empty ./data/patterns.db there, so its
// records never reached the dashboard. Now the default database is the checkout's (or PATTERNS_HOME's),
// whatever the working directory, and `patterns db info` says which one it is.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = process.cwd();
const bin = join(root, "bin", "patterns.mjs");
const elsewhere = mkdtempSync(join(tmpdir(), "pa-elsewhere-"));
const home = mkdtempSync(join(tmpdir(), "pa-home-"));

function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}) {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.DATABASE_URL;
  delete base.PATTERNS_HOME;
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...base, ...env } as NodeJS.ProcessEnv });
}

afterAll(() => {
  rmSync(elsewhere, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe("one database wherever the CLI starts", { timeout: 60_000 }, () => {
  it("defaults to data/ in the checkout, not in the working directory (and info creates nothing)", () => {
    const r = cli(["db", "info", "--json"], elsewhere);
    expect(r.stderr).toBe("");
    const info = JSON.parse(r.stdout) as { provider: string; location: string; chosenBy: string };
    expect(info).toMatchObject({ provider: "sqlite", location: join(root, "data", "patterns.db"), chosenBy: "default" });
    expect(existsSync(join(elsewhere, "data"))).toBe(false);
  });

  it("sees from another folder what was written from the checkout (PATTERNS_HOME)", () => {
    const env = { PATTERNS_HOME: home };
    expect(cli(["token", "create", "from-root"], root, env).status).toBe(0);
    const listed = cli(["token", "list", "--json"], elsewhere, env);
    expect(listed.status).toBe(0);
    expect((JSON.parse(listed.stdout) as Array<{ name: string }>).map((t) => t.name)).toEqual(["from-root"]);
    const info = JSON.parse(cli(["db", "info", "--json"], elsewhere, env).stdout) as { location: string; chosenBy: string; migrations: { current: boolean } };
    expect(info).toMatchObject({ location: join(home, "patterns.db"), chosenBy: "PATTERNS_HOME", migrations: { current: true } });
    expect(existsSync(join(elsewhere, "data"))).toBe(false);
  });

  it("reads a relative file: URL from the checkout too", () => {
    const r = cli(["db", "info", "--json"], elsewhere, { DATABASE_URL: "file:./data/other.db" });
    expect((JSON.parse(r.stdout) as { location: string }).location).toBe(join(root, "data", "other.db"));
  });

  it("prints the location and the migration state for people", () => {
    const r = cli(["db", "info"], elsewhere, { PATTERNS_HOME: home });
    expect(r.stdout).toContain(`database    ${join(home, "patterns.db")}`);
    expect(r.stdout).toMatch(/migrations {2}\d+ applied, latest \S+; up to date/);
  });
});
