// proxy.ts on requests built as Next.js hands them over: the origin check before anything else, the sign-in
// redirect, a fresh nonce per answer passed on to the render, and HSTS only when served over https.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers } });
const SIGNED_IN = { cookie: "better-auth.session_token=some.token" };
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("proxy", () => {
  afterEach(() => {
    delete process.env.PATTERNS_PUBLIC_URL;
    delete process.env.BETTER_AUTH_URL;
  });

  it("refuses a post with no Origin or another site's with 403, before the sign-in redirect, saying why", async () => {
    for (const headers of [{}, { origin: "https://evil.example" }, { origin: "null" }] as Array<Record<string, string>>) {
      const res = proxy(request("/settings", { method: "POST", headers: { ...SIGNED_IN, ...headers } }));
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/^Refused: .*Nothing was changed/);
      expect(res.headers.get("x-middleware-next")).toBeNull(); // the page and its action never run
    }
    const anonymous = proxy(request("/settings", { method: "POST", headers: { origin: "https://evil.example" } }));
    expect(anonymous.status).toBe(403);
  });

  it("passes a post from this site on to the page, with the policy's nonce in the request Next.js renders", () => {
    const res = proxy(request("/settings", { method: "POST", headers: { ...SIGNED_IN, origin: "http://127.0.0.1:3000" } }));
    expect(res.headers.get("x-middleware-next")).toBe("1");
    const policy = res.headers.get("content-security-policy");
    expect(policy).toContain("'strict-dynamic'");
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("accepts the configured public origin behind a proxy that rewrites the Host", () => {
    process.env.PATTERNS_PUBLIC_URL = "https://patterns.example.com";
    const res = proxy(request("/settings", { method: "POST", headers: { ...SIGNED_IN, host: "app:3000", origin: "https://patterns.example.com" } }));
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("sends a browser without a session to sign in, and leaves the sign-in page open", () => {
    const away = proxy(request("/candidates?status=pending"));
    expect(away.status).toBe(307);
    const location = new URL(away.headers.get("location")!);
    expect(location.pathname + location.search).toBe("/sign-in?next=%2Fcandidates%3Fstatus%3Dpending");
    expect(away.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(proxy(request("/sign-in")).headers.get("x-middleware-next")).toBe("1");
  });

  it("gives each answer its own nonce and the security headers; HSTS only over https", () => {
    const a = proxy(request("/", { headers: SIGNED_IN }));
    const b = proxy(request("/", { headers: SIGNED_IN }));
    expect(nonceOf(a.headers.get("content-security-policy"))).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(a.headers.get("content-security-policy"))).not.toBe(nonceOf(b.headers.get("content-security-policy")));
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("same-origin");
    expect(a.headers.get("strict-transport-security")).toBeNull();
    expect(a.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");

    expect(proxy(request("/", { headers: { ...SIGNED_IN, "x-forwarded-proto": "https" } })).headers.get("strict-transport-security")).toBe("max-age=31536000");
    process.env.BETTER_AUTH_URL = "https://patterns.example.com";
    const https = proxy(request("/", { headers: SIGNED_IN }));
    expect(https.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(https.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});
