// The execution event of DESIGN.md ("The execution event"), as the zod schema that validates every
// way in (API, CLI, spool) and that the OpenAPI document is generated from. Unknown fields are errors.
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
  eventsPerRequest: 10_000,
  bytesPerRequest: 10 * 1024 * 1024,
} as const;

const utf8 = new TextEncoder();
/** UTF-8 size is at most 3 bytes per UTF-16 unit, so short strings need no encoding to be measured. */
function fitsBytes(s: string, limit: number): boolean {
  if (s.length > limit) return false;
  return s.length * 3 <= limit || utf8.encode(s).length <= limit;
}

const boundedString = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });
const nonEmpty = (max: number) => boundedString(max).min(1, { error: "must not be empty" });

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
    .refine((s) => fitsBytes(s, LIMITS.fileContentBytes), { error: `must be at most ${LIMITS.fileContentBytes} bytes of text` })
    .optional(),
});

export const inputsSchema = z
  .record(z.string(), z.unknown())
  .refine(
    (o) => fitsBytes(JSON.stringify(o), LIMITS.inputsBytes),
    { error: `must be at most ${LIMITS.inputsBytes} bytes as JSON` },
  );

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
      type: boundedString(LIMITS.errorTypeLength).optional(),
      message: boundedString(LIMITS.errorMessageLength),
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

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
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
      return { index, path: formatPath(issue.path), message: `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}` };
    }
    if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
      return { index, path: formatPath(issue.path), message: "is required" };
    }
    return { index, path: formatPath(issue.path), message: issue.message };
  });
}
