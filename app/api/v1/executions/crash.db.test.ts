import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIngestServer } from "@/lib/api/ingest-server-process";
import { createTestDb, testDialect, type TestDb } from "@/lib/db/test-db";
import { createToken } from "@/lib/mutations/create-token";

// Issue 12 §2: kill -9 of the server while clients post, five times over. Every event whose request got a
// 2xx is stored, no request is stored in part, and the next server on the same database just works.
const dialect = testDialect();
const ROUNDS = 5;
const BATCH = 50;

interface Sent {
  ids: string[];
  status: number;
}

describe(`kill -9 during concurrent posts on ${dialect}`, () => {
  let db: TestDb;
  let token: string;
  beforeAll(async () => {
    db = await createTestDb();
    token = (await createToken(db, "crash")).secret;
  });
  afterAll(async () => db?.destroy());

  it(`${ROUNDS} rounds: every acknowledged event stored, no request half-stored`, async () => {
    const sent: Sent[] = [];
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startIngestServer({ DATABASE_URL: db.url, PATTERNS_SCHEDULER: "off" });
      try {
        // warm it (token lookup through the ORM, which a cold process may answer 503 while it loads) with a
        // request refused before any write
        for (let i = 0; ; i++) {
          const warm = await fetch(`${server.url}/api/v1/executions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" }, body: "x" });
          if (warm.status === 415) break;
          expect(warm.status).toBe(503);
          expect(i).toBeLessThan(20);
        }
        let alive = true;
        const loop = async () => {
          while (alive) {
            const ids = Array.from({ length: BATCH }, () => `crash-${n++}`);
            const at = new Date(Date.now() - 60_000).toISOString();
            let status = 0;
            try {
              const res = await fetch(`${server.url}/api/v1/executions`, {
                method: "POST",
                headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
                body: JSON.stringify(ids.map((id) => ({ id, operation: "crash", startedAt: at, durationMs: 1, success: true }))),
              });
              status = res.status;
              if (status === 200) expect(((await res.json()) as { accepted: number }).accepted).toBe(BATCH);
            } catch {
              alive = false; // the server is gone: this request's fate is unknown to the client
            }
            sent.push({ ids, status });
          }
        };
        const loops = Array.from({ length: 6 }, loop);
        await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
        await server.kill("SIGKILL");
        alive = false;
        await Promise.all(loops);
      } finally {
        await server.kill("SIGKILL"); // never left running, whatever failed
      }
    }
    const stored = new Set((await db.prisma.execution.findMany({ where: { operation: "crash" }, select: { id: true } })).map((r) => r.id));
    const acknowledged = sent.filter((s) => s.status === 200);
    expect(acknowledged.length).toBeGreaterThan(ROUNDS); // each round got requests through before the kill
    const lost = acknowledged.flatMap((s) => s.ids.filter((id) => !stored.has(id)));
    expect(lost).toEqual([]);
    const partial = sent.filter((s) => {
      const here = s.ids.filter((id) => stored.has(id)).length;
      return here !== 0 && here !== s.ids.length;
    });
    expect(partial).toEqual([]);
    expect(sent.filter((s) => s.status !== 200 && s.status !== 0).map((s) => s.status)).toEqual([]);
  }, 240_000);
});
