// Who may trigger a job over HTTP: a cron service holding the shared secret (PATTERNS_CRON_SECRET, sent
// as a bearer token, compared in constant time), or any valid API token. Same 401 whatever was wrong.
import { createHash, timingSafeEqual } from "node:crypto";
import { verifyBearer } from "../auth/tokens";
import type { DbHandle } from "../db/client";
import { jsonError } from "./respond";

const digest = (s: string) => createHash("sha256").update(s).digest();

function isCronSecret(header: string | null): boolean {
  const secret = process.env.PATTERNS_CRON_SECRET;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!secret || secret.length < 16 || !m) return false; // a short secret is refused rather than guessable
  return timingSafeEqual(digest(m[1]!), digest(secret));
}

export async function authenticateCron(db: DbHandle, request: Request): Promise<{ actor: string } | { response: Response }> {
  const header = request.headers.get("authorization");
  if (isCronSecret(header)) return { actor: "cron" };
  const token = await verifyBearer(db, header);
  if (token) return { actor: `token:${token}` };
  return { response: jsonError(401, "unauthorized", "send Authorization: Bearer <PATTERNS_CRON_SECRET or an API token>") };
}
