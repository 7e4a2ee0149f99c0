// The sign-in route over real HTTP when the database fails inside better-auth's endpoint (here: a trigger
// refuses to store the session): a passing fault (PostgreSQL's "cannot connect now") is answered 503 with
// Retry-After, any other a JSON 500, never better-auth's empty 500; and no session is stored either way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveRoutesOnTestDb, type RouteFixture } from "@/lib/api/route-fixture";
import { testDialect } from "@/lib/db/test-db";
import { createUser } from "@/lib/mutations/create-user";

const dialect = testDialect();

describe(`sign-in when the database fails inside the endpoint, on ${dialect}`, () => {
  let api: RouteFixture;
  const signIn = () =>
    fetch(`${api.server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: api.server.url },
      body: JSON.stringify({ email: "ada@example.com", password: "a long enough password" }),
    });

  beforeAll(async () => {
    delete process.env.BETTER_AUTH_SECRET;
    api = await serveRoutesOnTestDb("auth-route", async () => {
      const route = await import("./route");
      return { "/api/auth/sign-in/email": { POST: route.POST } };
    });
    await createUser(api.db, { email: "ada@example.com", role: "viewer", password: "a long enough password" }, "test");
  });
  afterAll(async () => api?.close());

  it("signs in while the database works", async () => {
    expect((await signIn()).status).toBe(200);
  });

  it("answers a refused session write with the API's envelope, and stores no session", async () => {
    const before = await api.db.prisma.session.count();
    if (dialect === "postgresql") {
      await api.db.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_sessions() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the server is starting' USING ERRCODE = '57P03'; END $$ LANGUAGE plpgsql`);
      await api.db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_sessions BEFORE INSERT ON "sessions" FOR EACH ROW EXECUTE FUNCTION refuse_sessions()`);
    } else {
      await api.db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_sessions BEFORE INSERT ON "sessions" BEGIN SELECT RAISE(ABORT, 'sessions refused by the test'); END`);
    }
    const response = await signIn();
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { error: { code: string } };
    if (dialect === "postgresql") {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(body.error.code).toBe("unavailable");
    } else {
      expect(response.status).toBe(500);
      expect(body.error.code).toBe("internal");
    }
    expect(await api.db.prisma.session.count()).toBe(before);
  });

  // last: it spends the minute's sign-in budget
  it("too many sign-ins in a minute get 429 with a standard Retry-After", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 25 && last?.status !== 429; i++) last = await signIn();
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
