// Starts the built production server (scripts/serve.mjs, what `npm start` runs) as its own process, in its
// own process group, for the end-to-end tests and the benchmarks: a free port, a wait until it answers, and
// a stop that kills the whole group. The one place that knows how; lib/api/ingest-server-process.ts is the
// same for the standalone ingest server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..", "..");
const STARTUP_MS = 60_000;

export interface StartAppOptions {
  databaseUrl: string;
  /** On top of the defaults (telemetry off, scheduler off); wins over them. */
  env?: Record<string, string>;
  /** Where to listen: 127.0.0.1 unless told. */
  host?: string;
  /** Where the server's stdout and stderr go (replaced); unset: a temporary file that stop() removes. */
  logFile?: string;
}

export interface AppProcess {
  url: string;
  /** The server process, also its process group's id: for its CPU or memory in /proc. */
  pid: number;
  child: ChildProcess;
  logFile: string;
  /** SIGKILLs the whole process group (a server stuck in a busy loop never reaches its SIGTERM handler) and waits for the exit. */
  stop: () => Promise<void>;
}

/** A port nothing listens on right now (the kernel's pick, released at once). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function run(args: string[], what: string): void {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

/** The bundle in dist/ that bin/patterns.mjs and scripts/serve.mjs start from (a stale one falls back to tsx, slower). */
export function ensureCliBuilt(): void {
  run([join(root, "scripts", "build-cli.mjs")], "node scripts/build-cli.mjs");
}

/** `next build` when the sources are newer than .next/ (the rule `npm start` uses), then the bundle in dist/. */
export async function ensureBuilt(): Promise<void> {
  const start = (await import(pathToFileURL(join(root, "scripts", "start.mjs")).href)) as { needsBuild: () => boolean };
  if (start.needsBuild()) {
    console.log("building the app (the sources are newer than .next/)…");
    run([join(root, "node_modules", "next", "dist", "bin", "next"), "build"], "next build");
  }
  ensureCliBuilt();
}

/** How a client reaches a server listening on `host`. */
function reachable(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startApp(opts: StartAppOptions): Promise<AppProcess> {
  const host = opts.host ?? "127.0.0.1";
  const port = await freePort(host);
  const url = `http://${reachable(host)}:${port}`;
  const tempDir = opts.logFile ? null : mkdtempSync(join(tmpdir(), "pa-app-"));
  const logFile = opts.logFile ?? join(tempDir!, "server.log");
  const out = openSync(logFile, "w");
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [join(root, "scripts", "serve.mjs"), "-p", String(port), "-H", host], {
      cwd: root,
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, DATABASE_URL: opts.databaseUrl, NEXT_TELEMETRY_DISABLED: "1", PATTERNS_SCHEDULER: "off", ...opts.env },
    });
  } finally {
    closeSync(out); // the child holds its own copy
  }
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    await exited;
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  const failed = async (why: string) => {
    const log = readFileSync(logFile, "utf8");
    await stop();
    return new Error(`${why}; its output:\n${log}`);
  };
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw await failed(`the app exited with ${child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode} before it served`);
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) })).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw await failed(`the app did not answer ${url}/api/health within ${STARTUP_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid!, child, logFile, stop };
}
