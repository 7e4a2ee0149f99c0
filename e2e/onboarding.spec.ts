// A new user's first minutes: an empty workspace shows onboarding, the demo loads, the overview renders;
// on the demo workspace a reviewer lifts a quarantine and approves a candidate. Each journey has its own app.
import { expect, test } from "./fixtures";

test("a fresh database shows onboarding, then the overview after loading the demo", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome to Pattern Automation" })).toBeVisible();
  await expect(page.getByText("/api/v1/executions", { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/onboarding.png", fullPage: true });

  await page.getByRole("button", { name: "Load demo data" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("heading", { name: /Executions and success rate per day/ })).toBeVisible();
  await expect(page.getByTestId("card-executions").locator(".value")).not.toHaveText("0");
  await page.screenshot({ path: "e2e/screenshots/overview.png", fullPage: true });

  await page.getByRole("link", { name: "Executions" }).first().click();
  await expect(page.getByRole("heading", { name: "Executions" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /^(fs42-\d{6}|adhoc42-\d{5})$/ }).first()).toBeVisible();
});

test.describe("on the demo workspace", () => {
test.use({ seed: "demo", role: "reviewer" });

test("a reviewer lifts a quarantine, and the registry records who and why", async ({ page }) => {
  await page.goto("/anti-patterns");
  await expect(page.getByRole("heading", { name: /^Registry/ })).toBeVisible();
  // the outage planted in the demo telemetry is listed
  const outages = page.getByRole("region", { name: /^Outages/ });
  await expect(outages.getByRole("cell", { name: "ci-runner-2" }).first()).toBeVisible();
  const form = page.getByRole("form").first();
  const label = await form.getAttribute("aria-label");
  const patternId = label!.replace("Lift the quarantine of ", "");
  await form.getByLabel("Reason").fill("runner image fixed");
  await form.getByRole("button", { name: "Lift quarantine" }).click();
  // the page re-renders from the server: the row now says lifted, and its form is gone
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: patternId, exact: true }) });
  await expect(row.getByText("lifted", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Lift quarantine" })).toHaveCount(0);
  await page.reload();
  await expect(row.getByText(/quarantine\.lift by reviewer@e2e\.example\.com — runner image fixed/)).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/anti-patterns.png", fullPage: true });
  await page.goto("/patterns?status=active");
  await expect(page.getByRole("cell", { name: patternId })).toBeVisible();
});

test("a reviewer approves a candidate, and it becomes an active pattern", async ({ page }) => {
  await page.goto("/candidates");
  await page.getByRole("table", { name: "Candidates" }).locator("tbody").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/candidates\/cand_/);
  const form = page.getByRole("form", { name: /^Decide on / });
  const name = (await form.getAttribute("aria-label"))!.replace("Decide on ", "");
  await form.getByRole("textbox", { name: /^Why/ }).fill("we do this every week");
  await form.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toHaveText(/^Candidate approved: /);
  await page.goto("/candidates?status=approved");
  const decided = page.getByRole("row").filter({ hasText: name }).filter({ hasText: "reviewer@e2e.example.com" });
  await expect(decided.getByText("approved", { exact: true })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/candidates.png", fullPage: true });
  await page.goto("/patterns?status=active");
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
});
});
