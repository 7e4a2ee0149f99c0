// Delivers events recorded by `patterns exec`: to a server (PATTERNS_URL + PATTERNS_TOKEN) or the local
// database. When delivery fails the event waits in a spool folder and is sent first next time.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { ExecutionEvent } from "../telemetry/event-schema";

export type Deliver = (events: ExecutionEvent[]) => Promise<void>;

export function spoolDir(): string {
  return process.env.PATTERNS_SPOOL_DIR ?? join(homedir(), ".patterns", "spool");
}

export function remoteDeliver(url: string, token: string): Deliver {
  return async (events) => {
    const res = await fetch(new URL("/api/v1/executions", url), {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(events),
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(`${url} answered ${res.status}${body?.error?.message ? `: ${body.error.message}` : ""}`);
    }
  };
}

export function spool(events: ExecutionEvent[], dir = spoolDir()): string {
  mkdirSync(dir, { recursive: true });
  const name = `${Date.now()}-${events[0]?.id ?? "event"}.json`;
  const tmp = join(dir, `.${name}.tmp`);
  writeFileSync(tmp, JSON.stringify(events));
  renameSync(tmp, join(dir, name)); // atomic: a reader never sees half a file
  return join(dir, name);
}

/** Sends what waits in the spool, oldest first; stops at the first failure. Returns how many were sent. */
export async function flushSpool(deliver: Deliver, dir = spoolDir()): Promise<number> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort();
  } catch {
    return 0;
  }
  let sent = 0;
  for (const name of names) {
    const path = join(dir, name);
    let events: ExecutionEvent[];
    try {
      events = JSON.parse(readFileSync(path, "utf8")) as ExecutionEvent[];
    } catch {
      renameSync(path, `${path}.unreadable`);
      continue;
    }
    await deliver(events);
    rmSync(path, { force: true });
    sent += events.length;
  }
  return sent;
}

/** Delivers, or spools on failure; never throws. */
export async function record(event: ExecutionEvent, deliver: Deliver): Promise<{ delivered: boolean; spooledTo?: string; error?: string; flushed: number }> {
  let flushed = 0;
  try {
    flushed = await flushSpool(deliver);
    await deliver([event]);
    return { delivered: true, flushed };
  } catch (error) {
    try {
      return { delivered: false, spooledTo: spool([event]), error: (error as Error).message, flushed };
    } catch (spoolError) {
      return { delivered: false, error: `${(error as Error).message}; the spool failed too: ${(spoolError as Error).message}`, flushed };
    }
  }
}
