// One path for every way telemetry comes in (HTTP API, `patterns ingest`, the exec spool, the demo):
// parse → validate all → normalise → store in one transaction. Nothing is written unless all is valid.
import type { DbHandle } from "../db/client";
import type { EventError } from "./event-schema";
import { parseBody, type BodyFormat } from "./parse-body";
import { storeRows } from "./store";
import { checkEvents } from "./validate";

export type IngestOutcome =
  | { ok: true; accepted: number; duplicates: number; registeredPatterns: string[] }
  | { ok: false; reason: "invalid" | "too_many"; errors: EventError[]; totalErrors: number };

export interface IngestOptions {
  actor?: string;
  /** Per-request cap (the API's 10,000); the CLI lifts it for files. */
  maxEvents?: number;
  now?: number;
  /**
   * Store in transactions of this many events (the CLI, for progress and memory on big files; the
   * whole input is still validated before anything is written). Default: one transaction.
   */
  chunkSize?: number;
  onProgress?: (phase: "validate" | "store", done: number, total: number) => void;
  /** A request handler: store off the event loop with a bounded wait (store.ts); a busy database throws "unavailable". */
  background?: boolean;
}

export async function ingestEvents(db: DbHandle, input: unknown[], opts: IngestOptions = {}): Promise<IngestOutcome> {
  const receivedAt = opts.now ?? Date.now();
  const checked = checkEvents(input, receivedAt, { maxEvents: opts.maxEvents });
  if (!checked.ok) {
    return { ok: false, reason: checked.tooMany ? "too_many" : "invalid", errors: checked.errors, totalErrors: checked.totalErrors };
  }
  opts.onProgress?.("validate", input.length, input.length);
  const all = checked.rows;
  const chunk = opts.chunkSize ?? all.length;
  const total = { accepted: 0, duplicates: 0, registeredPatterns: [] as string[] };
  for (let start = 0; start < all.length; start += chunk) {
    const rows = chunk >= all.length ? all : all.slice(start, start + chunk);
    const stored = await storeRows(db, rows, opts.actor, { background: opts.background });
    total.accepted += stored.accepted;
    total.duplicates += stored.duplicates;
    total.registeredPatterns.push(...stored.registeredPatterns);
    opts.onProgress?.("store", Math.min(start + chunk, all.length), all.length);
  }
  return { ok: true, ...total };
}

export async function ingestText(db: DbHandle, text: string, format: BodyFormat, opts: IngestOptions = {}): Promise<IngestOutcome> {
  const parsed = parseBody(text, format);
  if (!parsed.ok) return { ok: false, reason: "invalid", errors: parsed.errors, totalErrors: parsed.errors.length };
  return ingestEvents(db, parsed.events, opts);
}
