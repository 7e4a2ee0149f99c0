// An admin's look at the scheduled jobs: telemetry arrives, "Run now" starts the analysis in the
// background, the page shows it running (here: waiting while another analysis holds the database's
// analysis lease), then what it found; the same without JavaScript.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { simulateAdHoc } from "../lib/simulate/adhoc-scenarios";
import { expect, test, type App } from "./fixtures";


/** Ad-hoc telemetry of its own, stored through `patterns ingest` into the e2e server's database. */
function seedTelemetry(app: App, seed: number): number {
  const { events } = simulateAdHoc({ seed, now: Date.now(), days: 14 });
  const file = join(mkdtempSync(join(tmpdir(), "pa-e2e-jobs-")), "events.ndjson");
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join("\n"));
  const r = app.cli(["ingest", file, "--json"]);
  if (r.status !== 0) throw new Error(`seeding failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { accepted: number }).accepted;
}

/** Another analysis "runs" elsewhere (as a `patterns analyze` on another host would): it holds the lease. */
function holdAnalysisLease(app: App): () => void {
  app.sql.run(`INSERT INTO "leases" ("name", "holder", "expiresAt") VALUES ('analysis', 'e2e-elsewhere:1:1:abc', ?)`, Date.now() + 120_000);
  return () => app.sql.run(`DELETE FROM "leases" WHERE "name" = 'analysis' AND "holder" = 'e2e-elsewhere:1:1:abc'`);
}

async function runAnalysisNow(app: App, page: Page, seeded: number, screenshot: string) {
  await page.goto("/jobs");
  const panel = page.getByRole("region", { name: "Analysis" });
  await expect(panel.getByText("0 */6 * * *")).toBeVisible();
  await expect(panel.getByText(/next due \d{4}-\d{2}-\d{2} \d{2}:00:00 UTC/)).toBeVisible();
  const release = holdAnalysisLease(app);
  try {
    await panel.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByRole("status")).toContainText("Started");
    // the run just started is the highlighted row: running, waiting for the analysis to be free
    const row = panel.locator("tr.highlight");
    await expect(row.getByText("running", { exact: true })).toBeVisible();
    await expect(row.getByText("waiting for the analysis to be free (0/7)")).toBeVisible();
    await expect(row.getByRole("progressbar", { name: "Progress" })).toBeVisible();
    await expect(panel.getByRole("button", { name: "Running…" })).toBeDisabled();
    await page.screenshot({ path: `e2e/screenshots/${screenshot}-running.png`, fullPage: true });
    release();
    // the page follows the run by itself (no reload from here): it ends, saying what it found
    await expect(row.getByText("succeeded", { exact: true })).toBeVisible({ timeout: 30_000 });
    const message = await row.getByText(/^analysed \d+ new executions/).textContent();
    expect(Number(/analysed (\d+)/.exec(message!)![1])).toBeGreaterThanOrEqual(seeded);
    await expect(row.getByText("manual", { exact: true })).toBeVisible();
    await expect(row.getByText("by admin@e2e.example.com")).toBeVisible();
    await expect(panel.getByRole("button", { name: "Run now" })).toBeEnabled();
    return row;
  } finally {
    try {
      release();
    } catch {
      /* released already */
    }
  }
}

test("Run now starts the analysis; the page shows it running, then what it found", async ({ app, page }) => {
  const seeded = seedTelemetry(app, 901);
  expect(seeded).toBeGreaterThan(100);
  await page.goto("/");
  await page.getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Weekly report" }).getByText("30 0 * * 1")).toBeVisible();
  await expect(page.getByRole("region", { name: "Cleanup" }).getByText("0 3 1 * *")).toBeVisible();
  const row = await runAnalysisNow(app, page, seeded, "jobs");
  await row.getByText(/\d+ findings?/).click();
  await expect(row.getByRole("listitem").first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/jobs.png", fullPage: true });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Run now is a plain form: the server starts the run, and the page refreshes itself until it ends", async ({ app, page }) => {
    const seeded = seedTelemetry(app, 902);
    await runAnalysisNow(app, page, seeded, "jobs-no-js");
    await page.screenshot({ path: "e2e/screenshots/jobs-no-js.png", fullPage: true });
  });
});
