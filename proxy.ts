// In front of every page (not the machine API, not Next's static files), three things:
// 1. A state-changing request (a server action, with JavaScript or as a plain form post) from another site,
//    or saying nowhere, is refused with 403 before anything runs (lib/web/origin-check.ts).
// 2. Browsers with no session cookie go to the sign-in page and come back after. This is not the security
//    boundary (a cookie can be forged): every page, action and route handler checks the session and the role
//    on the server (lib/auth/session.ts).
// 3. Every answer gets a fresh nonce and the security headers (lib/web/security-headers.ts).
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { checkRequestOrigin } from "./lib/web/origin-check";
import { publicOrigins } from "./lib/web/public-url";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./lib/web/security-headers";

/** Pages anyone may load without a session. */
const OPEN_PAGES = new Set(["/sign-in"]);

function withSecurityHeaders(response: NextResponse, policy: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const origins = publicOrigins();
  const https = origins.some((o) => o.startsWith("https://")) || request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });

  const verdict = checkRequestOrigin(request.method, request.headers, origins);
  if (!verdict.ok) {
    const hint = origins.length ? "" : " If people reach this app through a proxy under another address, set PATTERNS_PUBLIC_URL to that address.";
    const body = `Refused: ${verdict.reason}. Nothing was changed. Reload the page and try again from this site.${hint}\n`;
    return withSecurityHeaders(new NextResponse(body, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }), policy, https);
  }

  if (!OPEN_PAGES.has(request.nextUrl.pathname) && !getSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    return withSecurityHeaders(NextResponse.redirect(url), policy, https);
  }

  // Next.js takes the nonce from the request's policy and puts it on every script and style it renders
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), policy, https);
}

export const config = {
  // pages only: the machine API (token-authenticated; sign-in's route runs the same origin check itself),
  // Next's assets and the icons (their headers: next.config.ts) are left alone
  matcher: ["/((?!api/|_next/|favicon).*)"],
};
