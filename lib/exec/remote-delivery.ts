// Delivery of recorded events to a Pattern Automation server (PATTERNS_URL + PATTERNS_TOKEN), with the
// retry policy of retry-policy.ts. The clock is injected so tests can cross five minutes of back-off at once.
import type { ExecutionEvent } from "../telemetry/event-schema";
import { classifyStatus, nextPause, parseRetryAfter, RETRY, type RetryPolicy } from "./retry-policy";
import type { Deliver, DeliveryResult } from "./spool";

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RemoteOptions {
  clock?: Clock;
  policy?: RetryPolicy;
  /** One request's time limit; a request that runs out counts as a network error (retried). */
  requestTimeoutMs?: number;
  /** Told before each pause, so a person waiting knows why. */
  onRetry?: (info: { reason: string; pauseMs: number }) => void;
}

type Attempt = { status: number; retryAfter: string | null; reason: string; duplicates?: number } | { status: null; reason: string };

/**
 * `path` on the server at `base` (PATTERNS_URL): a path in `base` is the server's base path, kept in front
 * (http://host/patterns → http://host/patterns/api/v1/executions), as a proxy serving the app there needs.
 */
export function apiEndpoint(base: string, path: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  url.search = "";
  url.hash = "";
  return url;
}

/** Server text is data: shown on one line, without control characters, and not at any length. */
export function printable(text: string, max = 300): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The server's one-line reason from the error envelope `{ error: { message } }`; "" when there is none. */
async function reasonOf(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  return typeof body?.error?.message === "string" ? printable(body.error.message) : "";
}

/** How many events the server already held, from its `{ accepted, duplicates }` (0 when it does not say). */
async function duplicatesOf(res: Response): Promise<number> {
  const body = (await res.json().catch(() => null)) as { duplicates?: unknown } | null;
  return typeof body?.duplicates === "number" && Number.isInteger(body.duplicates) && body.duplicates > 0 ? body.duplicates : 0;
}

async function post(endpoint: URL, token: string, events: ExecutionEvent[], timeoutMs: number): Promise<Attempt> {
  try {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(events),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      return { status: res.status, retryAfter: null, reason: `a redirect to ${printable(res.headers.get("location") ?? "?")} (set PATTERNS_URL to the server's address)` };
    }
    if (res.ok) return { status: res.status, retryAfter: null, reason: "", duplicates: await duplicatesOf(res) };
    return { status: res.status, retryAfter: res.headers.get("retry-after"), reason: await reasonOf(res) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = (error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { status: null, reason: `unreachable (${printable(detail)})` };
  }
}

/**
 * A Deliver for `POST /api/v1/executions`. Retries 429/502/503/504 and network errors with back-off; a
 * failing streak that outlasts the policy gives up, and later calls of the same Deliver give up at once
 * (the server is away: the rest of the spool waits for the next run).
 */
export function remoteDeliver(url: string, token: string, opts: RemoteOptions = {}): Deliver {
  const clock = opts.clock ?? systemClock;
  const policy = opts.policy ?? RETRY;
  const timeoutMs = opts.requestTimeoutMs ?? 15_000;
  const endpoint = apiEndpoint(url, "api/v1/executions");
  let gaveUp: string | null = null;

  return async (events): Promise<DeliveryResult> => {
    if (gaveUp) return { kind: "deferred", reason: gaveUp };
    const streakStart = clock.now();
    for (let attempt = 0; ; attempt++) {
      const answer = await post(endpoint, token, events, timeoutMs);
      const verdict = answer.status === null ? "retry" : classifyStatus(answer.status);
      const where = `${endpoint.origin} answered ${answer.status}${answer.reason ? `: ${answer.reason}` : ""}`;
      // a duplicate after a retry may be our own first try, stored before its answer was lost: not the user's re-used id
      if (verdict === "delivered") return attempt === 0 && "duplicates" in answer && answer.duplicates ? { kind: "delivered", duplicates: answer.duplicates } : { kind: "delivered" };
      if (verdict === "refused") return { kind: "refused", status: answer.status ?? undefined, reason: answer.reason || `HTTP ${answer.status}` };
      if (verdict === "blocked") return { kind: "deferred", reason: answer.status === null ? answer.reason : where };
      const reason = answer.status === null ? `${endpoint.origin} is ${answer.reason}` : where;
      const now = clock.now();
      const retryAfterMs = answer.status === null ? null : parseRetryAfter(answer.retryAfter, now);
      const pause = nextPause({ attempt, retryAfterMs, elapsedMs: now - streakStart }, policy);
      if (pause === null) {
        gaveUp = `${reason}; gave up after ${Math.round((now - streakStart) / 1000)} s of retries`;
        return { kind: "deferred", reason: gaveUp };
      }
      opts.onRetry?.({ reason, pauseMs: pause });
      await clock.sleep(pause);
    }
  };
}
