// Revokes an API token: the API refuses it from then on. Recorded with who did it.
import { audit } from "../audit/audit";
import { TokenError } from "../auth/tokens";
import type { DbHandle } from "../db/client";
import { parseInput } from "../schemas/parse-input";
import { revokeTokenSchema } from "../schemas/token";

export async function revokeToken(db: DbHandle, input: string, actor = "cli"): Promise<void> {
  const { name } = parseInput(revokeTokenSchema, { name: input });
  const now = new Date();
  await db.prisma.$transaction(async (tx) => {
    const done = await tx.apiToken.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: now } });
    if (done.count === 0) throw new TokenError(`no active token named "${name}"`);
    await audit(tx, { at: now, actor, action: "token.revoke", target: { type: "api_token", id: name }, before: "active", after: "revoked" });
  });
}

