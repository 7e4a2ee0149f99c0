// A new user's first minutes: an empty workspace shows onboarding, the demo loads, the overview renders.
import { expect, test } from "@playwright/test";

test("a fresh database shows onboarding, then the overview after loading the demo", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome to Pattern Automation" })).toBeVisible();
  await expect(page.getByText("/api/v1/executions", { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/onboarding.png", fullPage: true });

  await page.getByRole("button", { name: "Load demo data" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Executions per day" })).toBeVisible();
  await expect(page.getByTestId("executions-window")).not.toHaveText("0");
  await expect(page.getByRole("cell", { name: "run-e2e-suite" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/overview.png", fullPage: true });

  await page.getByRole("link", { name: "Executions" }).first().click();
  await expect(page.getByRole("heading", { name: "Executions" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /^sim-\d{6}$/ }).first()).toBeVisible();
});
