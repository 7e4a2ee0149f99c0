// `patterns template FILE FILE [FILE]` as a user runs it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "pa-template-"));
const bin = join(process.cwd(), "bin", "patterns.mjs");
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: dir });

describe("patterns template", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the template and one variable for the same name in several cases", () => {
    const a = join(dir, "user_profile.ts");
    const b = join(dir, "order_item.ts");
    writeFileSync(a, "export class UserProfile {\n  static table = \"user_profile\";\n}\n");
    writeFileSync(b, "export class OrderItem {\n  static table = \"order_item\";\n}\n");
    const r = run(["template", a, b, "--json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { template: string; variables: Array<{ name: string; values: string[] }> };
    expect(out.variables).toHaveLength(1);
    expect(out.variables[0]!.values).toEqual(["user_profile", "order_item"]);
    expect(out.template).toContain("export class {{");
  });

  it("exits 2 with one file and 1 for a file it cannot read", () => {
    expect(run(["template", join(dir, "user_profile.ts")]).status).toBe(2);
    const missing = run(["template", join(dir, "nope.ts"), join(dir, "user_profile.ts")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("nope.ts");
  });
});
