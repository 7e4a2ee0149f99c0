// The one check every machine route makes of its bearer token: valid, unexpired, holding the scope the route
// needs, and within its rate. Failed checks are counted per client (lib/auth/client-ip.ts) and, past
// PATTERNS_TOKEN_FAILURE_LIMIT a minute, answered 429 with Retry-After before any lookup; each is logged in
// one JSON line (with the request's id) naming at most the token's `pa_…wxyz`, never the secret.
import type { TokenScope } from "../auth/token-scopes";
import { lookupToken, presentedHint, type ValidToken } from "../auth/tokens";
import { clientAddress } from "../auth/client-ip";
import type { DbHandle } from "../db/client";
import { tokenLimits } from "./rate-limit";
import { jsonError } from "./respond";
import { readWithin } from "../db/unavailable";
import { logger } from "../log/logger";

export type TokenAuth = { actor: string; token: ValidToken } | { response: Response };

/** How long the token lookup may take before the request is answered 503. */
const LOOKUP_WAIT_MS = 900;

const SEND = "send Authorization: Bearer <token> (patterns token create NAME, or Settings → API tokens)";

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function tooMany(waitMs: number, code: string, message: string): Response {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return withHeaders(jsonError(429, code, `${message}; retry after ${seconds} s`, { retryAfterSeconds: seconds }), { "Retry-After": String(seconds) });
}

/** A warning in the server's JSON log; the client's key is a field (quoted in the message too), never raw text. */
function logLine(fields: { client: string; event: "token_check_failed" | "token_checks_refused" }, text: string): void {
  logger().warn(fields, text);
}

const refusalLogged = new Map<string, number>();

/** One line per client per minute while its failures are refused, however many requests it sends. */
function logRefusal(client: string, seconds: number, now: number): void {
  if ((refusalLogged.get(client) ?? 0) > now) return;
  refusalLogged.set(client, now + 60_000);
  if (refusalLogged.size > 10_000) refusalLogged.delete(refusalLogged.keys().next().value!);
  logLine({ client, event: "token_checks_refused" }, `refusing token checks from ${JSON.stringify(client)} for ${seconds} s: too many failures (429)`);
}

/** The 429 for a client past its budget of failed checks (or for everyone, past the overall one); null otherwise. */
export function failureRefusal(request: Request, now = new Date()): Response | null {
  const limits = tokenLimits();
  const client = clientAddress(request.headers).key;
  const at = now.getTime();
  const byClient = limits.failuresByClient.wait(client, at);
  const overall = limits.failuresOverall.wait("all", at);
  const blocked = Math.max(byClient, overall);
  if (blocked === 0) return null;
  logRefusal(client, Math.ceil(blocked / 1000), at);
  const whose =
    byClient >= overall
      ? `from this client (more than ${limits.failuresPerMinute} a minute)`
      : `from all clients together (more than ${limits.failuresPerMinute * 10} a minute; set PATTERNS_CLIENT_IP_HEADER behind a proxy so clients are told apart)`;
  return tooMany(blocked, "too_many_failures", `too many failed token checks ${whose}`);
}

/**
 * The token's name (as the actor of what it does) and its record, or the answer to return instead: 401 for a
 * missing, unknown, revoked or expired token, 403 for one without `scope`, 429 for too many failures from
 * this client or too many requests from this token.
 */
export async function authenticateToken(db: DbHandle, request: Request, scope: TokenScope, now = new Date()): Promise<TokenAuth> {
  const refused = failureRefusal(request, now);
  if (refused) return { response: refused };
  const limits = tokenLimits();
  const client = clientAddress(request.headers).key;
  const at = now.getTime();
  const header = request.headers.get("authorization");
  // a database that does not answer in time is a 503 (handleErrors), not a request held for seconds
  const found = await readWithin(lookupToken(db, header, now), LOOKUP_WAIT_MS);
  if (!found.ok) {
    limits.failuresByClient.spend(client, at);
    limits.failuresOverall.spend("all", at);
    const what = !header ? "no token" : `${found.reason === "expired" ? "expired" : "unknown, revoked or malformed"} token ${presentedHint(found.presented)}`;
    logLine({ client, event: "token_check_failed" }, `failed token check from ${JSON.stringify(client)}: ${what} on ${request.method} ${new URL(request.url).pathname}`);
    const challenge = { "WWW-Authenticate": 'Bearer realm="patterns"' };
    if (found.reason === "expired") {
      return { response: withHeaders(jsonError(401, "token_expired", `this token expired at ${found.expiresAt.toISOString()}; ask an admin for a new one`), challenge) };
    }
    return { response: withHeaders(jsonError(401, "unauthorized", `a valid API token is required: ${SEND}`), challenge) };
  }

  const { token } = found;
  const wait = limits.perToken?.take(token.id, at) ?? 0;
  if (wait > 0) return { response: tooMany(wait, "rate_limited", `too many requests for token "${token.name}" (more than ${limits.perTokenPerSecond} a second)`) };
  if (!token.scopes.includes(scope)) {
    const message = `token "${token.name}" may not ${scope} here (its scopes: ${token.scopes.join(", ") || "none"}); create one with the ${scope} scope`;
    return { response: withHeaders(jsonError(403, "insufficient_scope", message, { needed: scope }), { "WWW-Authenticate": `Bearer realm="patterns", error="insufficient_scope", scope="${scope}"` }) };
  }
  return { actor: token.name, token };
}
