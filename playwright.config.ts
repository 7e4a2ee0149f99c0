// End-to-end journeys in Debian's Chromium against the built app, on a fresh SQLite database.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// The config is evaluated again in each worker: the env var makes every evaluation share one fresh folder.
process.env.E2E_DB_DIR ??= mkdtempSync(join(tmpdir(), "pa-e2e-"));
const dbDir = process.env.E2E_DB_DIR;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  // One server and database for every journey: the onboarding journey needs it fresh, so it runs first;
  // every other journey seeds its own state on top (`--no-deps` runs one alone).
  projects: [
    { name: "onboarding", testMatch: /onboarding\.spec\.ts$/ },
    { name: "journeys", testIgnore: /onboarding\.spec\.ts$/, dependencies: ["onboarding"] },
  ],
  webServer: {
    command: `node bin/patterns.mjs db migrate && node node_modules/next/dist/bin/next start -p ${port}`,
    url: `http://127.0.0.1:${port}/api/v1/openapi.json`,
    timeout: 120_000,
    reuseExistingServer: false,
    // the scheduler stays off: a due time during the run would start jobs no journey asked for
    env: { DATABASE_URL: `file:${join(dbDir, "patterns.db")}`, NEXT_TELEMETRY_DISABLED: "1", PATTERNS_SCHEDULER: "off" },
  },
});
