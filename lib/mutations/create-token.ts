// Creates an API token: the secret is returned once and only its SHA-256 is stored (lib/auth/tokens.ts
// verifies it), with its last 4 characters for listings. A name in use by an active token is refused; a
// revoked one's name may be reused. Scopes default to ingest and read; no expiry unless asked.
import { randomBytes, randomUUID } from "node:crypto";
import { auditRow } from "../audit/audit";
import { formatScopes, type TokenScope } from "../auth/token-scopes";
import { hashToken, TOKEN_PREFIX, TokenError, tokenHint } from "../auth/tokens";
import type { DbHandle } from "../db/client";
import { parseInput } from "../schemas/parse-input";
import { createTokenSchema, type CreateTokenInput } from "../schemas/token";

export interface CreatedToken {
  id: string;
  name: string;
  secret: string;
  /** `pa_…wxyz`, as listings show it */
  hint: string;
  scopes: TokenScope[];
  expiresAt: Date | null;
}

/** `input` is the token's name alone (scopes ingest and read, no expiry) or the whole request. */
export async function createToken(db: DbHandle, input: string | CreateTokenInput, createdBy = "cli", now = new Date()): Promise<CreatedToken> {
  const { name, scopes, expires: expiresAt } = parseInput(createTokenSchema(now), typeof input === "string" ? { name: input } : input);
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const id = `tok_${randomUUID()}`;
  const lastFour = secret.slice(-4);
  const hint = tokenHint(TOKEN_PREFIX, lastFour);
  const existing = await db.prisma.apiToken.findUnique({ where: { name } });
  if (existing && !existing.revokedAt) throw new TokenError(`a token named "${name}" already exists; revoke it first or choose another name`);
  const after = { hint, scopes, expiresAt: expiresAt?.toISOString() ?? null };
  await db.prisma
    .$transaction([
      ...(existing ? [db.prisma.apiToken.delete({ where: { id: existing.id } })] : []),
      db.prisma.apiToken.create({
        data: { id, name, prefix: TOKEN_PREFIX, lastFour, scopes: formatScopes(scopes), expiresAt, tokenHash: hashToken(secret), createdBy, createdAt: now },
      }),
      db.prisma.auditEvent.create({ data: auditRow({ at: now, actor: createdBy, action: "token.create", target: { type: "api_token", id: name }, after }) }),
    ])
    .catch((error: unknown) => {
      // two creations of one name at once: the unique index decides, the loser hears it plainly
      if ((error as { code?: string }).code === "P2002") throw new TokenError(`a token named "${name}" already exists; revoke it first or choose another name`);
      throw error;
    });
  return { id, name, secret, hint, scopes, expiresAt };
}
