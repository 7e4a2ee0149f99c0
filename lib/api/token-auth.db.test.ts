// The token check every machine route makes, over real HTTP against the real routes: scopes (ingest for
// telemetry, read for heal, jobs for the cron route), expiry, failed checks limited per client with a log line
// that never holds the secret, and too many requests from one token. Each test uses its own client address
// (X-Forwarded-For, as Next.js fills it from the socket) so the in-memory buckets do not carry over.
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeLogger, replaceLogger } from "../log/logger";
import { serveRoutes, type TestServer } from "./test-server";
import { createToken } from "../mutations/create-token";
import { createTestDb, testDialect, type TestDb } from "../db/test-db";

const event = (id: string) => JSON.stringify({ id, operation: "op", startedAt: "2026-11-20T10:00:00Z", durationMs: 5, success: true });

describe(`authenticateToken over HTTP on ${testDialect()}`, () => {
  let db: TestDb;
  let server: TestServer;
  const tokens: Record<string, string> = {};
  /** the server's JSON log lines of the token check (the request lines left out) */
  let logged: Array<Record<string, unknown>> = [];
  let restoreLogger: (() => void) | undefined;

  const ingest = (secret: string | null, client: string, id = `e-${Math.random()}`) =>
    fetch(`${server.url}/api/v1/executions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": client, ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      body: event(id),
    });
  const heal = (secret: string, client: string) => fetch(`${server.url}/api/v1/heal?error=boom`, { headers: { authorization: `Bearer ${secret}`, "x-forwarded-for": client } });
  const healWith = (secret: string, headers: Record<string, string>) => fetch(`${server.url}/api/v1/heal?error=boom`, { headers: { authorization: `Bearer ${secret}`, ...headers } });
  const runJob = (secret: string, client: string) =>
    fetch(`${server.url}/api/v1/jobs/analyze/run?wait=false`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "x-forwarded-for": client } });

  beforeAll(async () => {
    db = await createTestDb();
    process.env.DATABASE_URL = db.url;
    process.env.PATTERNS_TOKEN_FAILURE_LIMIT = "5";
    delete process.env.PATTERNS_TOKEN_RATE_LIMIT;
    delete process.env.PATTERNS_CLIENT_IP_HEADER;
    const executions = await import("@/app/api/v1/executions/route");
    const healRoute = await import("@/app/api/v1/heal/route");
    const jobs = await import("@/app/api/v1/jobs/[id]/run/route");
    server = await serveRoutes({
      "/api/v1/executions": { POST: executions.POST },
      "/api/v1/heal": { GET: healRoute.GET },
      "/api/v1/jobs/analyze/run": { POST: (request: Request) => jobs.POST(request, { params: Promise.resolve({ id: "analyze" }) }) },
    });
    tokens.both = (await createToken(db, "both")).secret;
    tokens.reader = (await createToken(db, { name: "reader", scopes: ["read"] })).secret;
    tokens.sender = (await createToken(db, { name: "sender", scopes: ["ingest"] })).secret;
    tokens.cron = (await createToken(db, { name: "cron", scopes: ["jobs"] })).secret;
    tokens.expired = (await createToken(db, { name: "expired", expires: "1h" }, "cli", new Date(Date.now() - 2 * 3_600_000))).secret;
  });
  afterAll(async () => {
    await server?.close();
    await db?.destroy();
    delete process.env.PATTERNS_TOKEN_FAILURE_LIMIT;
    delete process.env.PATTERNS_CLIENT_IP_HEADER;
  });
  beforeAll(() => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          if (typeof parsed.event === "string" && parsed.event.startsWith("token_check")) logged.push(parsed);
        }
        done();
      },
    });
    restoreLogger = replaceLogger(makeLogger({ destination }));
  });
  afterAll(() => restoreLogger?.());
  afterEach(() => {
    logged = [];
    delete process.env.PATTERNS_TOKEN_RATE_LIMIT;
  });

  it("telemetry needs ingest, heal needs read, the cron route needs jobs: 403 names the scope", async () => {
    expect((await ingest(tokens.both!, "10.0.0.1")).status).toBe(200);
    expect((await ingest(tokens.sender!, "10.0.0.1")).status).toBe(200);
    expect((await heal(tokens.reader!, "10.0.0.1")).status).toBe(200);
    expect((await runJob(tokens.cron!, "10.0.0.1")).status).toBe(202);

    const refused = await ingest(tokens.reader!, "10.0.0.1", "never-stored");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(await refused.json()).toMatchObject({ error: { code: "insufficient_scope", message: 'token "reader" may not ingest here (its scopes: read); create one with the ingest scope' } });
    expect(await db.prisma.execution.count({ where: { id: "never-stored" } })).toBe(0);
    expect((await heal(tokens.sender!, "10.0.0.1")).status).toBe(403);
    // issue 11: the cron route no longer takes any token
    for (const name of ["both", "reader", "sender"]) expect((await runJob(tokens[name]!, "10.0.0.1")).status).toBe(403);
    await expect.poll(() => db.prisma.jobRun.count({ where: { status: "running" } })).toBe(0);
    expect(await db.prisma.jobRun.count()).toBe(1);
  });

  it("a token's last use is recorded to the millisecond, in UTC whatever the time zone of the process", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Tokyo"; // 9 hours ahead of UTC: a Date sent as local time would be stored 9 hours late
    try {
      expect(new Date().getTimezoneOffset()).toBe(-540);
      const { secret, id } = await createToken(db, { name: "toucher", scopes: ["ingest"] });
      const before = Date.now();
      expect((await ingest(secret, "10.0.0.9")).status).toBe(200);
      const deadline = Date.now() + 5_000;
      let used: Date | null = null;
      while (!used && Date.now() < deadline) {
        used = (await db.prisma.apiToken.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } })).lastUsedAt;
        if (!used) await new Promise((r) => setTimeout(r, 20));
      }
      expect(used?.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(used!.getTime()).toBeLessThanOrEqual(Date.now());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("an expired token gets 401 saying when it expired; scope refusals do not count as failures", async () => {
    const res = await ingest(tokens.expired!, "10.0.0.2");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "token_expired", message: expect.stringMatching(/^this token expired at \d{4}-\d\d-\d\dT.*; ask an admin for a new one$/) } });
    for (let i = 0; i < 10; i++) expect((await heal(tokens.sender!, "10.0.0.2")).status).toBe(403);
    expect((await ingest(tokens.both!, "10.0.0.2")).status).toBe(200);
  });

  it("after 5 failed checks from one client it answers 429 with Retry-After, to that client only, and logs without the secret", async () => {
    const guesses = Array.from({ length: 200 }, (_, i) => `pa_${"x".repeat(39)}${String(i).padStart(4, "0")}`);
    const statuses: number[] = [];
    for (const guess of guesses) statuses.push((await ingest(guess, "10.0.0.3")).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));

    const limited = await ingest(tokens.both!, "10.0.0.3");
    expect(limited.status).toBe(429); // the client is refused, whatever it sends now
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(12); // one failure's worth: 60 s / 5
    expect(await limited.json()).toMatchObject({ error: { code: "too_many_failures" }, retryAfterSeconds: retryAfter });
    // another client is not
    expect((await ingest(tokens.both!, "10.0.0.4")).status).toBe(200);

    // five lines for the failures, one for the refusals: not one per request
    expect(logged).toHaveLength(6);
    expect(logged[0]).toMatchObject({
      level: "warn",
      event: "token_check_failed",
      client: "addr:10.0.0.3",
      requestId: expect.any(String),
      msg: 'failed token check from "addr:10.0.0.3": unknown, revoked or malformed token pa_…0000 on POST /api/v1/executions',
    });
    expect(logged[5]).toMatchObject({ event: "token_checks_refused", client: "addr:10.0.0.3", msg: expect.stringMatching(/^refusing token checks from "addr:10\.0\.0\.3" for \d+ s: too many failures \(429\)$/) });
    for (const line of logged) for (const guess of guesses) expect(JSON.stringify(line)).not.toContain(guess.slice(0, 12));
  });

  it("a cron-secret guess counts as a failure and a limited client is refused before the secret is compared", async () => {
    process.env.PATTERNS_CRON_SECRET = "the-cron-secret-of-this-test";
    try {
      for (let i = 0; i < 5; i++) expect((await runJob(`wrong-cron-secret-${i}`, "10.0.0.5")).status).toBe(401);
      expect((await runJob("the-cron-secret-of-this-test", "10.0.0.5")).status).toBe(429);
      expect(logged[0]!.msg).toContain("malformed token malformed"); // not even the guess's last characters
    } finally {
      delete process.env.PATTERNS_CRON_SECRET;
    }
  });

  it("clients that pick a fresh address for each guess meet the shared budget (10 × the limit)", async () => {
    const statuses: number[] = [];
    let shared: Response | undefined;
    for (let i = 0; i < 60; i++) {
      const response = await ingest(null, `192.0.2.${i}`);
      statuses.push(response.status);
      if (response.status === 429) shared = response;
    }
    // the answer says it is everyone's budget that ran out, not this client's
    expect(((await shared!.json()) as { error: { message: string } }).error.message).toMatch(/^too many failed token checks from all clients together \(more than 50 a minute; /);
    // no address failed more than once, yet the earlier tests' failures and these exhaust the 50 shared ones
    // (the shared bucket refills one failure every 1.2 s, so a late 401 may slip between the 429s)
    expect(statuses.filter((s) => s === 401).length).toBeLessThan(50);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(10);
  });

  it("with PATTERNS_CLIENT_IP_HEADER, failures count per address that header gives; a forged X-Forwarded-For changes nothing", async () => {
    process.env.PATTERNS_CLIENT_IP_HEADER = "X-Real-IP";
    process.env.PATTERNS_TOKEN_FAILURE_LIMIT = "3"; // a new limit: fresh buckets
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await healWith("pa_wrong", { "x-real-ip": "203.0.113.9", "x-forwarded-for": `198.51.100.${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const good = (await createToken(db, "good")).secret;
    expect((await healWith(good, { "x-real-ip": "203.0.113.10" })).status).toBe(200);
  });

  it("too many requests from one token give 429 with Retry-After; other tokens go on", async () => {
    process.env.PATTERNS_TOKEN_RATE_LIMIT = "3"; // bursts of 6
    const busy = (await createToken(db, "busy")).secret;
    const calm = (await createToken(db, "calm")).secret;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await healWith(busy, { "x-real-ip": "203.0.113.20" })).status);
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await healWith(busy, { "x-real-ip": "203.0.113.20" });
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringContaining('too many requests for token "busy" (more than 3 a second)') } });
    expect((await healWith(calm, { "x-real-ip": "203.0.113.20" })).status).toBe(200);
  });
});
