// Whether session cookies carry `Secure` (and better-auth's __Secure- prefix): only when the app is known to
// be served over https (BETTER_AUTH_URL or PATTERNS_PUBLIC_URL is https://…). A self-hosted app on plain http
// inside a network would otherwise set cookies its browsers refuse to send back. The proxy needs no setting:
// better-auth finds the session cookie by either name.
import { servedOverHttps } from "../web/public-url";

export function secureCookiesWanted(): boolean {
  return servedOverHttps();
}
