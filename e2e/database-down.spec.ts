// A person at the dashboard while its PostgreSQL database is gone from the network (issue 12 §1): the page
// that meets the fault fails, and every page after it is answered 503 at once, with Retry-After and the
// reason, instead of each waiting 10 s for a connection and answering 500; once the database is back the
// next page is served, with no restart (lib/server/database-gate.ts). The app reaches its database through a proxy this test controls.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { parseDatabaseUrl } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { pgFaultProxy, type PgFaultProxy } from "../lib/db/pg-fault-proxy";
import { PG_TEST_URL, tempPostgres, type TempDatabase } from "../lib/db/testing";
import { startApp, type AppProcess } from "../lib/server/app-process";

const root = join(import.meta.dirname, "..");
const PASSWORD = "e2e-password-not-secret";

test("pages answer 503 with Retry-After at once while the database is unreachable, and are served again when it is back", async ({ page }) => {
  test.setTimeout(120_000);
  let temp: TempDatabase | undefined;
  let proxy: PgFaultProxy | undefined;
  let app: AppProcess | undefined;
  try {
    temp = await tempPostgres("pa_e2e_down");
    await migrate(temp.config);
    const admin = parseDatabaseUrl(PG_TEST_URL);
    if (admin.dialect !== "postgresql") throw new Error("PG_TEST_URL must be a postgresql:// URL");
    const made = spawnSync(process.execPath, [join(root, "bin", "patterns.mjs"), "user", "create", "--email", "ada@example.com", "--role", "viewer", "--password-stdin"], {
      cwd: root,
      input: `${PASSWORD}\n`,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: temp.url, NO_COLOR: "1" },
    });
    expect(made.status, made.stderr).toBe(0);

    proxy = await pgFaultProxy(admin.connection);
    const throughProxy = new URL(temp.url);
    throughProxy.port = String(proxy.port());
    app = await startApp({ databaseUrl: throughProxy.toString() });
    const url = app.url;
    const signedIn = await page.request.post(`${app.url}/api/auth/sign-in/email`, { data: { email: "ada@example.com", password: PASSWORD }, headers: { origin: app.url } });
    expect(signedIn.status()).toBe(200);
    expect((await page.goto(`${app.url}/executions`))?.status()).toBe(200);

    proxy.blackHole(); // open connections cut, new ones never answered: a host gone from the network
    const first = await page.goto(`${app.url}/executions`);
    expect(first?.status()).toBeGreaterThanOrEqual(500);

    // every page after it: 503 at once (not after the pool's 10 s connect timeout), the reason shown as text
    await expect.poll(async () => (await page.request.get(`${url}/`, { failOnStatusCode: false, maxRedirects: 0 })).status(), { timeout: 15_000 }).toBe(503);
    const began = Date.now();
    const refused = await page.goto(`${app.url}/patterns`);
    const took = Date.now() - began;
    expect(refused?.status()).toBe(503);
    expect(took, "answered without waiting on the database").toBeLessThan(5_000);
    const headers = refused!.headers();
    expect(headers["retry-after"]).toBe("5");
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect(headers["cache-control"]).toBe("no-store");
    await expect(page.getByRole("heading", { name: "The database is unavailable" })).toBeVisible();
    await expect(page.getByText("Reload this page in 5 seconds")).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/database-unavailable.png" });

    // back: the next pages are served, no restart
    await proxy.start();
    await expect.poll(async () => (await page.request.get(`${url}/executions`, { failOnStatusCode: false, maxRedirects: 0 })).status(), { timeout: 20_000 }).toBe(200);
    expect((await page.goto(`${app.url}/patterns`))?.status()).toBe(200);
  } finally {
    await app?.stop();
    await proxy?.stop();
    await temp?.drop();
  }
});
