import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRoutesOnTestDb, type RouteFixture } from "@/lib/api/route-fixture";
import type { TestServer } from "@/lib/api/test-server";
import { testDialect, type TestDb } from "@/lib/db/test-db";
import { MAX_STALE_MS } from "@/lib/queries/suggest/get-suggestions";
import { specToYaml, type PatternSpec } from "@/lib/schemas/pattern-spec";
import { errorSignature, signatureKey } from "@/lib/signature";

interface Row {
  patternId?: string;
  fix?: string;
  score: number;
  reason: string;
}

const spec = (over: Partial<PatternSpec>): PatternSpec => ({
  name: "p", operation: "deploy_service", parameters: [], invariants: {}, examples: [], successRate: 0.9, medianDurationMs: 1000, ...over,
});

describe(`POST /api/v1/suggest over HTTP on ${testDialect()}`, () => {
  let db: TestDb;
  let server: TestServer;
  let token: string;
  let api: RouteFixture | undefined;
  const post = (body: unknown, { auth = `Bearer ${token}`, type = "application/json" } = {}) =>
    fetch(`${server.url}/api/v1/suggest`, {
      method: "POST",
      headers: { authorization: auth, "content-type": type },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    ({ db, server, token } = api = await serveRoutesOnTestDb("suggest-test", async () => {
      const route = await import("./route");
      return { "/api/v1/suggest": { POST: route.POST } };
    }));
    const now = new Date();
    const row = (id: string, kind: string, status: string, s: PatternSpec | string) => ({
      id, name: `pattern ${id}`, kind, status, spec: typeof s === "string" ? s : specToYaml(s), updatedAt: now,
    });
    await db.prisma.pattern.createMany({
      data: [
        row("pat_deploy_eu", "execution", "active", spec({
          name: "deploy to eu",
          parameters: [{ name: "service", observed: ["api", "web"], required: true }],
          invariants: { region: "eu-west-1" },
          successRate: 0.95,
        })),
        row("pat_deploy_us", "execution", "active", spec({ name: "deploy to us", invariants: { region: "us-east-1" }, successRate: 0.95 })),
        row("pat_deploy_db", "execution", "active", spec({ name: "deploy a database", operation: "deploy_db" })),
        row("pat_component", "file_template", "active", spec({ name: "component", operation: "create_component", files: ["src/components/{{name}}/index.ts"] })),
        row("pat_archived", "execution", "archived", spec({ name: "old deploy" })),
        row("pat_heal", "self_heal", "active", spec({ name: "heal" })),
        row("pat_broken", "execution", "active", "operation: [not a spec"),
      ],
    });
    const signature = errorSignature("ECONNREFUSED connect 10.0.0.7:5432");
    await db.prisma.errorPattern.create({
      data: { id: "f1", signatureKey: signatureKey(signature), signature, fix: "restart-db", attempts: 20, successes: 19, lastSeenAt: now, updatedAt: now },
    });
  });
  afterAll(async () => api?.close());

  it("ranks the exact operation with agreeing inputs first, explains why, and leaves out inactive kinds and statuses", async () => {
    const res = await post({ operation: "deploy_service", inputs: { service: "api", region: "eu-west-1" } });
    expect(res.status).toBe(200);
    const rows = (await res.json()) as Row[];
    expect(rows.map((r) => r.patternId)).toEqual(["pat_deploy_eu", "pat_deploy_us", "pat_deploy_db"]);
    expect(rows[0]!.reason).toMatch(/same operation "deploy_service".*service=api.*region=eu-west-1.*success rate 95%/);
    expect(rows[1]!.reason).toContain("conflicts: region is eu-west-1, the pattern always uses us-east-1");
    expect(rows[2]!.reason).toMatch(/shares "deploy"/);
    for (const r of rows) expect(r.score).toBeGreaterThan(0);
    expect(rows[0]!.score).toBeGreaterThan(rows[1]!.score);
  });

  it("matches file templates by path shape", async () => {
    const rows = (await (await post({ operation: "scaffold", files: ["web/src/components/button/index.ts"] })).json()) as Row[];
    expect(rows[0]).toMatchObject({ patternId: "pat_component" });
    expect(rows[0]!.reason).toContain("files match src/components/{{name}}/index.ts");
  });

  it("adds the learned fixes for the error, with their record", async () => {
    const rows = (await (await post({ operation: "migrate_db", error: "ECONNREFUSED connect 192.168.1.9:6432" })).json()) as Row[];
    const fix = rows.find((r) => r.fix === "restart-db");
    expect(fix).toBeDefined();
    expect(fix!.patternId).toBeUndefined();
    expect(fix!.reason).toMatch(/19 of 20 succeeded/);
    expect(fix!.score).toBeGreaterThan(0.7);
  });

  it("sees a pattern added after the index was built, within a second", async () => {
    expect(((await (await post({ operation: "rotate_keys" })).json()) as Row[]).map((r) => r.patternId)).toEqual([]);
    await db.prisma.pattern.create({
      data: { id: "pat_rotate", name: "rotate", kind: "execution", status: "active", spec: specToYaml(spec({ operation: "rotate_keys" })), updatedAt: new Date(Date.now() + 1000) },
    });
    await new Promise((resolve) => setTimeout(resolve, MAX_STALE_MS + 100));
    expect(((await (await post({ operation: "rotate_keys" })).json()) as Row[]).map((r) => r.patternId)).toEqual(["pat_rotate"]);
  });

  it("answers 400 with field errors, 415 for non-JSON, 401 without a token", async () => {
    const unknown = await post({ operation: "x", colour: "red" });
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as { error: { code: string; message: string }; errors: Array<{ path: string; message: string }> };
    expect(body.error.code).toBe("invalid_context");
    expect(body.errors[0]!.path).toBe("colour");
    expect(((await (await post({})).json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe("operation");
    expect((await post({ operation: 42 })).status).toBe(400);
    expect((await post({ operation: "x", files: "a.ts" })).status).toBe(400);
    expect((await post({ operation: "x", inputs: { big: "x".repeat(17 * 1024) } })).status).toBe(400);
    expect((await post("{not json")).status).toBe(400);
    expect((await post({ operation: "x" }, { type: "text/plain" })).status).toBe(415);
    expect((await post({ operation: "x" }, { auth: "Bearer pa_nope" })).status).toBe(401);
  });

  it("never answers 5xx, whatever the body", async () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }));
    const bodyArb = fc.oneof(
      fc.jsonValue(),
      fc.record({ operation: field, inputs: field, files: field, error: field, extra: field }, { requiredKeys: [] }),
      fc.record({ operation: fc.string({ maxLength: 250 }), inputs: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }), files: fc.array(fc.string(), { maxLength: 4 }) }, { requiredKeys: ["operation"] }),
    );
    await fc.assert(
      fc.asyncProperty(bodyArb, async (body) => {
        const res = await post(JSON.stringify(body) ?? "null");
        expect([200, 400]).toContain(res.status);
        const json = (await res.json()) as unknown;
        if (res.status === 200) expect(Array.isArray(json)).toBe(true);
        else expect(json).toMatchObject({ error: { code: expect.any(String) }, errors: expect.any(Array) });
      }),
      { numRuns: 200 },
    );
  });
});
