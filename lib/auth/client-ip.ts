// Which client a request comes from, as far as this server can know. Only a reverse proxy in front can vouch
// for an address: PATTERNS_CLIENT_IP_HEADER names the header it sets (e.g. x-real-ip). Without it, Next.js
// fills X-Forwarded-For with the socket's address, but only when the client did not send that header itself,
// so the value is a hint a client can choose; callers that limit by client keep a shared budget behind it.

/** The header a trusted reverse proxy sets to the client's address, if there is one. */
export function clientIpHeaders(): string[] {
  const header = process.env.PATTERNS_CLIENT_IP_HEADER?.trim().toLowerCase();
  return header ? [header] : [];
}

export interface ClientAddress {
  /** the key to count this client's requests under */
  key: string;
  /** whether a trusted proxy vouched for it (else it is the socket's address or a client's claim) */
  trusted: boolean;
}

export function clientAddress(headers: Headers): ClientAddress {
  const [trustedHeader] = clientIpHeaders();
  if (trustedHeader) {
    const value = headers.get(trustedHeader)?.split(",")[0]?.trim();
    return value ? { key: `ip:${value.slice(0, 100)}`, trusted: true } : { key: "unknown", trusted: false };
  }
  const forwarded = headers.get("x-forwarded-for")?.trim();
  return forwarded ? { key: `addr:${forwarded.slice(0, 200)}`, trusted: false } : { key: "unknown", trusted: false };
}
