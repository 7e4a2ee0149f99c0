// The execution event of DESIGN.md ("The execution event"), as the zod schema that validates every
// way in (API, CLI, spool) and that the OpenAPI document is generated from. Unknown fields are errors.
// Bounds reject rather than store: names are one line of text, free text has no NUL (PostgreSQL cannot
// store it) and no unpaired surrogate (it would be stored as something else than was sent), inputs are
// plain JSON data nested at most `inputsDepth` deep, and startedAt lies between 2000 and a day ahead.
import { z } from "zod";

export const LIMITS = {
  idLength: 128,
  operationLength: 200,
  sourceLength: 200,
  fixLength: 500,
  /** fixCommand (our extension of the event, README "Recipes"): one line of shell. */
  fixCommandLength: 2000,
  errorTypeLength: 200,
  errorMessageLength: 16 * 1024,
  pathLength: 1024,
  inputsBytes: 16 * 1024,
  fileContentBytes: 64 * 1024,
  filesPerEvent: 1000,
  /** durationMs is stored as a 32-bit integer: about 24.8 days. */
  maxDurationMs: 2_147_483_647,
  /** Objects and arrays inside `inputs`, counting `inputs` itself. */
  inputsDepth: 32,
  /** startedAt at the earliest (epoch ms of 2000-01-01T00:00:00Z)… */
  earliestStartedAt: Date.UTC(2000, 0, 1),
  /** …and at the latest this long after the server received it (clocks drift; years-ahead dates do not). */
  startedAtAheadMs: 24 * 60 * 60 * 1000,
  eventsPerRequest: 10_000,
  bytesPerRequest: 10 * 1024 * 1024,
} as const;

const CONTROL = /[\u0000-\u001f\u007f]/;
const wellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
/** A name, key or id: one line, no control characters, no unpaired surrogates. */
export const isLine = (s: string): boolean => !CONTROL.test(s) && wellFormed(s);
/** Free text (messages, file contents, values in inputs): any line breaks, but no NUL and no unpaired surrogates. */
export const isText = (s: string): boolean => !s.includes("\u0000") && wellFormed(s);
const LINE_MESSAGE = "must be one line of text: no control characters or unpaired surrogates";
const TEXT_MESSAGE = "must be text without NUL characters or unpaired surrogates";

export interface InputsProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * What makes an `inputs` object unfit to store, or null: nesting deeper than LIMITS.inputsDepth (checked
 * before anything recursive touches it), a `__proto__` key (one validator would keep it, a copy would
 * drop it), text that is not storable, or a number that JSON cannot carry back (1e400 → Infinity).
 */
export function inputsProblem(inputs: Record<string, unknown>): InputsProblem | null {
  const stack: Array<[unknown, Array<string | number>, number]> = [[inputs, [], 1]];
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (!isText(value)) return { path, message: TEXT_MESSAGE };
    } else if (typeof value === "number") {
      if (!Number.isFinite(value)) return { path, message: "must be a finite number" };
    } else if (value !== null && typeof value === "object") {
      if (depth > LIMITS.inputsDepth) return { path: [], message: `must not be nested more than ${LIMITS.inputsDepth} levels deep` };
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...path, i], depth + 1]);
        continue;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return { path, message: "must be plain JSON data" };
      for (const key of Object.keys(value)) {
        if (key === "__proto__") return { path: [...path, key], message: "__proto__ is not accepted as a key" };
        if (!isText(key)) return { path, message: `keys ${TEXT_MESSAGE}` };
        stack.push([(value as Record<string, unknown>)[key], [...path, key], depth + 1]);
      }
    } else if (typeof value !== "boolean" && value !== null) {
      return { path, message: "must be plain JSON data" };
    }
  }
  return null;
}

/** Why a startedAt (epoch ms) received at `receivedAt` is refused, or null. */
export function startedAtProblem(startedAt: number, receivedAt: number): string | null {
  if (startedAt < LIMITS.earliestStartedAt) return "must be on or after 2000-01-01T00:00:00Z";
  if (startedAt > receivedAt + LIMITS.startedAtAheadMs) return `must not be more than a day ahead of the server's clock (${new Date(receivedAt).toISOString()})`;
  return null;
}

const utf8 = new TextEncoder();
/** UTF-8 size is at most 3 bytes per UTF-16 unit, so short strings need no encoding to be measured. */
function fitsBytes(s: string, limit: number): boolean {
  if (s.length > limit) return false;
  return s.length * 3 <= limit || utf8.encode(s).length <= limit;
}

const boundedString = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });
const lineString = (max: number) => boundedString(max).refine(isLine, { error: LINE_MESSAGE });
const nonEmpty = (max: number) => boundedString(max).min(1, { error: "must not be empty" }).refine(isLine, { error: LINE_MESSAGE });

/**
 * A recipe's command is shown to a reviewer and run in a shell once approved, so what is seen must be
 * what runs: no control characters (terminal escapes, carriage returns that hide text) and no
 * bidirectional-text controls that reorder what is displayed.
 */
const HIDDEN_IN_COMMAND = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export const commandSchema = nonEmpty(LIMITS.fixCommandLength).refine((s) => !HIDDEN_IN_COMMAND.test(s) && s.trim() !== "", {
  error: "must be one line of visible text: no control or bidirectional-text characters",
});

export const fileSchema = z.strictObject({
  path: nonEmpty(LIMITS.pathLength),
  action: z.enum(["created", "modified"]).optional(),
  content: z
    .string()
    .refine((s) => fitsBytes(s, LIMITS.fileContentBytes), { error: `must be at most ${LIMITS.fileContentBytes} bytes of text`, abort: true })
    .refine(isText, { error: TEXT_MESSAGE })
    .optional(),
});

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

// The checks run on the object as sent, before zod's copy (a copy turns a "__proto__" key into a prototype).
export const inputsSchema = z.preprocess((value, ctx) => {
  if (!isPlainObject(value)) return value; // the record schema says what is wrong
  const problem = inputsProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem.message, path: problem.path, input: value });
  else if (!fitsBytes(JSON.stringify(value), LIMITS.inputsBytes)) ctx.addIssue({ code: "custom", message: `must be at most ${LIMITS.inputsBytes} bytes as JSON`, input: value });
  return value;
}, z.record(z.string(), z.unknown()));

export const executionEventSchema = z.strictObject({
  id: nonEmpty(LIMITS.idLength).optional(),
  patternId: nonEmpty(LIMITS.idLength).nullable().optional(),
  operation: nonEmpty(LIMITS.operationLength),
  inputs: inputsSchema.optional(),
  files: z.array(fileSchema).max(LIMITS.filesPerEvent, { error: `at most ${LIMITS.filesPerEvent} files per event` }).optional(),
  startedAt: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time that exists, e.g. 2026-11-25T06:00:00Z" }),
  durationMs: z
    .number({ error: "must be a number of milliseconds" })
    .int({ error: "must be a whole number of milliseconds" })
    .min(0, { error: "must not be negative" })
    .max(LIMITS.maxDurationMs, { error: `must be at most ${LIMITS.maxDurationMs}` }),
  success: z.boolean({ error: "must be true or false" }),
  error: z
    .strictObject({
      type: lineString(LIMITS.errorTypeLength).optional(),
      message: boundedString(LIMITS.errorMessageLength).refine(isText, { error: TEXT_MESSAGE }),
    })
    .optional(),
  retryOf: nonEmpty(LIMITS.idLength).optional(),
  fix: nonEmpty(LIMITS.fixLength).optional(),
  source: nonEmpty(LIMITS.sourceLength).optional(),
  fixCommand: commandSchema.optional(),
}).refine((e) => e.fixCommand === undefined || e.fix !== undefined, { error: "a fixCommand is the command of a fix: give fix too", path: ["fixCommand"] });

export type ExecutionEvent = z.infer<typeof executionEventSchema>;

export interface EventError {
  /** Position of the event in the request (0-based); for NDJSON also its line. */
  index: number;
  /** Dotted path of the field, e.g. "files[0].content"; "" for the event itself. */
  path: string;
  message: string;
}

/** A field's path, e.g. "files[0].content"; keys from inputs are the sender's text, so long ones are shortened. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const key = String(part).length > 64 ? `${String(part).slice(0, 64)}…` : String(part);
      out += out ? `.${key}` : key;
    }
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Zod issues → our `{ index, path, message }`, telling a missing field from a wrong one. */
export function issuesToErrors(index: number, issues: readonly z.core.$ZodIssue[], input: unknown): EventError[] {
  return issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      // keys are the sender's text: shortened, so a 5 MB key does not come back in the answer
      const shown = issue.keys.slice(0, 10).map((k) => (k.length > 64 ? `${k.slice(0, 64)}…` : k));
      const more = issue.keys.length > shown.length ? ` (and ${issue.keys.length - shown.length} more)` : "";
      return { index, path: formatPath(issue.path), message: `unknown field${issue.keys.length > 1 ? "s" : ""}: ${shown.join(", ")}${more}` };
    }
    if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
      return { index, path: formatPath(issue.path), message: "is required" };
    }
    return { index, path: formatPath(issue.path), message: issue.message };
  });
}
