// Settings, tokens and Activity as an admin and a viewer would use them, each journey on its own app with
// the demo workspace: a threshold changed after its preview and seen in Activity; a token shown once, used,
// revoked and refused; a viewer kept out of Settings; Activity filtered by who acted, without JavaScript;
// a save while another process holds the database's write lock.
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";

test.use({ seed: "demo" });

const event = (id: string) => ({ id, operation: "e2e_token_check", startedAt: new Date().toISOString(), durationMs: 10, success: true });

test("change a threshold: a refused value beside its field, the preview lists what would change, Save, then Activity shows before/after", async ({ page }) => {
  await page.goto("/settings");
  const row = page.locator("#setting-autoQuarantineFailureRate");
  await expect(page.getByTestId("current-autoQuarantineFailureRate")).toHaveText("0.4");

  // a value out of range is refused beside its field, and nothing is written
  await row.getByLabel("New Auto-quarantine failure rate").fill("1.5");
  await row.getByRole("button", { name: "Preview" }).click();
  await expect(row.getByRole("alert")).toContainText("1");
  await expect(page.locator("#preview")).toHaveCount(0);
  await expect(page.getByTestId("current-autoQuarantineFailureRate")).toHaveText("0.4");

  // 0.2: the demo has runs that would be quarantined at it whatever the day of the week (at 0.3, on some days none)
  await page.locator("#setting-autoQuarantineFailureRate").getByLabel("New Auto-quarantine failure rate").fill("0.2");
  await page.locator("#setting-autoQuarantineFailureRate").getByRole("button", { name: "Preview" }).click();
  await expect(page).toHaveURL(/key=autoQuarantineFailureRate&value=0\.2/);
  const preview = page.locator("#preview");
  await expect(preview.getByRole("heading")).toContainText("from 0.4 to 0.2");
  const changes = preview.getByTestId("preview-changes").locator("li");
  expect(await changes.count()).toBeGreaterThan(0);
  await expect(changes.first()).toContainText("would be quarantined");
  // previewing writes nothing
  await expect(page.getByTestId("current-autoQuarantineFailureRate")).toHaveText("0.4");
  await page.screenshot({ path: "e2e/screenshots/settings-preview.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "e2e/screenshots/settings-preview-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await preview.getByLabel("Why").fill("catch degrading patterns sooner");
  await preview.getByRole("button", { name: "Save Auto-quarantine failure rate" }).click();
  await expect(page.getByRole("status")).toContainText("Setting saved");
  await expect(page.getByTestId("current-autoQuarantineFailureRate")).toHaveText("0.2");
  await expect(page.locator("#setting-autoQuarantineFailureRate")).toContainText("admin@e2e.example.com");
  await page.screenshot({ path: "e2e/screenshots/settings-saved.png", fullPage: true });

  await page.goto("/activity?action=setting.update");
  const line = page.getByRole("table", { name: "Activity events" }).locator("tbody tr");
  await expect(line).toHaveCount(1);
  await expect(line).toContainText("admin@e2e.example.com");
  await expect(line.locator("del")).toHaveText("0.4");
  await expect(line.locator("ins")).toHaveText("0.2");
  await expect(line).toContainText("catch degrading patterns sooner");
  await expect(line.getByRole("link")).toHaveAttribute("href", "/settings#setting-autoQuarantineFailureRate");
  await page.screenshot({ path: "e2e/screenshots/activity-setting.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: "e2e/screenshots/activity-setting-390.png", fullPage: true });
});

test("a save while another process holds the write lock is answered busy in seconds, the server still serving; saved once it is let go", async ({ page, app, request }) => {
  await page.goto("/settings?key=autoQuarantineFailureRate&value=0.3");
  const preview = page.locator("#preview");
  await preview.getByLabel("Why").fill("saved after the import");
  const save = preview.getByRole("button", { name: "Save Auto-quarantine failure rate" });
  // another process (a CLI import, say) takes the write lock and keeps it
  const holder = new Database(app.databaseUrl.replace(/^file:/, ""));
  holder.exec("BEGIN IMMEDIATE");
  try {
    const started = Date.now();
    await save.click();
    // while the save waits for the lock, other requests are answered (the server's thread is not held)
    const healthStarted = Date.now();
    expect((await request.get("/api/health")).ok()).toBe(true);
    expect(Date.now() - healthStarted).toBeLessThan(1_000);
    await expect(preview.getByRole("alert")).toContainText("the database is busy", { timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
  }
  await page.reload();
  await expect(page.getByTestId("current-autoQuarantineFailureRate")).toHaveText("0.4"); // nothing was written
  await page.locator("#preview").getByLabel("Why").fill("saved after the import");
  await page.locator("#preview").getByRole("button", { name: "Save Auto-quarantine failure rate" }).click();
  await expect(page.getByRole("status")).toContainText("Setting saved");
  await expect(page.getByTestId("current-autoQuarantineFailureRate")).toHaveText("0.3");
});

test("a token is shown once, works against the API, and is refused once revoked", async ({ page, app, request }) => {
  await page.goto("/settings#tokens");
  await page.getByLabel("Name").fill("e2e-agent");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("token-secret").textContent())!.trim();
  expect(secret).toMatch(/^pa_/);
  await expect(page.getByTestId("new-token")).toContainText("ingest, read; never expires");
  await expect(page.getByTestId("token-e2e-agent")).toContainText("admin@e2e.example.com");
  await page.screenshot({ path: "e2e/screenshots/settings-token-created.png", fullPage: true });

  // another, and another: each time the form comes back and the last secret is gone from the screen
  for (const name of ["e2e-second", "e2e-third"]) {
    await page.getByRole("button", { name: "Create another token" }).click();
    await expect(page.getByTestId("token-secret")).toHaveCount(0);
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token")).toContainText(name);
  }

  // never again: not on a reload, nowhere in the page; the listing shows its last 4 characters, not its first
  await page.reload();
  await expect(page.getByTestId("token-e2e-agent")).toBeVisible();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  expect(await page.content()).not.toContain(secret.slice(0, 10));
  await expect(page.getByTestId("token-e2e-agent")).toContainText(`pa_…${secret.slice(-4)}`);
  await expect(page.getByTestId("token-e2e-agent")).toContainText("ingest, read");

  const send = (id: string) => request.post(`${app.url}/api/v1/executions`, { data: event(id), headers: { authorization: `Bearer ${secret}` } });
  const accepted = await send("e2e-token-1");
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toEqual({ accepted: 1, duplicates: 0 });

  await page.getByTestId("token-e2e-agent").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("status")).toContainText("Token revoked");
  await expect(page.getByTestId("token-e2e-agent")).toContainText("revoked");
  await page.screenshot({ path: "e2e/screenshots/settings-token-revoked.png", fullPage: true });
  expect((await send("e2e-token-2")).status()).toBe(401);

  await page.goto("/activity?action=token.revoke");
  await expect(page.getByRole("table", { name: "Activity events" }).locator("tbody tr")).toContainText("admin@e2e.example.com");
});

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });

  test("Settings is refused (403) and not in the sidebar; Activity is", async ({ page }) => {
    await page.goto("/activity");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Activity" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
    const response = await page.goto("/settings");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("button", { name: /Preview|Save|Create token|Revoke/ })).toHaveCount(0);
    await page.screenshot({ path: "e2e/screenshots/settings-viewer-403.png", fullPage: true });
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Activity filters by actor, the filter in the URL; a bad filter is said to be bad", async ({ page, app }) => {
    const set = app.cli(["settings", "set", "retentionDays", "120", "--by", "ana@example.com", "--reason", "keep a season"]);
    expect(set.status, set.stderr).toBe(0);
    await page.goto("/activity");
    const all = await page.getByRole("table", { name: "Activity events" }).locator("tbody tr").count();
    expect(all).toBeGreaterThan(1);
    await page.getByLabel("Actor").selectOption("ana@example.com");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/actor=ana%40example\.com/);
    const rows = page.getByRole("table", { name: "Activity events" }).locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("ana@example.com");
    await expect(rows).toContainText("keep a season");
    await expect(rows.locator("del")).toHaveText("90");
    await expect(rows.locator("ins")).toHaveText("120");
    await expect(page.getByRole("heading", { name: /^1 event$/ })).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/activity-by-actor.png", fullPage: true });

    await page.goto("/activity?actor=system");
    await expect(page.getByRole("table", { name: "Activity events" }).locator("tbody tr").first()).toContainText("system");
    await expect(page.getByRole("table", { name: "Activity events" }).locator("tbody tr", { hasText: "ana@example.com" })).toHaveCount(0);

    await page.goto("/activity?action=bogus");
    await expect(page.getByRole("alert")).toContainText("action");
    await expect(page.getByRole("table", { name: "Activity events" })).toHaveCount(0);
  });

  test("Preview, Save, create and revoke a token: each a plain form post", async ({ page, app }) => {
    await page.goto("/settings");
    const row = page.locator("#setting-minSimilarExecutions");
    await row.getByLabel("New Min similar executions").fill("5");
    await row.getByRole("button", { name: "Preview" }).click();
    await expect(page.locator("#preview")).toContainText("would no longer be proposed");
    await page.locator("#preview").getByLabel("Why").fill("fewer one-off candidates");
    await page.locator("#preview").getByRole("button", { name: "Save Min similar executions" }).click();
    await expect(page.getByRole("status")).toContainText("Setting saved");
    await expect(page.getByTestId("current-minSimilarExecutions")).toHaveText("5");
    const shown = app.cli(["settings", "--json"]);
    expect(JSON.parse(shown.stdout).minSimilarExecutions).toBe(5);

    // scopes and an expiry day: a day gone by is refused beside its field, the form keeps what was chosen
    const form = page.getByRole("form", { name: "Create a token" });
    await form.getByLabel("Name").fill("no-js-agent");
    await form.getByRole("checkbox", { name: /ingest/ }).uncheck();
    await form.getByRole("checkbox", { name: /jobs/ }).check();
    await form.getByLabel(/^Expires/).fill("2001-01-01");
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.locator("#token-expires-error")).toHaveText("that is not in the future");
    await expect(form.getByRole("checkbox", { name: /jobs/ })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: /ingest/ })).not.toBeChecked();
    expect(JSON.parse(app.cli(["token", "list", "--json"]).stdout)).toEqual([]);
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel(/^Expires/).fill(day);
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.getByTestId("token-secret").textContent())!.trim();
    expect(secret).toMatch(/^pa_/);
    await expect(page.getByTestId("new-token")).toContainText("read, jobs; expires");
    await page.screenshot({ path: "e2e/screenshots/settings-token-no-js.png", fullPage: true });
    // no field of the page carries it (a form's hidden state would post it back), and a fresh form is a link away
    const fields = await page.locator("input, textarea").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    for (const value of fields) expect(value).not.toContain(secret.slice(3));
    await page.getByRole("button", { name: "Create another token" }).click();
    await expect(page.getByRole("form", { name: "Create a token" })).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    await page.goto("/settings");
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByTestId("token-no-js-agent")).toContainText("read, jobs");
    const made = JSON.parse(app.cli(["token", "list", "--json"]).stdout) as Array<{ scopes: string[]; expiresAt: string }>;
    expect(made).toEqual([expect.objectContaining({ scopes: ["read", "jobs"], expiresAt: new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString() })]);
    await page.getByTestId("token-no-js-agent").getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByRole("status")).toContainText("Token revoked");
    const tokens = JSON.parse(app.cli(["token", "list", "--json"]).stdout) as Array<{ name: string; status: string; createdBy: string }>;
    expect(tokens).toEqual([expect.objectContaining({ name: "no-js-agent", status: "revoked", createdBy: "admin@e2e.example.com" })]);
  });

  test("a schedule's preview gives its next due times; a bad one is refused beside its field; retention says what cleanup would delete", async ({ page }) => {
    await page.goto("/settings?key=reportSchedule&value=61+*+*+*+*");
    await expect(page.locator("#setting-reportSchedule").getByRole("alert")).toContainText("is not a cron schedule");
    await expect(page.locator("#preview")).toHaveCount(0);
    await page.locator("#setting-reportSchedule").getByLabel("New Weekly report schedule").fill("0 7 * * 1");
    await page.locator("#setting-reportSchedule").getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("preview-schedule")).toContainText("07:00:00 UTC");
    await page.goto("/settings?key=retentionDays&value=7");
    await expect(page.getByTestId("preview-retention")).toContainText(/Cleanup would fold and delete [\d,]+ stored executions older than 7 days/);
    await page.screenshot({ path: "e2e/screenshots/settings-retention-preview.png" });
  });
});
