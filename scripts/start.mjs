// `npm start`: migrate the database (embedded SQLite by default), build when the sources are newer
// than the last build, then serve the dashboard on http://localhost:3000 (PORT to change).
import { spawnSync, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
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

function main() {
  const migrate = spawnSync(node, [join(root, "bin", "patterns.mjs"), "db", "migrate"], { cwd: root, stdio: "inherit" });
  if (migrate.status !== 0) process.exit(migrate.status ?? 1);
  if (needsBuild()) {
    console.log("building the dashboard (first start, or the sources changed)…");
    const build = spawnSync(node, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const port = process.env.PORT ?? "3000";
  const server = spawn(node, [nextBin, "start", "-p", port], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
