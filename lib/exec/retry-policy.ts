// When a client of the ingestion API (`patterns exec`, the spool replay) tries again, and when it stops.
// Only a passing problem is retried: 429, 502, 503, 504 and network errors. A refused event is never
// retried (it would be refused again); a refused token or a wrong URL waits in the spool for the user.
// Pure: the caller passes the elapsed time and the clock's "now".

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  factor: number;
  /** A failing streak longer than this gives up (the event then waits in the spool). */
  giveUpAfterMs: number;
}

export const RETRY: RetryPolicy = {
  firstDelayMs: 5_000,
  maxDelayMs: 30_000,
  factor: 1.5,
  giveUpAfterMs: 5 * 60_000,
};

/**
 * - `delivered`: stored (or acknowledged as a duplicate).
 * - `retry`: a passing problem; try again after a pause.
 * - `refused`: the event itself was refused (400, 413, 422 …): a dead letter, never retried.
 * - `blocked`: not the event's fault and not passing by itself (a refused token 401/403, a wrong URL
 *   404/405, a redirect, a server error 500): kept in the spool for a later run, not retried now.
 */
export type StatusClass = "delivered" | "retry" | "refused" | "blocked";

const RETRYABLE = new Set([429, 502, 503, 504]);
const NOT_THE_EVENT = new Set([401, 403, 404, 405, 407, 408]);

export function classifyStatus(status: number): StatusClass {
  if (status >= 200 && status < 300) return "delivered";
  if (RETRYABLE.has(status)) return "retry";
  if (status >= 400 && status < 500 && !NOT_THE_EVENT.has(status)) return "refused";
  return "blocked";
}

/** The pause before retry number `attempt` (0-based): 5 s, 7.5 s, 11.25 s … capped at 30 s. */
export function backoffDelay(attempt: number, policy = RETRY): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** Math.max(0, attempt));
}

/** `Retry-After` as milliseconds from `nowMs`: delta seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // an HTTP date always names its weekday and zone ("Wed, 21 Oct 2026 07:28:00 GMT"); a bare number with
  // a sign or a fraction is not a valid header
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * How long to wait before the next try, or null to give up. The pause is the backoff step or the
 * server's `Retry-After`, whichever is longer (never sooner than asked); giving up happens when the
 * pause would carry the failing streak past `giveUpAfterMs`.
 */
export function nextPause(opts: { attempt: number; retryAfterMs: number | null; elapsedMs: number }, policy = RETRY): number | null {
  const pause = Math.max(backoffDelay(opts.attempt, policy), opts.retryAfterMs ?? 0);
  return opts.elapsedMs + pause > policy.giveUpAfterMs ? null : pause;
}
