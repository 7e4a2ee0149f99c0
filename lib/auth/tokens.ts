// API tokens: the secret is shown once at creation; only its SHA-256 is stored. Verification looks the
// hash up, so a wrong token, a revoked one and a malformed header all look the same to the caller.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { DbHandle } from "../db/client";

const TOKEN_PREFIX = "pa_";
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class TokenError extends Error {
  override name = "TokenError";
}

export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface CreatedToken {
  id: string;
  name: string;
  secret: string;
  prefix: string;
}

export async function createToken(db: DbHandle, name: string, createdBy = "cli"): Promise<CreatedToken> {
  if (!NAME.test(name)) throw new TokenError(`token name "${name}": use 1-64 letters, digits, dot, dash or underscore`);
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const id = `tok_${randomUUID()}`;
  const prefix = secret.slice(0, 10);
  const now = new Date();
  const existing = await db.prisma.apiToken.findUnique({ where: { name } });
  if (existing && !existing.revokedAt) throw new TokenError(`a token named "${name}" already exists; revoke it first or choose another name`);
  await db.prisma.$transaction([
    ...(existing ? [db.prisma.apiToken.delete({ where: { id: existing.id } })] : []),
    db.prisma.apiToken.create({ data: { id, name, prefix, tokenHash: hashToken(secret), createdBy, createdAt: now } }),
    db.prisma.auditEvent.create({
      data: { id: `aud_${randomUUID()}`, at: now, actor: createdBy, action: "token.create", targetType: "api_token", targetId: name },
    }),
  ]);
  return { id, name, secret, prefix };
}

export interface TokenInfo {
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listTokens(db: DbHandle): Promise<TokenInfo[]> {
  return db.prisma.apiToken.findMany({
    orderBy: { name: "asc" },
    select: { name: true, prefix: true, createdAt: true, createdBy: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeToken(db: DbHandle, name: string, actor = "cli"): Promise<void> {
  const now = new Date();
  const done = await db.prisma.apiToken.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: now } });
  if (done.count === 0) throw new TokenError(`no active token named "${name}"`);
  await db.prisma.auditEvent.create({
    data: { id: `aud_${randomUUID()}`, at: now, actor, action: "token.revoke", targetType: "api_token", targetId: name },
  });
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
    await db.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return row.name;
}
