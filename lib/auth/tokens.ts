// API tokens: the secret is shown once at creation; only its SHA-256 is stored. Verification looks the
// hash up, so a wrong token, a revoked one and a malformed header all look the same to the caller.
import { createHash } from "node:crypto";
import type { DbHandle } from "../db/client";
import { touchToken } from "./touch-token";

export const TOKEN_PREFIX = "pa_";
export const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class TokenError extends Error {
  override name = "TokenError";
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

const lastTouched = new Map<string, number>();

/** The token's name for a valid, unrevoked `Authorization: Bearer …` header; null otherwise. */
export async function verifyBearer(db: DbHandle, header: string | null): Promise<string | null> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m || !m[1]!.startsWith(TOKEN_PREFIX) || m[1]!.length > 200) return null;
  const row = await db.prisma.apiToken.findUnique({ where: { tokenHash: hashToken(m[1]!) }, select: { id: true, name: true, revokedAt: true } });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if ((lastTouched.get(row.id) ?? 0) < now - 60_000) {
    lastTouched.set(row.id, now);
    touchToken(db, row.id, now);
  }
  return row.name;
}
