// API tokens for listings: names, `pa_…wxyz` hints, scopes, expiry and use, never the secrets (only hashes
// exist, and those are omitted). The status is worked out here once, at `now`, for the page and the CLI alike.
import { parseScopes, type TokenScope } from "../../auth/token-scopes";
import { tokenHint } from "../../auth/tokens";
import type { DbHandle } from "../../db/client";

export type TokenStatus = "active" | "expired" | "revoked";

export interface TokenInfo {
  name: string;
  /** `pa_…wxyz` (`pa_…` for tokens made before the last 4 were kept) */
  hint: string;
  scopes: TokenScope[];
  expiresAt: Date | null;
  status: TokenStatus;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function getTokens(db: DbHandle, limit = 1000, now = new Date()): Promise<TokenInfo[]> {
  const rows = await db.prisma.apiToken.findMany({
    orderBy: { name: "asc" },
    take: limit,
    select: { name: true, prefix: true, lastFour: true, scopes: true, expiresAt: true, createdAt: true, createdBy: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map(({ prefix, lastFour, scopes, ...row }) => ({
    ...row,
    hint: tokenHint(prefix, lastFour),
    scopes: parseScopes(scopes),
    status: row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt.getTime() <= now.getTime() ? "expired" : "active",
  }));
}
