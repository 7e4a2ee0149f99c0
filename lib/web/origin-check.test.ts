import { describe, expect, it } from "vitest";
import { checkOrigin, type OriginFacts } from "./origin-check";

const facts = (over: Partial<OriginFacts>): OriginFacts => ({ method: "POST", origin: null, host: "127.0.0.1:3000", forwardedHost: null, publicOrigins: [], ...over });

describe("checkOrigin", () => {
  it.each([
    ["the app's own origin", { origin: "http://127.0.0.1:3000" }],
    ["its own origin over https, the default port left out", { origin: "https://patterns.example.com", host: "patterns.example.com:443" }],
    ["a host in another case", { origin: "http://patterns.example.com", host: "Patterns.Example.COM" }],
    ["the host a proxy forwarded", { origin: "https://patterns.example.com", host: "127.0.0.1:3000", forwardedHost: "patterns.example.com" }],
    ["the configured public origin", { origin: "https://patterns.example.com", host: "app:3000", publicOrigins: ["https://patterns.example.com"] }],
    ["a GET without an Origin", { method: "GET" }],
    ["a HEAD without an Origin", { method: "HEAD" }],
  ])("lets through %s", (_, over) => {
    expect(checkOrigin(facts(over))).toEqual({ ok: true });
  });

  it.each([
    ["no Origin", { origin: null }, /no Origin header/],
    ["an empty Origin", { origin: " " }, /no Origin header/],
    ["Origin: null", { origin: "null" }, /Origin: null/],
    ["another site", { origin: "https://evil.example" }, /another site \(https:\/\/evil\.example\)/],
    ["the same host on another port", { origin: "http://127.0.0.1:3001" }, /another site/],
    ["the same host over another scheme's default port", { origin: "https://127.0.0.1" , host: "127.0.0.1:80" }, /another site/],
    ["a host that only ends like ours", { origin: "http://evilapp.example.com", host: "app.example.com" }, /another site/],
    ["a public origin's lookalike", { origin: "https://patterns.example.com.evil.example", host: "app:3000", publicOrigins: ["https://patterns.example.com"] }, /another site/],
    ["an Origin that is not an address", { origin: "not a url" }, /not an address/],
    ["an Origin carrying a path", { origin: "http://127.0.0.1:3000/settings" }, /not an address/],
    ["a DELETE from another site", { method: "DELETE", origin: "https://evil.example" }, /another site/],
  ])("refuses %s", (_, over, reason) => {
    const verdict = checkOrigin(facts(over));
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.reason).toMatch(reason);
  });
});
