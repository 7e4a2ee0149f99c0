// End-to-end journeys in Debian's Chromium against the built app, on a fresh SQLite database.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const dbDir = join(process.cwd(), "tmp", "e2e");
if (!process.env.E2E_KEEP_DB) rmSync(dbDir, { recursive: true, force: true });

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
  webServer: {
    command: `node bin/patterns.mjs db migrate && node node_modules/next/dist/bin/next start -p ${port}`,
    url: `http://127.0.0.1:${port}/api/v1/openapi.json`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { DATABASE_URL: `file:${join(dbDir, "patterns.db")}`, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
