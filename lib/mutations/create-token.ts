// Creates an API token: the secret is returned once and only its SHA-256 is stored (lib/auth/tokens.ts
// verifies it). A name in use by an active token is refused; a revoked one's name may be reused.
import { randomBytes, randomUUID } from "node:crypto";
import { auditRow } from "../audit/audit";
import { hashToken, TOKEN_PREFIX, TokenError } from "../auth/tokens";
import type { DbHandle } from "../db/client";
import { parseInput } from "../schemas/parse-input";
import { createTokenSchema } from "../schemas/token";

export interface CreatedToken {
  id: string;
  name: string;
  secret: string;
  prefix: string;
}

export async function createToken(db: DbHandle, input: string, createdBy = "cli"): Promise<CreatedToken> {
  const { name } = parseInput(createTokenSchema, { name: input });
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const id = `tok_${randomUUID()}`;
  const prefix = secret.slice(0, 10);
  const now = new Date();
  const existing = await db.prisma.apiToken.findUnique({ where: { name } });
  if (existing && !existing.revokedAt) throw new TokenError(`a token named "${name}" already exists; revoke it first or choose another name`);
  await db.prisma
    .$transaction([
      ...(existing ? [db.prisma.apiToken.delete({ where: { id: existing.id } })] : []),
      db.prisma.apiToken.create({ data: { id, name, prefix, tokenHash: hashToken(secret), createdBy, createdAt: now } }),
      db.prisma.auditEvent.create({ data: auditRow({ at: now, actor: createdBy, action: "token.create", target: { type: "api_token", id: name }, after: { prefix } }) }),
    ])
    .catch((error: unknown) => {
      // two creations of one name at once: the unique index decides, the loser hears it plainly
      if ((error as { code?: string }).code === "P2002") throw new TokenError(`a token named "${name}" already exists; revoke it first or choose another name`);
      throw error;
    });
  return { id, name, secret, prefix };
}

