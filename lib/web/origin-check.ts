// Our own check on every state-changing request to a page (server actions, with JavaScript or as a plain
// form post), in addition to Next.js's: Next lets a request with no Origin header through, and compares only
// with the Host. A browser always sends Origin on a POST (Referrer-Policy `same-origin` keeps it), so a
// request without one, or with `null`, or from another site is refused before anything runs.

export interface OriginFacts {
  method: string;
  origin: string | null;
  /** the Host header, and X-Forwarded-Host if a proxy set one (a browser cannot set either across sites) */
  host: string | null;
  forwardedHost: string | null;
  /** PATTERNS_PUBLIC_URL / BETTER_AUTH_URL origins (lib/web/public-url.ts) */
  publicOrigins: readonly string[];
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** `host` as a URL of `protocol` spells it (lower case, no default port), or null when it is not one. */
function normalHost(host: string, protocol: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/** checkOrigin with the facts read from a request: its method and its Origin, Host and X-Forwarded-Host. */
export function checkRequestOrigin(method: string, headers: Headers, publicOrigins: readonly string[]): OriginVerdict {
  return checkOrigin({ method, origin: headers.get("origin"), host: headers.get("host"), forwardedHost: headers.get("x-forwarded-host"), publicOrigins });
}

export function checkOrigin(facts: OriginFacts): OriginVerdict {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return { ok: true };
  const origin = facts.origin?.trim();
  if (!origin) return { ok: false, reason: "the request did not say which site sent it (no Origin header)" };
  if (origin === "null") return { ok: false, reason: "the request came from a page with no origin (Origin: null)" };
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return { ok: false, reason: "the Origin header is not an address" };
  }
  if (url.origin !== origin.toLowerCase().replace(/\/$/, "")) return { ok: false, reason: "the Origin header is not an address" };
  if (facts.publicOrigins.includes(url.origin)) return { ok: true };
  const hosts = [facts.host, facts.forwardedHost?.split(",")[0]]
    .map((h) => h?.trim())
    .filter((h): h is string => !!h)
    .map((h) => normalHost(h, url.protocol));
  if (hosts.includes(url.host)) return { ok: true };
  return { ok: false, reason: `it was sent from another site (${url.origin.slice(0, 200)})` };
}
