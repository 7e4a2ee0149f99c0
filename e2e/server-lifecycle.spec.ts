// Running the server as people do (issue 12 §6): `npm start` passes a stop on to the Next.js server, which
// drains, stops the scheduler and closes the database; the server logs JSON with request ids (API and
// pages) and no secrets; a bad environment variable stops the server (scripts/serve.mjs) at once with one line naming
// it; an idle keep-alive connection stays open as long as PATTERNS_KEEP_ALIVE_SECONDS says.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { freePort, startApp } from "../lib/server/app-process";

const root = join(import.meta.dirname, "..");

/** The pid listening on the port (from ss), or null when nothing listens. */
function listenerPid(port: number): number | null {
  const out = spawnSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" }).stdout;
  const m = /pid=(\d+)/.exec(out);
  return m ? Number(m[1]) : out.trim() ? -1 : null;
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(spawnSync("cat", [`/proc/${pid}/status`], { encoding: "utf8" }).stdout);

interface Started {
  npm: ChildProcess;
  port: number;
  dir: string;
  output: () => string;
  serverPid: number;
}

async function npmStart(env: Record<string, string> = {}): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), "pa-e2e-start-"));
  const port = await freePort();
  let output = "";
  const npm = spawn("npm", ["start"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${join(dir, "patterns.db")}`, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  npm.stdout!.on("data", (d) => (output += String(d)));
  npm.stderr!.on("data", (d) => (output += String(d)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited (${npm.exitCode}):\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`npm start did not serve within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const serverPid = listenerPid(port);
  if (!serverPid || serverPid < 0) throw new Error(`cannot tell which process listens on ${port}`);
  return { npm, port, dir, output: () => output, serverPid };
}

function cleanUp(s: Started | undefined) {
  if (!s) return;
  for (const pid of [-s.npm.pid!, s.serverPid]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone, as it should be */
    }
  }
  rmSync(s.dir, { recursive: true, force: true });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

test("SIGTERM to npm start stops the server: port free, no next-server left, database closed, JSON log with ids and no secrets", async () => {
  test.setTimeout(120_000);
  let started: Started | undefined;
  try {
    started = await npmStart();
    const { npm, port, serverPid, dir } = started;
    expect(alive(serverPid)).toBe(true);
    // a request with a secret in it: logged with its id, the secret nowhere
    const made = spawnSync(process.execPath, [join(root, "bin", "patterns.mjs"), "token", "create", "lifecycle", "--json"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${join(dir, "patterns.db")}` } });
    const { token } = JSON.parse(made.stdout) as { token: string };
    const event = { id: "lifecycle-1", operation: "deploy", startedAt: new Date().toISOString(), durationMs: 5, success: true };
    const answered = await fetch(`http://127.0.0.1:${port}/api/v1/executions`, { method: "POST", body: JSON.stringify(event), headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-request-id": "e2e-lifecycle-1" } });
    expect(answered.status).toBe(200);
    expect(answered.headers.get("x-request-id")).toBe("e2e-lifecycle-1");
    expect(existsSync(join(dir, "patterns.db-wal"))).toBe(true); // the server has the database open (WAL)
    // a page gets the same: its id echoed and one line, the path without its query
    const page = await fetch(`http://127.0.0.1:${port}/sign-in?next=%2Fquery-not-logged`, { headers: { "x-request-id": "e2e-page-1" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("x-request-id")).toBe("e2e-page-1");
    // and a sign-in: its line, never its password
    const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
      method: "POST", body: JSON.stringify({ email: "nobody@example.com", password: "password-never-logged" }),
      headers: { "content-type": "application/json", origin: `http://127.0.0.1:${port}`, "x-request-id": "e2e-sign-in-1" },
    });
    expect(signIn.status).toBeGreaterThanOrEqual(400);

    process.kill(npm.pid!, "SIGTERM"); // npm itself, not its group: what a service manager or `kill` does
    await exited(npm);
    await expect.poll(() => alive(serverPid), { timeout: 20_000 }).toBe(false);
    expect(listenerPid(port)).toBeNull();

    const lines = started
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ requestId: "e2e-lifecycle-1", method: "POST", path: "/api/v1/executions", status: 200, msg: "request" }));
    expect(lines).toContainEqual(expect.objectContaining({ requestId: "e2e-page-1", method: "GET", path: "/sign-in", status: 200, msg: "request" }));
    expect(started.output()).not.toContain("query-not-logged");
    expect(lines).toContainEqual(expect.objectContaining({ requestId: "e2e-sign-in-1", method: "POST", path: "/api/auth/sign-in/email", status: signIn.status, msg: "request" }));
    expect(started.output()).not.toContain("password-never-logged");
    expect(lines).toContainEqual(expect.objectContaining({ msg: "shut down", signal: "SIGTERM", drained: true, schedulerStopped: true, databaseClosed: true }));
    expect(started.output()).not.toContain(token);
    expect(existsSync(join(dir, "patterns.db-wal"))).toBe(false); // closed: SQLite folds and removes the WAL on the last close
    const db = new Database(join(dir, "patterns.db"), { readonly: true });
    expect(db.prepare("SELECT count(*) FROM executions WHERE id = 'lifecycle-1'").pluck().get()).toBe(1);
    db.close();
  } finally {
    cleanUp(started);
  }
});

test("npm killed outright (SIGKILL) does not leave the server behind", async () => {
  test.setTimeout(120_000);
  let started: Started | undefined;
  try {
    started = await npmStart({ PATTERNS_SCHEDULER: "off" });
    process.kill(started.npm.pid!, "SIGKILL");
    await expect.poll(() => alive(started!.serverPid), { timeout: 20_000 }).toBe(false);
    expect(listenerPid(started.port)).toBeNull();
  } finally {
    cleanUp(started);
  }
});

test("a bad environment variable stops the server at start with one line naming it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pa-e2e-badenv-"));
  const logFile = join(dir, "server.log");
  try {
    // startApp stops the server's process group if it is still there when it gives up
    const start = startApp({ databaseUrl: `file:${join(dir, "patterns.db")}`, logFile, env: { PATTERNS_SCHEDULER: "sometimes", PATTERNS_CRON_SECRET: "tooShort" } });
    await expect(start).rejects.toThrow("the app exited with code 1 before it served");
    const output = readFileSync(logFile, "utf8");
    expect(output).toContain("patterns: PATTERNS_SCHEDULER: on or off\n");
    expect(output).toContain("patterns: PATTERNS_CRON_SECRET: at least 16 characters");
    expect(output).not.toContain("tooShort");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an idle keep-alive connection outlasts Node's 5 s (PATTERNS_KEEP_ALIVE_SECONDS), so a proxy in front closes it first", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pa-e2e-keepalive-"));
  const app = await startApp({ databaseUrl: `file:${join(dir, "patterns.db")}`, env: { PATTERNS_KEEP_ALIVE_SECONDS: "8" } });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    // the local port tells the connection: the same port twice is the same connection, reused
    const get = () =>
      new Promise<{ port: number; keepAlive: string }>((resolve, reject) => {
        const req = httpRequest(`${app.url}/api/health`, { agent }, (res) => {
          const port = res.socket.localPort!;
          res.resume();
          res.on("end", () => resolve({ port, keepAlive: String(res.headers["keep-alive"]) }));
        });
        req.on("error", reject);
        req.end();
      });
    const first = await get();
    expect(first.keepAlive).toBe("timeout=8");
    await new Promise((r) => setTimeout(r, 6_000)); // past Node's default of 5 s, which closed it before
    const second = await get();
    expect(second.port).toBe(first.port);
  } finally {
    agent.destroy();
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
