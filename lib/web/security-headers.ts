// The headers every HTML answer carries (set in proxy.ts, which makes a fresh nonce per request; Next.js
// reads it from the request's policy and puts it on its own scripts, so every page renders dynamically).
// Scripts: only those carrying the nonce, and what they load ('strict-dynamic'): an injected <script> or
// onerror= never runs. Styles: <style> and stylesheets need the nonce or our origin too, but style="" attributes
// are allowed ('unsafe-inline' in style-src-attr alone): Recharts and React render them into the server's
// HTML, a nonce cannot cover an attribute, and a style attribute cannot run code. Framing is refused, types
// are not sniffed, and other sites get no referrer (`same-origin`, not `no-referrer`: that one would make
// the browser send `Origin: null` on our own form posts, which lib/web/origin-check.ts refuses).
// Over https (a public URL says so) HSTS is added and insecure subresources upgraded; on plain http
// neither, or a self-hosted install without TLS would break itself.
import { randomBytes } from "node:crypto";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export interface PolicyOptions {
  nonce: string;
  https: boolean;
  /** `next dev`: React's dev tools evaluate code and inject styles */
  dev?: boolean;
}

export function contentSecurityPolicy({ nonce, https, dev = false }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** What every answer carries, the API's and static files' too (next.config.ts; lib/server/web-server.ts). */
export const EVERY_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

/**
 * What the answers proxy.ts does not see carry in its place (Next.js's files under /_next/ and the icons,
 * next.config.ts): a policy that lets nothing load and nothing frame them. A script or style file is not a
 * document, so the policy does not touch it; a 404 page served there loads and runs nothing and cannot be framed.
 */
export const FILE_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "X-Frame-Options": "DENY",
};

/** The headers beside the policy. */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    ...EVERY_ANSWER_HEADERS,
    "X-Frame-Options": "DENY",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}
