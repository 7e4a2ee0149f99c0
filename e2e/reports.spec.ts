// Weekly reports in the browser. Each journey runs on its own app and seeds its own telemetry through the
// CLI, under a source of its own, so the report it reads is exactly what it sent.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type App } from "./fixtures";
import { daysOfWeek, lastCompleteWeek, shiftWeek } from "../lib/reports/iso-week";

const HOSTILE = `<script>alert("pwned")</script><img src=x onerror=alert(1)>`;
const WEEK = shiftWeek(lastCompleteWeek(new Date()), -1);

function patterns(app: App, args: string[], input?: string) {
  const r = app.cli(args, input);
  if (r.status !== 0) throw new Error(`patterns ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** A week of runs under a fresh source: `runs` of a deploy pattern and two of a pattern with a hostile name. */
function seed(app: App, tag: string, runs: number): string {
  const source = `e2e-reports-${tag}-${randomBytes(3).toString("hex")}`;
  const days = daysOfWeek(WEEK);
  const events = [
    ...Array.from({ length: runs }, (_, i) => ({ id: `${source}-d${i}`, patternId: `${source}-deploy`, operation: "deploy", startedAt: `${days[i % 5]}T09:0${i % 10}:00Z`, durationMs: 1200, success: i % 4 !== 3, source })),
    ...[0, 1].map((i) => ({ id: `${source}-x${i}`, patternId: HOSTILE, operation: "hostile", startedAt: `${days[2]}T1${i}:00:00Z`, durationMs: 800, success: true, source })),
  ];
  patterns(app, ["ingest", "-"], events.map((e) => JSON.stringify(e)).join("\n"));
  return source;
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an admin generates a week's report from its page, then regenerates it after late telemetry", async ({ app, page }) => {
    const source = seed(app, "nojs", 6);
    let alerted = false;
    page.on("dialog", () => (alerted = true));
    await page.goto(`/reports/${WEEK}?source=${encodeURIComponent(source)}`);
    await expect(page.getByRole("heading", { name: "No report stored for this week" })).toBeVisible();
    const form = page.getByRole("form", { name: `Generate ${WEEK}` });
    await form.getByRole("button", { name: "Generate this week" }).click();
    await expect(page.getByRole("status")).toHaveText("The report was generated and stored.");
    await expect(page.getByTestId("report-executions")).toHaveText("8");
    // telemetry text stays text: the hostile pattern name is shown literally and runs nothing
    await expect(page.getByRole("region", { name: "Patterns by use" }).getByText(HOSTILE, { exact: true })).toBeVisible();
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(alerted).toBe(false);
    await expect(page.getByText(/generated .* UTC by admin@e2e\.example\.com/)).toBeVisible();

    patterns(app, ["ingest", "-"], JSON.stringify({ id: `${source}-late`, patternId: `${source}-deploy`, operation: "deploy", startedAt: `${daysOfWeek(WEEK)[6]}T20:00:00Z`, durationMs: 900, success: true, source }));
    await page.reload();
    await expect(page.getByTestId("report-executions")).toHaveText("8"); // stored reports do not change by themselves
    const again = page.getByRole("form", { name: `Regenerate ${WEEK}` });
    await again.getByRole("button", { name: "Regenerate this week" }).click();
    await expect(page.getByRole("status")).toContainText("regenerated");
    await expect(page.getByTestId("report-executions")).toHaveText("9");
    await page.screenshot({ path: "e2e/screenshots/report-nojs.png", fullPage: true });
  });
});

test("a reader browses the stored weeks, reads a report's charts, moves between weeks and downloads the Markdown", async ({ app, page }) => {
  const source = seed(app, "read", 12);
  patterns(app, ["report", "--week", WEEK, "--source", source, "--by", "weekly-job"]);
  await page.goto("/reports");
  await page.getByRole("textbox", { name: "Source" }).fill(source);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/reports\\?source=${source}`));
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: WEEK }) });
  await expect(row.getByRole("cell", { name: "14", exact: true })).toBeVisible();
  await expect(row.getByRole("img", { name: `Runs per day in ${WEEK}` }).locator("svg")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/reports-list.png", fullPage: true });

  await row.getByRole("link", { name: WEEK }).click();
  await expect(page.getByRole("heading", { name: `Weekly report ${WEEK}` })).toBeVisible();
  await expect(page.getByTestId("report-executions")).toHaveText("14");
  await expect(page.getByRole("img", { name: "Executions and success rate per day of the week" }).locator("svg .recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Patterns by use" }).getByText(HOSTILE, { exact: true })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/report-week.png", fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Markdown" }).click()]);
  expect(download.suggestedFilename()).toBe(`${WEEK}-${source}.md`);
  const markdown = readFileSync((await download.path())!, "utf8");
  expect(markdown).toContain(`# Weekly report ${WEEK}`);
  expect(markdown).toContain("xychart-beta");
  expect(markdown).not.toContain("<script>");
  const served = await page.request.get(`/reports/${WEEK}/markdown?source=${encodeURIComponent(source)}`);
  expect(served.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(served.headers()["content-disposition"]).toBe(`attachment; filename="${WEEK}-${source}.md"`);

  await page.getByRole("link", { name: `${shiftWeek(WEEK, 1)} →` }).click();
  await expect(page.getByRole("heading", { name: `Weekly report ${shiftWeek(WEEK, 1)}` })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("source")).toBe(source);
  await page.getByRole("link", { name: `← ${WEEK}` }).click();
  await expect(page.getByTestId("report-executions")).toHaveText("14");
});
