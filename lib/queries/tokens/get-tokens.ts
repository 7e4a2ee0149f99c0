// API tokens for listings: names, prefixes and use, never the secrets (only hashes exist, and those are omitted).
import type { DbHandle } from "../../db/client";

export interface TokenInfo {
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function getTokens(db: DbHandle, limit = 1000): Promise<TokenInfo[]> {
  return db.prisma.apiToken.findMany({
    orderBy: { name: "asc" },
    take: limit,
    select: { name: true, prefix: true, createdAt: true, createdBy: true, lastUsedAt: true, revokedAt: true },
  });
}

