import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with the nonce (and what they load), refuses framing and plugins", () => {
    const policy = contentSecurityPolicy({ nonce: "abc", https: false });
    const directive = (name: string) => policy.split("; ").find((d) => d.split(" ")[0] === name);
    expect(directive("script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(directive("style-src")).toBe("style-src 'self' 'nonce-abc'");
    expect(directive("style-src-attr")).toBe("style-src-attr 'unsafe-inline'");
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(directive("form-action")).toBe("form-action 'self'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    // the script-src comes first: Next.js reads the nonce from it
    expect(policy.indexOf("script-src")).toBeLessThan(policy.indexOf("style-src"));
  });

  it("allows eval and inline styles only in development", () => {
    expect(contentSecurityPolicy({ nonce: "abc", https: false, dev: true })).toMatch(/script-src [^;]*'unsafe-eval'.*style-src 'self' 'unsafe-inline'/);
  });

  it("makes nonces of 128 random bits", () => {
    const seen = new Set(Array.from({ length: 1000 }, newNonce));
    expect(seen.size).toBe(1000);
    expect([...seen][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
