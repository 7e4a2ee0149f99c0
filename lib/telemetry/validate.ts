// Validates a list of parsed events against the contract; all must pass or none is stored.
import { executionEventSchema, issuesToErrors, LIMITS, startedAtProblem, type EventError, type ExecutionEvent } from "./event-schema";
import { fastRow } from "./fast-path";
import { toRow, type ExecutionRow } from "./normalize";

export const MAX_REPORTED_ERRORS = 100;

export type Validated =
  | { ok: true; events: ExecutionEvent[] }
  | { ok: false; errors: EventError[]; totalErrors: number; tooMany?: boolean };

export interface ValidateOptions {
  maxEvents?: number;
  /** When the server received the events (epoch ms): startedAt may be at most a day after it. */
  receivedAt?: number;
}

export function validateEvents(input: unknown[], opts: ValidateOptions = {}): Validated {
  const receivedAt = opts.receivedAt ?? Date.now();
  const maxEvents = opts.maxEvents ?? LIMITS.eventsPerRequest;
  if (input.length > maxEvents) {
    return {
      ok: false,
      tooMany: true,
      totalErrors: 1,
      errors: [{ index: maxEvents, path: "", message: `too many events: ${input.length} in one request, at most ${maxEvents}` }],
    };
  }
  const events: ExecutionEvent[] = new Array(input.length);
  const errors: EventError[] = [];
  let totalErrors = 0;
  for (let i = 0; i < input.length; i++) {
    const item = input[i];
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      totalErrors++;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push({ index: i, path: "", message: "an event must be a JSON object" });
      continue;
    }
    const result = executionEventSchema.safeParse(item);
    if (result.success) {
      const late = startedAtProblem(Date.parse(result.data.startedAt), receivedAt);
      if (late) {
        totalErrors++;
        if (errors.length < MAX_REPORTED_ERRORS) errors.push({ index: i, path: "startedAt", message: late });
      } else events[i] = result.data;
    } else {
      const found = issuesToErrors(i, result.error.issues, item);
      totalErrors += found.length;
      for (const e of found) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
    }
  }
  return totalErrors ? { ok: false, errors, totalErrors } : { ok: true, events };
}

export type Checked = { ok: true; rows: ExecutionRow[] } | { ok: false; errors: EventError[]; totalErrors: number; tooMany?: boolean };

/**
 * Validates every event and builds the rows to store in the same pass: the fast path for events that
 * are certainly valid, the zod schema for the rest (and for every error message).
 */
export function checkEvents(input: unknown[], receivedAt: number, opts: { maxEvents?: number } = {}): Checked {
  const maxEvents = opts.maxEvents ?? LIMITS.eventsPerRequest;
  const all = () => validateEvents(input, { ...opts, receivedAt }) as Checked; // every error, in order
  if (input.length > maxEvents) return all();
  const rows: ExecutionRow[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const row = fastRow(input[i], receivedAt);
    if (row) {
      rows[i] = row;
      continue;
    }
    const parsed = executionEventSchema.safeParse(input[i]);
    if (!parsed.success || startedAtProblem(Date.parse(parsed.data.startedAt), receivedAt)) return all();
    rows[i] = toRow(parsed.data, receivedAt);
  }
  return { ok: true, rows };
}
