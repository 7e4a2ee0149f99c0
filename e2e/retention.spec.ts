// A pattern nobody used for the retention period is archived by `patterns cleanup`, and an admin restores
// it from the Patterns page, with JavaScript off: the restore form is a plain form post.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";

test.use({ javaScriptEnabled: false });

const dbFile = join(process.env.E2E_DB_DIR!, "patterns.db");
const DAY = 86_400_000;

test("cleanup archives an unused pattern and an admin restores it without JavaScript", async ({ page }) => {
  const id = `e2e-nightly-${randomBytes(3).toString("hex")}`;
  // seeded as it would stand after months without use: created 200 days ago, never run since
  const raw = new Database(dbFile, { timeout: 10_000 });
  const old = Date.now() - 200 * DAY;
  raw.prepare(`INSERT INTO "patterns" ("id", "name", "kind", "status", "origin", "spec", "autoApply", "degrading", "createdAt", "updatedAt") VALUES (?, ?, 'execution', 'active', 'manual', '', 0, 0, ?, ?)`).run(id, `Nightly export ${id}`, old, old);
  raw.close();

  const cleanup = spawnSync(process.execPath, ["bin/patterns.mjs", "cleanup", "--json"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: `file:${dbFile}` } });
  expect(cleanup.status, cleanup.stderr).toBe(0);
  expect(JSON.parse(cleanup.stdout).archived).toContainEqual({ id, name: `Nightly export ${id}` });

  await page.goto("/patterns?status=archived");
  const row = page.getByRole("row").filter({ hasText: id });
  await expect(row.getByText("archived", { exact: true })).toBeVisible();
  await expect(row.getByText(/unused, archived \d{4}-\d{2}-\d{2}/)).toBeVisible();
  const form = page.getByRole("form", { name: `Restore ${id}` });
  await form.getByLabel("Your name").fill("Ada Admin");
  await form.getByLabel("Reason").fill("the quarterly export needs it again");
  await page.screenshot({ path: "e2e/screenshots/patterns-archived.png", fullPage: true });
  await form.getByRole("button", { name: "Restore" }).click();

  await expect(page).toHaveURL(new RegExp(`/patterns\\?status=archived&restored=${id}$`));
  await expect(page.getByRole("status")).toHaveText(`Restored ${id}: it is active again.`);
  await expect(page.getByRole("row").filter({ hasText: id })).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/patterns-restored.png", fullPage: true });
  await page.goto("/patterns?status=active");
  await expect(page.getByRole("row").filter({ hasText: id }).getByText("active", { exact: true })).toBeVisible();
});
