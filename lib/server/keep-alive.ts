// How long the web server keeps an idle keep-alive connection open. Node's own 5 s is shorter than the idle
// timeout of the proxies and load balancers people put in front (60 s for nginx's upstream keepalive and AWS's
// ALB): such a proxy reuses a connection just as the server closes it, and its client gets a 502. bench:load's
// client met the same race as ECONNRESET. Set by PATTERNS_KEEP_ALIVE_SECONDS (checked at start: lib/schemas/env.ts).

const KEEP_ALIVE_DEFAULT_SECONDS = 65;

export function keepAliveMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.PATTERNS_KEEP_ALIVE_SECONDS?.trim() || KEEP_ALIVE_DEFAULT_SECONDS);
  return (Number.isInteger(seconds) && seconds >= 1 ? seconds : KEEP_ALIVE_DEFAULT_SECONDS) * 1000;
}
