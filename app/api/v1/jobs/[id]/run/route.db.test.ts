import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRoutesOnTestDb, type RouteFixture } from "@/lib/api/route-fixture";
import type { TestServer } from "@/lib/api/test-server";
import { createToken } from "@/lib/mutations/create-token";
import { testDialect, type TestDb } from "@/lib/db/test-db";

const SECRET = "cron-secret-of-some-length";

describe(`POST /api/v1/jobs/<id>/run over HTTP on ${testDialect()}`, () => {
  let db: TestDb;
  let server: TestServer;
  let token: string;
  let api: RouteFixture | undefined;
  const post = (job: string, auth: string, query = "") => fetch(`${server.url}/api/v1/jobs/${job}/run${query}`, { method: "POST", headers: { authorization: auth } });

  beforeAll(async () => {
    ({ db, server, token } = api = await serveRoutesOnTestDb({ name: "jobs-route", scopes: ["jobs"] }, async () => {
      process.env.PATTERNS_CRON_SECRET = SECRET;
      const { POST } = await import("./route");
      const route = (id: string) => ({ POST: (request: Request) => POST(request, { params: Promise.resolve({ id }) }) });
      return { "/api/v1/jobs/analyze/run": route("analyze"), "/api/v1/jobs/nope/run": route("nope") };
    }));
  });
  afterAll(async () => api?.close());

  it("runs the job for the cron secret and answers the run", async () => {
    const res = await post("analyze", `Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    const { run } = (await res.json()) as { run: { id: string; status: string; details: { actor: string } } };
    expect(run).toMatchObject({ status: "succeeded", details: { actor: "cron" } });
    expect(await db.prisma.jobRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ trigger: "cron", status: "succeeded" });
  });

  it("refuses (403) a token without the jobs scope, such as one made for telemetry", async () => {
    const telemetry = (await createToken(db, "telemetry-only")).secret;
    const res = await post("analyze", `Bearer ${telemetry}`);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: "insufficient_scope" } });
    expect(await db.prisma.jobRun.count()).toBe(1);
  });

  it("with an API token holding the jobs scope and ?wait=false answers 202 at once; the run is recorded", async () => {
    const res = await post("analyze", `Bearer ${token}`, "?wait=false");
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: string };
    await expect.poll(async () => (await db.prisma.jobRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("succeeded");
    expect(JSON.parse((await db.prisma.jobRun.findUniqueOrThrow({ where: { id: runId } })).details)).toMatchObject({ actor: "token:jobs-route" });
  });

  it("answers 401 without a valid secret or token, 404 for an unknown job, 409 while it runs", async () => {
    for (const auth of ["", "Bearer wrong-secret-wrong-secret", `Bearer ${SECRET}x`, "Bearer pa_nope"]) expect((await post("analyze", auth)).status).toBe(401);
    expect((await post("nope", `Bearer ${SECRET}`)).status).toBe(404);
    await db.prisma.lease.create({ data: { name: "job.analyze", holder: "elsewhere:1:1:x", expiresAt: new Date(Date.now() + 60_000) } });
    const busy = await post("analyze", `Bearer ${SECRET}`);
    expect(busy.status).toBe(409);
    expect(await busy.json()).toMatchObject({ error: { code: "busy" } });
    expect(await db.prisma.jobRun.count()).toBe(2);
  });
});
