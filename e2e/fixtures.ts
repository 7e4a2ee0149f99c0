// Each journey runs alone on its own app: a fresh SQLite database (empty, or holding the demo workspace),
// migrated, and the built production server (scripts/serve.mjs, what `npm start` runs) started on a free
// port in its own process group, which is killed whole when the journey ends (lib/server/app-process.ts).
// Journeys seed anything else they need through the real CLI (`app.cli`) against the same database. By
// default the browser is signed in as an admin made for the journey (`test.use({ role: "viewer" })`, or
// `role: null` for nobody).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, expect, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";
import { startApp, type AppProcess } from "../lib/server/app-process";
import { cpuSeconds } from "../lib/server/process-cpu";

const root = join(import.meta.dirname, "..");
const patternsBin = join(root, "bin", "patterns.mjs");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface App {
  url: string;
  databaseUrl: string;
  /** the server process, for checks on its CPU */
  pid: number;
  cli: (args: string[], input?: string) => CliResult;
  /** reads and writes the journey's own SQLite database directly (each call opens and closes it) */
  sql: SqlAccess;
}

type SqlParam = string | number | bigint | null;

export interface SqlAccess {
  all<T>(sql: string, ...params: SqlParam[]): T[];
  get<T>(sql: string, ...params: SqlParam[]): T | undefined;
  /** the first column of the first row, as a number (a count) */
  value(sql: string, ...params: SqlParam[]): number;
  run(sql: string, ...params: SqlParam[]): void;
}

function sqlAccess(file: string): SqlAccess {
  const withDb = <T>(fn: (db: Database.Database) => T): T => {
    const db = new Database(file, { timeout: 10_000 });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    all: <T>(sql: string, ...params: SqlParam[]) => withDb((db) => db.prepare(sql).all(...params) as T[]),
    get: <T>(sql: string, ...params: SqlParam[]) => withDb((db) => db.prepare(sql).get(...params) as T | undefined),
    value: (sql, ...params) => withDb((db) => Number(Object.values((db.prepare(sql).get(...params) as object | undefined) ?? { n: Number.NaN })[0])),
    run: (sql, ...params) => withDb((db) => void db.prepare(sql).run(...params)),
  };
}

export type Seed = "empty" | "demo";
export type Role = "viewer" | "reviewer" | "admin";

export const PASSWORD = "e2e-password-not-secret";

/** Makes a user with this role (once per app) and signs `request`'s cookie jar in as them. */
export async function signIn(request: APIRequestContext, app: App, role: Role): Promise<string> {
  const email = `${role}@e2e.example.com`;
  const listed = app.cli(["user", "list", "--json"]);
  if (!(JSON.parse(listed.stdout) as Array<{ email: string }>).some((u) => u.email === email)) {
    const made = app.cli(["user", "create", "--email", email, "--role", role, "--password-stdin"], `${PASSWORD}\n`);
    if (made.status !== 0) throw new Error(`patterns user create failed: ${made.stderr}`);
  }
  const response = await request.post(`${app.url}/api/auth/sign-in/email`, { data: { email, password: PASSWORD }, headers: { origin: app.url } });
  if (!response.ok()) throw new Error(`sign-in as ${email} answered ${response.status()}: ${await response.text()}`);
  return email;
}

function runCli(databaseUrl: string, args: string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, [patternsBin, ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: "1" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The demo database is made once per worker and copied for each journey that asks for it. */
let demoTemplate: string | undefined;
function demoDatabaseFile(): string {
  if (demoTemplate) return demoTemplate;
  const dir = mkdtempSync(join(tmpdir(), "pa-e2e-demo-"));
  const file = join(dir, "patterns.db");
  for (const args of [["db", "migrate"], ["demo"]]) {
    const r = runCli(`file:${file}`, args);
    if (r.status !== 0) throw new Error(`patterns ${args.join(" ")} failed: ${r.stderr}`);
  }
  demoTemplate = file;
  return file;
}

export const test = base.extend<{ seed: Seed; role: Role | null; app: App }>({
  seed: ["empty", { option: true }],
  role: ["admin", { option: true }],
  app: async ({ seed }, provide) => {
    const dir = mkdtempSync(join(tmpdir(), "pa-e2e-"));
    const file = join(dir, "patterns.db");
    const databaseUrl = `file:${file}`;
    let server: AppProcess | undefined;
    try {
      if (seed === "demo") copyFileSync(demoDatabaseFile(), file);
      const migrated = runCli(databaseUrl, ["db", "migrate"]);
      if (migrated.status !== 0) throw new Error(`patterns db migrate failed: ${migrated.stderr}`);
      server = await startApp({ databaseUrl, logFile: join(dir, "server.log") });
      await provide({ url: server.url, databaseUrl, pid: server.pid, cli: (args, input) => runCli(databaseUrl, args, input), sql: sqlAccess(file) });
    } finally {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ app }, provide) => provide(app.url),
  context: async ({ context, app, role }, provide) => {
    if (role) await signIn(context.request, app, role);
    await provide(context);
  },
});

export { expect };

/** CPU the process used per second of wall time over `ms` (1 = one core busy), from /proc. */
export async function cpuShare(pid: number, ms = 1000): Promise<number> {
  const used = () => {
    const s = cpuSeconds(pid);
    if (s === null) throw new Error(`cpuShare: /proc/${pid}/stat cannot be read (is the process running, on Linux?)`);
    return s;
  };
  const before = used();
  await new Promise((r) => setTimeout(r, ms));
  return (used() - before) / (ms / 1000);
}
