// Creates an API token: the secret is returned once and only its SHA-256 is stored (lib/auth/tokens.ts
// verifies it). A name in use by an active token is refused; a revoked one's name may be reused.
import { randomBytes, randomUUID } from "node:crypto";
import { auditRow } from "../audit/audit";
import { hashToken, TOKEN_NAME, TOKEN_PREFIX, TokenError } from "../auth/tokens";
import type { DbHandle } from "../db/client";

export interface CreatedToken {
  id: string;
  name: string;
  secret: string;
  prefix: string;
}

export async function createToken(db: DbHandle, name: string, createdBy = "cli"): Promise<CreatedToken> {
  if (!TOKEN_NAME.test(name)) throw new TokenError(`token name "${name}": use 1-64 letters, digits, dot, dash or underscore`);
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const id = `tok_${randomUUID()}`;
  const prefix = secret.slice(0, 10);
  const now = new Date();
  const existing = await db.prisma.apiToken.findUnique({ where: { name } });
  if (existing && !existing.revokedAt) throw new TokenError(`a token named "${name}" already exists; revoke it first or choose another name`);
  await db.prisma.$transaction([
    ...(existing ? [db.prisma.apiToken.delete({ where: { id: existing.id } })] : []),
    db.prisma.apiToken.create({ data: { id, name, prefix, tokenHash: hashToken(secret), createdBy, createdAt: now } }),
    db.prisma.auditEvent.create({ data: auditRow({ at: now, actor: createdBy, action: "token.create", target: { type: "api_token", id: name } }) }),
  ]);
  return { id, name, secret, prefix };
}

