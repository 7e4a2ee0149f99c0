// A pattern nobody used for the retention period is archived by `patterns cleanup`, and a reviewer restores
// it from the Patterns page, with JavaScript off: the restore form is a plain form post.
import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";

test.use({ javaScriptEnabled: false, role: "reviewer" });

const DAY = 86_400_000;

test("cleanup archives an unused pattern and an admin restores it without JavaScript", async ({ app, page }) => {
  const id = `e2e-nightly-${randomBytes(3).toString("hex")}`;
  // seeded as it would stand after months without use: created 200 days ago, never run since
  const old = Date.now() - 200 * DAY;
  app.sql.run(`INSERT INTO "patterns" ("id", "name", "kind", "status", "origin", "spec", "autoApply", "degrading", "createdAt", "updatedAt") VALUES (?, ?, 'execution', 'active', 'manual', '', 0, 0, ?, ?)`, id, `Nightly export ${id}`, old, old);

  const cleanup = app.cli(["cleanup", "--json"]);
  expect(cleanup.status, cleanup.stderr).toBe(0);
  expect(JSON.parse(cleanup.stdout).archived).toContainEqual({ id, name: `Nightly export ${id}` });

  await page.goto("/patterns?status=archived");
  const row = page.getByRole("row").filter({ hasText: id });
  await expect(row.getByText("archived", { exact: true })).toBeVisible();
  await expect(row.getByText(/archived \d{4}-\d{2}-\d{2}/)).toBeVisible();
  const form = page.getByRole("form", { name: `Restore ${id}` });
  await form.getByLabel("Reason").fill("the quarterly export needs it again");
  await page.screenshot({ path: "e2e/screenshots/patterns-archived.png", fullPage: true });
  await form.getByRole("button", { name: "Restore" }).click();

  await expect(page).toHaveURL(new RegExp(`/patterns\\?status=archived&restored=${id}$`));
  await expect(page.getByRole("status").filter({ hasText: "Restored" })).toHaveText(`Restored ${id}: it is active again.`);
  await expect(page.getByRole("row").filter({ hasText: id })).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/patterns-restored.png", fullPage: true });
  await page.goto("/patterns?status=active");
  await expect(page.getByRole("row").filter({ hasText: id }).getByText("active", { exact: true })).toBeVisible();
});
