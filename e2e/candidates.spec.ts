// The candidate review queue, as reviewers and viewers use it. Each journey has its own app on a copy of
// the demo workspace (which has pending candidates) and checks the outcome in the database and on screen.
import { expect, test, type App } from "./fixtures";

test.use({ seed: "demo", role: "reviewer" });

const REVIEWER = "reviewer@e2e.example.com";

const rows = <T>(app: App, sql: string, ...params: string[]): T[] => app.sql.all<T>(sql, ...params);

/** The pending queue in review order (confidence, highest first). */
function pendingQueue(app: App, kind?: string): Array<{ id: string; name: string }> {
  return rows(app, `SELECT id, name FROM pattern_candidates WHERE status = 'pending' ${kind ? "AND kind = ?" : ""} ORDER BY confidence DESC, id ASC`, ...(kind ? [kind] : []));
}

test("approve a candidate under a new name, and see the active pattern", async ({ app, page }) => {
  const [first] = pendingQueue(app, "execution");
  await page.goto(`/candidates/${first!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: first!.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evidence runs" })).toBeVisible();
  const form = page.getByRole("form", { name: `Decide on ${first!.name}` });
  await form.getByText("Approve under another name, or edit the spec").click();
  const name = form.getByLabel(/^Pattern name/);
  await name.fill("Nightly tenant replay");
  // Enter in the name field submits nothing (the default button is disabled)
  await name.press("Enter");
  await page.waitForTimeout(300);
  expect(rows(app, `SELECT status FROM pattern_candidates WHERE id = ?`, first!.id)).toEqual([{ status: "pending" }]);
  await form.getByRole("textbox", { name: /^Why/ }).fill("we replay tenants every night");
  await form.getByRole("button", { name: "Approve" }).click();

  // the queue moves on to the next pending candidate, saying what was decided
  await expect(page.getByRole("status")).toHaveText(`Candidate approved: ${first!.id}`);
  // focus lands on the confirmation, not at the top of the page
  await expect(page.getByRole("status")).toBeFocused();
  await expect(page).not.toHaveURL(new RegExp(`/candidates/${first!.id}$`));
  const [decided] = rows<{ status: string; decidedBy: string; patternId: string }>(app, `SELECT status, decidedBy, patternId FROM pattern_candidates WHERE id = ?`, first!.id);
  expect(decided).toMatchObject({ status: "approved", decidedBy: REVIEWER });
  expect(rows(app, `SELECT name, status FROM patterns WHERE id = ?`, decided!.patternId)).toEqual([{ name: "Nightly tenant replay", status: "active" }]);

  await page.goto(`/candidates/${first!.id}`);
  await expect(page.getByText(`approved by ${REVIEWER}`)).toBeVisible();
  await expect(page.getByText("“we replay tenants every night”")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/candidate-approved.png", fullPage: true });
  await page.goto("/patterns?status=active");
  await expect(page.getByRole("link", { name: "Nightly tenant replay", exact: true })).toBeVisible();
});

test("reject a candidate with a reason; Enter in the reason only adds a line", async ({ app, page }) => {
  const [first] = pendingQueue(app, "file_template");
  await page.goto(`/candidates/${first!.id}`);
  // a file template shows its template, variables marked, beside the example files; evidence reads as a count
  await expect(page.getByRole("heading", { name: /^Template \(\d+ variables?\)$/ })).toBeVisible();
  await expect(page.locator(".template-text mark").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Example files" })).toBeVisible();
  await expect(page.getByText(/^\d+ files$/).first()).toBeVisible();
  await expect(page.getByText(/files \d+\.\d\d/)).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/candidate-file-template.png", fullPage: true });

  const reason = page.getByRole("textbox", { name: /^Why/ });
  await reason.fill("generated code we are retiring");
  await reason.press("Enter");
  await reason.pressSequentially("next quarter");
  await page.waitForTimeout(300);
  expect(rows(app, `SELECT status FROM pattern_candidates WHERE id = ?`, first!.id)).toEqual([{ status: "pending" }]);
  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("status")).toHaveText(`Candidate rejected: ${first!.id}`);
  const [rejected] = rows<{ status: string; decidedBy: string; decisionReason: string }>(app, `SELECT status, decidedBy, decisionReason FROM pattern_candidates WHERE id = ?`, first!.id);
  expect(rejected).toMatchObject({ status: "rejected", decidedBy: REVIEWER });
  // the Enter stayed in the reason as a new line
  expect(rejected!.decisionReason).toMatch(/^generated code we are retiring\s*\nnext quarter$/);
  // decided candidates show who, when and why in the queue
  await page.goto("/candidates?status=rejected");
  const row = page.getByRole("row").filter({ hasText: first!.name });
  await expect(row.getByText(REVIEWER)).toBeVisible();
  await expect(row.getByText(/generated code we are retiring/)).toBeVisible();
  await expect(row.locator("time").first()).toHaveAttribute("title", /UTC$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("bulk-reject two checked candidates, with a result per row", async ({ app, page }) => {
    await page.goto("/candidates?kind=execution&sort=name");
    const table = page.getByRole("table", { name: "Candidates" });
    const names = (await table.getByRole("row").locator("td:nth-child(2)").allInnerTexts()).slice(0, 2);
    expect(names).toHaveLength(2);
    for (const name of names) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
    const bulk = page.getByRole("form", { name: "Bulk decision on the selected candidates" });
    await bulk.getByLabel(/^Reason for the selected/).fill("duplicates of existing patterns");
    await bulk.getByRole("button", { name: "Reject selected" }).click();
    await expect(page.getByRole("status")).toHaveText("2 rejected.");
    const rejected = rows<{ name: string; decidedBy: string; decisionReason: string }>(app, `SELECT name, decidedBy, decisionReason FROM pattern_candidates WHERE status = 'rejected' ORDER BY name`);
    expect(rejected).toEqual(names.sort().map((name) => ({ name, decidedBy: REVIEWER, decisionReason: "duplicates of existing patterns" })));
    await page.screenshot({ path: "e2e/screenshots/candidates-bulk-rejected.png", fullPage: true });
    // the queue no longer lists them as pending
    await page.goto("/candidates");
    for (const name of names) await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  });

  test("the filters, sort and page live in the URL; a bad filter says so", async ({ page }) => {
    await page.goto("/candidates");
    await page.getByLabel("Kind").selectOption("file_template");
    await page.getByLabel("Confidence from").fill("0.6");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\/candidates\?kind=file_template&min=0\.6$/);
    await page.getByRole("columnheader", { name: "Candidate" }).getByRole("link").click();
    await expect(page).toHaveURL(/kind=file_template&min=0\.6&sort=name$/);
    await expect(page.getByRole("columnheader", { name: /Candidate/ })).toHaveAttribute("aria-sort", "ascending");
    await page.goBack();
    await expect(page).toHaveURL(/\/candidates\?kind=file_template&min=0\.6$/);
    await page.goto("/candidates?status=bogus");
    await expect(page.getByRole("alert")).toContainText('status "bogus" is not one of pending, approved, auto_approved, rejected, all');
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});

test("keyboard review of three candidates", async ({ app, page }) => {
  const queue = pendingQueue(app);
  // a key pressed before the page listens for that candidate would be lost: wait for it to say it listens
  const keysFor = (id: string) => expect(page.locator(`[data-keys-for="${id}"]`)).toHaveCount(1);
  await page.goto(`/candidates/${queue[0]!.id}`);
  await expect(page.getByText("Press ? for keyboard shortcuts.")).toBeVisible();
  await keysFor(queue[0]!.id);
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard review" });
  await expect(help).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/candidate-keyboard-help.png" });
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);

  // j and k walk the queue
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/candidates/${queue[1]!.id}$`));
  await keysFor(queue[1]!.id);
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/candidates/${queue[0]!.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: queue[0]!.name })).toBeVisible();
  await keysFor(queue[0]!.id);

  // a approves and moves on
  await page.keyboard.press("a");
  await expect(page.getByRole("status")).toHaveText(`Candidate approved: ${queue[0]!.id}`);
  await expect(page).toHaveURL(new RegExp(`/candidates/${queue[1]!.id}\\?`));
  await keysFor(queue[1]!.id);

  // r asks for a reason first; keys typed in the field are text, not commands
  await page.keyboard.press("r");
  await expect(page.getByRole("textbox", { name: /^Why/ })).toBeFocused();
  await page.keyboard.type("already a pattern");
  await page.keyboard.press("Escape");
  await page.keyboard.press("r");
  await expect(page.getByRole("status")).toHaveText(`Candidate rejected: ${queue[1]!.id}`);
  await expect(page).toHaveURL(new RegExp(`/candidates/${queue[2]!.id}\\?`));
  await keysFor(queue[2]!.id);

  await page.keyboard.press("a");
  await expect(page.getByRole("status")).toHaveText(`Candidate approved: ${queue[2]!.id}`);

  const decided = rows<{ id: string; status: string; decidedBy: string; decisionReason: string }>(
    app,
    `SELECT id, status, decidedBy, decisionReason FROM pattern_candidates WHERE id IN (?, ?, ?) ORDER BY confidence DESC, id ASC`,
    queue[0]!.id,
    queue[1]!.id,
    queue[2]!.id,
  );
  expect(decided).toEqual([
    { id: queue[0]!.id, status: "approved", decidedBy: REVIEWER, decisionReason: "approved" },
    { id: queue[1]!.id, status: "rejected", decidedBy: REVIEWER, decisionReason: "already a pattern" },
    { id: queue[2]!.id, status: "approved", decidedBy: REVIEWER, decisionReason: "approved" },
  ]);
  await page.screenshot({ path: "e2e/screenshots/candidate-keyboard-review.png", fullPage: true });
});

test("a reviewer reverts an auto-approval: pending again, its pattern archived", async ({ app, page }) => {
  const [auto] = rows<{ id: string; name: string; patternId: string }>(app, `SELECT id, name, patternId FROM pattern_candidates WHERE status = 'auto_approved' ORDER BY confidence DESC LIMIT 1`);
  await page.goto(`/candidates/${auto!.id}`);
  await expect(page.getByText("auto-approved by system")).toBeVisible();
  const form = page.getByRole("form", { name: "Revert the auto-approval" });
  await form.getByLabel("Why revert it").fill("this is a one-off seed, not a pattern");
  await form.getByRole("button", { name: "Revert auto-approval" }).click();
  await expect(page.getByRole("status")).toHaveText(`Auto-approval reverted; the candidate is pending again: ${auto!.id}`);
  await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
  expect(rows(app, `SELECT status FROM patterns WHERE id = ?`, auto!.patternId)).toEqual([{ status: "archived" }]);
  expect(rows(app, `SELECT actor, reason FROM audit_events WHERE action = 'candidate.revert'`)).toEqual([{ actor: REVIEWER, reason: "this is a one-off seed, not a pattern" }]);
});

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });

  test("sees the queue and a candidate but no decision control", async ({ app, page }) => {
    await page.goto("/candidates");
    await expect(page.getByRole("table", { name: "Candidates" })).toBeVisible();
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /selected/ })).toHaveCount(0);
    const [first] = pendingQueue(app);
    await page.goto(`/candidates/${first!.id}`);
    await expect(page.getByText("Waiting for a reviewer.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Approve|Reject|Revert/ })).toHaveCount(0);
    await expect(page.getByRole("textbox")).toHaveCount(0);
    // the keys that decide do nothing for a viewer
    await page.keyboard.press("a");
    await page.waitForTimeout(300);
    expect(rows(app, `SELECT status FROM pattern_candidates WHERE id = ?`, first!.id)).toEqual([{ status: "pending" }]);
    const [auto] = rows<{ id: string }>(app, `SELECT id FROM pattern_candidates WHERE status = 'auto_approved' LIMIT 1`);
    await page.goto(`/candidates/${auto!.id}`);
    await expect(page.getByRole("button")).toHaveText(["Sign out"]);
    await page.screenshot({ path: "e2e/screenshots/candidate-viewer.png", fullPage: true });
  });
});

test("the queue and a candidate's page fit 390 px and pass axe, hostile names staying text", async ({ app, page }) => {
  const AxeBuilder = (await import("@axe-core/playwright")).default;
  const hostile = `<script>window.__pwned=1</script>${"\u202E"}تشغيل`;
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
  const events = Array.from({ length: 4 }, (_, i) => ({ id: `hostile-c-${i}`, operation: "hostile_deploy", startedAt: at(10 - i), durationMs: 1000, success: true, inputs: { target: `${hostile}-${i}`, region: "eu" } }));
  for (const args of [["ingest", "-"], ["analyze"]]) {
    const r = app.cli(args, args[0] === "ingest" ? events.map((e) => JSON.stringify(e)).join("\n") : undefined);
    expect(r.status, r.stderr).toBe(0);
  }
  await page.setViewportSize({ width: 390, height: 900 });
  const [execution] = pendingQueue(app, "execution");
  const [template] = pendingQueue(app, "file_template");
  for (const path of ["/candidates", "/candidates?status=all&sort=-decided", `/candidates/${execution!.id}`, `/candidates/${template!.id}`]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${path} is wider than 390 px`).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes[0]?.target.join(" ")})`), path).toEqual([]);
  }
  await page.screenshot({ path: "e2e/screenshots/candidate-390.png", fullPage: true });
});
