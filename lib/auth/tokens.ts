// API tokens: the secret is shown once at creation; only its SHA-256 is stored, with its last 4 characters to
// tell tokens apart in listings (never its first ones: the "pa_" in front is the same for every token). A
// token carries scopes (what it may do) and may expire. lookupToken says what is wrong with a presented
// token; lib/api/token-auth.ts turns that into the answer, the rate limits and the log line.
import { createHash } from "node:crypto";
import type { DbHandle } from "../db/client";
import { rawArrays, toMs } from "../db/raw";
import { parseScopes, type TokenScope } from "./token-scopes";
import { touchToken } from "./touch-token";

export const TOKEN_PREFIX = "pa_";
export const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class TokenError extends Error {
  override name = "TokenError";
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** How a token is shown anywhere after its creation: `pa_…wxyz`. Tokens made before the last 4 were kept show `pa_…`. */
export function tokenHint(prefix: string, lastFour: string): string {
  return `${prefix}…${lastFour}`;
}

/** The same hint for a presented string (logs): its last 4 characters at most, and only when it looks like a token. */
export function presentedHint(presented: string | null): string {
  if (!presented) return "none";
  if (!presented.startsWith(TOKEN_PREFIX) || presented.length < TOKEN_PREFIX.length + 8 || presented.length > 200) return "malformed";
  return tokenHint(TOKEN_PREFIX, presented.slice(-4));
}

export interface ValidToken {
  id: string;
  name: string;
  scopes: TokenScope[];
  expiresAt: Date | null;
}

export type TokenLookup =
  | { ok: true; token: ValidToken }
  /** missing or malformed header, unknown or revoked token: the caller cannot tell these apart */
  | { ok: false; reason: "invalid"; presented: string | null }
  | { ok: false; reason: "expired"; presented: string; expiresAt: Date };

/** The presented secret of an `Authorization: Bearer …` header, or null. */
export function bearerSecret(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1]! : null;
}

const lastTouched = new Map<string, number>();

/** Checks a presented `Authorization` header against the stored tokens at `now`. */
export async function lookupToken(db: DbHandle, header: string | null, now = new Date()): Promise<TokenLookup> {
  const presented = bearerSecret(header);
  if (!presented || !presented.startsWith(TOKEN_PREFIX) || presented.length > 200) return { ok: false, reason: "invalid", presented };
  // every API request asks this: through the raw driver (a prepared statement on SQLite), which costs a
  // tenth of the ORM's query and was a tenth of the ingestion route's time on the request thread
  const [found] = await rawArrays<[string, string, unknown, string, unknown]>(
    db,
    `SELECT "id", "name", "revokedAt", "scopes", "expiresAt" FROM "api_tokens" WHERE "tokenHash" = ?`,
    [hashToken(presented)],
  );
  if (!found || found[2] !== null) return { ok: false, reason: "invalid", presented };
  const row = { id: found[0], name: found[1], scopes: found[3], expiresAt: found[4] === null ? null : new Date(toMs(found[4])) };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", presented, expiresAt: row.expiresAt };
  // last use is kept to the minute: one write a minute per token, not one per request
  const at = now.getTime();
  if ((lastTouched.get(row.id) ?? 0) < at - 60_000) {
    lastTouched.set(row.id, at);
    // not awaited: the write goes to the writer thread on SQLite (never the request thread's lock wait)
    touchToken(db, row.id, at);
  }
  return { ok: true, token: { id: row.id, name: row.name, scopes: parseScopes(row.scopes), expiresAt: row.expiresAt } };
}
