// Sign-in is better-auth's: email and password, database sessions, its rate limit on sign-in, its password
// hashing. We add a role to its user and close public sign-up (people are created by an admin or by
// `patterns user create`). One instance per database handle; the secret comes from BETTER_AUTH_SECRET or,
// when unset, from one generated on first use and kept in the database, so every instance shares it.
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { DbHandle } from "../db/client";
import { clientIpHeaders } from "./client-ip";
import { secureCookiesWanted } from "./secure-cookies";

const SECRET_KEY = "internal.authSecret";
export const SESSION_DAYS = 7;

async function authSecret(db: DbHandle): Promise<string> {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  // read first: once it is stored, a start needs no write (a write would wait on a busy SQLite database)
  const stored = await db.prisma.setting.findUnique({ where: { key: SECRET_KEY } });
  if (stored) return JSON.parse(stored.value) as string;
  // first writer wins; everyone reads what was stored
  const candidate = JSON.stringify(randomBytes(32).toString("base64url"));
  await db.prisma.$executeRaw`INSERT INTO "settings" ("key", "value", "updatedBy", "updatedAt") VALUES (${SECRET_KEY}, ${candidate}, 'system', ${new Date()}) ON CONFLICT ("key") DO NOTHING`;
  const row = await db.prisma.setting.findUniqueOrThrow({ where: { key: SECRET_KEY } });
  return JSON.parse(row.value) as string;
}

function makeAuth(db: DbHandle, secret: string) {
  return betterAuth({
    appName: "Pattern Automation",
    secret,
    // A self-hosted app does not know its host: BETTER_AUTH_URL when set, else PATTERNS_PUBLIC_URL, else the
    // host of each request (cross-site posts still fail the origin check, which compares with that host).
    baseURL: process.env.BETTER_AUTH_URL || process.env.PATTERNS_PUBLIC_URL || { allowedHosts: ["*"], protocol: "auto", fallback: "http://localhost:3000" },
    database: prismaAdapter(db.authPrisma, { provider: db.dialect === "sqlite" ? "sqlite" : "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 256 },
    user: {
      additionalFields: { role: { type: "string", required: false, defaultValue: "viewer", input: false } },
    },
    session: { expiresIn: SESSION_DAYS * 86_400, updateAge: 86_400 },
    rateLimit: {
      enabled: true,
      storage: "database",
      customRules: { "/sign-in/email": { window: 60, max: 20 } },
    },
    telemetry: { enabled: false },
    // a failure inside an endpoint (the database) is thrown to our route's handleErrors, which answers 503 with
    // Retry-After for a passing one and a JSON 500 otherwise; better-auth's own answer was an empty 500
    onAPIError: { throw: true },
    // The rate limit is keyed by the client's address, which only a proxy in front can vouch for: a header a
    // client may set itself (X-Forwarded-For reaches us as sent) would let it pick a fresh key per guess. Without
    // PATTERNS_CLIENT_IP_HEADER every client shares one sign-in budget.
    advanced: { useSecureCookies: secureCookiesWanted(), ipAddress: { ipAddressHeaders: clientIpHeaders() } },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof makeAuth>;

const instances = new WeakMap<DbHandle, Promise<Auth>>();

export function getAuth(db: DbHandle): Promise<Auth> {
  let auth = instances.get(db);
  if (!auth) {
    const made = authSecret(db).then((secret) => makeAuth(db, secret));
    instances.set(db, made);
    // a database that could not answer then (busy, unreachable, not migrated) must not fail every sign-in
    // and page until a restart: the next caller tries again
    made.catch(() => {
      if (instances.get(db) === made) instances.delete(db);
    });
    auth = made;
  }
  return auth;
}
