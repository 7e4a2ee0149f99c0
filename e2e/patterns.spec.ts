// Pattern pages, each journey on its own demo workspace: the overview and its period, a pattern's page and
// charts, a hand quarantine lifted again (without JavaScript), a proposed quarantine confirmed, and a viewer
// who sees every number but no control that changes anything.
import { expect, test } from "./fixtures";

test.use({ seed: "demo" });

test("browse the overview and switch the period", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const period = page.getByRole("navigation", { name: "Period" });
  await expect(period.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  // every figure names the period it covers and its change against the one before
  const executions = page.getByTestId("card-executions");
  await expect(executions.getByText(/last 30 days \(.+ – .+, UTC\), vs the 30 days before/)).toBeVisible();
  const thirty = Number((await executions.locator(".value").innerText()).replace(/,/g, ""));
  expect(thirty).toBeGreaterThan(0);
  for (const id of ["card-success-rate", "card-time-saved", "card-pending", "card-quarantined"]) {
    await expect(page.getByTestId(id).locator(".change")).not.toBeEmpty();
  }
  await expect(page.getByRole("img", { name: /Executions per day and success rate, last 30 days/ }).locator("svg").first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Time saved per week in hours/ }).locator("svg").first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Runs of the busiest patterns/ }).locator("svg").first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/overview-30-days.png", fullPage: true });

  await period.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/\?days=7$/);
  await expect(period.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
  await expect(executions.getByText(/last 7 days \(/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Top patterns last 7 days/ })).toBeVisible();
  const seven = Number((await executions.locator(".value").innerText()).replace(/,/g, ""));
  expect(seven).toBeLessThanOrEqual(thirty);
  await page.screenshot({ path: "e2e/screenshots/overview-7-days.png", fullPage: true });
  // an unknown period reads as the default, never as "everything"
  await page.goto("/?days=bogus");
  await expect(period.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
});

test("open a pattern from the list and read its charts, runs, failures and spec", async ({ page }) => {
  await page.goto("/patterns?status=active");
  await expect(page.getByRole("columnheader", { name: "Runs, 30 days" })).toBeVisible();
  // an auto-approved pattern shows the ad-hoc runs that made it (they name no pattern, so it has no runs of its own yet)
  const approved = page.getByRole("row").filter({ has: page.getByRole("link", { name: /\d+ ad-hoc runs/ }) }).first();
  await expect(approved).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/patterns-list.png", fullPage: true });
  await approved.getByRole("link", { name: /ad-hoc runs/ }).click();
  await expect(page.getByRole("heading", { name: "The ad-hoc runs that made it" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /^fs42-\d{6}$/ }).first()).toBeVisible();
  await expect(page.getByText(/auto-approved by system/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Spec (YAML)" }).locator("pre")).toContainText("operation:");

  // a degrading pattern: weekly charts with the mark, and when it began (found by name: by the late afternoon
  // of a Wednesday the demo's analysis has quarantined it, so it is not always among the active ones)
  await page.goto("/patterns?q=degrading-1");
  await page.getByRole("link", { name: "degrading-1", exact: true }).click();
  await expect(page).toHaveURL(/\/patterns\/degrading-1/);
  await expect(page.getByText(/Degrading since \d{4}-\d{2}-\d{2} \(UTC\): \d+(\.\d)?% of \d+ runs succeeded before that day, \d+(\.\d)?% of \d+ runs since/)).toBeVisible();
  const rate = page.getByRole("img", { name: "degrading-1: success rate per week" });
  await expect(rate.locator("svg").first()).toBeVisible();
  await expect(rate.getByText("degrading", { exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "degrading-1: mean duration per week" }).locator("svg").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Runs" }).getByRole("cell", { name: /^fs42-\d{6}$/ }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: /Failures by error signature/ }).getByRole("row").nth(1)).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/pattern-page.png", fullPage: true });
});

test.describe("without JavaScript, as a reviewer", () => {
  test.use({ javaScriptEnabled: false, role: "reviewer" });

  test("quarantine a pattern by hand, then lift it, both on its page", async ({ page }) => {
    // a pattern the demo keeps healthy all week (degrading-3, used before, drifts toward the quarantine line:
    // 18 of its latest 50 runs failed by Sunday night, 20 would quarantine it)
    await page.goto("/patterns/healthy-1");
    await expect(page.getByTestId("pattern-status")).toHaveText("active");
    const quarantine = page.getByRole("form", { name: "Quarantine by hand" });
    await quarantine.getByLabel("Why it must not run").fill("writes to the wrong bucket since Tuesday");
    await quarantine.getByRole("button", { name: "Quarantine" }).click();
    await expect(page).toHaveURL(/\/patterns\/healthy-1\?notice=quarantined/);
    await expect(page.getByRole("status")).toHaveText("Pattern quarantined: healthy-1");
    await expect(page.getByTestId("pattern-status")).toHaveText("quarantined");
    await expect(page.getByText(/Quarantined since .+: writes to the wrong bucket since Tuesday/)).toBeVisible();
    const history = page.getByRole("list", { name: "History, newest first" });
    await expect(history.getByRole("listitem").first()).toContainText("quarantine.manual by reviewer@e2e.example.com — writes to the wrong bucket since Tuesday");
    await expect(page.getByRole("form", { name: "Quarantine by hand" })).toHaveCount(0);
    await page.screenshot({ path: "e2e/screenshots/pattern-quarantined.png", fullPage: true });

    const lift = page.getByRole("form", { name: "Lift the quarantine of healthy-1" });
    await lift.getByLabel("Reason").fill("bucket policy fixed");
    await lift.getByRole("button", { name: "Lift quarantine" }).click();
    await expect(page).toHaveURL(/\/patterns\/healthy-1\?notice=lifted/);
    await expect(page.getByRole("status")).toHaveText("Quarantine lifted: healthy-1");
    await expect(page.getByTestId("pattern-status")).toHaveText("active");
    await expect(history.getByRole("listitem").first()).toContainText("quarantine.lift by reviewer@e2e.example.com — bucket policy fixed");
    await page.screenshot({ path: "e2e/screenshots/pattern-lifted.png", fullPage: true });
  });

  test("a too-short reason is refused on the page and nothing changes", async ({ page }) => {
    await page.goto("/patterns/healthy-1");
    const quarantine = page.getByRole("form", { name: "Quarantine by hand" });
    // the browser's own check would stop "no"; spaces pass it and reach the server's
    await quarantine.getByLabel("Why it must not run").fill("     ");
    await quarantine.getByRole("button", { name: "Quarantine" }).click();
    await expect(page.locator("main").getByRole("alert")).toHaveText("reason: give a reason (at least 3 characters)");
    await expect(page.getByTestId("pattern-status")).toHaveText("active");
  });
});

test.describe("as a reviewer", () => {
  test.use({ role: "reviewer" });

  test("confirm a quarantine the detector proposed with aggressive mode off", async ({ app, page }) => {
    expect(app.cli(["settings", "set", "aggressiveMode", "false"]).status).toBe(0);
    const now = Date.now();
    const events = Array.from({ length: 12 }, (_, i) => ({
      id: `e2e-docs-${i}`, patternId: "publish-docs", operation: "publish_docs", startedAt: new Date(now - (12 - i) * 600_000).toISOString(),
      durationMs: 1000 + i, success: i % 2 === 0, ...(i % 2 ? { error: { message: "timeout talking to docs host" } } : {}),
    }));
    const ingest = app.cli(["ingest", "-"], events.map((e) => JSON.stringify(e)).join("\n"));
    expect(ingest.status, ingest.stderr).toBe(0);
    const analysed = app.cli(["analyze"]);
    expect(analysed.stdout).toContain("proposed quarantine of publish-docs");

    await page.goto("/anti-patterns?status=proposed");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "publish-docs", exact: true }) });
    await expect(row.getByText("proposed", { exact: true })).toBeVisible();
    await row.getByText("Evidence").click();
    await expect(row.getByText(/6 of 12 considered runs failed/).first()).toBeVisible();
    await expect(row.getByText(/Failed runs: .*e2e-docs-\d+/)).toBeVisible();
    await expect(row.getByText(/quarantine\.propose by system/)).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/registry-proposed.png", fullPage: true });
    await row.getByRole("button", { name: "Confirm quarantine" }).click();

    // the notice, not the table's loading skeleton (also a status) while the rows stream in again
    await expect(page.getByRole("status").filter({ hasText: "Quarantine confirmed" })).toHaveText("Quarantine confirmed: publish-docs");
    await page.goto("/anti-patterns?status=quarantined&kind=failing_pattern");
    const confirmed = page.getByRole("row").filter({ has: page.getByRole("link", { name: "publish-docs", exact: true }) });
    await expect(confirmed.getByText("quarantined", { exact: true })).toBeVisible();
    await expect(confirmed.getByText(/quarantine\.confirm by reviewer@e2e\.example\.com/)).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/registry-confirmed.png", fullPage: true });
    await page.goto("/patterns/publish-docs");
    await expect(page.getByTestId("pattern-status")).toHaveText("quarantined");

    // recurring errors link to the fixes learned for them; a bad filter says so instead of showing everything
    await page.goto("/anti-patterns?kind=recurring_error");
    await expect(page.getByRole("link", { name: /fix(es)? learned/ }).first()).toHaveAttribute("href", /^\/fixes\?signature=/);
    await page.goto("/anti-patterns?status=bogus");
    await expect(page.locator("main").getByRole("alert")).toContainText(`status "bogus" is not one of`);
  });
});

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });

  test("a viewer reads every page and sees no control that changes anything", async ({ page }) => {
    for (const path of ["/", "/patterns", "/patterns/broken-1", "/patterns/degrading-1", "/anti-patterns", "/anti-patterns?status=quarantined"]) {
      await page.goto(path);
      await expect(page.locator("main h1")).toBeVisible();
      // the only forms on any page are the sidebar's sign-out and a listing's filters (a GET search form)
      await expect(page.locator("main form:not([role=search][method=get])"), path).toHaveCount(0);
      await expect(page.locator("main button:not([role=search] *)"), path).toHaveCount(0);
    }
    await page.goto("/patterns/broken-1");
    await expect(page.getByText("You can read this pattern; reviewers quarantine, lift and archive it.")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/pattern-viewer.png", fullPage: true });
  });
});
