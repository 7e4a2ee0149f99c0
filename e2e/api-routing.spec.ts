// The built server's machine-facing edges over real HTTP (issue 12 §6): liveness and readiness, JSON 404 for
// unknown API paths, 405 with Allow for wrong methods, readiness that follows the database both ways.
import Database from "better-sqlite3";
import { connect } from "node:net";
import { expect, PASSWORD, signIn, test } from "./fixtures";

test.use({ role: null });

test("health and readiness answer without a session, cheaply and uncached", async ({ app, request }) => {
  const health = await request.get(`${app.url}/api/health`);
  expect(health.status()).toBe(200);
  expect(health.headers()["cache-control"]).toBe("no-store");
  expect(await health.json()).toMatchObject({ status: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });

  const ready = await request.get(`${app.url}/api/ready`);
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready", database: { provider: "sqlite", migration: expect.any(String) } });
});

test("readiness says 503 with the reason while the database is ahead of the code, and 200 again after", async ({ app, request }) => {
  const db = new Database(app.databaseUrl.slice("file:".length));
  try {
    db.prepare("INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ('e2e', 'c', '29990101000000_from_the_future', 0, 1, 1)").run();
    const notReady = await request.get(`${app.url}/api/ready`);
    expect(notReady.status()).toBe(503);
    expect(notReady.headers()["retry-after"]).toBe("5");
    const body = (await notReady.json()) as { status: string; error: { message: string } };
    expect(body.status).toBe("not_ready");
    expect(body.error.message).toContain('"29990101000000_from_the_future"');
    expect(body.error.message).toContain("ahead of this code");
    // health is about the process, not the database
    expect((await request.get(`${app.url}/api/health`)).status()).toBe(200);
  } finally {
    db.prepare("DELETE FROM _prisma_migrations WHERE id = 'e2e'").run();
    db.close();
  }
  expect((await request.get(`${app.url}/api/ready`)).status()).toBe(200);
});

test("unknown API paths answer JSON 404 for any method, never the HTML page", async ({ app, request }) => {
  for (const [method, path] of [
    ["GET", "/api/v1/nope"],
    ["POST", "/api/v1/executions/extra"],
    ["DELETE", "/api/v2/anything/at/all"],
    ["GET", "/api/nothing-here"],
    // better-auth's mount: its own answer to a path or method it lacks is an empty 404 (a POST is checked
    // for its Origin first: the sign-in test below)
    ["GET", "/api/auth/nope"],
    ["GET", "/api/auth/sign-in/email"],
  ] as const) {
    const response = await request.fetch(`${app.url}${path}`, { method, failOnStatusCode: false });
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toEqual({ code: "not_found", message: expect.stringContaining(path) });
  }
});

test("what the pages' proxy does not see (Next.js's files, the icon) carries a policy too, its 404 page included", async ({ app, request }) => {
  for (const path of ["/favicon.ico", "/favicon.svg", "/_next/no-such-file", "/_next/static/no-such.js"]) {
    const response = await request.get(`${app.url}${path}`, { failOnStatusCode: false });
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});

test("sign-in from another site, or saying nowhere, is refused 403 and starts no session; from this site it does", async ({ app, request }) => {
  const email = await signIn(request, app, "viewer"); // makes the user (and signs this context in, from this site)
  const before = app.sql.value("SELECT count(*) FROM sessions");
  for (const origin of ["http://evil.example", undefined]) {
    const refused = await request.post(`${app.url}/api/auth/sign-in/email`, { data: { email, password: PASSWORD }, headers: origin ? { origin } : {}, failOnStatusCode: false });
    expect(refused.status(), `origin ${origin}`).toBe(403);
    expect(refused.headers()["set-cookie"], `origin ${origin}`).toBeUndefined();
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden_origin");
  }
  expect(app.sql.value("SELECT count(*) FROM sessions")).toBe(before);
  const ours = await request.post(`${app.url}/api/auth/sign-in/email`, { data: { email, password: PASSWORD }, headers: { origin: app.url } });
  expect(ours.status()).toBe(200);
  expect(app.sql.value("SELECT count(*) FROM sessions")).toBe(before + 1);
});

test("wrong methods on known routes answer 405 with Allow and a JSON reason", async ({ app, request }) => {
  for (const [method, path, allow] of [
    ["GET", "/api/v1/executions", "OPTIONS, POST"],
    ["DELETE", "/api/v1/executions", "OPTIONS, POST"],
    ["PUT", "/api/v1/suggest", "OPTIONS, POST"],
    ["POST", "/api/v1/heal", "GET, HEAD, OPTIONS"],
    ["GET", "/api/v1/jobs/analyze/run", "OPTIONS, POST"],
    ["POST", "/api/health", "GET, HEAD, OPTIONS"],
    ["PATCH", "/api/ready", "GET, HEAD, OPTIONS"],
  ] as const) {
    const response = await request.fetch(`${app.url}${path}`, { method, failOnStatusCode: false });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()["allow"], `${method} ${path}`).toBe(allow);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  }
  // OPTIONS is Next.js's own answer, with the same list
  const options = await request.fetch(`${app.url}/api/v1/executions`, { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("OPTIONS, POST");
});

/** Sends raw bytes on a new connection; what came back when the server closed it, or after 3 s. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let got = "";
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(bytes));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (got += chunk));
    socket.on("close", () => resolve(got));
    socket.on("error", reject);
    setTimeout(() => socket.destroy(), 3_000);
  });
}

test("the ingestion path is served directly however its target is spelled: a wrong token declaring 5 MB is refused at once and the connection closed", async ({ app }) => {
  const host = new URL(app.url).host;
  for (const target of ["/api/v1/executions", "/api/v1/executions#x", `http://${host}/api/v1/executions`]) {
    const answer = await rawExchange(app.url, `POST ${target} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer pa_wrong\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n`);
    expect(answer, target).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer, target).toMatch(/\r\nconnection: close\r\n/i);
  }
});

test("telemetry posted to the production server is stored, and its answers carry the headers every answer does", async ({ app, request }) => {
  const made = app.cli(["token", "create", "e2e", "--json"]);
  expect(made.status, made.stderr).toBe(0);
  const { token } = JSON.parse(made.stdout) as { token: string };
  const event = { id: "e2e-routing-1", operation: "deploy_service", startedAt: new Date().toISOString(), durationMs: 42, success: true };

  const posted = await request.post(`${app.url}/api/v1/executions`, { data: event, headers: { authorization: `Bearer ${token}` } });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toEqual({ accepted: 1, duplicates: 0 });
  expect(posted.headers()["x-content-type-options"]).toBe("nosniff");
  expect(posted.headers()["referrer-policy"]).toBe("same-origin");
  expect(app.sql.get("SELECT operation, durationMs, success FROM executions WHERE id = ?", event.id)).toEqual({ operation: "deploy_service", durationMs: 42, success: 1 });

  // no token: a JSON 401 with the challenge, the same headers, and nothing stored
  const refused = await request.post(`${app.url}/api/v1/executions`, { data: { ...event, id: "e2e-routing-2" }, failOnStatusCode: false });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toBe('Bearer realm="patterns"');
  expect(refused.headers()["content-type"]).toContain("application/json");
  expect(refused.headers()["x-content-type-options"]).toBe("nosniff");
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  expect(app.sql.value("SELECT count(*) FROM executions WHERE id = 'e2e-routing-2'")).toBe(0);
});
