// Who may trigger a job over HTTP: a cron service holding the shared secret (PATTERNS_CRON_SECRET, sent as a
// bearer token, compared in constant time), or an API token an admin gave the `jobs` scope. Any other token
// is refused (403): a job runs with the database's full authority, more than sending telemetry needs.
import { createHash, timingSafeEqual } from "node:crypto";
import type { DbHandle } from "../db/client";
import { authenticateToken, failureRefusal } from "./token-auth";

const digest = (s: string) => createHash("sha256").update(s).digest();

function isCronSecret(header: string | null): boolean {
  const secret = process.env.PATTERNS_CRON_SECRET;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!secret || secret.length < 16 || !m) return false; // a short secret is refused rather than guessable
  return timingSafeEqual(digest(m[1]!), digest(secret));
}

export async function authenticateCron(db: DbHandle, request: Request): Promise<{ actor: string } | { response: Response }> {
  // a client past its failures is refused before the secret is compared: guesses at it count as failures
  const refused = failureRefusal(request);
  if (refused) return { response: refused };
  if (isCronSecret(request.headers.get("authorization"))) return { actor: "cron" };
  const auth = await authenticateToken(db, request, "jobs");
  return "response" in auth ? auth : { actor: `token:${auth.actor}` };
}
