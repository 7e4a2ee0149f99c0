import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { envProblems, envSchema } from "./env";

describe("environment variables", () => {
  it("accepts an empty environment and good values", () => {
    expect(envProblems({} as NodeJS.ProcessEnv)).toEqual([]);
    const good = {
      DATABASE_URL: "postgresql://u@db:5432/pa",
      PATTERNS_HOME: "/var/lib/patterns",
      PORT: "8080",
      PATTERNS_LOG_LEVEL: "debug",
      PATTERNS_SCHEDULER: "OFF",
      PATTERNS_CRON_SECRET: "0123456789abcdef",
      PATTERNS_CLIENT_IP_HEADER: "x-real-ip",
      BETTER_AUTH_URL: "https://patterns.example.com",
      BETTER_AUTH_SECRET: "x".repeat(32),
      PATTERNS_URL: "http://localhost:3000/patterns/",
      PATTERNS_TOKEN: "pa_abc",
      PATTERNS_SPOOL_DIR: "/tmp/spool",
      PATTERNS_KEEP_ALIVE_SECONDS: "620",
      PORT_EXTRA_NOT_OURS: "whatever",
    };
    expect(envProblems(good as unknown as NodeJS.ProcessEnv)).toEqual([]);
  });

  it("treats an empty value as unset", () => {
    expect(envProblems({ PORT: "", DATABASE_URL: "  " } as unknown as NodeJS.ProcessEnv)).toEqual([]);
  });

  it.each([
    ["DATABASE_URL", "mysql://root@localhost/x", 'DATABASE_URL: unsupported scheme "mysql"'],
    ["PORT", "80a", "PORT: not a port number"],
    ["PORT", "70000", "PORT: a port is from 1 to 65535"],
    ["PATTERNS_LOG_LEVEL", "loud", "PATTERNS_LOG_LEVEL: one of fatal, error"],
    ["PATTERNS_SCHEDULER", "maybe", "PATTERNS_SCHEDULER: on or off"],
    ["PATTERNS_CRON_SECRET", "s3cr3t", "PATTERNS_CRON_SECRET: at least 16 characters"],
    ["PATTERNS_CLIENT_IP_HEADER", "x real ip", "PATTERNS_CLIENT_IP_HEADER: a header name"],
    ["BETTER_AUTH_URL", "patterns.example.com", "BETTER_AUTH_URL: not an http(s) URL"],
    ["BETTER_AUTH_SECRET", "tooshort", "BETTER_AUTH_SECRET: at least 32 characters"],
    ["PATTERNS_URL", "ftp://x", "PATTERNS_URL: not an http(s) URL"],
    ["PATTERNS_URL", "http://ci:hunter2@patterns.example.com:3000", "PATTERNS_URL: must not hold a user name or password"],
    ["PATTERNS_URL", "http://ci@patterns.example.com", "PATTERNS_URL: must not hold a user name or password"],
    ["PATTERNS_URL", "http://patterns.example.com/?team=a", "PATTERNS_URL: must not hold a query or fragment"],
    ["PATTERNS_TOKEN", "pa_ has spaces", "PATTERNS_TOKEN: a token has no spaces"],
    ["PATTERNS_KEEP_ALIVE_SECONDS", "65s", "PATTERNS_KEEP_ALIVE_SECONDS: must be a whole number of seconds"],
    ["PATTERNS_KEEP_ALIVE_SECONDS", "0", "PATTERNS_KEEP_ALIVE_SECONDS: must be at least 1"],
    ["PATTERNS_KEEP_ALIVE_SECONDS", "3601", "PATTERNS_KEEP_ALIVE_SECONDS: must be at most 3600"],
  ])("names %s when it is %j, in one line without the value", (name, value, expected) => {
    const problems = envProblems({ [name]: value } as unknown as NodeJS.ProcessEnv);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
    expect(problems[0]).not.toContain("\n");
    if (name.includes("SECRET") || name.includes("TOKEN")) expect(problems[0]).not.toContain(value);
    expect(problems[0]).not.toContain("hunter2");
  });

  it("gives one line per bad variable", () => {
    expect(envProblems({ PORT: "x", PATTERNS_SCHEDULER: "sometimes" } as unknown as NodeJS.ProcessEnv)).toHaveLength(2);
  });

  it("stops the CLI with exit 1 and one line per bad value, before any command runs", () => {
    const r = spawnSync(process.execPath, [join(process.cwd(), "bin", "patterns.mjs"), "db", "info"], {
      encoding: "utf8",
      env: { ...process.env, PORT: "eighty", PATTERNS_LOG_LEVEL: "loud" } as NodeJS.ProcessEnv,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual(["patterns: PORT: not a port number", expect.stringContaining("patterns: PATTERNS_LOG_LEVEL: one of")]);
  }, 30_000);

  it("lists every variable in .env.example and in the README's configuration table", () => {
    const example = readFileSync(join(process.cwd(), ".env.example"), "utf8");
    const readme = readFileSync(join(process.cwd(), "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5));
    for (const name of Object.keys(envSchema.shape)) {
      expect(example, `.env.example lacks ${name}`).toMatch(new RegExp(`^# ${name}=`, "m"));
      expect(table, `README's configuration table lacks ${name}`).toContain(`\`${name}\``);
    }
  });
});
