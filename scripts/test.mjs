// `npm test`: type check, lint, unit and integration tests (SQLite; TEST_DB=postgresql for PostgreSQL),
// then the end-to-end tests in Debian's Chromium against a fresh build. Stops at the first failure.
// `npm run test:e2e` (--e2e): the build and the end-to-end tests only.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium } from "./chromium.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (pkg, file) => join(root, "node_modules", pkg, file);

function step(title, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

let chromium;
try {
  chromium = findChromium();
} catch (error) {
  console.error(`✖ ${error.message}`);
  process.exit(1);
}

// --e2e (npm run test:e2e): only the build and the browser journeys
if (!process.argv.includes("--e2e")) {
  step("type check", [bin("typescript", "bin/tsc"), "--noEmit"]);
  step("lint", [bin("eslint", "bin/eslint.js"), "."]);
  step("unit and integration tests", [bin("vitest", "vitest.mjs"), "run"]);
}
step("build", [bin("next", "dist/bin/next"), "build"]);
step("end-to-end tests", [bin("@playwright/test", "cli.js"), "test"], { CHROMIUM_PATH: chromium });
console.log("\nall tests passed");
