// `npm start`: migrate the database (embedded SQLite by default), build when the sources are newer
// than the last build, then serve the dashboard on http://localhost:3000 (PORT to change) with
// scripts/serve.mjs (Next.js, with telemetry ingestion served directly: lib/server/web-server.ts).
// The server runs in its own process group and SIGINT/SIGTERM/SIGHUP are passed on to that group, so
// stopping `npm start` (npm, a terminal, a service manager) stops the server too: it drains, stops the
// scheduler and closes the database (lib/server/graceful-shutdown.ts). A second signal kills it at once.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { newestMtime } from "./newest-mtime.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const node = process.execPath;
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");

/** The build's inputs: everything but generated clients and dotfiles. */
const skipInBuild = (name) => name === "generated" || name.startsWith(".");

export function needsBuild() {
  const buildId = join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public"].filter((d) => existsSync(join(root, d)));
  const files = ["package.json", "next.config.ts", "prisma/schema.prisma"].map((f) => join(root, f)).filter(existsSync);
  const newest = Math.max(...sources.map((d) => newestMtime(join(root, d), { skip: skipInBuild })), ...files.map((f) => statSync(f).mtimeMs));
  return newest > built;
}

/** Linux: a process's state and group from /proc (null elsewhere, and the watch below is off). */
function procStat(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return { state: fields[0], pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}
const processGroup = (pid) => procStat(pid)?.pgrp ?? null;
const running = (pid) => {
  const stat = procStat(pid);
  return stat !== null && stat.state !== "Z";
};

function main() {
  const migrate = spawnSync(node, [join(root, "bin", "patterns.mjs"), "db", "migrate"], { cwd: root, stdio: "inherit" });
  if (migrate.status !== 0) process.exit(migrate.status ?? 1);
  if (needsBuild()) {
    console.log("building the dashboard (first start, or the sources changed)…");
    const build = spawnSync(node, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const port = process.env.PORT ?? "3000";
  const server = spawn(node, [join(root, "scripts", "serve.mjs"), "-p", port], {
    cwd: root,
    stdio: "inherit",
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "1" },
  });
  const toGroup = (signal) => {
    try {
      process.kill(-server.pid, signal);
    } catch {
      /* already gone */
    }
  };
  // A terminal's Ctrl-C reaches npm and us at once, and npm passes it on too: one press, two signals.
  // Only a signal more than a second after the first one means "now".
  let signalled = 0;
  let firstAt = 0;
  const stop = (signal) => {
    if (signalled === 0) firstAt = Date.now();
    else if (Date.now() - firstAt < 1000) return;
    signalled++;
    toGroup(signalled === 1 ? signal : "SIGKILL");
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));
  // Whoever started us went away without a signal (npm killed with -9): do not leave the server behind.
  // npm runs us through `sh -c`, which outlives npm, so watch our process group's leader too (npm, or the
  // shell job), not only our parent.
  const parent = process.ppid;
  const leader = processGroup(process.pid);
  setInterval(() => {
    if (signalled > 0) return;
    if (process.ppid !== parent || (leader && leader !== process.pid && !running(leader))) stop("SIGTERM");
  }, 1000).unref();
  process.on("exit", () => server.exitCode === null && server.signalCode === null && toGroup("SIGKILL"));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 0)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
