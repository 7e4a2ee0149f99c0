// A quick turn-away for browsers with no session cookie: they go to the sign-in page and come back after.
// This is not the security boundary (a cookie can be forged): every page, action and route handler checks
// the session and the role on the server (lib/auth/session.ts).
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // pages only: machine routes (api), the sign-in page, Next's assets and static files are left alone
  matcher: ["/((?!api/|sign-in|_next/|favicon).*)"],
};
